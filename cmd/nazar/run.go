package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"

	"github.com/prometheus/client_golang/prometheus"

	nazarapp "github.com/transparentcities/nazar/app"
	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/config"
	"github.com/transparentcities/nazar/importer"
	"github.com/transparentcities/nazar/sources"
	"github.com/transparentcities/nazar/store"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

const usage = `usage: nazar [--config FILE] <command> [args]

commands:
  run                   run the bot (default; needs NAZAR_TELEGRAM_TOKEN)
  console [--demo]      chat with the bot in this terminal through an in-process Bot API sandbox
  import DATASET PATH   load open data (SPEC §8), all or nothing, one import at a time
  digest preview|send-now|status|cancel   the weekly digest, by hand
  sources status|run [NAME]   data files fetched and imported on a schedule (docs/sources.md)
  migrate               apply database migrations and exit
  version               print the version
  help                  print this help (also --help, -h)
`

// env is what every sub-command gets.
type env struct {
	cfg    config.Config
	args   []string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	log    *slog.Logger
}

// run parses the command line and runs one sub-command; its result is the
// process exit code.
func run(ctx context.Context, args, environ []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("nazar", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {} // printed below: to stdout when asked for, to stderr after a mistake
	cfgPath := fs.String("config", "config.yaml", "configuration file")
	if err := fs.Parse(args); errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, fullUsage()) // asked for: stdout, exit 0
		return 0
	} else if err != nil {
		fmt.Fprint(stderr, fullUsage())
		return 2
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "config" })
	cmd, rest := "run", fs.Args()
	if len(rest) > 0 {
		cmd, rest = rest[0], rest[1:]
	}
	switch cmd {
	case "version":
		fmt.Fprintln(stdout, "nazar", version)
		return 0
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, fullUsage())
		return 0
	}
	cfg, err := loadConfig(*cfgPath, explicit, environ)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	e := &env{cfg: cfg, args: rest, stdin: stdin, stdout: stdout, stderr: stderr, log: newLogger(cfg, stderr)}
	if err := dispatch(ctx, cmd, e); err != nil {
		fmt.Fprintln(stderr, err)
		if errors.Is(err, errUsage) {
			fmt.Fprint(stderr, fullUsage())
			return 2
		}
		return 1
	}
	return 0
}

var errUsage = errors.New("unknown command")

func dispatch(ctx context.Context, cmd string, e *env) error {
	switch cmd {
	case "run":
		return runBot(ctx, e)
	case "console":
		return runConsole(ctx, e)
	case "migrate":
		return migrate(ctx, e)
	case "import":
		return runImport(ctx, e)
	case "digest":
		return runDigest(ctx, e)
	case "sources":
		return runSources(ctx, e)
	}
	return fmt.Errorf("%w: %q", errUsage, cmd)
}

// loadConfig loads and validates; a bad config is one line per problem.
func loadConfig(path string, explicit bool, environ []string) (config.Config, error) {
	return config.LoadChecked(path, explicit, environ)
}

func runBot(ctx context.Context, e *env) error {
	if err := e.cfg.RequireToken(); err != nil {
		return err
	}
	st, err := openStore(ctx, e)
	if err != nil {
		return err
	}
	defer st.Close()
	src := sources.New(e.cfg, st, sources.Options{Logger: e.log})
	app, err := nazarapp.NewBot(e.cfg, st, bot.Options{Logger: e.log, Collectors: []prometheus.Collector{src.Collector()}})
	if err != nil {
		return err
	}
	stopSources, err := startSources(ctx, e, src)
	if err != nil {
		return err
	}
	defer stopSources()
	go releaseStartupMemoryWhenQuiet(ctx, startupSettle, app.Quiet, e.log)
	return app.Run(ctx)
}

func migrate(ctx context.Context, e *env) error {
	noteNewDatabase(e)
	st, err := store.Open(e.cfg.Database.Path, storeOptions(e.cfg))
	if err != nil {
		return err
	}
	defer st.Close()
	applied, err := st.Migrate(ctx)
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintln(e.stdout, "database is up to date")
		return nil
	}
	fmt.Fprintln(e.stdout, "applied:", strings.Join(applied, ", "))
	return nil
}

// storeOptions are the store's settings from the configuration.
func storeOptions(cfg config.Config) store.Options {
	return store.Options{BusyTimeout: cfg.Database.BusyTimeout, Key: cfg.Database.KeyBytes(),
		KeyFile: cfg.Database.KeyFile}
}

// openStore opens the database and applies pending migrations.
func openStore(ctx context.Context, e *env) (*store.Store, error) {
	noteNewDatabase(e)
	st, err := store.Open(e.cfg.Database.Path, storeOptions(e.cfg))
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
}

// fullUsage is the help with the datasets `nazar import` takes.
func fullUsage() string {
	return usage + "\ndatasets (nazar import DATASET PATH, SPEC §8):\n  " + strings.Join(importer.Names(), ", ") + "\n" +
		"\nconfiguration: config.yaml (or --config FILE) and NAZAR_<SECTION>_<KEY> variables; see config.example.yaml\n"
}

// noteNewDatabase says where a database is about to be created when none
// was configured (database.path is the default), so that an operator who
// forgot NAZAR_DATABASE_PATH is not left guessing where the data went (or
// why the bot "forgot" everything).
func noteNewDatabase(e *env) {
	path := e.cfg.Database.Path
	if path != config.Default().Database.Path {
		return // configured: the operator knows where it is
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		return
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	fmt.Fprintf(e.stderr, "no database configured (database.path, NAZAR_DATABASE_PATH): creating a new one at %s\n", path)
}

// newLogger logs text on a terminal and JSON otherwise, always through the
// scrubbing handler so no token or personal data reaches a log line.
func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	return bot.NewLogger(w, cfg.Log.Format, cfg.Log.Level, isTerminal(w))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
