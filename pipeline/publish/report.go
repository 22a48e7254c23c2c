package publish

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/durable"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/reports"
)

// LatestMonth is the latest month with evaluations, "" when there is none.
func LatestMonth(ctx context.Context, db *store.DB) (string, error) {
	t, err := db.Named(ctx, "publish/laporan/bulan_terakhir")
	if err != nil || len(t.Rows) == 0 {
		return "", err
	}
	m, _ := t.Rows[0][0].(string)
	return m, nil
}

// LatestCompleteMonth is the latest month with evaluations up to upTo
// (YYYY-MM, the month just closed), "" when there is none: a month still
// running is not reported on.
func LatestCompleteMonth(ctx context.Context, db *store.DB, upTo string) (string, error) {
	t, err := db.Named(ctx, "publish/laporan/bulan_lengkap", upTo)
	if err != nil || len(t.Rows) == 0 {
		return "", err
	}
	m, _ := t.Rows[0][0].(string)
	return m, nil
}

// LoadReport reads the report of month (YYYY-MM) from the KPI tables.
func LoadReport(ctx context.Context, db *store.DB, month string) (reports.Report, error) {
	r := reports.Report{Month: month}
	prov := func(m string) (reports.Row, error) {
		t, err := db.Named(ctx, "publish/laporan/provinsi", m)
		if err != nil || len(t.Rows) == 0 {
			return reports.Row{}, err
		}
		return rowOf("", "", t.Rows[0]), nil
	}
	var err error
	if r.Province, err = prov(month); err != nil {
		return r, fmt.Errorf("reading province %s: %w", month, err)
	}
	if r.Province.Pegawai == nil {
		return r, fmt.Errorf("no KPIs for %s: run `kinerja compute` after loading that month", month)
	}
	if r.Previous, err = prov(reports.Shift(month, -1)); err != nil {
		return r, err
	}
	if r.YearAgo, err = prov(reports.Shift(month, -12)); err != nil {
		return r, err
	}
	t, err := db.Named(ctx, "publish/laporan/opd", month)
	if err != nil {
		return r, err
	}
	for _, row := range t.Rows {
		r.OPD = append(r.OPD, rowOf(row[0].(string), row[1].(string), row[2:]))
	}
	if r.Attention, err = loadFlags(ctx, db, month); err != nil {
		return r, err
	}
	if r.AttentionBefore, err = loadFlags(ctx, db, reports.Shift(month, -1)); err != nil {
		return r, err
	}
	for _, load := range []func(context.Context, *store.DB, *reports.Report) error{
		loadCurve, loadTrends, loadCoverage, loadThresholds, loadMovers, loadQuality,
	} {
		if err := load(ctx, db, &r); err != nil {
			return r, err
		}
	}
	return r, nil
}

// loadFlags reads the attention flags of one month.
func loadFlags(ctx context.Context, db *store.DB, month string) ([]reports.Flag, error) {
	t, err := db.Named(ctx, "publish/laporan/perhatian", month)
	if err != nil {
		return nil, err
	}
	var out []reports.Flag
	for _, row := range t.Rows {
		out = append(out, reports.Flag{Nama: textOf(row[0]), Jenis: textOf(row[1]), Nilai: number(row[2]),
			Kode: textOf(row[3]), Ambang: number(row[4])})
	}
	return out, nil
}

// rowOf reads the seven numbers of queries/publish/laporan/provinsi.sql
// (and of opd.sql after its code and name).
func rowOf(kode, nama string, v []any) reports.Row {
	return reports.Row{Kode: kode, Nama: nama, Pegawai: number(v[0]), Dinilai: number(v[1]), Cakupan: number(v[2]),
		TepatWaktu: number(v[3]), SangatBaik: number(v[4]), Capaian: number(v[5]), Patuh20JP: number(v[6])}
}

func textOf(v any) string {
	s, _ := v.(string)
	return s
}

// ReportOptions says which files WriteReport writes.
type ReportOptions struct {
	// Path is the HTML file. The PDF is beside it, with .pdf for .html.
	Path string
	// Dir is the reports folder: when Path is in it, its index.html (the
	// archive of every month's report) is rewritten.
	Dir  string
	Lang string // "id" (default) or "en"
	// PDF also prints the report to PDF with Chromium (Chromium names the
	// browser; "" looks on PATH, see reports.FindChromium).
	PDF      bool
	Chromium string
	// Now is the clock of the PDF footer's generation time, shown in Loc.
	Now func() time.Time
	Loc *time.Location
	Log *slog.Logger
}

// ReportResult says what WriteReport wrote.
type ReportResult struct {
	HTML  string // the HTML file
	PDF   string // the PDF file; "" when none was written
	Pages int    // the PDF's pages
	// Report is what was rendered: Summary(Report) is the Ringkasan, the
	// body of the report's mail.
	Report reports.Report
}

// PDFError is a report whose HTML was written but whose PDF was not: the
// run goes on (the HTML is the report), the operator is told how to fix it.
type PDFError struct{ Err error }

func (e *PDFError) Error() string {
	return "PDF report not written (the HTML report was): " + e.Err.Error()
}

func (e *PDFError) Unwrap() error { return e.Err }

// PDFPath is the PDF written beside the HTML report at path.
func PDFPath(path string) string {
	return strings.TrimSuffix(path, ".html") + ".pdf"
}

// ReportFile is the name of month's report in the reports folder:
// laporan-YYYY-MM.html, laporan-YYYY-MM.en.html in English.
func ReportFile(month, lang string) string {
	if lang == "en" {
		return "laporan-" + month + ".en.html"
	}
	return "laporan-" + month + ".html"
}

// WriteReport writes the leadership report of month: the HTML file (written
// beside, fsynced and renamed), the PDF when asked, and the archive index of
// the reports folder. When only the PDF fails, the result names the HTML and
// the error is a *PDFError.
func WriteReport(ctx context.Context, db *store.DB, month string, opt ReportOptions) (ReportResult, error) {
	var res ReportResult
	if err := removeStamp(ReportStamp(opt.Path)); err != nil {
		return res, err
	}
	r, err := LoadReport(ctx, db, month)
	if err != nil {
		return res, err
	}
	r.Lang = opt.Lang
	b, err := reports.Render(r)
	if err != nil {
		return res, err
	}
	if err := os.MkdirAll(filepath.Dir(opt.Path), 0o755); err != nil {
		return res, err
	}
	if err := durable.WriteFile(opt.Path, b, 0o644); err != nil {
		return res, err
	}
	crash.Point("report.written")
	res.HTML, res.Report = opt.Path, r
	var pdfErr error
	if opt.PDF {
		res.PDF, res.Pages, pdfErr = writePDF(ctx, r, opt)
		if pdfErr != nil {
			pdfErr = &PDFError{Err: pdfErr}
		}
	}
	if opt.Dir != "" && sameFolder(filepath.Dir(opt.Path), opt.Dir) {
		if err := WriteIndex(opt.Dir); err != nil {
			return res, errors.Join(pdfErr, err)
		}
	}
	return res, pdfErr
}

// writePDF prints r, stamped with the generation time, to the PDF beside
// opt.Path. The HTML file carries no time: the same data gives the same
// HTML.
func writePDF(ctx context.Context, r reports.Report, opt ReportOptions) (string, int, error) {
	browser, err := reports.FindChromium(opt.Chromium)
	if err != nil {
		return "", 0, err
	}
	now := time.Now
	if opt.Now != nil {
		now = opt.Now
	}
	r.Generated = now()
	if opt.Loc != nil {
		r.Generated = r.Generated.In(opt.Loc)
	}
	page, err := reports.Render(r)
	if err != nil {
		return "", 0, err
	}
	pdf, err := reports.PrintPDF(ctx, browser, page)
	if err != nil {
		return "", 0, err
	}
	path := PDFPath(opt.Path)
	if err := durable.WriteFile(path, pdf, 0o644); err != nil {
		return "", 0, err
	}
	pages := reports.PageCount(pdf)
	if opt.Log != nil {
		opt.Log.Info("PDF report written", "path", path, "pages", pages, "chromium", browser)
	}
	return path, pages, nil
}

// sameFolder reports whether a and b name the same folder.
func sameFolder(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// Report writes the HTML leadership report of month into path (written
// beside, fsynced and renamed), without a PDF; the archive index is
// rewritten when path is named as the archive names reports
// (laporan-YYYY-MM.html).
func Report(ctx context.Context, db *store.DB, month, path string) error {
	opt := ReportOptions{Path: path}
	if archived.MatchString(filepath.Base(path)) {
		opt.Dir = filepath.Dir(path)
	}
	_, err := WriteReport(ctx, db, month, opt)
	return err
}
