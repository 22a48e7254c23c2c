package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newIngestCmd() *command {
	return &command{
		name:    "ingest",
		summary: "load every new file of the inbox into the database; accepted files go to _diterima/,\nrejected ones to _ditolak/ with a .galat.txt report",
		lock:    lockWrite,
		wait:    2 * time.Minute,
		flags:   flagsOf(inboxFlag, dbFlag),
		before: func(_ *env, args []string) error {
			if len(args) > 0 {
				return usageError{"ingest takes no arguments"}
			}
			return nil
		},
		run: func(ctx context.Context, e *env, db *store.DB, _ []string) (int, error) {
			res, err := ingestInbox(ctx, e, db)
			if err != nil {
				return exitFailed, err
			}
			if res.Incomplete() > 0 {
				return exitRejected, nil
			}
			return exitOK, nil
		},
	}
}

func ingestInbox(ctx context.Context, e *env, db *store.DB) (ingest.Result, error) {
	if err := os.MkdirAll(e.cfg.Inbox, 0o755); err != nil {
		return ingest.Result{}, err
	}
	key, err := e.cfg.NIPKey()
	if err != nil {
		return ingest.Result{}, err
	}
	progress, stop := progressFor(e.stderr)
	res, err := ingest.Inbox(ctx, db, e.cfg.Inbox, ingest.Options{NIPKey: key, Log: e.log, Now: e.now, FileTimeout: e.cfg.Ingest.FileTimeout,
		Progress: progress})
	stop()
	if err != nil {
		return res, err
	}
	printIngest(e, res)
	return res, nil
}

func printIngest(e *env, res ingest.Result) {
	fmt.Fprintf(e.stdout, "ingested %d files: %d accepted (%d rows), %d already loaded, %d rejected\n",
		len(res.Files), res.Count(ingest.StatusAccepted), res.RowsLoaded(), res.Count(ingest.StatusDuplicate), res.Rejected())
	for _, f := range res.Files {
		if f.Status == ingest.StatusRejected {
			fmt.Fprintf(e.stdout, "  rejected %s: %d problem(s), see %s.galat.txt\n", f.Name, f.ProblemTotal(), f.MovedTo)
		}
	}
	for _, f := range res.Files {
		for _, m := range f.Stale {
			fmt.Fprintf(e.stdout, "  %s: %s\n", f.Name, m)
		}
	}
	for _, f := range res.Failed {
		fmt.Fprintf(e.stdout, "  not loaded %s (left in the inbox; a second failure rejects it): %s\n", f.Name, cleanError(f.Err))
	}
	printSkipped(e, res.Skipped)
}

// printSkipped lists what the inbox holds that ingest does not read.
func printSkipped(e *env, skipped []ingest.Skipped) {
	if len(skipped) == 0 {
		return
	}
	fmt.Fprintf(e.stdout, "not read from the inbox (%d):\n", len(skipped))
	for _, s := range skipped {
		fmt.Fprintf(e.stdout, "  %s: %s\n", s.Name, s.Reason)
	}
}
