package reports_test

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/reports"
)

func f(v float64) *float64 { return &v }

// The report renders from plain values: no database.
func TestReportRendersItsValues(t *testing.T) {
	r := reports.Report{
		Month:     "2026-03",
		Province:  reports.Row{Pegawai: f(1234), Dinilai: f(1000), Cakupan: f(81.04), TepatWaktu: f(70)},
		Previous:  reports.Row{Cakupan: f(83.5)},
		OPD:       []reports.Row{{Kode: "X1", Nama: "Dinas <b>Uji</b>", Pegawai: f(20), Cakupan: f(50)}},
		Attention: []reports.Flag{{Nama: "Dinas Uji", Jenis: "cakupan_rendah", Nilai: f(50)}},
		Curve:     []reports.Curve{{Nama: "Badan Lain", Tahun: 2025, PredikatOrganisasi: "baik", Alasan: "Sangat Baik melebihi batas"}},
	}
	b, err := reports.Render(r)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"Maret 2026", "1.234 / 1.000", "81,0%", "−2,5 poin", "Dinas &lt;b&gt;Uji&lt;/b&gt;",
		"cakupan penilaian di bawah ambang", "Sangat Baik melebihi batas"} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if strings.Contains(s, "<b>Uji") {
		t.Error("an OPD's name must be escaped")
	}
}

func TestShiftCrossesYears(t *testing.T) {
	for _, c := range []struct {
		from string
		n    int
		want string
	}{{"2026-01", -1, "2025-12"}, {"2026-03", -12, "2025-03"}, {"2025-12", 1, "2026-01"}, {"tahunan", -1, ""}} {
		if got := reports.Shift(c.from, c.n); got != c.want {
			t.Errorf("Shift(%q, %d) = %q, want %q", c.from, c.n, got, c.want)
		}
	}
}

// december is a hand-built month with every section: the values a loaded
// report would carry.
func december() reports.Report {
	var cov reports.Trend
	cov.KPI = "cakupan_penilaian_persen"
	for i := 11; i >= 0; i-- {
		m := reports.Shift("2026-12", -i)
		cov.Points = append(cov.Points, reports.Point{Periode: m, Nilai: f(94 + float64(i%3)), TahunLalu: f(93)})
	}
	last := &cov.Points[11]
	last.Nilai, last.SelisihBulanLalu, last.SelisihTahunLalu = f(95.26), f(1.2), f(-0.04)
	ontime := reports.Trend{KPI: "dinilai_tepat_waktu_persen", Points: []reports.Point{{Periode: "2026-12", Nilai: f(90.5), SelisihBulanLalu: f(-0.02)}}}
	iku := reports.Trend{KPI: "rata_capaian_iku_persen", Points: []reports.Point{{Periode: "2026-12", Nilai: f(98.83), SelisihBulanLalu: f(0.33)}}}
	return reports.Report{
		Month:    "2026-12",
		Province: reports.Row{Pegawai: f(2000), Dinilai: f(1905), Cakupan: f(95.26)},
		Previous: reports.Row{Pegawai: f(2000), Cakupan: f(94.06)},
		Trends:   []reports.Trend{cov, ontime, iku},
		Movers: []reports.Mover{
			{KPI: "cakupan_penilaian_persen", Banding: "bulan", Arah: "turun", Urutan: 1, Kode: "dinkes", Nama: "Dinas Kesehatan", Nilai: f(77.2), Selisih: f(-8.4)},
			{KPI: "cakupan_penilaian_persen", Banding: "bulan", Arah: "turun", Urutan: 2, Kode: "dishub", Nama: "Dinas Perhubungan", Nilai: f(80), Selisih: f(-2)},
			{KPI: "cakupan_penilaian_persen", Banding: "bulan", Arah: "naik", Urutan: 1, Kode: "bkd", Nama: "BKD", Nilai: f(100), Selisih: f(12.5)},
			{KPI: "cakupan_penilaian_persen", Banding: "tahun", Arah: "naik", Urutan: 1, Kode: "bkd", Nama: "BKD", Nilai: f(100), Selisih: f(20)},
		},
		Attention: []reports.Flag{
			{Kode: "dinkes", Nama: "Dinas Kesehatan", Jenis: "cakupan_rendah", Nilai: f(77.2), Ambang: f(90)},
			{Kode: "dkp", Nama: "Dinas Kelautan", Jenis: "tidak_mengirim"},
			{Kode: "dishub", Nama: "Dinas Perhubungan", Jenis: "kurva_dilanggar"},
		},
		AttentionBefore: []reports.Flag{
			{Kode: "dishub", Nama: "Dinas Perhubungan", Jenis: "kurva_dilanggar"},
			{Kode: "disnaker", Nama: "Dinas Tenaga Kerja", Jenis: "cakupan_rendah", Nilai: f(88)},
		},
		CurveYear: 2026, CurveYearBeforeChecked: true, CurveChecked: 40,
		Curve: []reports.Curve{
			{Kode: "dishub", Nama: "Dinas Perhubungan", Tahun: 2026, PredikatOrganisasi: "baik", Alasan: "Baik bukan kelompok terbesar", AlasanEN: "Good is not the largest group"},
			{Kode: "biro-umum", Nama: "Biro Umum", Tahun: 2026, PredikatOrganisasi: "baik", Alasan: "Butuh Perbaikan 0 orang", Baru: true},
		},
		Thresholds: map[string]float64{"cakupan_penilaian_persen": 90},
		Coverage: []reports.Series{{Kode: "dinkes", Nama: "Dinas Kesehatan", Points: []reports.Point{
			{Periode: "2026-11", Nilai: f(85.6)}, {Periode: "2026-12", Nilai: f(77.2)}}}},
		Quality: []reports.Quality{{Kode: "dkp", Nama: "Dinas Kelautan", Diterima: 1, Terlambat: 1, Ditolak: 2, Temuan: 3}},
	}
}

// TestSummaryIsWrittenFromTheNumbersGiven: every number of the Ringkasan
// is one of the report's values, in each language.
func TestSummaryIsWrittenFromTheNumbersGiven(t *testing.T) {
	r := december()
	want := []string{
		"Cakupan penilaian provinsi naik 1,2 poin menjadi 95,3%; penurunan terbesar di Dinas Kesehatan (turun 8,4 poin menjadi 77,2%), kenaikan terbesar di BKD (naik 12,5 poin menjadi 100,0%).",
		"Dibanding Desember 2025, cakupan penilaian provinsi tidak berubah; dalam setahun kenaikan terbesar di BKD (naik 20,0 poin menjadi 100,0%).",
		"Indikator lain, dengan perubahan dari bulan lalu: dinilai tepat waktu 90,5% (+0,0 poin) dan rata-rata capaian IKU 98,8% (+0,3 poin).",
		"3 OPD perlu perhatian (bulan lalu 2); masuk daftar: Dinas Kelautan dan Dinas Kesehatan; keluar dari daftar: Dinas Tenaga Kerja.",
		"Belum mengirim penilaian Desember 2026: Dinas Kelautan.",
		"Sebaran predikat tahunan 2026 melanggar kurva distribusi di 2 OPD; baru dibanding 2025: Biro Umum.",
	}
	check := func(got, want []string) {
		t.Helper()
		if len(got) != len(want) {
			t.Fatalf("%d sentences, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("sentence %d:\n got %s\nwant %s", i+1, got[i], want[i])
			}
		}
	}
	check(reports.Summary(r), want)

	r.Lang = "en"
	check(reports.Summary(r), []string{
		"Provincial evaluation coverage rose 1.2 pts to 95.3%; the largest fall was at Dinas Kesehatan (down 8.4 pts to 77.2%), the largest rise at BKD (up 12.5 pts to 100.0%).",
		"Against December 2025, provincial coverage was unchanged; over the year the largest rise was at BKD (up 20.0 pts to 100.0%).",
		"Other indicators, with the change from the month before: evaluated on time 90.5% (+0.0 pts) and mean KPI achievement 98.8% (+0.3 pts).",
		"3 agencies need attention (2 the month before); joined the list: Dinas Kelautan and Dinas Kesehatan; left it: Dinas Tenaga Kerja.",
		"No evaluations for December 2026 yet from Dinas Kelautan.",
		"The annual predikat distribution of 2026 broke the curve at 2 agencies; new against 2025: Biro Umum.",
	})
}

// TestSummaryOfAFirstMonth: without a month before, a year before or a
// curve check, the Ringkasan says so instead of inventing a change.
func TestSummaryOfAFirstMonth(t *testing.T) {
	r := reports.Report{Month: "2026-01", Province: reports.Row{Pegawai: f(4), Cakupan: f(75), TepatWaktu: f(50)}}
	got := strings.Join(reports.Summary(r), "\n")
	want := "Cakupan penilaian provinsi 75,0%; bulan sebelumnya belum ada data.\n" +
		"Indikator lain: dinilai tepat waktu 50,0%.\n" +
		"Tidak ada OPD yang perlu perhatian.\n" +
		"Semua OPD sudah mengirim penilaian Januari 2026."
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestChartsAreInlineSVGWithoutScript: the trends are drawn at build time,
// with the year before and the threshold, and nothing runs in the page.
func TestChartsAreInlineSVGWithoutScript(t *testing.T) {
	b, err := reports.Render(december())
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if strings.Contains(strings.ToLower(s), "<script") || strings.Contains(s, "http://") && !strings.Contains(s, `xmlns="http://www.w3.org/2000/svg"`) {
		t.Error("the report must hold no script and load nothing")
	}
	charts := regexp.MustCompile(`(?s)<svg [^>]*class="chart".*?</svg>`).FindAllString(s, -1)
	if len(charts) != 3 {
		t.Fatalf("%d trend charts, want one per KPI given (3)", len(charts))
	}
	cov := charts[0]
	for _, want := range []string{"<title>Cakupan penilaian: 95,3% Desember 2026</title>", `stroke-dasharray="4 3"`, // the year before
		`stroke="#c0392b"`, "ambang perhatian 90", "Des 2026", ">95,3%<"} {
		if !strings.Contains(cov, want) {
			t.Errorf("coverage chart lacks %q", want)
		}
	}
	if strings.Contains(charts[1], `stroke="#c0392b"`) {
		t.Error("a KPI without a threshold has no threshold line")
	}
	if n := strings.Count(s, `class="spark"`); n != 1 {
		t.Errorf("%d small charts, want one per agency (1)", n)
	}
	for _, want := range []string{`<span class="new">baru</span>`, "Keluar dari daftar dibanding bulan lalu: Dinas Tenaga Kerja.",
		"Dinas Kesehatan<br><span class=\"c\">−8,4 poin → 77,2%</span>", "belum mengirim"} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

// TestEnglishReportAndItsFooter: Lang en writes every word in English; the
// printed footer names the month and, when given, the generation time.
func TestEnglishReportAndItsFooter(t *testing.T) {
	r := december()
	r.Lang = "en"
	r.Generated = time.Date(2027, 1, 6, 6, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	b, err := reports.Render(r)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{`<html lang="en">`, "<h2>Summary</h2>", "December 2026", "Good is not the largest group",
		`@bottom-left { content: "Civil-service performance report — December 2026 · generated 6 January 2027 06:00 WIB"`,
		`@bottom-right { content: "page " counter(page) " of " counter(pages)`, "no evaluations sent for the month"} {
		if !strings.Contains(s, want) {
			t.Errorf("English report lacks %q", want)
		}
	}
	for _, bad := range []string{"ZgotmplZ", "Ringkasan", "dibanding bulan lalu"} {
		if strings.Contains(s, bad) {
			t.Errorf("English report holds %q", bad)
		}
	}
	r.Lang, r.Generated = "", time.Time{}
	b, _ = reports.Render(r)
	if !strings.Contains(string(b), `@bottom-left { content: "Laporan kinerja ASN — Desember 2026";`) {
		t.Error("without a generation time the footer names the month only")
	}
}

func TestIndexListsNewestFirst(t *testing.T) {
	b, err := reports.RenderIndex(reports.Index{Reports: []reports.IndexEntry{
		{Month: "2026-12", HTML: "laporan-2026-12.html", PDF: "laporan-2026-12.pdf", HTMLEN: "laporan-2026-12.en.html"},
		{Month: "2026-11", HTML: "laporan-2026-11.html"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	dec, nov := strings.Index(s, "Desember 2026"), strings.Index(s, "November 2026")
	if dec < 0 || nov < 0 || dec > nov {
		t.Errorf("months out of order:\n%s", s)
	}
	for _, want := range []string{`href="laporan-2026-12.pdf"`, `href="laporan-2026-12.en.html"`, `href="laporan-2026-11.html"`} {
		if !strings.Contains(s, want) {
			t.Errorf("index lacks %s", want)
		}
	}
}

// TestNoChromiumSaysHowToGetOne: the error names the fix.
func TestNoChromiumSaysHowToGetOne(t *testing.T) {
	_, err := reports.FindChromium("/tidak/ada/chromium")
	if !errors.Is(err, reports.ErrNoChromium) || !strings.Contains(err.Error(), "apt-get install chromium") ||
		!strings.Contains(err.Error(), "[laporan] chromium") {
		t.Errorf("err = %v", err)
	}
	t.Setenv("PATH", t.TempDir())
	if _, err := reports.FindChromium(""); !errors.Is(err, reports.ErrNoChromium) {
		t.Errorf("an empty PATH: err = %v", err)
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

func TestPrintPDFGivesAPDFWithPages(t *testing.T) {
	browser := chromium(t)
	r := december()
	r.Generated = time.Now()
	page, err := reports.Render(r)
	if err != nil {
		t.Fatal(err)
	}
	pdf, err := reports.PrintPDF(context.Background(), browser, page)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(pdf), "%PDF-") || reports.PageCount(pdf) < 1 {
		t.Errorf("not a PDF with pages: %d bytes, %d pages, %.20q", len(pdf), reports.PageCount(pdf), pdf)
	}
	// A browser that fails says so, with what it printed.
	if _, err := reports.PrintPDF(context.Background(), mustLook(t, "false"), page); err == nil {
		t.Error("a browser that fails must be an error")
	}
}

func mustLook(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		t.Skip(name + " not on PATH")
	}
	return p
}
