package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/lock"
	"github.com/lampungprov/kinerja/pipeline/schedule"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func init() {
	var settle time.Duration
	register(command{
		name: "schedule",
		summary: "run the jobs on their cron schedules until stopped (ingest, report, backup, freshness)\n" +
			"The jobs and their expressions are the config's [schedule] section; an empty expression disables a job.\n" +
			"Times are in the configured zone (Asia/Jakarta). SIGINT/SIGTERM: the running job finishes or\n" +
			"is cancelled with nothing half-written, then exit 0.",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			flagsOf(inboxFlag, dbFlag, outFlag, tzFlag)(fs, c)
			fs.DurationVar(&settle, "settle", schedule.DefaultSettle,
				"how long an inbox file must keep its size before it is read (doubled on each of 3 checks)")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (int, error) {
			if fs.NArg() > 0 {
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
	})

	backupLock := &runLock{mode: lock.Exclusive, def: 2 * time.Minute}
	register(command{
		name:    "backup",
		usage:   "[FOLDER]",
		summary: "export the whole database to Parquet (EXPORT DATABASE), keeping the last backups_kept\nEach backup is a new folder kinerja-YYYYMMDD-HHMMSS; `kinerja restore` reads it back.",
		flags:   flagsOf(dbFlag, backupLock.flag),
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			if fs.NArg() > 1 {
				return exitUsage, usageError{"give at most one FOLDER (default: schedule.backup_dir of the config)"}
			}
			dir := e.cfg.Schedule.BackupDir
			if fs.NArg() == 1 {
				dir = fs.Arg(0)
			}
			db, done, err := backupLock.open(ctx, e, "backup")
			if err != nil {
				return exitFailed, err
			}
			defer finish(done, &code, &err)
			var target string
			err = pipeline.Track(ctx, db, pipeline.TaskBackup, pipeline.TriggerManual, e.now, func(ctx context.Context) (pipeline.Entry, error) {
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
	})

	restoreLock := &runLock{mode: lock.Exclusive, def: 2 * time.Minute}
	register(command{
		name:    "restore",
		usage:   "FOLDER",
		summary: "create the database from a backup folder (IMPORT DATABASE)\nThe database file must not exist: move a damaged one aside first. Then `kinerja run` rebuilds the site.",
		flags:   flagsOf(dbFlag, restoreLock.flag),
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			if fs.NArg() != 1 {
				return exitUsage, usageError{"give the backup FOLDER, e.g. data/cadangan/kinerja-20260606-013000"}
			}
			restoreFrom := fs.Arg(0)
			// The lock keeps the daemon from creating a new database here
			// while the import runs.
			l, err := lock.Acquire(ctx, lock.ForDB(e.cfg.DB), lock.Exclusive, restoreLock.wait, "kinerja restore")
			if err != nil {
				return exitFailed, err
			}
			defer finish(l.Release, &code, &err)
			if err := store.Restore(ctx, restoreFrom, e.cfg.DB); err != nil {
				return exitFailed, err
			}
			db, err := store.Open(ctx, e.cfg.DB)
			if err != nil {
				return exitFailed, err
			}
			defer finish(db.Close, &code, &err)
			if err := pipeline.MarkRestored(ctx, db, restoreFrom, e.now()); err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "restored %s from %s; run `kinerja run` to rebuild the site and report\n", e.cfg.DB, restoreFrom)
			return exitOK, nil
		},
	})
}

// runLock is the run lock a command takes on the database (package lock)
// and its --wait flag: how long to wait for a run in progress before giving
// up with a message naming it.
type runLock struct {
	mode lock.Mode
	def  time.Duration
	wait time.Duration
}

func (l *runLock) flag(fs *flag.FlagSet, _ *config.Config) {
	what := "a run in progress"
	if l.mode == lock.Exclusive {
		what = "a run in progress or analysts' queries"
	}
	fs.DurationVar(&l.wait, "wait", l.def, "how long to wait for "+what+" before giving up (e.g. 30s, 5m)")
}

// open takes the lock and opens the database (read-write under an exclusive
// lock, read-only under a shared one). done closes it and releases the lock.
func (l *runLock) open(ctx context.Context, e *env, task string) (*store.DB, func() error, error) {
	return pipeline.Open(ctx, e.cfg.DB, l.mode, l.wait, "kinerja "+task)
}

// finish runs a command's deferred cleanup, such as the done of open, as the
// command returns: closing the database writes its last changes, so a failure
// there, or in releasing the lock, fails a command that had succeeded and is
// added to the error of one that had not. code and err are the command's
// named results.
func finish(cleanup func() error, code *int, err *error) {
	if cerr := cleanup(); cerr != nil {
		*code, *err = exitFailed, errors.Join(*err, cerr)
	}
}

// printSchedule prints the next run of every job of the config.
func printSchedule(e *env) error {
	plans, err := schedule.NextRuns(e.cfg, e.now())
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "\nnext runs (%s):\n", e.cfg.Location())
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "job\tcron\tnext")
	for _, p := range plans {
		next := "disabled"
		if !p.Next.IsZero() {
			next = p.Next.Format("2006-01-02 15:04 MST")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.Job, p.Spec, next)
	}
	return tw.Flush()
}

// printHistory prints the last runs of the history (table jalan).
func printHistory(ctx context.Context, e *env, db *store.DB) error {
	runs, err := pipeline.History(ctx, db, 10, e.cfg.Location())
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, "\nlast runs:")
	if len(runs) == 0 {
		fmt.Fprintln(e.stdout, "  none yet")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "start\ttask\ttrigger\toutcome\tduration\tfiles\trows\tnote")
	for _, r := range runs {
		outcome, dur := r.Outcome, ""
		if r.End.IsZero() {
			outcome = "tidak selesai" // still running, or its process died
		} else {
			dur = r.End.Sub(r.Start).Round(time.Second).String()
		}
		note := r.Note
		if r.Error != "" {
			note = firstLine(r.Error)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d\t%d\t%s\n", r.Start.Format("2006-01-02 15:04:05"),
			r.Task, r.Trigger, outcome, dur, r.Files, r.Rows, note)
	}
	return tw.Flush()
}

// printFreshness prints each OPD's latest month of evaluations against the
// month now due.
func printFreshness(ctx context.Context, e *env, db *store.DB) error {
	months, err := pipeline.LatestMonths(ctx, db)
	if err != nil {
		return err
	}
	due := pipeline.DueMonth(e.now().In(e.cfg.Location()), e.cfg.KPI.DeadlineDay)
	fmt.Fprintf(e.stdout, "\nlatest month of evaluations per OPD (due now: %s):\n", due)
	if len(months) == 0 {
		fmt.Fprintln(e.stdout, "  no KPIs computed yet")
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "opd_kode\topd\tlatest\t")
	for _, m := range months {
		flag := ""
		if m.Bulan < due {
			flag = "LATE"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.Kode, m.Nama, orDash(m.Bulan), flag)
	}
	return tw.Flush()
}

// printRejected lists the last rejected files with their first problem.
func printRejected(ctx context.Context, e *env, db *store.DB) error {
	rows, err := db.Query(ctx, `SELECT diproses_pada, nama, coalesce(pesan, '') FROM berkas
		WHERE status = 'ditolak' ORDER BY diproses_pada DESC, berkas_id DESC LIMIT 10`)
	if err != nil {
		return fmt.Errorf("listing rejected files: %w", err)
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	fmt.Fprintf(e.stdout, "\nlast rejected files (the reports are in %s):\n", rejectedDir(e))
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "when\tfile\tfirst problem")
	n := 0
	for rows.Next() {
		var at time.Time
		var name, msg string
		if err := rows.Scan(&at, &name, &msg); err != nil {
			return fmt.Errorf("listing rejected files: %w", err)
		}
		// Stored as the UTC wall clock of the moment; shown in the
		// configured zone like every other time of the status.
		fmt.Fprintf(tw, "%s\t%s\t%s\n", at.In(e.cfg.Location()).Format("2006-01-02 15:04"), name, msg)
		n++
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("listing rejected files: %w", err)
	}
	if n == 0 {
		fmt.Fprintln(tw, "none\t\t")
	}
	return tw.Flush()
}

// busyNote turns a busy lock into a line of `kinerja status`, which still
// shows what it can without the database.
func busyNote(e *env, err error) bool {
	var busy *lock.BusyError
	if !errors.As(err, &busy) {
		return false
	}
	fmt.Fprintf(e.stdout, "\n%s\n(the history and the freshness per OPD are shown once it ends)\n", busy.Error())
	return true
}

// rejectedDir is where the rejected files and their reports are.
func rejectedDir(e *env) string { return filepath.Join(e.cfg.Inbox, ingest.RejectedDir) }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
