// Package reports renders the monthly leadership report: one self-contained
// HTML file per month with a summary written from the numbers (Ringkasan),
// the province's headline numbers and their changes, 12-month trend charts
// drawn as inline SVG (no script, so the file prints and mails as it is), the
// agencies that moved most, those that need attention, the distribution-curve
// findings, every agency's coverage and the data quality of the month. It is
// an internal output (docs/kpi.md): counts are not suppressed, agencies are
// named, and it holds no names and no NIPs because the database holds none.
// It renders a Report value: pipeline/publish loads it with the queries of
// queries/publish/laporan. PrintPDF (pdf.go) prints the rendered page with
// headless Chromium; RenderIndex (index.go) lists the archive.
package reports

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"time"

	"github.com/lampungprov/kinerja/site/format"
)

//go:embed report.html index.html
var templates embed.FS

var tmpl = template.Must(template.ParseFS(templates, "report.html", "index.html"))

// Headline lists the KPIs the report follows, in its order: columns of
// kpi_provinsi_bulanan and indicators of table tren.
var Headline = []string{
	"cakupan_penilaian_persen", "dinilai_tepat_waktu_persen", "sangat_baik_persen",
	"rata_capaian_iku_persen", "persen_memenuhi_20jp",
}

// Report is the content of one month's report.
type Report struct {
	Month string // YYYY-MM
	Lang  string // "id" (default) or "en"
	// Generated is when the report was made, shown in the footer of every
	// printed page; zero leaves it out, so that the HTML file of the same
	// data is the same bytes (the PDF carries it).
	Generated time.Time

	Province Row
	Previous Row // the month before; empty when there is none
	YearAgo  Row // the same month a year before; empty when there is none
	OPD      []Row
	// Attention are the month's flags (table perhatian); AttentionBefore
	// those of the month before, to say which agencies entered or left the
	// list.
	Attention, AttentionBefore []Flag
	// Curve are the breaches of the year CurveYear (the latest year up to
	// the month's with a curve check; 0 when none). CurveYearBeforeChecked
	// says whether the year before was checked too, so that a breach can
	// be called new.
	Curve                  []Curve
	CurveYear              int
	CurveYearBeforeChecked bool
	CurveChecked           int // agencies checked against the curve in CurveYear

	Trends   []Trend  // the province's headline KPIs, in Headline order
	Coverage []Series // every agency's coverage over the same 12 months
	// Thresholds are the attention thresholds by KPI (table parameter),
	// drawn as a line in the charts.
	Thresholds map[string]float64
	Movers     []Mover
	Quality    []Quality
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
	Kode, Nama string
	Jenis      string   // the kind of flag, as in table perhatian
	Nilai      *float64 // the value behind a threshold flag
	Ambang     *float64 // its threshold
}

// Curve is one OPD's distribution-curve breach.
type Curve struct {
	Kode, Nama, PredikatOrganisasi string
	Alasan, AlasanEN               string
	Tahun                          int
	Baru                           bool // the OPD did not break the curve the year before
}

// Trend is one KPI of the province over the 12 months ending with the
// report's month.
type Trend struct {
	KPI    string  // one of Headline
	Points []Point // oldest first; Points[len-1] is the report's month
}

// Last is the point of the report's month; the zero Point when there is none.
func (t Trend) Last() Point {
	if len(t.Points) == 0 {
		return Point{}
	}
	return t.Points[len(t.Points)-1]
}

// Point is one month of a Trend or Series, as in table tren.
type Point struct {
	Periode                            string
	Nilai, TahunLalu                   *float64 // the value and the value 12 months before
	SelisihBulanLalu, SelisihTahunLalu *float64 // the changes from them (tren's rounding)
}

// Series is one agency's coverage over the 12 months of the report.
type Series struct {
	Kode, Nama string
	Points     []Point
}

// Mover is one agency among the five that rose (Arah "naik") or fell
// ("turun") most on a KPI, against the month before (Banding "bulan") or
// the same month a year earlier ("tahun").
type Mover struct {
	KPI, Banding, Arah string
	Urutan             int // 1 is the largest change
	Kode, Nama         string
	Nilai, Selisih     *float64
}

// Quality is one agency's data quality in the month. Kode "" is the row of
// rejected files whose name names no agency.
type Quality struct {
	Kode, Nama string
	Mengirim   bool // it sent evaluations for the month
	// Diterima are accepted files with data of the month, Terlambat those
	// of them accepted after the month's deadline; Ditolak are files
	// rejected in the month's submission window.
	Diterima, Terlambat, Ditolak int
	Temuan                       int // findings on the agency's rows of the month
	PenilaianTerlambat           int // evaluations rated after the deadline (kualitas_data)
}

// Render writes the report as one self-contained HTML file.
func Render(r Report) ([]byte, error) {
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "report.html", newView(r)); err != nil {
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

// lang is the report's language with its texts.
type lang struct {
	format.Language
	en bool
}

func langOf(code string) lang {
	return lang{Language: format.Of(code), en: code == "en"}
}

// T is the text of key in the language.
func (l lang) T(key string) string {
	t, ok := texts[key]
	if !ok {
		return key
	}
	if l.en {
		return t[1]
	}
	return t[0]
}

// kpiName is the label of a headline KPI; lower is its form inside a
// sentence.
func (l lang) kpiName(kpi string, lower bool) string {
	t := kpiTexts[kpi]
	i := 0
	if l.en {
		i = 1
	}
	if lower {
		return t[i+2]
	}
	return t[i]
}

// stamp writes a time as "6 Januari 2027 06.00 WIB" / "6 January 2027
// 06:00 WIB".
func (l lang) stamp(t time.Time) string {
	clock := t.Format("15.04 MST")
	if l.en {
		clock = t.Format("15:04 MST")
	}
	return fmt.Sprintf("%d %s %d %s", t.Day(), l.Months[t.Month()-1], t.Year(), clock)
}
