package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/lock"
	"github.com/lampungprov/kinerja/pipeline/schedule"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newStatusCmd() *command {
	return &command{
		name:    "status",
		summary: "last runs, next runs, files waiting and rejected, and each OPD's latest month received",
		lock:    lockRead,
		wait:    2 * time.Second,
		flags:   flagsOf(dbFlag, inboxFlag),
		// The inbox and the schedule need no database: shown first, and
		// also while a run holds the lock.
		before: func(e *env, _ []string) error {
			list, _ := ingest.Scan(e.cfg.Inbox)
			fmt.Fprintf(e.stdout, "files waiting in %s: %d\n", e.cfg.Inbox, len(list.Files))
			for _, name := range stillWritten(list.Files, 300*time.Millisecond) {
				list.Skipped = append(list.Skipped, ingest.Skipped{Name: name,
					Reason: "still being written (its size changes): it is read once the copy has finished"})
			}
			printSkipped(e, list.Skipped)
			return printSchedule(e)
		},
		onBusy: busyNote,
		run: func(ctx context.Context, e *env, db *store.DB, _ []string) (int, error) {
			if err := printHistory(ctx, e, db); err != nil {
				return exitFailed, err
			}
			fmt.Fprintln(e.stdout, "\nfiles by status:")
			if err := printQuery(ctx, e, db, `SELECT status, dataset, count(*) AS berkas, sum(baris_dimuat) AS baris
				FROM berkas GROUP BY ALL ORDER BY status, dataset`, "table"); err != nil {
				return exitFailed, err
			}
			if err := printRejected(ctx, e, db); err != nil {
				return exitFailed, err
			}
			if err := printFreshness(ctx, e, db); err != nil {
				return exitFailed, err
			}
			return exitOK, nil
		},
	}
}

// busyNote turns a busy lock into a line of `kinerja status`, which still
// shows what it can without the database.
func busyNote(e *env, busy *lock.BusyError) {
	fmt.Fprintf(e.stdout, "\n%s\n(the history and the freshness per OPD are shown once it ends)\n", busy.Error())
}

// stillWritten names the files among paths whose size or time changes
// across pause: copies still in progress.
func stillWritten(paths []string, pause time.Duration) []string {
	if len(paths) == 0 {
		return nil
	}
	type st struct {
		size int64
		mod  time.Time
	}
	look := func() map[string]st {
		m := map[string]st{}
		for _, p := range paths {
			if fi, err := os.Stat(p); err == nil {
				m[p] = st{fi.Size(), fi.ModTime()}
			}
		}
		return m
	}
	before := look()
	time.Sleep(pause)
	after := look()
	var out []string
	for _, p := range paths {
		if before[p] != after[p] {
			out = append(out, filepath.Base(p))
		}
	}
	return out
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
	fmt.Fprintf(e.stdout, "\nlast rejected files (the reports are in %s):\n", filepath.Join(e.cfg.Inbox, ingest.RejectedDir))
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
