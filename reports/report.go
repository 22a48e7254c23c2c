// Package reports renders the monthly leadership report: one self-contained
// HTML file per month with the province's headline numbers and their
// changes, the agencies that need attention, the ranking of agencies and the
// distribution-curve findings. It is an internal output (docs/kpi.md):
// counts are not suppressed, and it holds no names and no NIPs because the
// database holds none. It renders a Report value: pipeline/publish loads it
// with the queries of queries/publish/laporan.
package reports

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"

	"github.com/lampungprov/kinerja/site/format"
)

//go:embed report.html
var templates embed.FS

var tmpl = template.Must(template.New("report.html").Funcs(template.FuncMap{
	"pct":   format.ID.Pct,
	"delta": format.ID.Delta,
	"int":   func(v *float64) string { return format.ID.Value(v, 0) },
	"month": format.ID.Month,
	"flag":  func(kind string) string { return flagText[kind] },
}).ParseFS(templates, "report.html"))

// Report is the content of one month's report.
type Report struct {
	Month     string // YYYY-MM
	Province  Row
	Previous  Row // the month before; empty when there is none
	YearAgo   Row // the same month a year before; empty when there is none
	OPD       []Row
	Attention []Flag
	Curve     []Curve
}

// Row is one province or OPD month.
type Row struct {
	Kode, Nama                               string
	Pegawai, Dinilai                         *float64
	Cakupan, TepatWaktu, SangatBaik, Capaian *float64
	Patuh20JP                                *float64
}

// Flag is one attention flag.
type Flag struct {
	Nama  string
	Jenis string   // the kind of flag, as in table perhatian
	Nilai *float64 // the value behind a threshold flag
}

// Curve is one OPD's distribution-curve breach.
type Curve struct {
	Nama, PredikatOrganisasi, Alasan string
	Tahun                            int
}

var flagText = map[string]string{
	"tidak_mengirim":     "belum mengirim penilaian bulan ini",
	"cakupan_rendah":     "cakupan penilaian di bawah ambang",
	"cakupan_menurun":    "cakupan turun berturut-turut",
	"capaian_iku_rendah": "capaian IKU di bawah ambang",
	"kurva_dilanggar":    "sebaran predikat tahun lalu melanggar kurva",
}

// Render writes the report as one self-contained HTML file.
func Render(r Report) ([]byte, error) {
	var b bytes.Buffer
	if err := tmpl.Execute(&b, r); err != nil {
		return nil, fmt.Errorf("rendering report %s: %w", r.Month, err)
	}
	return b.Bytes(), nil
}

// Shift is the month n months after periode (YYYY-MM); "" when periode is
// not a month.
func Shift(periode string, n int) string {
	var y, m int
	if _, err := fmt.Sscanf(periode, "%d-%d", &y, &m); err != nil {
		return "" // not a month: matches no period
	}
	t := y*12 + m - 1 + n
	return fmt.Sprintf("%04d-%02d", t/12, t%12+1)
}
