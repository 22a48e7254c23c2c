package publish_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/reports"
	"github.com/lampungprov/kinerja/site/format"
)

func TestReportShowsTheMonthsNumbersUnsuppressed(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	ctx := context.Background()
	month, err := publish.LatestMonth(ctx, db)
	if err != nil || month != "2026-02" {
		t.Fatalf("latest month %q, %v; want 2026-02", month, err)
	}
	r, err := publish.LoadReport(ctx, db, month)
	if err != nil {
		t.Fatal(err)
	}
	// Province Feb: 4 employees, 3 evaluated = 75%; Jan was 75% too.
	if r.Province.Pegawai == nil || *r.Province.Pegawai != 4 || *r.Province.Dinilai != 3 || *r.Province.Cakupan != 75 {
		t.Errorf("province of %s: %+v", month, r.Province)
	}
	if r.Previous.Cakupan == nil || *r.Previous.Cakupan != 75 {
		t.Errorf("the month before: %+v", r.Previous)
	}
	if r.YearAgo.Pegawai != nil {
		t.Errorf("the fixture has no month a year before, got %+v", r.YearAgo)
	}
	path := filepath.Join(t.TempDir(), "laporan.html")
	if err := publish.Report(ctx, db, month, path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	for _, want := range []string{"Februari 2026", "4 / 3", "75,0%", "&#43;0,0 poin", "Badan Uji", "50,0%"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if err := publish.Report(ctx, db, "2030-01", path); err == nil {
		t.Error("a month without data must be an error")
	}
	if m, err := publish.LatestCompleteMonth(ctx, db, "2026-01"); err != nil || m != "2026-01" {
		t.Errorf("latest month up to January: %q, %v", m, err)
	}
}

// query reads one row of a query on the fixture database.
func query(t *testing.T, db *store.DB, q string, args ...any) []any {
	t.Helper()
	tb, err := db.Rows(context.Background(), q, args...)
	if err != nil || len(tb.Rows) != 1 {
		t.Fatalf("%s: %d rows, %v", q, len(tb.Rows), err)
	}
	return tb.Rows[0]
}

func num(v any) float64 { return *store.Number(v) }

// TestRingkasanAgreesWithTheKPITables: the sentences of the fixture's
// February report against values read from tren and perhatian here.
func TestRingkasanAgreesWithTheKPITables(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	ctx := context.Background()
	r, err := publish.LoadReport(ctx, db, "2026-02")
	if err != nil {
		t.Fatal(err)
	}
	got := reports.Summary(r)
	l := format.ID

	prov := query(t, db, `SELECT nilai, selisih_bulan_lalu FROM tren
		WHERE opd_kode = '' AND indikator = 'cakupan_penilaian_persen' AND periode = '2026-02'`)
	mover := func(order string) []any {
		return query(t, db, `SELECT k.opd_nama, t.nilai, t.selisih_bulan_lalu FROM tren t
			JOIN kpi_opd_bulanan k ON k.opd_kode = t.opd_kode AND k.periode = t.periode
			WHERE t.indikator = 'cakupan_penilaian_persen' AND t.periode = '2026-02' AND t.opd_kode <> ''
			ORDER BY t.selisih_bulan_lalu `+order+` LIMIT 1`)
	}
	fall, rise := mover("ASC"), mover("DESC")
	if num(prov[1]) != 0 || num(fall[2]) >= 0 || num(rise[2]) <= 0 {
		t.Fatalf("the fixture changed: province %v, fall %v, rise %v", prov, fall, rise)
	}
	pts := func(v any) string { return l.Number(-num(v), 1) + " poin" }
	want1 := fmt.Sprintf("Cakupan penilaian provinsi tetap %s; penurunan terbesar di %s (turun %s menjadi %s), kenaikan terbesar di %s (naik %s poin menjadi %s).",
		l.Pct(store.Number(prov[0])), fall[0], pts(fall[2]), l.Pct(store.Number(fall[1])),
		rise[0], l.Number(num(rise[2]), 1), l.Pct(store.Number(rise[1])))

	flagged := func(month string) (int, string) {
		row := query(t, db, `SELECT count(DISTINCT opd_kode), string_agg(DISTINCT opd_nama, ',') FROM perhatian WHERE periode = ?`, month)
		return int(num(row[0])), row[1].(string)
	}
	nFeb, inFeb := flagged("2026-02")
	nJan, inJan := flagged("2026-01")
	want4 := fmt.Sprintf("%d OPD perlu perhatian (bulan lalu %d); masuk daftar: %s; keluar dari daftar: %s.", nFeb, nJan, inFeb, inJan)

	ontime := query(t, db, `SELECT nilai, selisih_bulan_lalu FROM tren
		WHERE opd_kode = '' AND indikator = 'dinilai_tepat_waktu_persen' AND periode = '2026-02'`)
	want3 := "Indikator lain, dengan perubahan dari bulan lalu: dinilai tepat waktu " + l.Pct(store.Number(ontime[0])) +
		" (" + l.Change(num(ontime[1])) + ")"

	if len(got) != 4 {
		t.Fatalf("%d sentences, want 4 (no year before, no curve data):\n%s", len(got), strings.Join(got, "\n"))
	}
	if got[0] != want1 {
		t.Errorf("coverage:\n got %s\nwant %s", got[0], want1)
	}
	if !strings.HasPrefix(got[1], want3) {
		t.Errorf("other KPIs:\n got %s\nwant %s…", got[1], want3)
	}
	if got[2] != want4 {
		t.Errorf("attention:\n got %s\nwant %s", got[2], want4)
	}
	if got[3] != "Semua OPD sudah mengirim penilaian Februari 2026." {
		t.Errorf("late data: %s", got[3])
	}
}

// TestReportSectionsComeFromTheirTables: trends, thresholds, movers and
// data quality of the fixture.
func TestReportSectionsComeFromTheirTables(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	ctx := context.Background()
	r, err := publish.LoadReport(ctx, db, "2026-01")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Trends) != len(reports.Headline) || len(r.Trends[0].Points) != 12 {
		t.Fatalf("trends: %+v", r.Trends)
	}
	last := r.Trends[0].Last()
	if last.Periode != "2026-01" || last.Nilai == nil || *last.Nilai != 75 || r.Trends[0].Points[0].Nilai != nil {
		t.Errorf("coverage trend ends with %+v; months before the data must be empty", last)
	}
	if r.Thresholds["cakupan_penilaian_persen"] != 90 || r.Thresholds["rata_capaian_iku_persen"] != 80 {
		t.Errorf("thresholds %v, want the [kpi] defaults 90 and 80", r.Thresholds)
	}
	if len(r.Coverage) != 2 || r.Coverage[0].Nama != "Badan Uji" || *r.Coverage[0].Points[11].Nilai != 100 {
		t.Errorf("small multiples: %+v", r.Coverage)
	}
	// January: DINAS CONTOH has the IKU file's two findings and one late
	// evaluation; both OPDs' files were accepted after January's deadline
	// (the test loads them now).
	var dc reports.Quality
	for _, q := range r.Quality {
		if q.Kode == "dc" {
			dc = q
		}
	}
	if dc.Temuan != 2 || dc.PenilaianTerlambat != 1 || dc.Diterima != 2 || dc.Terlambat != 2 || !dc.Mengirim {
		t.Errorf("quality of dc in January: %+v", dc)
	}
	feb, err := publish.LoadReport(ctx, db, "2026-02")
	if err != nil {
		t.Fatal(err)
	}
	var movers []string
	for _, m := range feb.Movers {
		if m.KPI == "cakupan_penilaian_persen" {
			movers = append(movers, fmt.Sprintf("%s %s %d %s %.2f", m.Banding, m.Arah, m.Urutan, m.Kode, *m.Selisih))
		}
	}
	if got := strings.Join(movers, "; "); got != "bulan naik 1 dc 33.33; bulan turun 1 bu -50.00" {
		t.Errorf("coverage movers of February: %s", got)
	}
}

// loadAt loads the fixture, plus extra files, as if ingested and computed
// at now.
func loadAt(t *testing.T, now time.Time, extra map[string]string) *store.DB {
	t.Helper()
	inbox := pipelinetest.CopyFixture(t, nil)
	for name, content := range extra {
		if err := os.WriteFile(filepath.Join(inbox, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() }) // in memory: nothing to lose
	clock := func() time.Time { return now }
	if _, err := ingest.Inbox(ctx, db, inbox, ingest.Options{NIPKey: pipelinetest.Key, Now: clock}); err != nil {
		t.Fatal(err)
	}
	if _, err := compute.RunAt(ctx, db, config.Default(), now, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestRejectedFilesCountInTheMonthOfTheirWindow: a file rejected between
// January's deadline and February's counts in February's report, under the
// OPD its name names, or in the row of files without one.
func TestRejectedFilesCountInTheMonthOfTheirWindow(t *testing.T) {
	bad := "nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;tahun_skp;bulan_skp\n12345;DINAS CONTOH;SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026;2\n"
	wib := time.FixedZone("WIB", 7*3600)
	db := loadAt(t, time.Date(2026, 3, 2, 9, 0, 0, 0, wib), map[string]string{"penilaian_2026-02_DC.csv": bad, "kiriman.csv": bad})
	ctx := context.Background()
	feb, err := publish.LoadReport(ctx, db, "2026-02")
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]reports.Quality{}
	for _, q := range feb.Quality {
		got[q.Kode] = q
	}
	if got["dc"].Ditolak != 1 || got["bu"].Ditolak != 0 || got[""].Ditolak != 1 {
		t.Errorf("rejected in February's window: %+v", feb.Quality)
	}
	if got["dc"].Diterima != 1 || got["dc"].Terlambat != 0 {
		t.Errorf("February's files arrived before its deadline (5 March): %+v", got["dc"])
	}
	jan, err := publish.LoadReport(ctx, db, "2026-01")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range jan.Quality {
		if q.Ditolak != 0 || q.Kode == "dc" && q.Terlambat != q.Diterima {
			t.Errorf("January: %+v (rejected after its window; accepted after its deadline)", q)
		}
	}
}

// chromium is the browser of the PDF tests: they skip without one, except
// in CI, which installs it (.ci/run).
func chromium(t *testing.T) string {
	t.Helper()
	p, err := reports.FindChromium("")
	if err != nil {
		if os.Getenv("CI") == "" {
			t.Skip("no Chromium: apt-get install chromium")
		}
		t.Fatal(err)
	}
	return p
}

// TestPDFOfTheFixtureReportAndTheArchive prints a real PDF of the fixture's
// report, and the archive lists both months' files, newest first.
func TestPDFOfTheFixtureReportAndTheArchive(t *testing.T) {
	browser := chromium(t)
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "laporan")
	at := func(d int) func() time.Time {
		return func() time.Time { return time.Date(2026, 3, d, 6, 0, 0, 0, time.UTC) }
	}
	res, err := publish.WriteReport(ctx, db, "2026-02", publish.ReportOptions{Path: filepath.Join(dir, publish.ReportFile("2026-02", "")),
		Dir: dir, PDF: true, Chromium: browser, Now: at(6)})
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := os.ReadFile(res.PDF)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) || reports.PageCount(pdf) < 1 || res.Pages != reports.PageCount(pdf) {
		t.Fatalf("PDF %s: %d bytes, %d pages (%d reported), %v", res.PDF, len(pdf), reports.PageCount(pdf), res.Pages, err)
	}
	if filepath.Base(res.PDF) != "laporan-2026-02.pdf" {
		t.Errorf("PDF named %s", res.PDF)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	first, _ := os.ReadFile(res.HTML)
	// The HTML carries no time: the same data, the same bytes.
	if _, err := publish.WriteReport(ctx, db, "2026-02", publish.ReportOptions{Path: res.HTML, Dir: dir, Now: at(7)}); err != nil {
		t.Fatal(err)
	}
	if again, _ := os.ReadFile(res.HTML); !bytes.Equal(first, again) {
		t.Error("the HTML report of the same data changed")
	}
	if _, err := publish.WriteReport(ctx, db, "2026-01", publish.ReportOptions{Path: filepath.Join(dir, publish.ReportFile("2026-01", "en")),
		Dir: dir, Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	idx, err := os.ReadFile(filepath.Join(dir, publish.IndexFile))
	if err != nil {
		t.Fatal(err)
	}
	s := string(idx)
	feb, jan := strings.Index(s, "Februari 2026"), strings.Index(s, "Januari 2026")
	if feb < 0 || jan < 0 || feb > jan {
		t.Errorf("archive not newest first:\n%s", s)
	}
	for _, want := range []string{`href="laporan-2026-02.html"`, `href="laporan-2026-02.pdf"`, `href="laporan-2026-01.en.html"`} {
		if !strings.Contains(s, want) {
			t.Errorf("archive lacks %s", want)
		}
	}
	en, _ := os.ReadFile(filepath.Join(dir, "laporan-2026-01.en.html"))
	if !strings.Contains(string(en), "<h2>Summary</h2>") {
		t.Error("the English report is not in English")
	}
}

// TestWithoutChromiumTheHTMLIsStillWritten: the PDF's error says how to get
// a browser, and the HTML report and the archive are there.
func TestWithoutChromiumTheHTMLIsStillWritten(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	dir := t.TempDir()
	path := filepath.Join(dir, publish.ReportFile("2026-02", ""))
	res, err := publish.WriteReport(context.Background(), db, "2026-02", publish.ReportOptions{Path: path, Dir: dir,
		PDF: true, Chromium: filepath.Join(dir, "chromium-tidak-ada")})
	var pe *publish.PDFError
	if !errors.As(err, &pe) || !errors.Is(err, reports.ErrNoChromium) || !strings.Contains(err.Error(), "apt-get install chromium") {
		t.Fatalf("err = %v, want a PDFError naming the fix", err)
	}
	if res.HTML != path || res.PDF != "" {
		t.Errorf("result %+v", res)
	}
	for _, p := range []string{path, filepath.Join(dir, publish.IndexFile)} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if _, err := os.Stat(publish.PDFPath(path)); !os.IsNotExist(err) {
		t.Errorf("a PDF was written: %v", err)
	}
}
