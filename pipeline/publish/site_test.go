package publish_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/formula"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/site"
)

func buildFixture(t *testing.T, edit func(string, []byte) []byte) string {
	t.Helper()
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, edit))
	out := filepath.Join(t.TempDir(), "public")
	if _, err := publish.Site(context.Background(), db, out, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	return out
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestSiteHasEveryPageInBothLanguages(t *testing.T) {
	out := buildFixture(t, nil)
	for _, p := range []string{"index.html", "opd/dc/index.html", "opd/bu/index.html", "metodologi/index.html",
		"data/index.html", "panduan/index.html", "en/panduan/index.html", "panduan/templat_penilaian.xlsx", "en/index.html", "en/opd/dc/index.html", "en/metodologi/index.html", "en/data/index.html",
		"data/kpi_opd_bulanan.csv", "data/kpi_opd_bulanan.json", "data/kpi_provinsi_bulanan.csv", "data/iku_capaian.csv",
		"data/kurva_distribusi_tahunan.csv", "data/datapackage.json", "assets/vendor/echarts.min.js", "assets/app.js"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("missing %s", p)
		}
	}
	if s := read(t, filepath.Join(out, "index.html")); !strings.Contains(s, `<html lang="id">`) || !strings.Contains(s, `hreflang="en"`) {
		t.Error("overview is not Indonesian with a switch to English")
	}
	if s := read(t, filepath.Join(out, "en/opd/dc/index.html")); !strings.Contains(s, `<html lang="en">`) || !strings.Contains(s, `href="../../../opd/dc/"`) {
		t.Error("English OPD page does not link to its Indonesian twin")
	}
}

func TestPublishedCSVHasTheColumnsOfKPIMd(t *testing.T) {
	out := buildFixture(t, nil)
	csv := read(t, filepath.Join(out, "data/kpi_opd_bulanan.csv"))
	header, _, _ := strings.Cut(csv, "\n")
	want := "periode,opd_kode,opd_nama,jumlah_pegawai,jumlah_dinilai,cakupan_penilaian_persen,dinilai_tepat_waktu_persen,sangat_baik,baik,butuh_perbaikan,kurang,sangat_kurang,sangat_baik_persen,baik_persen,butuh_perbaikan_persen,kurang_persen,sangat_kurang_persen,jumlah_indikator_iku,indikator_tercapai,rata_capaian_iku_persen,rata_jp_per_pegawai,persen_memenuhi_20jp"
	if header != want {
		t.Errorf("header\n got %s\nwant %s", header, want)
	}
	// dc in January: 3 employees, 2 evaluated, 66.67% coverage; the
	// predikat counts (1 and 1) are suppressed.
	if !strings.Contains(csv, "\n2026-01,dc,DINAS CONTOH,3,2,66.67,50,,,0,0,0,,,0,0,0,3,2,96.01,4,0\n") {
		t.Errorf("dc 2026-01 row not as computed by hand:\n%s", csv)
	}
}

func TestNumbersOnPagesUseTheLanguagesFormat(t *testing.T) {
	out := buildFixture(t, nil)
	id := read(t, filepath.Join(out, "opd/dc/index.html"))
	en := read(t, filepath.Join(out, "en/opd/dc/index.html"))
	// dc's scorecard: coverage 100% in February, +33,3 points on January.
	if !strings.Contains(id, `<span class="tile-delta">&#43;33,3 poin dibanding bulan lalu</span>`) {
		t.Error("Indonesian scorecard lacks the change on the previous month")
	}
	if !strings.Contains(id, "66,7%") || !strings.Contains(id, "Januari 2026") {
		t.Error("Indonesian page lacks 66,7% or Januari 2026")
	}
	if !strings.Contains(en, "66.7%") || !strings.Contains(en, "January 2026") {
		t.Error("English page lacks 66.7% or January 2026")
	}
}

func TestRebuildWithSameDataRewritesNothing(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	out := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	first, err := publish.Site(ctx, db, out, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	before := read(t, filepath.Join(out, "index.html"))
	info, _ := os.Stat(filepath.Join(out, "index.html"))
	second, err := publish.Site(ctx, db, out, publish.Options{})
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.Stat(filepath.Join(out, "index.html"))
	if !first.Changed || second.Changed || !info.ModTime().Equal(after.ModTime()) || before != read(t, filepath.Join(out, "index.html")) {
		t.Errorf("first changed=%v, second changed=%v; the second build must rewrite nothing", first.Changed, second.Changed)
	}
}

func TestAgencyTextIsEscapedEverywhere(t *testing.T) {
	evil := []string{`<img src=x onerror=alert(1)>`, `</script><script>alert(1)</script>`}
	out := buildFixture(t, func(name string, b []byte) []byte {
		b = bytes.ReplaceAll(b, []byte("DINAS CONTOH"), []byte(evil[0]))
		return bytes.ReplaceAll(b, []byte("Angka kejadian"), []byte(evil[1]))
	})
	err := filepath.WalkDir(out, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		s := read(t, p)
		for _, v := range evil {
			if strings.Contains(s, v) || strings.Contains(s, "<img src=x") || strings.Contains(s, "<script>alert") {
				t.Errorf("%s contains unescaped agency text", p)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestSiteNeverShowsANIP(t *testing.T) {
	out := buildFixture(t, nil)
	nips := []string{"198501012010011001", "198602022011012002", "19860202 201101 2 002", "Ayu Lestari", "Citra Anggraini", "Pegawai 1;"}
	err := filepath.WalkDir(out, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || strings.Contains(p, "vendor") {
			return err
		}
		s := read(t, p)
		for _, n := range nips {
			if strings.Contains(s, n) {
				t.Errorf("%s shows %q", p, n)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPublishedKPIFileMatchesTheHandComputedOneCellByCell(t *testing.T) {
	out := buildFixture(t, nil)
	got := strings.Split(strings.TrimSpace(read(t, filepath.Join(out, "data/kpi_opd_bulanan.csv"))), "\n")
	want := strings.Split(strings.TrimSpace(read(t, filepath.Join(pipelinetest.FixtureDir()+".expected", "kpi_opd_bulanan.csv"))), "\n")
	if len(got) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	header := strings.Split(want[0], ",")
	for i := range want {
		g, w := strings.Split(got[i], ","), strings.Split(want[i], ",")
		for j := range w {
			if j >= len(g) || g[j] != w[j] {
				t.Errorf("line %d, column %s: got %q, want %q", i+1, header[j], at(g, j), w[j])
			}
		}
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(missing)"
}

func TestAnalystKPIGetsAPageAndADownload(t *testing.T) {
	t.Chdir(t.TempDir())
	if err := os.Mkdir("kpi-analis", 0o755); err != nil {
		t.Fatal(err)
	}
	err := os.WriteFile(filepath.Join("kpi-analis", "rasio_dinilai.sql"), []byte(`-- judul: Rasio dinilai
-- title: Evaluated ratio
-- definisi: Jumlah dinilai dibagi jumlah pegawai.
-- definition: Evaluated over headcount.
-- unit: rasio
-- higher_is_better: true
SELECT periode, opd_kode, jumlah_dinilai / nullif(jumlah_pegawai, 0) AS nilai FROM kpi_opd_bulanan`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	out := buildFixture(t, nil)
	page := read(t, filepath.Join(out, "kpi/rasio_dinilai/index.html"))
	if !strings.Contains(page, "Rasio dinilai") || !strings.Contains(page, "peringkat.csv") {
		t.Error("analyst KPI page lacks its title or download")
	}
	csv := read(t, filepath.Join(out, "data/analis_rasio_dinilai.csv"))
	if !strings.Contains(csv, "2026-02,bu,0.5") {
		t.Errorf("analyst file:\n%s", csv)
	}
	if !strings.Contains(read(t, filepath.Join(out, "data/datapackage.json")), "analis_rasio_dinilai.csv") {
		t.Error("datapackage.json does not describe the analyst file")
	}
}

func TestChartSummariesSayTheProvinceCounts(t *testing.T) {
	out := buildFixture(t, nil)
	// Province February: 3 of 4 employees evaluated.
	if s := read(t, filepath.Join(out, "index.html")); !strings.Contains(s, "75,0% pegawai dinilai (3 dari 4 pegawai)") {
		t.Error("overview coverage summary does not say 3 of 4")
	}
}

func TestStatusJSONSurvivesARebuildAndIsNoChange(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	out := filepath.Join(t.TempDir(), "public")
	ctx := context.Background()
	if _, err := publish.Site(ctx, db, out, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(out, "status.json"), []byte(`{"ok":true}`), 0o644); err != nil {
		t.Fatal(err)
	}
	st, err := publish.Site(ctx, db, out, publish.Options{})
	if err != nil || st.Changed {
		t.Errorf("rebuild changed=%v err=%v; status.json must not count as a change", st.Changed, err)
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if st, _ := publish.Site(ctx, db, out, publish.Options{}); !st.Changed {
		t.Error("a changed page must be rebuilt")
	}
	if read(t, filepath.Join(out, "status.json")) != `{"ok":true}` {
		t.Error("status.json lost in the swap")
	}
}

// TestCurveChartMarksTheLimitsAndSpeaksThePagesLanguage: DINAS CONTOH (rated
// Baik) gets an annual evaluation of 2 Sangat Baik and 1 Baik. Its curve
// chart marks the Baik limit of 70%, and each language gives the broken
// rules in its own words, with the suppressed counts left out.
func TestCurveChartMarksTheLimitsAndSpeaksThePagesLanguage(t *testing.T) {
	annual := func(nip, hk, ha string) string {
		return "TAHUNAN;x;" + nip + ";Pegawai;;;;;DINAS CONTOH;;;0;" + hk + ";" + hk + ";" + ha + ";;;;;;;;2027-01-10 10:00:00;;2026;;;;III/c;PNS;"
	}
	out := buildFixture(t, func(name string, b []byte) []byte {
		if !strings.HasPrefix(name, "penilaian") {
			return b
		}
		header, rest, _ := strings.Cut(string(b), "\n")
		return []byte(header + "\n" + strings.Join([]string{
			annual("198501012010011001", "DIATAS EKSPEKTASI", "SANGAT BAIK"),
			annual("198602022011012002", "DIATAS EKSPEKTASI", "SANGAT BAIK"),
			annual("198703032012011003", "SESUAI EKSPEKTASI", "BAIK"),
		}, "\n") + "\n" + rest)
	})
	id := read(t, filepath.Join(out, "opd", "dc", "index.html"))
	en := read(t, filepath.Join(out, "en", "opd", "dc", "index.html"))
	for _, want := range []string{"Batas maksimal", "maks. 70,0%", "Baik bukan kelompok terbesar",
		"Butuh Perbaikan atau Kurang/Misconduct 0 orang, minimal 1 orang"} {
		if !strings.Contains(id, want) {
			t.Errorf("Indonesian page lacks %q", want)
		}
	}
	for _, want := range []string{"Upper limit", "at most 70.0%", "Good is not the largest group",
		"Needs improvement or Poor/Misconduct: 0 people, at least 1 required"} {
		if !strings.Contains(en, want) {
			t.Errorf("English page lacks %q", want)
		}
	}
	if strings.Contains(en, "bukan kelompok terbesar") {
		t.Error("English page shows the Indonesian reason")
	}
}

// TestMethodologySaysWhichWayIsBetter: the methodology page, built from the
// SQL headers, gives each indicator's direction in the page's language.
func TestMethodologySaysWhichWayIsBetter(t *testing.T) {
	out := buildFixture(t, nil)
	id := read(t, filepath.Join(out, "metodologi", "index.html"))
	en := read(t, filepath.Join(out, "en", "metodologi", "index.html"))
	if !strings.Contains(id, "makin tinggi makin baik") || !strings.Contains(id, "makin rendah makin baik") {
		t.Error("Indonesian methodology page does not say which way is better")
	}
	if !strings.Contains(en, "higher is better") || strings.Contains(en, "makin tinggi") {
		t.Error("English methodology page does not say which way is better in English")
	}
}

// TestHostileAgencyTextIsNoFormulaInAnyCSV builds the site from agency text
// made of formulas (OWASP CSV injection) and markup: no cell of any
// published CSV may be read as a formula by a spreadsheet, and the JSON
// keeps the value as sent.
func TestHostileAgencyTextIsNoFormulaInAnyCSV(t *testing.T) {
	hostile := map[string]string{
		"DINAS CONTOH":                   `=HYPERLINK("http://contoh.invalid")`,
		"Angka kejadian":                 "@SUM(1+1)",
		"Persentase layanan tepat waktu": "+cmd|' /C calc'!A0",
		"Badan  Uji":                     "-2+3 <b>tebal</b>",
	}
	out := buildFixture(t, func(name string, b []byte) []byte {
		for from, to := range hostile {
			b = bytes.ReplaceAll(b, []byte(from), []byte(to))
		}
		return b
	})
	csvs := 0
	err := filepath.WalkDir(out, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".csv") {
			return err
		}
		csvs++
		r := csv.NewReader(strings.NewReader(read(t, p)))
		r.FieldsPerRecord = -1
		if strings.HasPrefix(filepath.Base(p), "templat_") {
			r.Comma = ';' // the agencies' templates are written as e-Kinerja writes
		}
		recs, err := r.ReadAll()
		if err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
		for i, r := range recs {
			for _, cell := range r {
				if _, num := strconv.ParseFloat(cell, 64); formula.Dangerous(cell) && num != nil {
					t.Errorf("%s row %d: %q runs as a formula in a spreadsheet", p, i+1, cell)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if csvs < 10 {
		t.Fatalf("only %d CSV files", csvs)
	}
	iku := read(t, filepath.Join(out, "data", "iku_capaian.csv"))
	if !strings.Contains(iku, `'@SUM(1+1)`) {
		t.Errorf("the hostile indicator name is not in iku_capaian.csv, neutralised:\n%s", iku)
	}
	if j := read(t, filepath.Join(out, "data", "iku_capaian.json")); !strings.Contains(j, `"@SUM(1+1)"`) {
		t.Errorf("the JSON does not keep the value as sent")
	}
}

// TestACorrectionShowsOnTheRevisionLogAndTheChainVerifies publishes the
// fixture province, then a correction of DINAS CONTOH's January (employee
// 2, not rated in the first export, rated later): the revision page lists
// the changed numbers with the file that caused them, the chain verifies,
// and a tampered file or log entry makes the verification name it.
func TestACorrectionShowsOnTheRevisionLogAndTheChainVerifies(t *testing.T) {
	ctx := context.Background()
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	out := filepath.Join(t.TempDir(), "public")
	clock := time.Date(2026, 3, 10, 8, 0, 0, 0, time.UTC)
	opt := publish.Options{Now: func() time.Time { return clock }}
	if _, err := publish.Site(ctx, db, out, opt); err != nil {
		t.Fatal(err)
	}
	if v, err := site.Verify(out); err != nil || v.Entries != 1 {
		t.Fatalf("first publication: %+v %v", v, err)
	}
	inbox := t.TempDir()
	correction := "nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;tahun_skp;bulan_skp;waktu_dinilai\n" +
		"198501012010011001;DINAS CONTOH;DIATAS EKSPEKTASI;DIATAS EKSPEKTASI;SANGAT BAIK;2026;1;2026-02-03 10:00:00\n" +
		"198602022011012002;DINAS CONTOH;SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026;1;2026-02-06 08:00:00\n" +
		"198703032012011003;DINAS CONTOH;SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026;1;2026-02-20 09:00:00\n"
	if err := os.WriteFile(filepath.Join(inbox, "penilaian_2026_01_dc_koreksi.csv"), []byte(correction), 0o644); err != nil {
		t.Fatal(err)
	}
	if res, err := ingest.Inbox(ctx, db, inbox, ingest.Options{NIPKey: pipelinetest.Key}); err != nil || res.Count(ingest.StatusAccepted) != 1 {
		t.Fatalf("correction: %+v %v", res.Files, err)
	}
	if _, err := compute.Run(ctx, db, config.Default(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	clock = clock.Add(48 * time.Hour)
	if _, err := publish.Site(ctx, db, out, opt); err != nil {
		t.Fatal(err)
	}
	v, err := site.Verify(out)
	if err != nil || v.Entries != 2 || v.Files < 8 {
		t.Fatalf("after the correction: %+v %v", v, err)
	}
	page := read(t, filepath.Join(out, "riwayat", "index.html"))
	for _, want := range []string{"jumlah_dinilai", "penilaian dc 2026-01", "Januari 2026", "2026-03-12 15:00"} {
		if !strings.Contains(page, want) {
			t.Errorf("the revision page does not show %q", want)
		}
	}
	if en := read(t, filepath.Join(out, "en", "riwayat", "index.html")); !strings.Contains(en, "January 2026") {
		t.Error("the English revision page does not show the month")
	}
	if !strings.Contains(read(t, filepath.Join(out, "opd", "dc", "index.html")), "riwayat/#opd-dc") {
		t.Error("the OPD page does not link to its revisions")
	}
	// No new entry without new data.
	clock = clock.Add(time.Hour)
	if st, err := publish.Site(ctx, db, out, opt); err != nil || st.Changed {
		t.Errorf("a rebuild with the same data: changed %v, %v", st.Changed, err)
	}
	for _, c := range []struct{ file, where string }{
		{"data/kpi_opd_bulanan.csv", "data/kpi_opd_bulanan.csv"},
		{"data/riwayat/0001.txt", "publication 1"},
	} {
		copyDir := t.TempDir()
		if err := os.CopyFS(copyDir, os.DirFS(out)); err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(copyDir, filepath.FromSlash(c.file))
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, bytes.Replace(b, []byte("2"), []byte("3"), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err = site.Verify(copyDir)
		var broken *site.BrokenLink
		if !errors.As(err, &broken) || broken.Where != c.where && !strings.HasPrefix(broken.Where, c.where) {
			t.Errorf("tampering with %s: %v, want a broken link at %s", c.file, err, c.where)
		}
	}
}
