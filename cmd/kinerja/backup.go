package main

import (
	"context"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/schedule"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newBackupCmd() *command {
	return &command{
		name:    "backup",
		usage:   "[FOLDER]",
		summary: "export the whole database to Parquet (EXPORT DATABASE), keeping the last backups_kept\nEach backup is a new folder kinerja-YYYYMMDD-HHMMSS; `kinerja restore` reads it back.",
		// Exclusive, as a run: the backup is recorded in the history and
		// prunes the old backups.
		lock:  lockWrite,
		wait:  2 * time.Minute,
		flags: dbFlag,
		before: func(_ *env, args []string) error {
			if len(args) > 1 {
				return usageError{"give at most one FOLDER (default: schedule.backup_dir of the config)"}
			}
			return nil
		},
		run: func(ctx context.Context, e *env, db *store.DB, args []string) (int, error) {
			dir := e.cfg.Schedule.BackupDir
			if len(args) == 1 {
				dir = args[0]
			}
			var target string
			err := pipeline.Track(ctx, db, pipeline.TaskBackup, pipeline.TriggerManual, e.now, func(ctx context.Context) (pipeline.Entry, error) {
				var err error
				target, _, err = schedule.Backup(ctx, db, dir, e.cfg.Schedule.BackupsKept, e.now().In(e.cfg.Location()))
				return pipeline.Entry{Note: "cadangan " + target}, err
			})
			if err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "backup written: %s\n", target)
			return exitOK, nil
		},
	}
}
