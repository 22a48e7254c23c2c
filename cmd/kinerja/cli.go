package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/lock"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// Exit codes of docs/cli.md.
const (
	exitOK       = 0
	exitFailed   = 1
	exitUsage    = 2
	exitRejected = 3
)

// env is what every command gets: the configuration after the config file
// and flags, the logger and the output streams.
type env struct {
	cfg    config.Config
	log    *slog.Logger
	stdout io.Writer
	stderr io.Writer
	now    func() time.Time
}

// command is one subcommand. Its constructor (newXCmd) makes a new one for
// every Run, with the flags it defines bound to variables of that call
// only, so that no state outlives a call and Run may run in parallel.
type command struct {
	name    string
	usage   string // arguments after the name
	summary string
	// lock is how Run holds the database around run (docs/cli.md "The run
	// lock"); wait is the default of --wait for the modes that take the lock.
	lock  lockMode
	wait  time.Duration
	flags func(fs *flag.FlagSet, c *config.Config) // extra flags bound to the config
	// before runs before the lock is taken: the checks of the arguments (a
	// usageError exits 2, anything else 1) and what needs no database. A
	// wrong invocation must not wait for a run in progress.
	before func(e *env, args []string) error
	// onBusy, when set, makes a busy lock no failure: it says so and the
	// command exits 0 (status shows what it can while a run holds the lock).
	onBusy func(e *env, busy *lock.BusyError)
	// run gets the database opened for lock: nil for lockNone and lockOnly.
	run func(ctx context.Context, e *env, db *store.DB, args []string) (int, error)
}

// commandList is every command, by its constructor.
var commandList = []func() *command{
	newBackupCmd, newBuildCmd, newCheckCmd, newComputeCmd, newDemoCmd, newExportCmd,
	newIngestCmd, newRebuildCmd, newReportCmd, newRestoreCmd, newRunCmd, newScheduleCmd,
	newServeCmd, newSQLCmd, newStatusCmd, newTemplateCmd, newVerifyCmd,
}

// newCommands makes the commands of one call, sorted by name.
func newCommands() []*command {
	cmds := make([]*command, 0, len(commandList))
	for _, f := range commandList {
		cmds = append(cmds, f())
	}
	sort.Slice(cmds, func(i, j int) bool { return cmds[i].name < cmds[j].name })
	return cmds
}

func lookup(cmds []*command, name string) *command {
	for _, c := range cmds {
		if c.name == name {
			return c
		}
	}
	return nil
}

// call is what the flags of one Run are bound to.
type call struct {
	cfg        config.Config
	configPath string
	wait       time.Duration
	verbose    bool
}

// Run is the whole command line: it parses args, runs the command and
// returns the exit code. Tests call it directly, also in parallel.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	cmds := newCommands()
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			if c := lookup(cmds, args[1]); c != nil {
				fs := newFlagSet(c, stderr, new(call))
				fs.SetOutput(stdout)
				fs.Usage()
				return exitOK
			}
		}
		usage(stdout, cmds)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c := lookup(cmds, args[0])
	if c == nil {
		fmt.Fprintf(stderr, "kinerja: unknown command %q\n\n", args[0])
		usage(stderr, cmds)
		return exitUsage
	}
	k := &call{cfg: config.Default()}
	fs := newFlagSet(c, stderr, k)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	// The config file sits under the flags: load it, then apply again the
	// flags that were set on the command line.
	// The flags set on the command line, read now: their values live in cfg,
	// which loading the config file overwrites.
	var set []string
	fs.Visit(func(f *flag.Flag) { set = append(set, "--"+f.Name+"="+f.Value.String()) })
	if k.configPath != "" || fileExists("kinerja.toml") {
		p, required := k.configPath, true
		if p == "" {
			p, required = "kinerja.toml", false
		}
		loaded, err := config.Load(p, required)
		if err != nil {
			fmt.Fprintf(stderr, "kinerja: %v\n", err)
			return exitUsage
		}
		k.cfg = loaded
		if err := newFlagSet(c, io.Discard, k).Parse(set); err != nil {
			return exitUsage
		}
	}
	if err := k.cfg.Validate(); err != nil {
		fmt.Fprintf(stderr, "kinerja: %v\n", err)
		return exitUsage
	}
	// A command prints its stages and a summary on stdout; the log (stderr)
	// says only what went wrong, unless asked (-v, KINERJA_LOG=info): a run
	// of 434 files is not 434 lines. The scheduler is a service, whose log
	// is its record: it logs every job and file. KINERJA_LOG=debug shows,
	// among others, each KPI model's query time.
	level := slog.LevelWarn
	if k.verbose || c.name == "schedule" {
		level = slog.LevelInfo
	}
	if v := os.Getenv("KINERJA_LOG"); v != "" {
		if err := level.UnmarshalText([]byte(v)); err != nil {
			fmt.Fprintf(stderr, "kinerja: KINERJA_LOG=%s: want debug, info, warn or error\n", v)
			return exitUsage
		}
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	e := &env{cfg: k.cfg, log: log, stdout: stdout, stderr: stderr, now: time.Now}
	code, err := c.execute(ctx, e, fs.Args(), k.wait)
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(stderr, "kinerja %s: %v\n", c.name, err)
			fs.Usage()
			return exitUsage
		}
		fmt.Fprintf(stderr, "kinerja %s: %s\n", c.name, cleanError(err))
		if code == exitOK {
			code = exitFailed
		}
	}
	return code
}

// execute checks the arguments, takes the lock and opens the database as
// c.lock says, runs c and closes the database and releases the lock again:
// the one place of that dance.
func (c *command) execute(ctx context.Context, e *env, args []string, wait time.Duration) (code int, err error) {
	if c.before != nil {
		if err := c.before(e, args); err != nil {
			return exitFailed, err
		}
	}
	db, done, err := c.lock.open(ctx, e, wait, "kinerja "+c.name)
	if err != nil {
		var busy *lock.BusyError
		if c.onBusy != nil && errors.As(err, &busy) {
			c.onBusy(e, busy)
			return exitOK, nil
		}
		return exitFailed, err
	}
	defer finish(done, &code, &err)
	return c.run(ctx, e, db, args)
}

// cleanError is err's message without what DuckDB appends to an internal
// error (an explanation and a C++ stack trace): an operator gets one
// message, the log keeps nothing more useful.
func cleanError(err error) string {
	msg := err.Error()
	for _, cut := range []string{"\n\tThis error signals an assertion failure", "\n\tStack Trace:", "\nStack Trace:"} {
		if i := strings.Index(msg, cut); i >= 0 {
			msg = msg[:i]
		}
	}
	return strings.TrimRight(msg, "\n\t ")
}

// usageError is a wrong invocation: exit code 2.
type usageError struct{ msg string }

func (u usageError) Error() string { return u.msg }

func newFlagSet(c *command, out io.Writer, k *call) *flag.FlagSet {
	fs := flag.NewFlagSet("kinerja "+c.name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(&k.configPath, "config", "", "configuration `file` (TOML; kinerja.toml in the current folder is read when present)")
	fs.BoolVar(&k.verbose, "v", false, "log each step and file on stderr (as KINERJA_LOG=info)")
	if c.lock.locks() {
		what := "a run in progress"
		if c.lock.exclusive() {
			what = "a run in progress or analysts' queries"
		}
		fs.DurationVar(&k.wait, "wait", c.wait, "how long to wait for "+what+" before giving up (e.g. 30s, 5m)")
	}
	if c.flags != nil {
		c.flags(fs, &k.cfg)
	}
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: kinerja %s [flags] %s\n\n%s\n\nFlags:\n", c.name, c.usage, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

func usage(w io.Writer, cmds []*command) {
	fmt.Fprint(w, `kinerja turns the performance-management exports of the agencies (OPD) of
Pemerintah Provinsi Lampung into KPIs computed in DuckDB and a public static site.

Usage: kinerja <command> [flags] [arguments]

Commands:
`)
	for _, c := range cmds {
		first, _, _ := strings.Cut(c.summary, "\n")
		fmt.Fprintf(w, "  %-9s %s\n", c.name, first)
	}
	fmt.Fprint(w, `
Run "kinerja <command> --help" for a command's flags.
Exit codes: 0 done, 1 failed (nothing half-done left visible), 2 usage error,
3 done but some files were rejected.
`)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// Flag helpers bound to the configuration.
func dbFlag(fs *flag.FlagSet, c *config.Config) {
	fs.StringVar(&c.DB, "db", c.DB, "DuckDB database `file`")
}
func inboxFlag(fs *flag.FlagSet, c *config.Config) {
	fs.StringVar(&c.Inbox, "inbox", c.Inbox, "inbox `folder` where agencies drop their exports")
}
func outFlag(fs *flag.FlagSet, c *config.Config) {
	fs.StringVar(&c.Out, "out", c.Out, "output `folder` of the public site")
}
func tzFlag(fs *flag.FlagSet, c *config.Config) {
	fs.StringVar(&c.TimeZone, "tz", c.TimeZone, "time `zone` of schedules and of \"now\"")
}
func flagsOf(fns ...func(*flag.FlagSet, *config.Config)) func(*flag.FlagSet, *config.Config) {
	return func(fs *flag.FlagSet, c *config.Config) {
		for _, f := range fns {
			f(fs, c)
		}
	}
}
