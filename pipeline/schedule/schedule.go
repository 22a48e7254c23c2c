package schedule

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/lampungprov/kinerja/pipeline/config"
)

// Job is one scheduled task.
type Job struct {
	Name     string // the key of the config's [schedule] section: ingest, report, backup, freshness
	Spec     string // the cron expression, for logs
	Schedule cron.Schedule
	Run      func(ctx context.Context) error
}

// Options configures the daemon.
type Options struct {
	Log *slog.Logger
	// AtStart names jobs that run once as soon as the daemon starts, besides
	// their schedule: files that arrived while it was stopped are not left
	// waiting for the next tick.
	AtStart []string
}

// Run runs jobs on their schedules, in loc, until ctx is done. Then it stops
// starting jobs, waits for the running ones (they see ctx cancelled) and
// returns.
func Run(ctx context.Context, jobs []Job, loc *time.Location, opt Options) {
	log := opt.Log
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	c := cron.New(cron.WithLocation(loc), cron.WithLogger(cronLogger{log}))
	now := time.Now().In(loc)
	for _, j := range jobs {
		jl := cronLogger{log.With("job", j.Name)}
		// Order matters: cron v3.0.1's SkipIfStillRunning hands its token
		// back only when the job returns normally, so Recover must sit
		// inside it; the other way round one panic would make every later
		// run of the job a "skip".
		wrapped := cron.NewChain(cron.SkipIfStillRunning(jl), cron.Recover(jl)).Then(adapter{ctx: ctx, job: j, log: log})
		c.Schedule(j.Schedule, wrapped)
		if slices.Contains(opt.AtStart, j.Name) {
			// The same wrapped job, so the start run and a tick never overlap.
			c.Schedule(&once{}, wrapped)
		}
		log.Info("job scheduled", "job", j.Name, "spec", j.Spec, "next", j.Schedule.Next(now))
	}
	c.Start()
	<-ctx.Done()
	log.Info("stopping: waiting for the running job to finish or cancel")
	<-c.Stop().Done()
	log.Info("stopped")
}

// adapter gives a job the daemon's context: cron.Job has no context, and a
// job must be cancellable by SIGTERM.
type adapter struct {
	ctx context.Context
	job Job
	log *slog.Logger
}

func (a adapter) Run() {
	if a.ctx.Err() != nil {
		return // stopping: start nothing new
	}
	start := time.Now()
	a.log.Debug("job started", "job", a.job.Name)
	err := a.job.Run(a.ctx)
	ms := time.Since(start).Milliseconds()
	switch {
	case err == nil:
		a.log.Debug("job done", "job", a.job.Name, "duration_ms", ms)
	case errors.Is(err, context.Canceled) || a.ctx.Err() != nil:
		a.log.Warn("job cancelled", "job", a.job.Name, "duration_ms", ms, "err", err)
	default:
		a.log.Error("job failed", "job", a.job.Name, "duration_ms", ms, "err", err)
	}
}

// once is a schedule that fires at the first time it is asked about and
// never again.
type once struct{ used atomic.Bool }

func (o *once) Next(t time.Time) time.Time {
	if o.used.Swap(true) {
		return time.Time{}
	}
	return t
}

// cronLogger sends cron's messages to slog. cron reports every wake-up at
// Info; those go to Debug, and only skips and panics are worth an operator's
// attention.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) {
	if msg == "skip" {
		l.log.Warn("job still running from its last turn: this turn skipped")
		return
	}
	l.log.Debug("cron "+msg, kv...)
}

func (l cronLogger) Error(err error, msg string, kv ...any) {
	if msg == "panic" {
		l.log.Error("job panicked; the daemon carries on", append([]any{"err", err}, kv...)...)
		return
	}
	l.log.Error("cron "+msg, append([]any{"err", err}, kv...)...)
}

// Parse reads a standard five-field cron expression (minute hour day month
// weekday) or a descriptor such as @daily. An empty expression disables the
// job: the schedule is nil.
func Parse(spec string) (cron.Schedule, error) {
	if spec == "" {
		return nil, nil
	}
	s, err := cron.ParseStandard(spec)
	if err != nil {
		return nil, err
	}
	return s, nil
}

// Plan is the next run of a job.
type Plan struct {
	Job, Spec string
	Next      time.Time // in the configured zone; zero when the job is disabled
}

// NextRuns computes the next run after now of every job of cfg, in the
// configured time zone.
func NextRuns(cfg config.Config, now time.Time) ([]Plan, error) {
	loc := cfg.Location()
	var out []Plan
	for _, s := range specs(cfg) {
		sched, err := Parse(s.spec)
		if err != nil {
			return nil, fmt.Errorf("schedule.%s %q: %w", s.name, s.spec, err)
		}
		p := Plan{Job: s.name, Spec: s.spec}
		if sched != nil {
			// A parsed expression carries time.Local, which cron reads as
			// "the zone of the time given": pass times in loc, as the
			// daemon (cron.WithLocation) does.
			p.Next = sched.Next(now.In(loc))
		}
		out = append(out, p)
	}
	return out, nil
}

type namedSpec struct{ name, spec string }

func specs(cfg config.Config) []namedSpec {
	s := cfg.Schedule
	return []namedSpec{
		{JobIngest, s.Ingest},
		{JobReport, s.Report},
		{JobBackup, s.Backup},
		{JobFreshness, s.Freshness},
	}
}
