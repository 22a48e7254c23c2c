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

type command struct {
	name    string
	usage   string // arguments after the name
	summary string
	flags   func(fs *flag.FlagSet, c *config.Config) // extra flags bound to the config
	run     func(ctx context.Context, e *env, fs *flag.FlagSet) (int, error)
}

var commands []command

func register(c command) { commands = append(commands, c) }

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// Run is the whole command line: it parses args, runs the command and
// returns the exit code. Tests call it directly.
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			if c, ok := lookup(args[1]); ok {
				fs := newFlagSet(c, stderr, new(config.Config), new(string))
				fs.SetOutput(stdout)
				fs.Usage()
				return exitOK
			}
		}
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "kinerja: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitUsage
	}
	cfg := config.Default()
	var configPath string
	fs := newFlagSet(c, stderr, &cfg, &configPath)
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
	if configPath != "" || fileExists("kinerja.toml") {
		p, required := configPath, true
		if p == "" {
			p, required = "kinerja.toml", false
		}
		loaded, err := config.Load(p, required)
		if err != nil {
			fmt.Fprintf(stderr, "kinerja: %v\n", err)
			return exitUsage
		}
		cfg = loaded
		fs2 := newFlagSet(c, io.Discard, &cfg, &configPath)
		if err := fs2.Parse(set); err != nil {
			return exitUsage
		}
	}
	if err := cfg.Validate(); err != nil {
		fmt.Fprintf(stderr, "kinerja: %v\n", err)
		return exitUsage
	}
	// KINERJA_LOG=debug shows, among others, each KPI model's query time.
	level := slog.LevelInfo
	if v := os.Getenv("KINERJA_LOG"); v != "" {
		if err := level.UnmarshalText([]byte(v)); err != nil {
			fmt.Fprintf(stderr, "kinerja: KINERJA_LOG=%s: want debug, info, warn or error\n", v)
			return exitUsage
		}
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	e := &env{cfg: cfg, log: log, stdout: stdout, stderr: stderr, now: time.Now}
	code, err := c.run(ctx, e, fs)
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

func newFlagSet(c command, out io.Writer, cfg *config.Config, configPath *string) *flag.FlagSet {
	fs := flag.NewFlagSet("kinerja "+c.name, flag.ContinueOnError)
	fs.SetOutput(out)
	fs.StringVar(configPath, "config", "", "configuration `file` (TOML; kinerja.toml in the current folder is read when present)")
	if c.flags != nil {
		c.flags(fs, cfg)
	}
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: kinerja %s [flags] %s\n\n%s\n\nFlags:\n", c.name, c.usage, c.summary)
		fs.PrintDefaults()
	}
	return fs
}

func usage(w io.Writer) {
	fmt.Fprint(w, `kinerja turns the performance-management exports of the agencies (OPD) of
Pemerintah Provinsi Lampung into KPIs computed in DuckDB and a public static site.

Usage: kinerja <command> [flags] [arguments]

Commands:
`)
	sorted := append([]command(nil), commands...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].name < sorted[j].name })
	for _, c := range sorted {
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
