package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/transparentcities/nazar/bot"
	"github.com/transparentcities/nazar/config"
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
  migrate               apply database migrations and exit
  version               print the version
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
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	cfgPath := fs.String("config", "config.yaml", "configuration file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	explicit := false
	fs.Visit(func(f *flag.Flag) { explicit = explicit || f.Name == "config" })
	cmd, rest := "run", fs.Args()
	if len(rest) > 0 {
		cmd, rest = rest[0], rest[1:]
	}
	if cmd == "version" {
		fmt.Fprintln(stdout, "nazar", version)
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
			fmt.Fprint(stderr, usage)
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
	}
	return fmt.Errorf("%w: %q", errUsage, cmd)
}

// loadConfig loads and validates; a bad config is one line per problem.
func loadConfig(path string, explicit bool, environ []string) (config.Config, error) {
	cfg, err := config.Load(path, explicit, environ)
	if err != nil {
		return cfg, err
	}
	return cfg, cfg.Validate()
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
	app, err := bot.New(e.cfg, st, bot.Options{Logger: e.log})
	if err != nil {
		return err
	}
	return app.Run(ctx)
}

func migrate(ctx context.Context, e *env) error {
	st, err := store.Open(e.cfg.Database.Path, store.Options{BusyTimeout: e.cfg.Database.BusyTimeout})
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

// openStore opens the database and applies pending migrations.
func openStore(ctx context.Context, e *env) (*store.Store, error) {
	st, err := store.Open(e.cfg.Database.Path, store.Options{BusyTimeout: e.cfg.Database.BusyTimeout})
	if err != nil {
		return nil, err
	}
	if _, err := st.Migrate(ctx); err != nil {
		st.Close()
		return nil, err
	}
	return st, nil
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
