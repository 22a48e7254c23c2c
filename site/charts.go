package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"

	"github.com/lampungprov/kinerja/pipeline/formula"
)

// chartView is one chart as a page shows it: a title that says what it
// shows, a one-sentence summary, the chart, the same numbers as a table
// behind a disclosure and a CSV download of exactly those numbers.
type chartView struct {
	ID      string
	Title   string
	Summary string
	Option  string // ECharts option as JSON, read by the site's script
	Head    []string
	Rows    [][]string
	CSV     string // href of the download, relative to the page
	// Note is a privacy note: a sentence without its final stop, which the
	// page ends with a link to the rule on the methodology page.
	Note string
	// Who (the province or the OPD's name) completes the title in the
	// downloaded image; File is the image's name without extension
	// (cakupan-penilaian-dinkes-2025-12).
	Who, File string
	// EmbedHref is the chart's embed page as its page links it and
	// EmbedCode the <iframe> snippet showing it (see embed.go).
	EmbedHref, EmbedCode string
}

// chartData is the machine-readable table behind a chart.
type chartData struct {
	Cols []string
	Rows [][]string
}

func (c chartData) csv() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	// Writing to a bytes.Buffer cannot fail.
	_ = w.Write(c.Cols)
	for _, r := range c.Rows {
		row := make([]string, len(r))
		for i, v := range r {
			// Agency text never runs as a formula in a spreadsheet.
			row[i] = formula.Neutralize(v)
		}
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// optionJSON turns a go-echarts chart into its option JSON. The chart's ID
// is fixed by the caller, so the same data gives byte-identical pages.
// encoding/json escapes <, > and & so agency text cannot close an element;
// the JSON is then placed in an HTML attribute, which html/template escapes
// again. go-echarts' own script template is not used: it writes options
// without HTML escaping inside an inline script.
func optionJSON(c interface {
	Validate()
	JSON() map[string]interface{}
}) string {
	c.Validate()
	m := c.JSON()
	b, err := json.Marshal(m)
	if err != nil {
		panic(fmt.Sprintf("site: chart option: %v", err))
	}
	return string(b)
}

// baseOpts are every chart's options; grid is its plot area (go-echarts
// appends each WithGridOpts as one more grid, so a chart sets it once, here).
func baseOpts(id string, grid opts.Grid) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{ChartID: id, Width: "100%", Height: "320px", AssetsHost: "/"}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		// A plain legend wraps onto more lines when the chart is narrow, so
		// every series stays named; a scroll legend pages with arrows and
		// hides the fifth predikat on a phone.
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Top: "0", Type: "plain"}),
		charts.WithGridOpts(grid),
		charts.WithAriaOpts(&opts.Aria{Enabled: opts.Bool(true)}),
	}
}

// defaultGrid leaves room for a one-line legend above the plot.
var defaultGrid = opts.Grid{Left: "48", Right: "16", Top: "40", Bottom: "32"}

func val(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func raw(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

// lineChart draws percentage series over months.
func lineChart(id string, l lang, months []string, series []string, values [][]*float64, yMax any) string {
	line := charts.NewLine()
	line.SetGlobalOptions(append(baseOpts(id, defaultGrid),
		charts.WithYAxisOpts(opts.YAxis{Min: 0, Max: yMax, AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}),
	)...)
	xs := make([]string, len(months))
	for i, m := range months {
		xs[i] = l.MonthShort(m)
	}
	line.SetXAxis(xs)
	for s, name := range series {
		data := make([]opts.LineData, len(months))
		for i := range months {
			data[i] = opts.LineData{Value: val(values[s][i])}
		}
		line.AddSeries(name, data, charts.WithLineChartOpts(opts.LineChart{ConnectNulls: opts.Bool(false)}))
	}
	return optionJSON(line)
}

// stackedShares draws the predikat shares per month as stacked bars.
// Suppressed cells are gaps.
func stackedShares(id string, l lang, months []string, shares [5][]*float64) string {
	bar := charts.NewBar()
	// Room above the plot for the five legend entries on up to three lines
	// (a 300 px wide chart on a 360 px phone).
	bar.SetGlobalOptions(append(baseOpts(id, opts.Grid{Left: "48", Right: "16", Top: "84", Bottom: "32"}),
		charts.WithYAxisOpts(opts.YAxis{Min: 0, Max: 100, AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}),
	)...)
	xs := make([]string, len(months))
	for i, m := range months {
		xs[i] = l.MonthShort(m)
	}
	bar.SetXAxis(xs)
	colors := []string{"#1b7837", "#7fbf7b", "#f1a340", "#d6604d", "#8c1c13"}
	for k := 0; k < 5; k++ {
		data := make([]opts.BarData, len(months))
		for i := range months {
			data[i] = opts.BarData{Value: val(shares[k][i])}
		}
		bar.AddSeries(predikatLabel[l.Code][k], data,
			charts.WithBarChartOpts(opts.BarChart{Stack: "predikat"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: colors[k]}))
	}
	return optionJSON(bar)
}

// rankBars draws one value per OPD as horizontal bars, best first.
func rankBars(id string, names []string, values []float64, unit string) string {
	bar := charts.NewBar()
	o := baseOpts(id, opts.Grid{Left: "160", Right: "24", Top: "16", Bottom: "24"})
	o[0] = charts.WithInitializationOpts(opts.Initialization{ChartID: id, Width: "100%", Height: strconv.Itoa(60+18*len(names)) + "px", AssetsHost: "/"})
	o = append(o,
		charts.WithXAxisOpts(opts.XAxis{Type: "value", AxisLabel: &opts.AxisLabel{Formatter: types.FuncStr("{value}" + unit)}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Inverse: opts.Bool(true), AxisLabel: &opts.AxisLabel{Width: 150, Overflow: "truncate"}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	bar.SetGlobalOptions(o...)
	bar.SetXAxis(names)
	data := make([]opts.BarData, len(values))
	for i, v := range values {
		data[i] = opts.BarData{Value: v}
	}
	bar.AddSeries(unit, data, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#2166ac"}))
	return optionJSON(bar)
}

// shareBars draws one year's predikat shares of an OPD as bars, with each
// curve limit on a predikat as a short mark across its bar (a line series
// of symbols only: the bundle needs no extra chart type).
func shareBars(id string, l lang, shares [5]*float64, limits [5][]curveLimit) string {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(baseOpts(id, defaultGrid),
		charts.WithYAxisOpts(opts.YAxis{Min: 0, Max: 100, AxisLabel: &opts.AxisLabel{Formatter: "{value}%"}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)...)
	labels := predikatLabel[l.Code]
	bar.SetXAxis(labels[:])
	data := make([]opts.BarData, 5)
	for i := range shares {
		data[i] = opts.BarData{Value: val(shares[i])}
	}
	bar.AddSeries("%", data, charts.WithItemStyleOpts(opts.ItemStyle{Color: "#2166ac"}))
	for _, kind := range []struct {
		max   bool
		name  string
		color string
	}{{true, l.T("curve_max_series"), "#b2182b"}, {false, l.T("curve_min_series"), "#1b7837"}} {
		marks := make([]opts.LineData, 5)
		found := false
		for k := range limits {
			marks[k] = opts.LineData{Value: "-"}
			for _, lim := range limits[k] {
				if lim.Max == kind.max {
					marks[k] = opts.LineData{Value: lim.Percent}
					found = true
				}
			}
		}
		if !found {
			continue
		}
		overlay := charts.NewLine()
		overlay.SetXAxis(labels[:])
		overlay.AddSeries(kind.name, marks,
			charts.WithLineChartOpts(opts.LineChart{Symbol: "rect", SymbolSize: []int{44, 4}, ShowSymbol: opts.Bool(true)}),
			charts.WithLineStyleOpts(opts.LineStyle{Opacity: opts.Float(0)}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: kind.color}))
		bar.Overlap(overlay)
	}
	return optionJSON(bar)
}

// curveChart shows an OPD's latest annual distribution against its curve:
// bars of the predikat shares with the limits of the rules that concern one
// predikat marked on them, and the verdict in the page's language.
func curveChart(l lang, o opdPage, curveLimits map[string][]curveLimit, dir string, files map[string][]byte) (chartView, bool) {
	t := o.Kurva
	if len(t.Rows) == 0 {
		return chartView{}, false
	}
	r := t.Rows[len(t.Rows)-1]
	get := func(c string) any { return r[t.col(c)] }
	yearF, _ := num(get("tahun"))
	year := int(yearF)
	total, _ := num(get("jumlah_dinilai"))
	var shares [5]*float64
	var limits [5][]curveLimit
	for _, lim := range curveLimits[textOr(get("predikat_organisasi"))] {
		if k := slices.Index(predikatKeys[:], lim.Predikat); k >= 0 {
			limits[k] = append(limits[k], lim)
		}
	}
	lbl := predikatLabel[l.Code]
	c := chartView{ID: "opd-kurva", Title: l.Tf("chart_curve_title", year),
		Head: []string{"Predikat", l.T("evaluated"), "%", l.T("curve_limit")}}
	data := chartData{Cols: []string{"tahun", "predikat", "jumlah", "persen"}}
	suppressed := false
	for k, key := range predikatKeys {
		n := ptr(get(key))
		if n != nil && total > 0 {
			p := float64(int64(*n/total*10000+0.5)) / 100
			shares[k] = &p
		}
		if n == nil {
			suppressed = true
		}
		var limitText []string
		for _, lim := range limits[k] {
			limitText = append(limitText, l.limitText(lim))
		}
		c.Rows = append(c.Rows, []string{lbl[k], l.Count(n), l.Pct(shares[k]), strings.Join(limitText, ", ")})
		data.Rows = append(data.Rows, []string{fmt.Sprint(year), key, raw(n), raw(shares[k])})
	}
	org := textOr(get("predikat_organisasi"))
	if label, ok := orgLabel[l.Code][org]; ok {
		org = label
	}
	verdict := l.T("curve_unknown")
	if ok, isBool := get("sesuai_kurva").(bool); isBool {
		if ok {
			verdict = l.T("curve_ok")
		} else {
			reason := textOr(get("alasan"))
			if l.Code == "en" {
				reason = o.KurvaEN[year]
			}
			verdict = l.Tf("curve_breach", reason)
		}
	}
	c.Summary = l.Tf("chart_curve_sum", org, verdict)
	c.Option = shareBars("opd-kurva", l, shares, limits)
	if suppressed {
		c.Note = l.T("suppressed_note")
	}
	c.CSV = "kurva.csv"
	c.Who = o.Nama
	c.File = fmt.Sprintf("%s-%s-%d", l.T("file_kurva"), o.Kode, year)
	files[dir+"kurva.csv"] = data.csv()
	return c, true
}

// limitText words a curve limit for the chart's table: "maks. 70%".
func (l lang) limitText(lim curveLimit) string {
	key := "curve_min"
	if lim.Max {
		key = "curve_max"
	}
	return l.Tf(key, l.Pct(&lim.Percent))
}
