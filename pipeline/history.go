package pipeline

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/queries"
)

// Tasks recorded in jalan.tugas: the pipeline and the daemon's other jobs.
const (
	TaskRun       = "run"
	TaskReport    = "report"
	TaskBackup    = "backup"
	TaskFreshness = "freshness"
	TaskRestore   = "restore"
)

// Triggers recorded in jalan.pemicu.
const (
	TriggerManual   = "manual" // the command line
	TriggerSchedule = "jadwal" // `kinerja schedule`
)

// Outcomes recorded in jalan.hasil. A run whose process died keeps hasil
// NULL, which `kinerja status` shows as "tidak selesai".
const (
	OutcomeOK        = "ok"
	OutcomeRejected  = "ditolak_sebagian" // done, some files rejected
	OutcomeFailed    = "gagal"
	OutcomeCancelled = "dibatalkan" // stopped by SIGINT/SIGTERM
)

// Entry is one row of the run history (table jalan).
type Entry struct {
	ID      int
	Task    string
	Trigger string
	Start   time.Time
	End     time.Time // zero while running, or when the process died
	Outcome string    // "" while running, or when the process died
	Files   int       // files processed
	Rows    int       // rows loaded
	Error   string
	Note    string
}

// Track records fn as one run of task in jalan: a row is written when it
// starts, so a run whose process dies stays visible as unfinished, and
// completed with fn's outcome when it returns. fn sets Files, Rows, Note and,
// for a run with rejected files, Outcome; Track sets the rest from fn's
// error. fn's error is returned as it is.
func Track(ctx context.Context, db *store.DB, task, trigger string, now func() time.Time, fn func(ctx context.Context) (Entry, error)) error {
	if now == nil {
		now = time.Now
	}
	var id int
	err := db.Row(ctx, sqlOf("jalan/mulai"), task, trigger, now()).Scan(&id)
	if err != nil {
		return fmt.Errorf("recording start of %s: %w", task, err)
	}
	e, runErr := fn(ctx)
	switch {
	case runErr == nil && e.Outcome == "":
		e.Outcome = OutcomeOK
	case runErr != nil && (errors.Is(runErr, context.Canceled) || ctx.Err() != nil):
		// A query interrupted by the cancellation fails with DuckDB's own
		// "INTERRUPT Error", not context.Canceled: ask the context.
		e.Outcome, e.Error = OutcomeCancelled, runErr.Error()
	case runErr != nil:
		e.Outcome, e.Error = OutcomeFailed, runErr.Error()
	}
	// The end is recorded even when ctx was cancelled: that is the point of
	// recording a cancelled run.
	err = db.Exec(context.WithoutCancel(ctx), sqlOf("jalan/selesai"),
		now(), e.Outcome, e.Files, e.Rows, e.Error, e.Note, id)
	if err != nil {
		err = fmt.Errorf("recording end of %s: %w", task, err)
	}
	if runErr != nil {
		var oe *store.OpenError
		if errors.As(runErr, &oe) {
			// The database failed (full disk, damaged file): that it could
			// not record the end is the same fault, said once.
			return runErr
		}
		return errors.Join(runErr, err)
	}
	return err
}

// History returns the last n runs, newest first. Times are in loc.
func History(ctx context.Context, db *store.DB, n int, loc *time.Location) ([]Entry, error) {
	rows, err := db.Query(ctx, sqlOf("jalan/daftar"), n)
	if err != nil {
		return nil, fmt.Errorf("reading run history: %w", err)
	}
	out, err := scanEntries(rows, loc)
	if err != nil {
		return nil, fmt.Errorf("reading run history: %w", err)
	}
	return out, nil
}

// lastPerTask returns the latest run of every task.
func lastPerTask(ctx context.Context, db *store.DB, loc *time.Location) ([]Entry, error) {
	rows, err := db.Query(ctx, sqlOf("jalan/terakhir_per_tugas"))
	if err != nil {
		return nil, fmt.Errorf("reading last runs: %w", err)
	}
	out, err := scanEntries(rows, loc)
	if err != nil {
		return nil, fmt.Errorf("reading last runs: %w", err)
	}
	return out, nil
}

// scanEntries reads rows of jalan by column name, so that a read-only
// reader (`kinerja status`) also works on a database whose newer columns
// (pemicu, catatan of migration 003) no run has added yet.
func scanEntries(rows *sql.Rows, loc *time.Location) ([]Entry, error) {
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	cols, err := rows.Columns()
	if err != nil {
		return nil, err
	}
	var out []Entry
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		var e Entry
		for i, c := range cols {
			switch v := vals[i].(type) {
			case time.Time:
				// TIMESTAMP holds the instant as UTC wall-clock (the
				// driver's conversion of a bound time.Time); show it in
				// the configured zone.
				switch c {
				case "mulai":
					e.Start = v.In(loc)
				case "selesai":
					e.End = v.In(loc)
				}
			case string:
				switch c {
				case "tugas":
					e.Task = v
				case "pemicu":
					e.Trigger = v
				case "hasil":
					e.Outcome = v
				case "galat":
					e.Error = v
				case "catatan":
					e.Note = v
				}
			case int32:
				switch c {
				case "jalan_id":
					e.ID = int(v)
				case "berkas_diproses":
					e.Files = int(v)
				case "baris_dimuat":
					e.Rows = int(v)
				}
			}
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// Stale reports whether files were accepted after the end of the last
// complete run, so that the KPIs and the site may not show them yet: after a
// manual `kinerja ingest`, or a run that failed or was stopped after
// loading files.
func Stale(ctx context.Context, db *store.DB) (bool, error) {
	var stale bool
	err := db.Row(ctx, sqlOf("jalan/basi")).Scan(&stale)
	if err != nil {
		return false, fmt.Errorf("comparing files with the last run: %w", err)
	}
	return stale, nil
}

// MarkRestored completes, in a database just restored from a backup, the
// row of the backup run that made it (the export was taken while that row
// was open), and records the restore itself.
func MarkRestored(ctx context.Context, db *store.DB, from string, now time.Time) error {
	err := db.Exec(ctx, sqlOf("jalan/cadangan_dipulihkan"))
	if err != nil {
		return fmt.Errorf("closing the backup run: %w", err)
	}
	return Track(ctx, db, TaskRestore, TriggerManual, func() time.Time { return now }, func(context.Context) (Entry, error) {
		return Entry{Note: "dipulihkan dari " + from}, nil
	})
}

// Record writes a finished run of task that did not run under Track (a
// rebuild, which creates the database it is recorded in).
func Record(ctx context.Context, db *store.DB, task, trigger string, start, end time.Time, note string) error {
	err := db.Exec(ctx, sqlOf("jalan/catat"), task, trigger, start, end, note)
	if err != nil {
		return fmt.Errorf("recording %s: %w", task, err)
	}
	return nil
}

// sqlOf is the text of the embedded statement name (queries/<name>.sql), to
// run with db.Exec, db.Row or db.Query. Not db.Run or db.Named: they put the
// query's name before DuckDB's error, and the callers here already say in
// words what failed (it is also the detail a store.OpenError shows). Every
// file is embedded at build time, so a name that is not is a typo in this
// package, which its tests run into: it panics rather than return an error
// no caller could handle.
func sqlOf(name string) string {
	q, err := queries.Get(name)
	if err != nil {
		panic(err)
	}
	return q.SQL
}
