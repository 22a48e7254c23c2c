package site

import (
	"fmt"
	"html/template"
	"strings"
)

// The headline tiles and the monthly trend charts shared by the overview and
// the OPD pages.

// tile is one headline number with its changes and a sparkline of its last
// 12 months.
type tile struct {
	Label, Value, Prev, Year string
	Spark                    template.HTML
}

func find(ms []month, periode string) *month {
	for i := range ms {
		if ms[i].Periode == periode {
			return &ms[i]
		}
	}
	return nil
}

func shiftMonth(periode string, n int) string {
	var y, m int
	if _, err := fmt.Sscanf(periode, "%d-%d", &y, &m); err != nil {
		return "" // not a month: matches no period
	}
	t := y*12 + (m - 1) + n
	return fmt.Sprintf("%04d-%02d", t/12, t%12+1)
}

func tiles(l lang, ms []month, latest string) []tile {
	cur := find(ms, latest)
	if cur == nil {
		return nil
	}
	prev, year := find(ms, shiftMonth(latest, -1)), find(ms, shiftMonth(latest, -12))
	pick := func(m *month, f func(*month) *float64) *float64 {
		if m == nil {
			return nil
		}
		return f(m)
	}
	var last12 []*month
	for i := range ms {
		if ms[i].Periode <= latest && ms[i].Periode > shiftMonth(latest, -12) {
			last12 = append(last12, &ms[i])
		}
	}
	mk := func(label string, f func(*month) *float64) tile {
		series := make([]*float64, len(last12))
		for i, m := range last12 {
			series[i] = f(m)
		}
		return tile{label, l.Pct(f(cur)), l.Delta(f(cur), pick(prev, f)), l.Delta(f(cur), pick(year, f)), sparkline(series)}
	}
	return []tile{
		mk(l.T("coverage"), func(m *month) *float64 { return m.Cakupan }),
		mk(l.T("ontime"), func(m *month) *float64 { return m.TepatWaktu }),
		mk(l.T("sangat_baik_share"), func(m *month) *float64 { return m.Persen[0] }),
		mk(l.T("iku"), func(m *month) *float64 { return m.Capaian }),
		mk(l.T("jp20"), func(m *month) *float64 { return m.Patuh20JP }),
	}
}

func periods(ms []month) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Periode
	}
	return out
}

// trendCharts are the charts shared by the overview and an OPD page. dir is
// the page's folder (for the CSV downloads), prefix makes chart IDs unique;
// scope (provinsi or the OPD's code) and who (its name) go into the names
// and titles of the downloaded images.
func trendCharts(l lang, ms []month, dir, prefix, scope, who string, files map[string][]byte) []chartView {
	if len(ms) == 0 {
		return nil
	}
	ps := periods(ms)
	last := ms[len(ms)-1]
	var yearAgo *float64
	if m := find(ms, shiftMonth(last.Periode, -12)); m != nil {
		yearAgo = m.Cakupan
	}
	col := func(f func(month) *float64) []*float64 {
		out := make([]*float64, len(ms))
		for i, m := range ms {
			out[i] = f(m)
		}
		return out
	}
	var charts []chartView
	add := func(c chartView, data chartData, file string) {
		c.CSV = file
		c.Who = who
		c.File = l.T("file_"+strings.TrimPrefix(c.ID, prefix)) + "-" + scope + "-" + last.Periode
		files[dir+file] = data.csv()
		charts = append(charts, c)
	}

	// Coverage and timeliness.
	cov, tepat := col(func(m month) *float64 { return m.Cakupan }), col(func(m month) *float64 { return m.TepatWaktu })
	c := chartView{ID: prefix + "cakupan", Title: l.T("chart_cov_title"),
		Summary: l.Tf("chart_cov_sum", l.Month(last.Periode), l.Pct(last.Cakupan), l.Int(last.Dinilai), l.Int(last.Pegawai), l.Pct(last.TepatWaktu), l.Pct(yearAgo)),
		Option:  lineChart(prefix+"cakupan", l, ps, []string{l.T("series_coverage"), l.T("series_ontime")}, [][]*float64{cov, tepat}, 100),
		Head:    []string{l.T("month"), l.T("employees"), l.T("evaluated"), l.T("coverage"), l.T("ontime")}}
	data := chartData{Cols: []string{"periode", "jumlah_pegawai", "jumlah_dinilai", "cakupan_penilaian_persen", "dinilai_tepat_waktu_persen"}}
	for _, m := range ms {
		c.Rows = append(c.Rows, []string{l.Month(m.Periode), l.Int(m.Pegawai), l.Int(m.Dinilai), l.Pct(m.Cakupan), l.Pct(m.TepatWaktu)})
		data.Rows = append(data.Rows, []string{m.Periode, fmt.Sprint(m.Pegawai), fmt.Sprint(m.Dinilai), raw(m.Cakupan), raw(m.TepatWaktu)})
	}
	add(c, data, "cakupan.csv")

	// Predikat distribution.
	var shares [5][]*float64
	suppressed := false
	for k := 0; k < 5; k++ {
		shares[k] = col(func(m month) *float64 { return m.Persen[k] })
	}
	lbl := predikatLabel[l.Code]
	c = chartView{ID: prefix + "predikat", Title: l.T("chart_pred_title"),
		Summary: predikatSummary(l, last),
		Option:  stackedShares(prefix+"predikat", l, ps, shares),
		Head:    append([]string{l.T("month"), l.T("evaluated")}, lbl[:]...)}
	data = chartData{Cols: []string{"periode", "jumlah_dinilai", "sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang",
		"sangat_baik_persen", "baik_persen", "butuh_perbaikan_persen", "kurang_persen", "sangat_kurang_persen"}}
	for _, m := range ms {
		row := []string{l.Month(m.Periode), l.Int(m.Dinilai)}
		drow := []string{m.Periode, fmt.Sprint(m.Dinilai)}
		for k := 0; k < 5; k++ {
			if m.Count[k] == nil {
				suppressed = true
				row = append(row, l.T("suppressed_short"))
			} else {
				row = append(row, l.Count(m.Count[k])+" ("+l.Pct(m.Persen[k])+")")
			}
			drow = append(drow, raw(m.Count[k]))
		}
		for k := 0; k < 5; k++ {
			drow = append(drow, raw(m.Persen[k]))
		}
		c.Rows = append(c.Rows, row)
		data.Rows = append(data.Rows, drow)
	}
	if hidden := hiddenPredikat(l, last); hidden != "" {
		c.Note = l.Tf("pred_hidden_note", l.Month(last.Periode), hidden)
	} else if suppressed {
		c.Note = l.T("suppressed_note")
	}
	add(c, data, "predikat.csv")

	// Training compliance.
	c = chartView{ID: prefix + "jp", Title: l.T("chart_jp_title"),
		Summary: l.Tf("chart_jp_sum", l.Month(last.Periode), l.Pct(last.Patuh20JP), numOr(l, last.JP)),
		Option:  lineChart(prefix+"jp", l, ps, []string{l.T("series_jp20")}, [][]*float64{col(func(m month) *float64 { return m.Patuh20JP })}, 100),
		Head:    []string{l.T("month"), l.T("jp20"), "JP"}}
	data = chartData{Cols: []string{"periode", "persen_memenuhi_20jp", "rata_jp_per_pegawai"}}
	for _, m := range ms {
		c.Rows = append(c.Rows, []string{l.Month(m.Periode), l.Pct(m.Patuh20JP), numOr(l, m.JP)})
		data.Rows = append(data.Rows, []string{m.Periode, raw(m.Patuh20JP), raw(m.JP)})
	}
	add(c, data, "jp.csv")

	// IKU achievement.
	c = chartView{ID: prefix + "iku", Title: l.T("chart_iku_title"),
		Summary: l.Tf("chart_iku_sum", l.Month(last.Periode), l.Pct(last.Capaian), l.Int(last.IKU), l.Int(last.Tercapai)),
		Option:  lineChart(prefix+"iku", l, ps, []string{l.T("series_iku")}, [][]*float64{col(func(m month) *float64 { return m.Capaian })}, nil),
		Head:    []string{l.T("month"), l.T("iku"), l.T("indicator")}}
	data = chartData{Cols: []string{"periode", "rata_capaian_iku_persen", "jumlah_indikator_iku", "indikator_tercapai"}}
	for _, m := range ms {
		c.Rows = append(c.Rows, []string{l.Month(m.Periode), l.Pct(m.Capaian), l.Int(m.IKU)})
		data.Rows = append(data.Rows, []string{m.Periode, raw(m.Capaian), fmt.Sprint(m.IKU), fmt.Sprint(m.Tercapai)})
	}
	add(c, data, "iku-bulanan.csv")
	return charts
}

func numOr(l lang, p *float64) string {
	if p == nil {
		return "–"
	}
	return l.Number(*p, 1)
}

// predikatSummary is the predikat chart's sentence on the latest month: the
// shares of Sangat Baik and Baik, or, when either is suppressed, which
// groups are hidden (the chart's note says why, with the rule).
func predikatSummary(l lang, m month) string {
	if m.Count[0] != nil && m.Count[1] != nil {
		return l.Tf("chart_pred_sum", l.Month(m.Periode), l.Pct(m.Persen[0]), l.Pct(m.Persen[1]))
	}
	return l.Tf("chart_pred_sum_hidden", l.Month(m.Periode), l.Int(m.Dinilai), hiddenPredikat(l, m))
}

// hiddenPredikat names the predikat whose counts are suppressed in m
// ("Sangat Baik dan Baik"); "" when none is.
func hiddenPredikat(l lang, m month) string {
	var names []string
	for k := range m.Count {
		if m.Count[k] == nil {
			names = append(names, predikatLabel[l.Code][k])
		}
	}
	return l.and(names)
}

// and joins names as a sentence lists them: "A, B dan C", "A, B and C".
func (l lang) and(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " " + l.T("and") + " " + names[len(names)-1]
}

// sparkline draws values (nil: a gap) as a small inline SVG line, scaled
// to its own range, so that a headline tile shows its trend without script.
// The SVG is decoration: the tile's number and changes say the same in
// words. Every number written is formatted here, so the markup is safe.
func sparkline(values []*float64) template.HTML {
	lo, hi, n := 0.0, 0.0, 0
	for _, v := range values {
		if v == nil {
			continue
		}
		if n == 0 || *v < lo {
			lo = *v
		}
		if n == 0 || *v > hi {
			hi = *v
		}
		n++
	}
	const open = `<svg class="spark" viewBox="0 0 100 24" preserveAspectRatio="none" aria-hidden="true" focusable="false">`
	if n == 0 {
		// No month has a value (all suppressed): a faint dashed line keeps
		// the tiles aligned.
		return template.HTML(open + `<path d="M0 12H100" fill="none" stroke="currentColor" stroke-width="1" stroke-dasharray="3 3" opacity=".4" vector-effect="non-scaling-stroke"/></svg>`)
	}
	const w, h, pad = 100.0, 24.0, 2.0
	var d strings.Builder
	pen := false
	for i, v := range values {
		if v == nil {
			pen = false
			continue
		}
		x := w / 2
		if len(values) > 1 {
			x = float64(i) * w / float64(len(values)-1)
		}
		y := h / 2
		if hi > lo {
			y = pad + (hi-*v)/(hi-lo)*(h-2*pad)
		}
		cmd := "L"
		if !pen {
			cmd = "M"
		}
		next := i+1 < len(values) && values[i+1] != nil
		if !pen && !next {
			// A lone point: a short dash so that it shows.
			fmt.Fprintf(&d, "M%.1f %.1fh1", x-0.5, y)
			continue
		}
		fmt.Fprintf(&d, "%s%.1f %.1f", cmd, x, y)
		pen = true
	}
	return template.HTML(open + `<path d="` + d.String() + `" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" vector-effect="non-scaling-stroke"/></svg>`)
}
