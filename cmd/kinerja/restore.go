package main

import (
	"context"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newRestoreCmd() *command {
	return &command{
		name:    "restore",
		usage:   "FOLDER",
		summary: "create the database from a backup folder (IMPORT DATABASE)\nThe database file must not exist: move a damaged one aside first. Then `kinerja run` rebuilds the site.",
		// Only the lock: it keeps the daemon from creating a new database
		// here while the import runs; the file is made by the import.
		lock:  lockOnly,
		wait:  2 * time.Minute,
		flags: dbFlag,
		before: func(_ *env, args []string) error {
			if len(args) != 1 {
				return usageError{"give the backup FOLDER, e.g. data/cadangan/kinerja-20260606-013000"}
			}
			return nil
		},
		run: func(ctx context.Context, e *env, _ *store.DB, args []string) (code int, err error) {
			from := args[0]
			if err := store.Restore(ctx, from, e.cfg.DB); err != nil {
				return exitFailed, err
			}
			db, err := store.Open(ctx, e.cfg.DB)
			if err != nil {
				return exitFailed, err
			}
			defer finish(db.Close, &code, &err)
			if err := pipeline.MarkRestored(ctx, db, from, e.now()); err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "restored %s from %s; run `kinerja run` to rebuild the site and report\n", e.cfg.DB, from)
			return exitOK, nil
		},
	}
}
