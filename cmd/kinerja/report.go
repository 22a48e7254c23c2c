package main

import (
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newReportCmd() *command {
	var o struct{ month, out string }
	return &command{
		name:    "report",
		summary: "write the leadership report of a month (internal: not suppressed, no names, no NIPs)",
		lock:    lockRead,
		wait:    5 * time.Second,
		flags: func(fs *flag.FlagSet, c *config.Config) {
			dbFlag(fs, c)
			fs.StringVar(&o.month, "month", "", "`YYYY-MM` of the report (default: the latest month with data)")
			fs.StringVar(&o.out, "out", "", "output `file` (default: <reports>/laporan-YYYY-MM.html)")
		},
		before: func(*env, []string) error {
			if o.month != "" {
				if _, err := time.Parse("2006-01", o.month); err != nil {
					return usageError{fmt.Sprintf("--month %q: want YYYY-MM", o.month)}
				}
			}
			return nil
		},
		run: func(ctx context.Context, e *env, db *store.DB, _ []string) (int, error) {
			month := o.month
			if month == "" {
				m, err := pipeline.LatestReportMonth(ctx, db)
				if err != nil || m == "" {
					return exitFailed, fmt.Errorf("no month with data: run `kinerja run` first")
				}
				month = m
			}
			path := o.out
			if path == "" {
				path = filepath.Join(e.cfg.Reports, "laporan-"+month+".html")
			}
			if err := pipeline.Report(ctx, db, month, path); err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "leadership report of %s: %s\n", month, path)
			return exitOK, nil
		},
	}
}
