package main

// goal is one figure an issue asked for: which benchmark metric shows it,
// the bound it must meet (none for figures only reported) and how to run it.
type goal struct {
	Issue   string
	Figure  string
	Bench   string // benchmark name without the -N suffix
	Pkg     string // import path suffix after the module
	Unit    string // metric unit as go test prints it
	Scale   float64
	Shown   string // unit shown in the report
	Op      string // "<=", ">=" or "" (reported only)
	Limit   float64
	Command string // extra go test flags
}

// goals lists every figure of the issues, in issue order.
var goals = []goal{
	{Issue: "2", Figure: "Full pipeline /start throughput vs a bare go-telegram/bot echo bot", Bench: "BenchmarkThroughputVsEchoBot",
		Pkg: "bot", Unit: "nazar_%_of_echo", Shown: "% of echo", Op: ">=", Limit: 50, Command: "-benchtime 5x"},
	{Issue: "2", Figure: "Nazar updates per second (same run)", Bench: "BenchmarkThroughputVsEchoBot", Pkg: "bot",
		Unit: "nazar_updates/s", Shown: "updates/s", Command: "-benchtime 5x"},
	{Issue: "2", Figure: "Handler path alone (router + /start + SQLite)", Bench: "BenchmarkHandlerPath", Pkg: "bot",
		Unit: "ns/op", Scale: 1e-3, Shown: "µs/op"},
	{Issue: "2", Figure: "Handler path allocations", Bench: "BenchmarkHandlerPath", Pkg: "bot", Unit: "allocs/op", Shown: "allocs/op"},
	{Issue: "2", Figure: "Idle RSS of the binary", Bench: "BenchmarkIdleRSS", Pkg: "cmd/nazar", Unit: "idle_RSS_MB",
		Shown: "MB", Op: "<=", Limit: 40, Command: "-benchtime 1x"},
	{Issue: "3", Figure: "Sustained send rate at 1,000/s (sandbox enforces the same limit)", Bench: "BenchmarkSustainedSendRate",
		Pkg: "bot", Unit: "%_of_configured", Shown: "% of configured", Op: ">=", Limit: 95, Command: "-benchtime 1x"},
	{Issue: "3", Figure: "429 answers during that send", Bench: "BenchmarkSustainedSendRate", Pkg: "bot", Unit: "429s",
		Shown: "429s", Op: "<=", Limit: 0, Command: "-benchtime 1x"},
	{Issue: "3", Figure: "Enqueue a 100,000-subscriber digest", Bench: "BenchmarkDigestEnqueue100k", Pkg: "handlers",
		Unit: "ns/op", Scale: 1e-9, Shown: "s", Op: "<=", Limit: 2, Command: "-benchtime 1x"},
	{Issue: "3", Figure: "Peak RSS during a 100,000-subscriber send", Bench: "BenchmarkDigestSendPeakRSS", Pkg: "cmd/nazar",
		Unit: "peak_RSS_MB", Shown: "MB", Op: "<=", Limit: 100, Command: "-benchtime 1x"},
	{Issue: "4", Figure: "Council import (1,280,000 votes) vs sqlite3 .import", Bench: "BenchmarkImport", Pkg: "council/benchmark",
		Unit: "x-sqlite3", Shown: "× sqlite3 (best of 3 each)", Op: "<=", Limit: 2, Command: "-benchtime 1x"},
	{Issue: "4", Figure: "Council database size", Bench: "BenchmarkImport", Pkg: "council/benchmark", Unit: "db-MiB",
		Shown: "MiB", Command: "-benchtime 1x"},
	{Issue: "4", Figure: "Deputy card p99", Bench: "BenchmarkDeputyCard", Pkg: "council/benchmark", Unit: "p99-ms",
		Shown: "ms", Op: "<=", Limit: 20},
	{Issue: "4", Figure: "Leaderboard p99", Bench: "BenchmarkLeaderboard", Pkg: "council/benchmark", Unit: "p99-ms",
		Shown: "ms", Op: "<=", Limit: 200},
	{Issue: "4", Figure: "Votes page p99", Bench: "BenchmarkVotesPage", Pkg: "council/benchmark", Unit: "p99-ms",
		Shown: "ms", Op: "<=", Limit: 10},
	{Issue: "5", Figure: "Card balance reply p99 (200,000 cards, sqlite provider)", Bench: "BenchmarkBalanceReply",
		Pkg: "card/benchmark", Unit: "ms-p99", Shown: "ms", Op: "<=", Limit: 10},
	{Issue: "5", Figure: "Import 200,000 cards", Bench: "BenchmarkImport", Pkg: "card/benchmark", Unit: "s-cards",
		Shown: "s", Command: "-benchtime 1x"},
	{Issue: "5", Figure: "Import 2,000,000 card operations", Bench: "BenchmarkImport", Pkg: "card/benchmark",
		Unit: "s-operations", Shown: "s", Command: "-benchtime 1x"},
	{Issue: "6", Figure: "Business search p99 (100,000 businesses)", Bench: "BenchmarkSearch", Pkg: "business/benchmark",
		Unit: "p99-ms", Shown: "ms", Op: "<=", Limit: 10},
	{Issue: "6", Figure: "Near-me p99 (100,000 businesses)", Bench: "BenchmarkNear", Pkg: "business/benchmark",
		Unit: "p99-ms", Shown: "ms", Op: "<=", Limit: 20},
	{Issue: "6", Figure: "Import 100,000 businesses", Bench: "BenchmarkImport", Pkg: "business/benchmark",
		Unit: "s/import", Shown: "s", Op: "<=", Limit: 5},
	{Issue: "7", Figure: "Money parsing", Bench: "BenchmarkParse", Pkg: "money", Unit: "ns/op", Shown: "ns/op"},
	{Issue: "15", Figure: "Council import (1,280,000 votes) vs sqlite3 .import, staged beside the bot", Bench: "BenchmarkImport",
		Pkg: "council/benchmark", Unit: "x-sqlite3", Shown: "× sqlite3 (best of 3 each)", Op: "<=", Limit: 1.3,
		Command: "-benchtime 1x"},
	{Issue: "15", Figure: "Reply p50, residents chatting while a digest goes out", Bench: "BenchmarkRepliesDuringImport",
		Pkg: "council/benchmark", Unit: "base-p50-ms", Shown: "ms", Command: "-benchtime 1x"},
	{Issue: "15", Figure: "Reply p99, same load", Bench: "BenchmarkRepliesDuringImport", Pkg: "council/benchmark",
		Unit: "base-p99-ms", Shown: "ms", Command: "-benchtime 1x"},
	{Issue: "15", Figure: "Reply p50 during a 2,252,800-vote council import (another store on the file)",
		Bench: "BenchmarkRepliesDuringImport", Pkg: "council/benchmark", Unit: "import-p50-ms", Shown: "ms",
		Command: "-benchtime 1x"},
	{Issue: "15", Figure: "Reply p99 during that import", Bench: "BenchmarkRepliesDuringImport", Pkg: "council/benchmark",
		Unit: "import-p99-ms", Shown: "ms", Command: "-benchtime 1x"},
	{Issue: "15", Figure: "Reply p99 added by the import", Bench: "BenchmarkRepliesDuringImport", Pkg: "council/benchmark",
		Unit: "p99-added-ms", Shown: "ms", Op: "<=", Limit: 300, Command: "-benchtime 1x"},
	{Issue: "15", Figure: "\"database is locked\" in the bot's log during that import", Bench: "BenchmarkRepliesDuringImport",
		Pkg: "council/benchmark", Unit: "locked-logs", Shown: "lines", Op: "<=", Limit: 0, Command: "-benchtime 1x"},
	{Issue: "15", Figure: "Messages not answered within 30 s during that import", Bench: "BenchmarkRepliesDuringImport",
		Pkg: "council/benchmark", Unit: "unanswered", Shown: "messages", Op: "<=", Limit: 0, Command: "-benchtime 1x"},
	{Issue: "15", Figure: "That import's own time, beside the chat and the digest", Bench: "BenchmarkRepliesDuringImport",
		Pkg: "council/benchmark", Unit: "import-s", Shown: "s", Command: "-benchtime 1x"},
}
