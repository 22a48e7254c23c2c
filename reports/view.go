package reports

import (
	"fmt"
	"html/template"
	"sort"
	"strings"
)

// view is what report.html prints: every number already written in the
// report's language, so that the template holds only layout and words.
type view struct {
	lang
	R         Report
	Title     string
	Summary   []string
	Headline  []headlineRow
	Charts    []chart
	Movers    []moverTable
	Attention []attentionRow
	Left      []string // agencies that left the attention list
	Curve     []curveRow
	Multiples []multiple
	Quality   []qualityRow
	OPD       []opdRow
	// Footer and Pages are the CSS content of every printed page's footer:
	// the report and its month (and generation time), and the page number.
	Footer, Pages template.CSS
}

type headlineRow struct{ Label, Value, Prev, Year string }

type chart struct {
	Title string
	SVG   template.HTML
}

type moverTable struct {
	Title string
	Rows  [][4]moverCell // up to five rows: rise and fall on the month, rise and fall on the year
}

type moverCell struct{ Nama, Change, Value string }

type attentionRow struct {
	Nama, Flag, Value string
	New               bool
}

type curveRow struct {
	Nama, Rating, Reason string
	Year                 int
	New                  bool
}

type multiple struct {
	Nama, Last string
	Low        bool // below the attention threshold in the report's month
	SVG        template.HTML
}

type qualityRow struct {
	Nama                                         string
	Sent                                         string
	Accepted, Late, Rejected, Findings, LateEval string
	Problem                                      bool
}

type opdRow struct{ Nama, Pegawai, Cakupan, TepatWaktu, SangatBaik, Capaian, JP string }

func newView(r Report) view {
	l := langOf(r.Lang)
	v := view{lang: l, R: r, Title: l.T("title") + " — " + l.Month(r.Month), Summary: Summary(r)}
	footer := l.T("title_short") + " — " + l.Month(r.Month)
	if !r.Generated.IsZero() {
		footer += " · " + l.T("generated") + " " + l.stamp(r.Generated)
	}
	v.Footer = cssString(footer)
	v.Pages = cssString(l.T("page")+" ") + " counter(page) " + cssString(" "+l.T("of")+" ") + " counter(pages)"
	v.Headline = append(v.Headline, headlineRow{Label: l.T("staff"),
		Value: l.Value(r.Province.Pegawai, 0) + " / " + l.Value(r.Province.Dinilai, 0)})
	for _, kpi := range Headline {
		v.Headline = append(v.Headline, headlineRow{Label: l.kpiName(kpi, false), Value: l.Pct(rowValue(r.Province, kpi)),
			Prev: l.delta(rowValue(r.Province, kpi), rowValue(r.Previous, kpi)),
			Year: l.delta(rowValue(r.Province, kpi), rowValue(r.YearAgo, kpi))})
	}
	for _, t := range r.Trends {
		v.Charts = append(v.Charts, chart{Title: l.kpiName(t.KPI, false), SVG: trendChart(l, t, threshold(r, t.KPI))})
	}
	v.Movers = moverTables(l, r)
	v.Attention, v.Left = attentionRows(l, r)
	for _, c := range r.Curve {
		reason := c.Alasan
		if l.en && c.AlasanEN != "" {
			reason = c.AlasanEN
		}
		v.Curve = append(v.Curve, curveRow{Nama: c.Nama, Rating: c.PredikatOrganisasi, Reason: reason, Year: c.Tahun,
			New: c.Baru && r.CurveYearBeforeChecked})
	}
	th := threshold(r, "cakupan_penilaian_persen")
	ax := sparkAxis(r.Coverage, th)
	for _, s := range r.Coverage {
		m := multiple{Nama: s.Nama, SVG: spark(s, ax, th)}
		if len(s.Points) > 0 {
			last := s.Points[len(s.Points)-1]
			m.Last = l.Pct(last.Nilai)
			m.Low = th != nil && last.Nilai != nil && *last.Nilai < *th
		}
		v.Multiples = append(v.Multiples, m)
	}
	for _, q := range r.Quality {
		row := qualityRow{Nama: q.Nama, Accepted: l.Int(q.Diterima), Late: l.Int(q.Terlambat), Rejected: l.Int(q.Ditolak),
			Findings: l.Int(q.Temuan), LateEval: l.Int(q.PenilaianTerlambat),
			Problem: !q.Mengirim || q.Terlambat > 0 || q.Ditolak > 0}
		switch {
		case q.Kode == "":
			row.Nama = l.T("unattributed")
		case q.Mengirim:
			row.Sent = l.T("yes")
		default:
			row.Sent = l.T("not_sent")
		}
		v.Quality = append(v.Quality, row)
	}
	for _, o := range r.OPD {
		v.OPD = append(v.OPD, opdRow{Nama: o.Nama, Pegawai: l.Value(o.Pegawai, 0), Cakupan: l.Pct(o.Cakupan),
			TepatWaktu: l.Pct(o.TepatWaktu), SangatBaik: l.Pct(o.SangatBaik), Capaian: l.Pct(o.Capaian), JP: l.Pct(o.Patuh20JP)})
	}
	return v
}

// delta writes the change from b to a in points as the Ringkasan does
// (never "−0,0"); "–" when either is missing.
func (l lang) delta(a, b *float64) string {
	d := diff(a, b)
	if d == nil {
		return "–"
	}
	return l.Change(round1(*d))
}

// cssString quotes s as a CSS string. html/template takes a string with a
// colon ("06:00") for a URL and blanks it; this escapes what could end the
// string or the style element instead.
func cssString(s string) template.CSS {
	var b strings.Builder
	b.WriteByte('"')
	for _, c := range s {
		switch {
		case c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20 || c == 0x7f:
			fmt.Fprintf(&b, "\\%x ", c)
		default:
			b.WriteRune(c)
		}
	}
	b.WriteByte('"')
	return template.CSS(b.String()) // escaped above
}

// threshold is the attention threshold drawn on kpi's chart; nil when the
// KPI has none.
func threshold(r Report, kpi string) *float64 {
	v, ok := r.Thresholds[kpi]
	if !ok {
		return nil
	}
	return &v
}

// moverTables lays out the movers of each headline KPI: five rows, four
// columns (up and down, on the month and on the year).
func moverTables(l lang, r Report) []moverTable {
	var out []moverTable
	cols := [4][2]string{{"bulan", "naik"}, {"bulan", "turun"}, {"tahun", "naik"}, {"tahun", "turun"}}
	for _, kpi := range Headline {
		var rows [][4]moverCell
		for _, m := range r.Movers {
			if m.KPI != kpi || m.Urutan < 1 || m.Urutan > 5 {
				continue
			}
			for c, col := range cols {
				if m.Banding != col[0] || m.Arah != col[1] {
					continue
				}
				for len(rows) < m.Urutan {
					rows = append(rows, [4]moverCell{})
				}
				cell := moverCell{Nama: m.Nama, Value: l.Pct(m.Nilai)}
				if m.Selisih != nil {
					cell.Change = l.Change(round1(*m.Selisih))
				}
				rows[m.Urutan-1][c] = cell
			}
		}
		if len(rows) > 0 {
			out = append(out, moverTable{Title: l.kpiName(kpi, false), Rows: rows})
		}
	}
	return out
}

// attentionRows are the month's flags, each marked new when its agency had
// no flag the month before, and the agencies that left the list.
func attentionRows(l lang, r Report) ([]attentionRow, []string) {
	prev, _ := flagged(r.AttentionBefore)
	cur, _ := flagged(r.Attention)
	hasPrev := r.Previous.Pegawai != nil
	var rows []attentionRow
	for _, f := range r.Attention {
		k := f.Kode
		if k == "" {
			k = f.Nama
		}
		_, before := prev[k]
		value := ""
		if f.Nilai != nil {
			value = l.Pct(f.Nilai)
		}
		rows = append(rows, attentionRow{Nama: f.Nama, Flag: l.flag(f.Jenis), Value: value, New: hasPrev && !before})
	}
	var left []string
	for k, n := range prev {
		if _, ok := cur[k]; !ok {
			left = append(left, n)
		}
	}
	sort.Strings(left)
	return rows, left
}
