package reports_test

import (
	"strings"
	"testing"

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
