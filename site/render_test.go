package site_test

import (
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/site"
)

const monthCols = "periode,opd_kode,opd_nama,jumlah_pegawai,jumlah_dinilai,cakupan_penilaian_persen,dinilai_tepat_waktu_persen,sangat_baik,baik,butuh_perbaikan,kurang,sangat_kurang,sangat_baik_persen,baik_persen,butuh_perbaikan_persen,kurang_persen,sangat_kurang_persen,jumlah_indikator_iku,indikator_tercapai,rata_capaian_iku_persen,rata_jp_per_pegawai,persen_memenuhi_20jp"

// month is one published month row; the OPD columns are dropped for the
// province.
func month(periode, kode, nama string, pegawai, dinilai int64, cakupan float64) []any {
	return []any{periode, kode, nama, pegawai, dinilai, cakupan, 90.0, nil, nil, 0.0, 0.0, 0.0, nil, nil, 0.0, 0.0, 0.0,
		int64(2), int64(1), 95.5, 4.0, 10.0}
}

func tableOf(cols string, rows ...[]any) site.Table {
	return site.Table{Cols: strings.Split(cols, ","), Rows: rows}
}

func without(t site.Table, cols ...string) site.Table {
	out := site.Table{}
	var keep []int
	for i, c := range t.Cols {
		drop := false
		for _, d := range cols {
			drop = drop || c == d
		}
		if !drop {
			keep = append(keep, i)
			out.Cols = append(out.Cols, c)
		}
	}
	for _, r := range t.Rows {
		var row []any
		for _, i := range keep {
			row = append(row, r[i])
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// input is a one-OPD province of two months, as pipeline/publish would load
// it: the site renders it without a database.
func input() *site.Input {
	opd := tableOf(monthCols,
		month("2026-01", "x1", "Dinas <Uji>", 40, 30, 75),
		month("2026-02", "x1", "Dinas <Uji>", 40, 36, 90))
	prov := without(opd, "opd_kode", "opd_nama")
	return &site.Input{
		Files: map[string]site.Table{
			"kpi_opd_bulanan":      opd,
			"kpi_provinsi_bulanan": prov,
			"iku_capaian": tableOf("tahun,bulan,opd_kode,opd_nama,kode_indikator,indikator,satuan,polaritas,target,target_atas,realisasi,capaian_persen",
				[]any{int32(2026), int32(2), "x1", "Dinas <Uji>", "IKU-1", "=HYPERLINK(\"x\")", "%", "naik", 80.0, nil, 76.0, 95.0}),
			"kurva_distribusi_tahunan": tableOf("tahun,opd_kode,opd_nama,predikat_organisasi,jumlah_dinilai,sangat_baik,baik,butuh_perbaikan,kurang,sangat_kurang,sesuai_kurva,alasan"),
		},
		OPD:            tableOf("opd_kode,opd_nama", []any{"x1", "Dinas <Uji>"}),
		Freshness:      tableOf("opd_kode,opd_nama,bulan_terakhir", []any{"x1", "Dinas <Uji>", "2026-02"}),
		Attention:      tableOf("periode,opd_kode,opd_nama,jenis,nilai,ambang,alasan,alasan_en"),
		CurveReasonsEN: tableOf("opd_kode,tahun,alasan_en"),
		CurveLimits:    tableOf("predikat_organisasi,predikat,maksimal,nilai"),
		Trends:         map[string]site.Table{},
		AnalystKPIs:    tableOf("nama,judul,title,definisi,definition,unit"),
		Datasets:       []site.Dataset{{Name: "penilaian", Required: "nip, periode"}},
		Templates:      map[string][]byte{"templat_penilaian.csv": []byte("nip,periode\n")},
	}
}

func TestSiteRendersFromPlainValues(t *testing.T) {
	in := input()
	for _, k := range site.BuiltinKPIs() {
		in.Trends[k] = tableOf("periode,opd_kode,nilai", []any{"2026-02", "", 90.0}, []any{"2026-02", "x1", 90.0})
	}
	files, st, err := site.Render(in)
	if err != nil {
		t.Fatal(err)
	}
	if st.Pages == 0 || st.Files != len(files) {
		t.Errorf("stats %+v for %d files", st, len(files))
	}
	for _, p := range []string{"index.html", "en/index.html", "opd/x1/index.html", "data/kpi_opd_bulanan.csv", "panduan/templat_penilaian.csv"} {
		if _, ok := files[p]; !ok {
			t.Errorf("no %s", p)
		}
	}
	page := string(files["opd/x1/index.html"])
	if strings.Contains(page, "Dinas <Uji>") || !strings.Contains(page, "Dinas &lt;Uji&gt;") {
		t.Error("the OPD's name is not escaped on its page")
	}
	if !strings.Contains(page, "90,0%") || !strings.Contains(string(files["en/opd/x1/index.html"]), "90.0%") {
		t.Error("February's coverage of 90% is not on the OPD pages in each language's format")
	}
	csv := string(files["data/iku_capaian.csv"])
	if strings.Contains(csv, "\n2026,2,x1,Dinas <Uji>,IKU-1,=") {
		t.Error("a formula in agency text reaches the CSV unneutralised")
	}
	// The same input gives the same bytes, and DataFiles are the site's.
	again, _, err := site.Render(input2(in))
	if err != nil {
		t.Fatal(err)
	}
	data, err := site.DataFiles(in)
	if err != nil {
		t.Fatal(err)
	}
	for p, b := range files {
		if string(again[p]) != string(b) {
			t.Errorf("%s differs between two renders of the same input", p)
		}
	}
	for p, b := range data {
		if string(files[p]) != string(b) {
			t.Errorf("data file %s differs from the rendered site's", p)
		}
	}
}

// input2 is a copy of in with fresh maps, so that a render cannot lean on
// state left by the one before.
func input2(in *site.Input) *site.Input {
	c := *in
	c.Trends = map[string]site.Table{}
	for k, v := range in.Trends {
		c.Trends[k] = v
	}
	return &c
}
