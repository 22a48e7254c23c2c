package pipeline

import (
	"context"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// TaskMail is the task of the run history (jalan.tugas) that mails the
// month's report (pipeline/schedule/surel.go): recorded apart from the
// report's own task, so that a failed send shows in `kinerja status`
// while the report stands.
const TaskMail = "mail"

// LatestReportMonth is the latest month with evaluations, "" when none.
func LatestReportMonth(ctx context.Context, db *store.DB) (string, error) {
	return publish.LatestMonth(ctx, db)
}

// ClosedMonth is the month just closed at now: the month before now's, in
// now's zone.
func ClosedMonth(now time.Time) string {
	return time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location()).AddDate(0, -1, 0).Format("2006-01")
}

// LatestCompleteMonth is the month a run reports on: the latest month with
// evaluations that has ended at now (in cfg's zone), "" when none. A month
// still running is left out: its numbers are still coming in.
func LatestCompleteMonth(ctx context.Context, db *store.DB, cfg config.Config, now time.Time) (string, error) {
	return publish.LatestCompleteMonth(ctx, db, ClosedMonth(now.In(cfg.Location())))
}

// ReportOptions are the choices of one report; the zero value follows the
// configuration.
type ReportOptions struct {
	Path     string // the HTML file; "" is <reports>/laporan-YYYY-MM.html (laporan-YYYY-MM.en.html in English)
	Lang     string // "id" (default) or "en"
	PDF      *bool  // also print a PDF; nil follows [laporan] pdf
	Chromium string // the browser; "" follows [laporan] chromium, then PATH
	Now      func() time.Time
	Log      *slog.Logger
}

// ReportResult says what WriteReport wrote (publish.ReportResult).
type ReportResult = publish.ReportResult

// PDFError is returned by WriteReport when the HTML report was written but
// the PDF was not (no Chromium, or it failed); its message says how to get
// one.
type PDFError = publish.PDFError

// WriteReport writes the leadership report of month as cfg and opt say: the
// HTML file, the PDF beside it when [laporan] pdf (or opt.PDF) asks, and the
// archive index.html of the reports folder.
func WriteReport(ctx context.Context, db *store.DB, cfg config.Config, month string, opt ReportOptions) (ReportResult, error) {
	po := publish.ReportOptions{Path: opt.Path, Dir: cfg.Reports, Lang: opt.Lang, PDF: cfg.Laporan.PDF,
		Chromium: cfg.Laporan.Chromium, Now: opt.Now, Loc: cfg.Location(), Log: opt.Log}
	if po.Path == "" {
		po.Path = filepath.Join(cfg.Reports, publish.ReportFile(month, opt.Lang))
	}
	if opt.PDF != nil {
		po.PDF = *opt.PDF
	}
	if opt.Chromium != "" {
		po.Chromium = opt.Chromium
	}
	return publish.WriteReport(ctx, db, month, po)
}
