package main

import (
	"context"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newRebuildCmd() *command {
	return &command{
		name: "rebuild",
		summary: "build a new database from the archive of accepted files (<inbox>/_diterima/) in the order\n" +
			"they were first accepted, compute the KPIs, then swap it in (the old database is kept beside it).\n" +
			"The way back from a database that cannot be opened, and how a changed ingest rule is applied\n" +
			"to history. Then `kinerja run` (or the schedule) publishes the site again.",
		// Only the lock: the old database may not open at all.
		lock:  lockOnly,
		wait:  2 * time.Minute,
		flags: flagsOf(inboxFlag, dbFlag),
		before: func(_ *env, args []string) error {
			if len(args) > 0 {
				return usageError{"rebuild takes no arguments"}
			}
			return nil
		},
		run: func(ctx context.Context, e *env, _ *store.DB, _ []string) (code int, err error) {
			start := e.now()
			res, err := pipeline.Rebuild(ctx, e.cfg, pipeline.Options{Log: e.log, Now: e.now})
			if err != nil {
				return exitFailed, err
			}
			db, err := store.Open(ctx, e.cfg.DB)
			if err != nil {
				return exitFailed, err
			}
			defer finish(db.Close, &code, &err)
			note := fmt.Sprintf("dibangun ulang dari %d berkas arsip (%s)", res.Files, res.Source)
			if err := pipeline.Record(ctx, db, pipeline.TaskRebuild, pipeline.TriggerManual, start, e.now(), note); err != nil {
				return exitFailed, err
			}
			from := "the lineage of the old database"
			if res.Source == "manifest" {
				from = "the manifest " + ingest.ManifestName
			}
			fmt.Fprintf(e.stdout, "rebuilt %s from %d archived files in the order of %s: %d accepted (%d rows), %d duplicates, %d rejected by the current rules\n",
				e.cfg.DB, res.Files, from, res.Ingest.Count(ingest.StatusAccepted), res.Ingest.RowsLoaded(),
				res.Ingest.Count(ingest.StatusDuplicate), res.Ingest.Rejected())
			for _, f := range res.Ingest.Files {
				if f.Status == ingest.StatusRejected {
					fmt.Fprintf(e.stdout, "  %s was accepted before and is rejected now (%d problems; first: %s)\n", f.Name, f.ProblemTotal(), f.Problems[0])
				}
			}
			fmt.Fprintf(e.stdout, "computed %d KPI models, %d data tests passed\n", res.Compute.Models, res.Compute.Tests)
			if res.Aside != "" {
				fmt.Fprintf(e.stdout, "the old database is kept as %s\n", res.Aside)
			}
			fmt.Fprintln(e.stdout, "run `kinerja run` (or let the schedule run) to publish the site and the report again")
			return exitOK, nil
		},
	}
}
