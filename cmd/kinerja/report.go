package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newReportCmd() *command {
	var o struct {
		month, out, lang, chromium string
		pdf                        optionalBool
	}
	return &command{
		name:    "report",
		summary: "write the leadership report of a month (internal: not suppressed, no names, no NIPs)",
		lock:    lockRead,
		wait:    5 * time.Second,
		flags: func(fs *flag.FlagSet, c *config.Config) {
			dbFlag(fs, c)
			fs.StringVar(&o.month, "month", "", "`YYYY-MM` of the report (default: the latest month with data)")
			fs.StringVar(&o.out, "out", "", "output `file` (default: <reports>/laporan-YYYY-MM.html, .en.html in English)")
			fs.StringVar(&o.lang, "lang", "id", "language of the report: `id` or en")
			fs.Var(&o.pdf, "pdf", "also print laporan-YYYY-MM.pdf with headless Chromium (default: [laporan] pdf)")
			fs.StringVar(&o.chromium, "chromium", "", "Chromium `program` to print the PDF with (default: [laporan] chromium, then chromium on PATH)")
		},
		before: func(*env, []string) error {
			if o.month != "" {
				if _, err := time.Parse("2006-01", o.month); err != nil {
					return usageError{fmt.Sprintf("--month %q: want YYYY-MM", o.month)}
				}
			}
			if o.lang != "id" && o.lang != "en" {
				return usageError{fmt.Sprintf("--lang %q: want id or en", o.lang)}
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
			res, err := pipeline.WriteReport(ctx, db, e.cfg, month, pipeline.ReportOptions{
				Path: o.out, Lang: o.lang, PDF: o.pdf.value, Chromium: o.chromium, Log: e.log})
			if res.HTML != "" {
				fmt.Fprintf(e.stdout, "leadership report of %s: %s\n", month, res.HTML)
			}
			if res.PDF != "" {
				fmt.Fprintf(e.stdout, "PDF (%d pages): %s\n", res.Pages, res.PDF)
			}
			if err != nil {
				return exitFailed, err
			}
			return exitOK, nil
		},
	}
}

// optionalBool is a boolean flag that knows whether it was given: --pdf
// and --pdf=false override the configuration, no flag follows it.
type optionalBool struct{ value *bool }

func (b *optionalBool) String() string {
	if b == nil || b.value == nil {
		return ""
	}
	return fmt.Sprint(*b.value)
}

func (b *optionalBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return fmt.Errorf("want true or false")
	}
	b.value = &v
	return nil
}

// IsBoolFlag lets --pdf stand alone.
func (b *optionalBool) IsBoolFlag() bool { return true }
