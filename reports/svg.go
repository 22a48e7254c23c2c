package reports

import (
	"fmt"
	"html"
	"html/template"
	"math"
	"strings"
)

// The charts are inline SVG drawn here at build time: the report must read
// the same in a mail attachment, a PDF and a browser without scripts, and a
// chart library would need one. Each chart is a few polylines on a scale
// computed from its own values.

// axis is a value scale with round ticks.
type axis struct{ lo, hi, step float64 }

// niceAxis spans vals with about four round steps (1, 2, 2.5 or 5 times a
// power of ten). With no values it is 0–100.
func niceAxis(vals []float64) axis {
	if len(vals) == 0 {
		return axis{0, 100, 25}
	}
	lo, hi := vals[0], vals[0]
	for _, v := range vals {
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	nonNegative := lo >= 0
	if hi-lo < 1 {
		lo, hi = lo-0.5, hi+0.5
	}
	raw := (hi - lo) / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := 10 * mag
	for _, m := range []float64{1, 2, 2.5, 5} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	a := axis{math.Floor(lo/step) * step, math.Ceil(hi/step) * step, step}
	if nonNegative && a.lo < 0 {
		a.lo = 0
	}
	return a
}

// y maps v onto [bottom, top] (SVG y grows downwards).
func (a axis) y(v, top, bottom float64) float64 {
	return bottom - (v-a.lo)/(a.hi-a.lo)*(bottom-top)
}

// values are the non-empty numbers of ps (and of their year-before values
// when withYear), plus extra.
func values(ps []Point, withYear bool, extra *float64) []float64 {
	var out []float64
	for _, p := range ps {
		if p.Nilai != nil {
			out = append(out, *p.Nilai)
		}
		if withYear && p.TahunLalu != nil {
			out = append(out, *p.TahunLalu)
		}
	}
	if extra != nil {
		out = append(out, *extra)
	}
	return out
}

// path draws the points of get as polylines, broken where a month has no
// value.
func path(b *strings.Builder, ps []Point, get func(Point) *float64, x func(int) float64, y func(float64) float64, attrs string) {
	var seg []string
	flush := func() {
		if len(seg) > 1 {
			fmt.Fprintf(b, `<polyline fill="none" %s points="%s"/>`, attrs, strings.Join(seg, " "))
		} else if len(seg) == 1 {
			xy := strings.Split(seg[0], ",")
			fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="1.8" %s/>`, xy[0], xy[1], strings.Replace(attrs, "stroke=", "fill=", 1))
		}
		seg = seg[:0]
	}
	for i, p := range ps {
		v := get(p)
		if v == nil {
			flush()
			continue
		}
		seg = append(seg, fmt.Sprintf("%.1f,%.1f", x(i), y(*v)))
	}
	flush()
}

const (
	colourNow       = "#1f5fa8"
	colourYear      = "#8a8a8a"
	colourThreshold = "#c0392b"
)

// trendChart is one KPI's 12 months: the months up to the report's, the
// same months a year before (dashed) and the attention threshold.
func trendChart(l lang, t Trend, threshold *float64) template.HTML {
	const w, h = 340.0, 160.0
	const left, right, top, bottom = 40.0, w - 24, 12.0, h - 18
	ps := t.Points
	ax := niceAxis(values(ps, true, threshold))
	n := max(len(ps), 2)
	x := func(i int) float64 { return left + float64(i)*(right-left)/float64(n-1) }
	y := func(v float64) float64 { return ax.y(v, top, bottom) }
	dec := 0
	if ax.step != math.Trunc(ax.step) {
		dec = 1
	}
	var b strings.Builder
	title := l.kpiName(t.KPI, false)
	if last := t.Last(); last.Nilai != nil {
		title += ": " + l.Pct(last.Nilai) + " " + l.Month(last.Periode)
	}
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %.0f %.0f" role="img"><title>%s</title>`,
		w, h, html.EscapeString(title))
	for v := ax.lo; v <= ax.hi+ax.step/2; v += ax.step {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="#e2e2e2"/>`, left, right, y(v), y(v))
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" class="tick">%s</text>`, left-4, y(v)+3, html.EscapeString(l.Number(v, dec)))
	}
	for i, p := range ps {
		if (len(ps)-1-i)%3 == 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="middle" class="tick">%s</text>`, x(i), bottom+14, html.EscapeString(l.MonthShort(p.Periode)))
		}
	}
	if threshold != nil {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="1.2" stroke-dasharray="5 3"/>`,
			left, right, y(*threshold), y(*threshold), colourThreshold)
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" class="tick" fill="%s">%s %s</text>`, left+4, y(*threshold)-3, colourThreshold,
			html.EscapeString(l.T("legend_threshold")), html.EscapeString(l.Number(*threshold, 0)))
	}
	path(&b, ps, func(p Point) *float64 { return p.TahunLalu }, x, y,
		`stroke="`+colourYear+`" stroke-width="1.5" stroke-dasharray="4 3"`)
	path(&b, ps, func(p Point) *float64 { return p.Nilai }, x, y, `stroke="`+colourNow+`" stroke-width="2.2"`)
	for i, p := range ps {
		if p.Nilai != nil {
			fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="2.2" fill="%s"/>`, x(i), y(*p.Nilai), colourNow)
		}
	}
	if last := t.Last(); last.Nilai != nil {
		fmt.Fprintf(&b, `<text x="%.1f" y="%.1f" text-anchor="end" class="val">%s</text>`,
			x(len(ps)-1), y(*last.Nilai)-6, html.EscapeString(l.Pct(last.Nilai)))
	}
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // built here from numbers and escaped texts
}

// sparkAxis is the one scale of every agency's small chart, so that they
// compare at a glance: from 30 points below the threshold (60 for 90) to
// 100, or 110 when a value is above 100. A value outside is drawn at the
// edge: one agency at 0% must not flatten all the others, and its number is
// beside the chart.
func sparkAxis(ss []Series, threshold *float64) axis {
	lo, hi := 60.0, 100.0
	if threshold != nil {
		lo = math.Max(0, math.Floor((*threshold-30)/10)*10)
	}
	for _, s := range ss {
		for _, v := range values(s.Points, false, nil) {
			if v > 100 {
				hi = 110
			}
		}
	}
	if hi <= lo {
		lo = hi - 40
	}
	return axis{lo, hi, 10}
}

// spark is one agency's coverage as a small chart on the shared scale.
func spark(s Series, ax axis, threshold *float64) template.HTML {
	const w, h = 150.0, 40.0
	const left, right, top, bottom = 2.0, w - 2, 3.0, h - 3
	ps := s.Points
	n := max(len(ps), 2)
	x := func(i int) float64 { return left + float64(i)*(right-left)/float64(n-1) }
	y := func(v float64) float64 { return ax.y(math.Min(math.Max(v, ax.lo), ax.hi), top, bottom) }
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="spark" viewBox="0 0 %.0f %.0f" aria-hidden="true">`, w, h)
	fmt.Fprintf(&b, `<rect x="0" y="0" width="%.0f" height="%.0f" fill="#f6f7f9"/>`, w, h)
	if threshold != nil {
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" stroke="%s" stroke-width="1" stroke-dasharray="4 2"/>`,
			left, right, y(*threshold), y(*threshold), colourThreshold)
	}
	path(&b, ps, func(p Point) *float64 { return p.Nilai }, x, y, `stroke="`+colourNow+`" stroke-width="1.6"`)
	b.WriteString(`</svg>`)
	return template.HTML(b.String()) // built here from numbers only
}
