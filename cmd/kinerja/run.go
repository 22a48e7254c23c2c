package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newRunCmd() *command {
	var force bool
	return &command{
		name:    "run",
		summary: "ingest, compute and build: the whole pipeline",
		lock:    lockWrite,
		wait:    2 * time.Minute,
		flags: flagsOf(inboxFlag, dbFlag, outFlag, func(fs *flag.FlagSet, _ *config.Config) {
			fs.BoolVar(&force, "force", false, "compute, build and report even when nothing changed since they were last made")
		}),
		run: func(ctx context.Context, e *env, db *store.DB, _ []string) (int, error) {
			if err := os.MkdirAll(e.cfg.Inbox, 0o755); err != nil {
				return exitFailed, err
			}
			progress, stop := progressFor(e.stderr)
			r, err := pipeline.RunWith(ctx, db, e.cfg, pipeline.Options{Log: e.log, Now: e.now, Trigger: pipeline.TriggerManual,
				Progress: progress, Force: force})
			stop()
			printIngest(e, r.Ingest)
			if err != nil {
				return exitFailed, err
			}
			if r.Skipped.Compute {
				fmt.Fprintln(e.stdout, "KPIs current: computed from the same files, configuration and program (--force recomputes)")
			} else {
				fmt.Fprintf(e.stdout, "computed %d KPI models, %d data tests passed\n", r.Compute.Models, r.Compute.Tests)
			}
			printBuilt(e, r.Site)
			if r.ReportPath != "" {
				current := ""
				if r.Skipped.Report {
					current = " (current)"
				}
				fmt.Fprintf(e.stdout, "leadership report of %s: %s%s\n", r.Month, r.ReportPath, current)
			}
			if r.Ingest.Incomplete() > 0 {
				return exitRejected, nil
			}
			return exitOK, nil
		},
	}
}
