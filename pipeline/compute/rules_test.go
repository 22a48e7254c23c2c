package compute_test

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// computeOn opens an empty database, lets setup insert rows straight into
// the stored datasets (the KPI SQL is under test here, not ingest) and
// computes every model.
func computeOn(t *testing.T, setup string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() }) // in memory: nothing to lose
	if setup != "" {
		if err := db.Exec(ctx, setup); err != nil {
			t.Fatal(err)
		}
	}
	// The day after the files of berkas() arrived: fresh data.
	if _, err := compute.RunAt(ctx, db, config.Default(), time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC), slog.New(slog.DiscardHandler)); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestCapaianFollowsTheRegulationsWorkedExamples(t *testing.T) {
	cases := []struct {
		polaritas    string
		target, atas string
		realisasi    string
		want         sql.NullFloat64
	}{
		{"minimal", "7", "NULL", "6.5", sql.NullFloat64{Float64: 107.14, Valid: true}}, // PermenPAN-RB example
		{"minimal", "8", "NULL", "9", sql.NullFloat64{Float64: 87.5, Valid: true}},     // PermenPAN-RB example
		{"maksimal", "80", "NULL", "60", sql.NullFloat64{Float64: 75, Valid: true}},
		{"maksimal", "60", "85", "70", sql.NullFloat64{Float64: 100, Valid: true}},    // inside the range
		{"maksimal", "60", "85", "90", sql.NullFloat64{Float64: 105.88, Valid: true}}, // above: target_atas is the target
		{"maksimal", "60", "85", "45", sql.NullFloat64{Float64: 75, Valid: true}},     // below: target is the target
		{"minimal", "10", "20", "25", sql.NullFloat64{Float64: 75, Valid: true}},      // above a lower-is-better range
		{"maksimal", "0", "NULL", "10", sql.NullFloat64{}},                            // zero target
		{"maksimal", "NULL", "NULL", "10", sql.NullFloat64{}},                         // no target
		{"maksimal", "1", "NULL", "NULL", sql.NullFloat64{}},                          // text realisasi (WTP)
	}
	var rows []string
	for i, c := range cases {
		rows = append(rows, fmt.Sprintf("(1, '', %d, 2026, 1, 'OPD', 'OPD', 'K%02d', 'ind', '%%', '%s', %s, %s, 'x', %s, NULL)",
			i+2, i, c.polaritas, c.target, c.atas, c.realisasi))
	}
	db := computeOn(t, berkas("iku")+"INSERT INTO iku VALUES "+strings.Join(rows, ", "))
	for i, c := range cases {
		var got sql.NullFloat64
		if err := db.Row(context.Background(), `SELECT capaian_persen FROM iku_capaian WHERE kode_indikator = ?`, fmt.Sprintf("K%02d", i)).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s target %s..%s realisasi %s: capaian %v, want %v", c.polaritas, c.target, c.atas, c.realisasi, got, c.want)
		}
	}
}

func TestPredikatMatrixHasNineCells(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // in memory: nothing to lose
	if err := db.Run(ctx, "macros/ingest"); err != nil {
		t.Fatal(err)
	}
	// Rows: hasil kerja; columns: perilaku kerja (di bawah, sesuai, di atas).
	want := map[string][3]string{
		"di_atas":  {"kurang", "baik", "sangat_baik"},
		"sesuai":   {"kurang", "baik", "baik"},
		"di_bawah": {"sangat_kurang", "butuh_perbaikan", "butuh_perbaikan"},
	}
	for hasil, row := range want {
		for i, perilaku := range []string{"di_bawah", "sesuai", "di_atas"} {
			var got string
			if err := db.Row(context.Background(), `SELECT predikat_matriks(?, ?)`, hasil, perilaku).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != row[i] {
				t.Errorf("%s x %s = %s, want %s", hasil, perilaku, got, row[i])
			}
		}
	}
}

// annual inserts n annual evaluations of predikat p for OPD "X".
func annual(start int, counts map[string]int) string {
	var rows []string
	i := start
	for _, p := range []string{"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"} {
		for k := 0; k < counts[p]; k++ {
			rows = append(rows, fmt.Sprintf("(1, '', %d, sha256('h%05d'), NULL, NULL, 'PNS', 'X', 'X', NULL, NULL, 2025, NULL, true, NULL, NULL, '%s', false, TIMESTAMP '2026-01-10 10:00:00', %d)", i, i, p, i))
			i++
		}
	}
	return berkas("penilaian") + "INSERT INTO penilaian VALUES " + strings.Join(rows, ", ") +
		";\nINSERT INTO pegawai (pegawai_id, nip_hash) SELECT DISTINCT pegawai_id, nip_hash FROM penilaian"
}

// berkas records file 1 as an accepted file of dataset, as ingest would.
func berkas(dataset string) string {
	return "INSERT INTO berkas (berkas_id, nama, sha256, ukuran, dataset, format, status, diproses_pada) VALUES (1, 'uji.csv', 'x', 0, '" +
		dataset + "', 'csv', 'diterima', TIMESTAMP '2026-01-01 00:00:00');\n"
}

func TestEachCurveRuleOnBothSidesOfItsThreshold(t *testing.T) {
	cases := []struct {
		org    string
		counts map[string]int
		ok     bool
		reason string
	}{
		{"Istimewa", map[string]int{"sangat_baik": 70, "baik": 30}, true, ""},
		{"Istimewa", map[string]int{"sangat_baik": 71, "baik": 29}, false, "71,0% melebihi batas 70%"},
		{"Istimewa", map[string]int{"sangat_baik": 40, "baik": 60}, false, "Sangat Baik bukan kelompok terbesar"},
		{"Baik", map[string]int{"sangat_baik": 29, "baik": 70, "butuh_perbaikan": 1}, true, ""},
		{"Baik", map[string]int{"sangat_baik": 28, "baik": 71, "kurang": 1}, false, "Baik 71,0% melebihi batas 70%"},
		{"Baik", map[string]int{"sangat_baik": 30, "baik": 70}, false, "0 orang, minimal 1 orang"},
		{"Baik", map[string]int{"sangat_baik": 60, "baik": 39, "kurang": 1}, false, "Baik bukan kelompok terbesar"},
		{"Butuh Perbaikan", map[string]int{"sangat_baik": 10, "baik": 30, "butuh_perbaikan": 60}, true, ""},
		{"Butuh Perbaikan", map[string]int{"sangat_baik": 10, "baik": 31, "butuh_perbaikan": 59}, false, "59,0% di bawah minimal 60%"},
		{"Butuh Perbaikan", map[string]int{"sangat_baik": 11, "baik": 29, "butuh_perbaikan": 60}, false, "Sangat Baik 11,0% melebihi batas 10%"},
		{"Kurang", map[string]int{"sangat_baik": 10, "butuh_perbaikan": 10, "baik": 20, "kurang": 60}, true, ""},
		{"Kurang", map[string]int{"sangat_baik": 10, "butuh_perbaikan": 9, "baik": 21, "kurang": 60}, false, "Butuh Perbaikan 9,0% di bawah minimal 10%"},
		{"Sangat Kurang", map[string]int{"sangat_kurang": 60, "kurang": 5, "butuh_perbaikan": 5, "baik": 30}, true, ""},
		{"Sangat Kurang", map[string]int{"sangat_kurang": 60, "kurang": 4, "butuh_perbaikan": 5, "baik": 31}, false, "Kurang/Misconduct atau Butuh Perbaikan 9,0% di bawah minimal 10%"},
		{"Sangat Kurang", map[string]int{"sangat_kurang": 60, "kurang": 10, "sangat_baik": 1, "baik": 29}, false, "Sangat Baik 1,0% melebihi batas 0%"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s %v", c.org, c.counts), func(t *testing.T) {
			setup := annual(2, c.counts) + ";\nINSERT INTO opd_ref VALUES (1, '', 2, 'X', 'X', 'X', 2025, '" +
				strings.ReplaceAll(strings.ToLower(c.org), " ", "_") + "')"
			db := computeOn(t, setup)
			var ok bool
			var reason sql.NullString
			if err := db.Row(context.Background(), `SELECT sesuai_kurva, alasan FROM kurva_distribusi_tahunan WHERE tahun = 2025`).Scan(&ok, &reason); err != nil {
				t.Fatal(err)
			}
			if ok != c.ok || (!c.ok && !strings.Contains(reason.String, c.reason)) {
				t.Errorf("sesuai_kurva %v (%s); want %v with %q", ok, reason.String, c.ok, c.reason)
			}
		})
	}
}

// TestPublishedCurveReasonsLeaveSuppressedValuesOut: the published reason of
// a broken rule shows its group's share only when no cell of the group is
// suppressed; the internal table (leadership, analysts) keeps the value.
func TestPublishedCurveReasonsLeaveSuppressedValuesOut(t *testing.T) {
	cases := []struct {
		org                     string
		counts                  map[string]int
		internal, published, en string
	}{
		{"sangat_kurang", map[string]int{"sangat_kurang": 60, "kurang": 10, "sangat_baik": 1, "baik": 29},
			"Sangat Baik 1,0% melebihi batas 0%", "Sangat Baik melebihi batas 0%", "Very good above the limit of 0%"},
		{"sangat_kurang", map[string]int{"sangat_kurang": 60, "kurang": 4, "butuh_perbaikan": 5, "baik": 31},
			"Kurang/Misconduct atau Butuh Perbaikan 9,0% di bawah minimal 10%",
			"Kurang/Misconduct atau Butuh Perbaikan di bawah minimal 10%", "Poor/Misconduct or Needs improvement below the minimum of 10%"},
		{"butuh_perbaikan", map[string]int{"sangat_baik": 11, "baik": 29, "butuh_perbaikan": 60},
			"Sangat Baik 11,0% melebihi batas 10%", "Sangat Baik 11,0% melebihi batas 10%", "Very good 11.0% above the limit of 10%"},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s %v", c.org, c.counts), func(t *testing.T) {
			db := computeOn(t, annual(2, c.counts)+";\nINSERT INTO opd_ref VALUES (1, '', 2, 'X', 'X', 'X', 2025, '"+c.org+"')")
			var internal, published, en string
			if err := db.Row(context.Background(), `SELECT k.alasan, t.alasan, t.alasan_en
				FROM kurva_distribusi_tahunan k JOIN terbit_kurva_distribusi_tahunan t USING (tahun, opd_key)`).Scan(&internal, &published, &en); err != nil {
				t.Fatal(err)
			}
			if internal != c.internal || published != c.published || en != c.en {
				t.Errorf("internal %q, published %q, English %q;\nwant %q, %q, %q", internal, published, en, c.internal, c.published, c.en)
			}
		})
	}
}

func TestSuppressionHidesSmallCellsAndTheNextSmallestWhenOneIsAlone(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // in memory: nothing to lose
	if err := db.Run(ctx, "macros/kpi"); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		counts [5]int
		want   string
	}{
		{[5]int{10, 20, 5, 0, 0}, "[false, false, false, false, false]"}, // nothing below 5
		{[5]int{3, 20, 8, 0, 0}, "[true, false, true, false, false]"},    // 3 alone: 8 (next smallest) too, else 3 = total − 28
		{[5]int{3, 20, 8, 2, 0}, "[true, false, false, true, false]"},    // two small cells protect each other
		{[5]int{4, 0, 0, 0, 0}, "[true, true, true, true, true]"},        // the zeros would give it away
		{[5]int{5, 6, 0, 0, 0}, "[false, false, false, false, false]"},   // 5 is the threshold: shown
	}
	for _, c := range cases {
		var got string
		q := fmt.Sprintf("SELECT sensor_predikat(%d, %d, %d, %d, %d)::VARCHAR", c.counts[0], c.counts[1], c.counts[2], c.counts[3], c.counts[4])
		if err := db.Row(context.Background(), q).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%v: suppressed %s, want %s", c.counts, got, c.want)
		}
	}
}
