package compute_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// The February 2026 of one agency, DINAS UJI, with ten employees, sent three
// ways (docs/datasets.md "Corrections of penilaian"):
//   - asli: all ten rated on 3 March (on time, the deadline is 5 March):
//     employees 1-2 Sangat Baik, 3-8 Baik, 9-10 Butuh Perbaikan;
//   - koreksi: the same ten, but 1, 9 and 10 re-rated Baik on 10 March
//     (late);
//   - koreksi tanpa 10: the correction without employee 10, who was wrongly
//     in the first export;
//   - basi: asli re-saved by a spreadsheet (LF line ends, header in capitals),
//     so not byte-identical and not caught as a duplicate.
const skpUji = "nip;skp_unor_induk;periode_awal;periode_akhir;skp_status\n"

func nipUji(i int) string { return fmt.Sprintf("198001012005011%03d", i) }

func rosterUji() string {
	var b strings.Builder
	b.WriteString(skpUji)
	for i := 1; i <= 10; i++ {
		fmt.Fprintf(&b, "%s;DINAS UJI;2026-01-01;2026-12-31;persetujuan\n", nipUji(i))
	}
	return b.String()
}

type ratingUji struct{ hasil, perilaku, predikat, waktu string }

func penilaianUji(rows map[int]ratingUji, eol, header string) string {
	var b strings.Builder
	b.WriteString(header + eol)
	for i := 1; i <= 10; i++ {
		r, ok := rows[i]
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "%s;DINAS UJI;%s;%s;%s;2026;2;%s%s", nipUji(i), r.hasil, r.perilaku, r.predikat, r.waktu, eol)
	}
	return b.String()
}

const (
	diatas = "DIATAS EKSPEKTASI"
	sesuai = "SESUAI EKSPEKTASI"
	bawah  = "DIBAWAH EKSPEKTASI"
	tepat  = "2026-03-03 10:00:00"
	telat  = "2026-03-10 09:00:00"
)

func asliUji() map[int]ratingUji {
	rows := map[int]ratingUji{}
	for i := 1; i <= 10; i++ {
		switch {
		case i <= 2:
			rows[i] = ratingUji{diatas, diatas, "SANGAT BAIK", tepat}
		case i <= 8:
			rows[i] = ratingUji{sesuai, sesuai, "BAIK", tepat}
		default:
			rows[i] = ratingUji{bawah, sesuai, "BUTUH PERBAIKAN", tepat}
		}
	}
	return rows
}

func koreksiUji(without ...int) map[int]ratingUji {
	rows := asliUji()
	for _, i := range []int{1, 9, 10} {
		rows[i] = ratingUji{sesuai, sesuai, "BAIK", telat}
	}
	for _, i := range without {
		delete(rows, i)
	}
	return rows
}

const headerUji = "nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;tahun_skp;bulan_skp;waktu_dinilai"

// kpiUji is what the KPIs of DINAS UJI for 2026-02 must be.
type kpiUji struct {
	pegawai, dinilai        int
	cakupan, tepatWaktu     float64
	sangatBaik, baik, butuh int
}

// arrive ingests the files one ingest each, in the order given, and
// computes the KPIs.
func arrive(t *testing.T, files ...[2]string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() }) // in memory
	opt := ingest.Options{NIPKey: []byte("kunci-uji-yang-cukup-panjang")}
	for _, f := range files {
		inbox := t.TempDir()
		if err := os.WriteFile(filepath.Join(inbox, f[0]), []byte(f[1]), 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := ingest.Inbox(ctx, db, inbox, opt)
		if err != nil || len(res.Files) != 1 || res.Files[0].Status != ingest.StatusAccepted {
			t.Fatalf("ingesting %s: %+v %v", f[0], res.Files, err)
		}
	}
	if _, err := compute.Run(ctx, db, config.Default(), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	return db
}

func checkUji(t *testing.T, db *store.DB, want kpiUji) {
	t.Helper()
	var got kpiUji
	err := db.Row(context.Background(), `SELECT jumlah_pegawai, jumlah_dinilai, cakupan_penilaian_persen, dinilai_tepat_waktu_persen,
			sangat_baik, baik, butuh_perbaikan
		FROM kpi_opd_bulanan WHERE periode = '2026-02' AND opd_nama = 'DINAS UJI'`).
		Scan(&got.pegawai, &got.dinilai, &got.cakupan, &got.tepatWaktu, &got.sangatBaik, &got.baik, &got.butuh)
	if err != nil {
		t.Fatal(err)
	}
	round := func(x float64) float64 { return math.Round(x*100) / 100 }
	got.cakupan, got.tepatWaktu = round(got.cakupan), round(got.tepatWaktu)
	if got != want {
		t.Errorf("KPIs of DINAS UJI 2026-02:\n got %+v\nwant %+v", got, want)
	}
}

func TestCorrectionsCountByTimeNotByArrivalOrder(t *testing.T) {
	roster := [2]string{"skp_2026_uji.csv", rosterUji()}
	asli := [2]string{"penilaian_2026_02_uji.csv", penilaianUji(asliUji(), "\r\n", "\ufeff"+headerUji)}
	koreksi := [2]string{"penilaian_2026_02_uji_koreksi.csv", penilaianUji(koreksiUji(), "\r\n", headerUji)}
	basi := [2]string{"penilaian_2026_02_uji_lagi.csv", penilaianUji(asliUji(), "\n", strings.ToUpper(headerUji))}
	tanpa10 := [2]string{"penilaian_2026_02_uji_koreksi.csv", penilaianUji(koreksiUji(10), "\r\n", headerUji)}

	// By hand: the correction counts. Employees 2-8 rated on time: 7 of
	// 10; Sangat Baik is employee 2 alone; Baik 1, 3-8, 9 and 10.
	corrected := kpiUji{pegawai: 10, dinilai: 10, cakupan: 100, tepatWaktu: 70, sangatBaik: 1, baik: 9, butuh: 0}

	t.Run("original, correction, stale resend", func(t *testing.T) {
		db := arrive(t, roster, asli, koreksi, basi)
		checkUji(t, db, corrected)
		// The stale resend is recorded as such, and its rows name the
		// correction that superseded them.
		var findings, superseded, by int
		if err := db.Row(context.Background(), `SELECT
				(SELECT count(*) FROM temuan t JOIN berkas b USING (berkas_id) WHERE b.nama = ? AND t.jenis = 'berkas_lebih_lama'),
				(SELECT count(*) FROM penilaian_status s JOIN berkas b USING (berkas_id) WHERE b.nama = ? AND s.status = 'digantikan_berkas'),
				(SELECT count(DISTINCT s.digantikan_oleh) FILTER (WHERE k.nama = ?) FROM penilaian_status s JOIN berkas b USING (berkas_id)
					JOIN berkas k ON k.berkas_id = s.digantikan_oleh WHERE b.nama = ?)`, basi[0], basi[0], koreksi[0], basi[0]).
			Scan(&findings, &superseded, &by); err != nil {
			t.Fatal(err)
		}
		if findings != 1 || superseded != 10 || by != 1 {
			t.Errorf("stale resend: %d findings, %d rows superseded, superseded by the correction: %d", findings, superseded, by)
		}
	})
	t.Run("correction, then the original", func(t *testing.T) {
		checkUji(t, arrive(t, roster, koreksi, asli), corrected)
	})
	t.Run("original, then a correction that drops an employee", func(t *testing.T) {
		// Employee 10 is gone: 9 evaluated, 7 of them on time; Sangat Baik
		// employee 2; Baik 1, 3-8 and 9.
		checkUji(t, arrive(t, roster, asli, tanpa10), kpiUji{pegawai: 10, dinilai: 9, cakupan: 90, tepatWaktu: 77.78, sangatBaik: 1, baik: 8})
	})
	t.Run("original, correction dropping an employee, stale resend", func(t *testing.T) {
		checkUji(t, arrive(t, roster, asli, tanpa10, basi), kpiUji{pegawai: 10, dinilai: 9, cakupan: 90, tepatWaktu: 77.78, sangatBaik: 1, baik: 8})
	})
}

// TestTheLatestEvaluationDataTestCanFail: the data test
// penilaian_terbaru_dihitung catches a counted row older than another
// candidate of the same NIP and period.
func TestTheLatestEvaluationDataTestCanFail(t *testing.T) {
	// One file with employee 1 twice: rated on 3 March, re-rated on 10 March.
	twice := penilaianUji(asliUji(), "\n", headerUji) + nipUji(1) + ";DINAS UJI;" + sesuai + ";" + sesuai + ";BAIK;2026;2;" + telat + "\n"
	db := arrive(t, [2]string{"skp_2026_uji.csv", rosterUji()}, [2]string{"penilaian_2026_02_uji.csv", twice})
	ctx := context.Background()
	err := db.Tx(ctx, func(tx *store.Tx) error {
		// The wrong row counted: the earlier evaluation of employee 1.
		if err := tx.Exec(ctx, `CREATE TEMP VIEW penilaian_status AS
			SELECT * REPLACE (CASE WHEN status = 'digantikan_penilaian_ulang' THEN 'dihitung'
			                       WHEN status = 'dihitung' AND waktu_dinilai = TIMESTAMP '`+telat+`' THEN 'digantikan_penilaian_ulang'
			                       ELSE status END AS status)
			FROM memory.main.penilaian_status`); err != nil {
			return err
		}
		failures, err := compute.RunTests(ctx, tx)
		if err != nil {
			return err
		}
		found := false
		for _, f := range failures {
			found = found || f.Test == "penilaian_terbaru_dihitung"
		}
		if !found {
			t.Errorf("the data test did not catch an older evaluation counted: %+v", failures)
		}
		return fmt.Errorf("roll back")
	})
	if err == nil || !strings.Contains(err.Error(), "roll back") {
		t.Fatal(err)
	}
}

// TestAnSKPListedTwiceCountsTheEmployeeOnce: jumlah_pegawai is distinct
// NIPs (docs/kpi.md), whatever the roster repeats.
func TestAnSKPListedTwiceCountsTheEmployeeOnce(t *testing.T) {
	roster := rosterUji() + nipUji(1) + ";DINAS UJI;2026-01-01;2026-12-31;persetujuan\n" + nipUji(2) + ";DINAS UJI;2026-01-01;2026-06-30;persetujuan\n"
	db := arrive(t, [2]string{"skp_2026_uji.csv", roster}, [2]string{"penilaian_2026_02_uji.csv", penilaianUji(asliUji(), "\n", headerUji)})
	var n int
	if err := db.Row(context.Background(), `SELECT jumlah_pegawai FROM kpi_opd_bulanan WHERE periode = '2026-02' AND opd_nama = 'DINAS UJI'`).Scan(&n); err != nil || n != 10 {
		t.Errorf("jumlah_pegawai %d, want 10 (%v)", n, err)
	}
}
