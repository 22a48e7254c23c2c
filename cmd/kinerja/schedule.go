package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/schedule"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newScheduleCmd() *command {
	var settle time.Duration
	return &command{
		name: "schedule",
		summary: "run the jobs on their cron schedules until stopped (ingest, report, backup, freshness)\n" +
			"The jobs and their expressions are the config's [schedule] section; an empty expression disables a job.\n" +
			"Times are in the configured zone (Asia/Jakarta). SIGINT/SIGTERM: the running job finishes or\n" +
			"is cancelled with nothing half-written, then exit 0.",
		// No lock here: each job takes it only while it runs, so that
		// analysts' queries and manual commands get their turn in between.
		lock: lockNone,
		flags: func(fs *flag.FlagSet, c *config.Config) {
			flagsOf(inboxFlag, dbFlag, outFlag, tzFlag)(fs, c)
			fs.DurationVar(&settle, "settle", schedule.DefaultSettle,
				"how long an inbox file must keep its size before it is read (doubled on each of 3 checks)")
		},
		run: func(ctx context.Context, e *env, _ *store.DB, args []string) (int, error) {
			if len(args) > 0 {
				return exitUsage, usageError{"schedule takes no arguments"}
			}
			if settle <= 0 {
				return exitUsage, usageError{"--settle must be positive"}
			}
			r := &schedule.Runner{Cfg: e.cfg, Log: e.log, Now: e.now, Settle: settle}
			jobs, err := r.Jobs()
			if err != nil {
				return exitUsage, usageError{err.Error()}
			}
			if len(jobs) == 0 {
				return exitUsage, usageError{"every job of [schedule] is disabled (empty expression)"}
			}
			fmt.Fprintf(e.stdout, "kinerja schedule: %d jobs, times in %s; stop with Ctrl-C or SIGTERM\n", len(jobs), e.cfg.Location())
			schedule.Run(ctx, jobs, e.cfg.Location(), schedule.Options{Log: e.log, AtStart: []string{schedule.JobIngest}})
			return exitOK, nil
		},
	}
}
