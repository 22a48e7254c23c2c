package compute_test

import (
	"context"
	"database/sql"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// loadFixture ingests the small hand-computable province of
// pipeline/testdata/provinsi-kecil and computes the KPIs.
func loadFixture(t *testing.T) *store.DB {
	t.Helper()
	return pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
}

func TestOPDMonthKPIsMatchHandComputedValues(t *testing.T) {
	db := loadFixture(t)
	type want struct {
		pegawai, dinilai     int
		cakupan, tepat       sql.NullFloat64
		sb, b, bp            int
		iku, tercapai        int
		capaian, jp, patuhJP sql.NullFloat64
	}
	f := func(v float64) sql.NullFloat64 { return sql.NullFloat64{Float64: v, Valid: true} }
	cases := []struct {
		periode, opd string
		want         want
	}{
		// Jan: A (SB, on time), B (Baik, late: 6 Feb), C not rated yet; D is a draft SKP.
		{"2026-01", "dc", want{3, 2, f(66.67), f(50), 1, 1, 0, 3, 2, f(96.01), f(4), f(0)}},
		// Feb: C moved to BU; A re-evaluated on 10 Mar (late) as SB; B Butuh Perbaikan on time.
		{"2026-02", "dc", want{2, 2, f(100), f(50), 1, 0, 1, 0, 0, sql.NullFloat64{}, f(11), f(50)}},
		{"2026-01", "bu", want{1, 1, f(100), f(100), 0, 1, 0, 0, 0, sql.NullFloat64{}, f(0), f(0)}},
		// Feb: E's only row is an acting (Plt) one; C counts here after the mutasi.
		{"2026-02", "bu", want{2, 1, f(50), f(100), 0, 1, 0, 0, 0, sql.NullFloat64{}, f(0), f(0)}},
	}
	for _, c := range cases {
		t.Run(c.periode+"/"+c.opd, func(t *testing.T) {
			var g want
			err := db.Row(context.Background(), `SELECT jumlah_pegawai, jumlah_dinilai, cakupan_penilaian_persen,
				dinilai_tepat_waktu_persen, sangat_baik, baik, butuh_perbaikan, jumlah_indikator_iku,
				indikator_tercapai, rata_capaian_iku_persen, rata_jp_per_pegawai, persen_memenuhi_20jp
				FROM kpi_opd_bulanan WHERE periode = ? AND opd_kode = ?`, c.periode, c.opd).Scan(
				&g.pegawai, &g.dinilai, &g.cakupan, &g.tepat, &g.sb, &g.b, &g.bp, &g.iku, &g.tercapai,
				&g.capaian, &g.jp, &g.patuhJP)
			if err != nil {
				t.Fatal(err)
			}
			if g != c.want {
				t.Errorf("got  %+v\nwant %+v", g, c.want)
			}
		})
	}
}

func TestProvinceRowsRecomputePercentagesFromSums(t *testing.T) {
	db := loadFixture(t)
	var pegawai, dinilai int
	var cakupan, tepat float64
	err := db.Row(context.Background(), `SELECT jumlah_pegawai, jumlah_dinilai, cakupan_penilaian_persen, dinilai_tepat_waktu_persen
		FROM kpi_provinsi_bulanan WHERE periode = '2026-01'`).Scan(&pegawai, &dinilai, &cakupan, &tepat)
	if err != nil {
		t.Fatal(err)
	}
	// 3 of 4 employees evaluated, 2 of the 3 on time; the mean of the OPD
	// percentages would be (66.67+100)/2 = 83.33, which is wrong.
	if pegawai != 4 || dinilai != 3 || cakupan != 75 || tepat != 66.67 {
		t.Errorf("province 2026-01 = %d, %d, %v, %v; want 4, 3, 75, 66.67", pegawai, dinilai, cakupan, tepat)
	}
}

func TestPublishedCountsSuppressSmallCells(t *testing.T) {
	db := loadFixture(t)
	var sb, b sql.NullInt64
	var dinilai int
	err := db.Row(context.Background(), `SELECT jumlah_dinilai, sangat_baik, baik FROM terbit_kpi_opd_bulanan
		WHERE periode = '2026-01' AND opd_kode = 'dc'`).Scan(&dinilai, &sb, &b)
	if err != nil {
		t.Fatal(err)
	}
	if dinilai != 2 || sb.Valid || b.Valid {
		t.Errorf("published dc 2026-01: dinilai %d, sangat_baik %v, baik %v; want 2 with both counts suppressed", dinilai, sb, b)
	}
}

func TestTrendsCompareWithThePreviousMonthAndRankAgencies(t *testing.T) {
	db := loadFixture(t)
	var nilai, lalu, selisih float64
	var peringkat int
	err := db.Row(context.Background(), `SELECT nilai, nilai_bulan_lalu, selisih_bulan_lalu, peringkat FROM tren
		WHERE periode = '2026-02' AND opd_kode = 'dc' AND indikator = 'cakupan_penilaian_persen'`).Scan(&nilai, &lalu, &selisih, &peringkat)
	if err != nil {
		t.Fatal(err)
	}
	// dc: 66.67% in January, 100% in February, ahead of bu's 50%.
	if nilai != 100 || lalu != 66.67 || selisih != 33.33 || peringkat != 1 {
		t.Errorf("got %v %v %v rank %d; want 100 66.67 33.33 rank 1", nilai, lalu, selisih, peringkat)
	}
	var flags int
	if err := db.Row(context.Background(), `SELECT count(*) FROM perhatian WHERE periode = '2026-02' AND opd_kode = 'bu' AND jenis = 'cakupan_rendah'`).Scan(&flags); err != nil {
		t.Fatal(err)
	}
	if flags != 1 {
		t.Errorf("bu at 50%% coverage must be flagged, got %d flags", flags)
	}
}

func TestACorrectedFileSupersedesTheEarlierOneWhichStaysStored(t *testing.T) {
	inbox := pipelinetest.CopyFixture(t, nil)
	db := pipelinetest.Load(t, inbox)
	// A corrected export of DINAS CONTOH for February: B is now Baik.
	corr := strings.Join([]string{
		"nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;waktu_dinilai;tahun_skp;bulan_skp",
		"198501012010011001;DINAS CONTOH;DIATAS EKSPEKTASI;DIATAS EKSPEKTASI;SANGAT BAIK;2026-03-10 09:00:00;2026;2",
		"198602022011012002;DINAS CONTOH;SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026-03-12 09:00:00;2026;2",
	}, "\n")
	if err := os.WriteFile(filepath.Join(inbox, "penilaian_2026_02_DC_koreksi.csv"), []byte(corr), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := ingest.Inbox(ctx, db, inbox, ingest.Options{NIPKey: pipelinetest.Key}); err != nil {
		t.Fatal(err)
	}
	if _, err := compute.Run(ctx, db, config.Default(), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	var baik, bp, digantikan, stored int
	tepat := -1.0
	if err := db.Row(context.Background(), `SELECT baik, butuh_perbaikan, dinilai_tepat_waktu_persen FROM kpi_opd_bulanan WHERE periode = '2026-02' AND opd_kode = 'dc'`).Scan(&baik, &bp, &tepat); err != nil {
		t.Fatal(err)
	}
	if err := db.Row(context.Background(), `SELECT baris_digantikan_berkas_koreksi FROM kualitas_data WHERE periode = '2026-02' AND opd_kode = 'dc'`).Scan(&digantikan); err != nil {
		t.Fatal(err)
	}
	if err := db.Row(context.Background(), `SELECT count(*) FROM penilaian p JOIN berkas b USING (berkas_id) WHERE b.nama = 'penilaian_2026.csv'`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if baik != 1 || bp != 0 || tepat != 0 || digantikan != 3 || stored != 9 {
		t.Errorf("baik %d bp %d on-time %v superseded %d stored %d; want 1 0 0 3 9", baik, bp, tepat, digantikan, stored)
	}
	var superseded bool
	if err := db.Row(context.Background(), `SELECT digantikan_seluruhnya FROM berkas_digantikan d JOIN berkas b USING (berkas_id) WHERE b.nama = 'penilaian_2026.csv'`).Scan(&superseded); err != nil || superseded {
		t.Errorf("the yearly file is only partly superseded: %v %v", superseded, err)
	}
}

// TestFreshnessFailsWhenEvaluationsStopArriving: the freshness data test
// compares the newest accepted evaluation file with the compute time, on
// both sides of kpi.batas_kesegaran_hari, and 0 turns it off.
func TestFreshnessFailsWhenEvaluationsStopArriving(t *testing.T) {
	ctx := context.Background()
	db := loadFixture(t)
	cases := []struct {
		ageDays, limit int
		fails          bool
	}{
		{44, 45, false},
		{46, 45, true},
		{400, 0, false},
	}
	for _, c := range cases {
		if err := db.Exec(ctx, `UPDATE berkas SET diproses_pada = now()::TIMESTAMP - to_days(?::INTEGER) WHERE dataset = 'penilaian'`, c.ageDays); err != nil {
			t.Fatal(err)
		}
		cfg := config.Default()
		cfg.KPI.MaxDataAgeDays = c.limit
		_, err := compute.Run(ctx, db, cfg, slog.New(slog.DiscardHandler))
		var failed *compute.FailedTestsError
		gotFail := errors.As(err, &failed) && len(failed.Failures) == 1 && failed.Failures[0].Test == "penilaian_segar"
		if gotFail != c.fails || (err != nil && !gotFail) {
			t.Errorf("files %d days old, limit %d: got %v, want failing=%v", c.ageDays, c.limit, err, c.fails)
		}
	}
}
