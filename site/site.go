// Package site writes the public static site: the province overview, one
// page per OPD, the methodology and the open data, in Bahasa Indonesia at the
// root and in English under en/. Pages are html/template layouts with
// go-echarts options inside; ECharts itself is a custom build served from the
// site (assets/vendor/echarts.min.js, built from npm by the Makefile), so no
// request ever leaves the site.
//
// The site is built from the published (suppressed) tables only, and the same
// data gives byte-identical files: chart IDs are fixed and the only date on a
// page is the data's own.
package site

import (
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"strings"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

// Stats says what a build did.
type Stats struct {
	Pages   int
	Files   int
	Changed bool // false when the data was unchanged and nothing was rewritten
}

// DataFiles are the published data files of the input (data/*.csv, *.json
// and datapackage.json), keyed by their path in the site: what the revision
// log records (see DataHashes) before the site is rendered.
func DataFiles(in *Input) (map[string][]byte, error) {
	files := map[string][]byte{}
	if err := writeDataFiles(prepare(in), files); err != nil {
		return nil, err
	}
	return files, nil
}

// Render produces every file of the site, keyed by its path. The same
// input gives the same bytes.
func Render(in *Input) (map[string][]byte, Stats, error) {
	files, err := render(prepare(in), in)
	if err != nil {
		return nil, Stats{}, err
	}
	st := Stats{Files: len(files)}
	for p := range files {
		if strings.HasSuffix(p, ".html") {
			st.Pages++
		}
	}
	return files, st, nil
}

// page is what every template gets.
type page struct {
	L        lang
	Title    string
	Root     string // relative path from the page to the site root
	AltHref  string // the same page in the other language
	DataAsOf string
	Body     any
}

type tilesWrap struct {
	Tiles          []tile
	VsPrev, VsYear string
}

type chartWrap struct {
	chartView
	TableLabel, DownloadLabel string
}

var funcs = template.FuncMap{
	"raw": raw,
	"wrapChart": func(p page, c chartView) chartWrap {
		return chartWrap{c, p.L.T("show_table"), p.L.T("download_csv")}
	},
	// wrapTiles gives the shared "tiles" template its labels.
	"wrapTiles": func(p page, t []tile) tilesWrap {
		return tilesWrap{t, p.L.T("vs_prev"), p.L.T("vs_year")}
	},
}

func parse(name string) *template.Template {
	return template.Must(template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html"))
}

// render produces every file of the site, keyed by its path.
func render(d *siteData, in *Input) (map[string][]byte, error) {
	files := map[string][]byte{}
	err := fs.WalkDir(assetFS, "assets", func(p string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := assetFS.ReadFile(p)
		files[p] = b
		return err
	})
	if err != nil {
		return nil, err
	}
	if _, ok := files["assets/vendor/echarts.min.js"]; !ok {
		return nil, fmt.Errorf("assets/vendor/echarts.min.js is not embedded: build it with `make` (npm ci && npm run build:echarts)")
	}
	tIndex, tOPD, tMethod, tData, tKPI := parse("index"), parse("opd"), parse("method"), parse("data"), parse("kpi")
	tGuide, tRiwayat := parse("panduan"), parse("riwayat")
	writeTemplates(in, files)
	for _, l := range []lang{langID, langEN} {
		emit := func(t *template.Template, rel, title string, body any) error {
			// rel is the page's folder inside its language ("" for the
			// overview, "opd/dc/" for an OPD page).
			full := l.Prefix + rel
			depth := strings.Count(full, "/")
			root := strings.Repeat("../", depth)
			other := langEN
			if l.Code == "en" {
				other = langID
			}
			alt := root + other.Prefix + rel
			if alt == "" {
				alt = "./"
			}
			p := page{L: l, Title: title, Root: root, AltHref: alt, Body: body}
			if d.Latest != "" {
				p.DataAsOf = l.Tf("data_as_of", l.Month(d.Latest))
			}
			var b strings.Builder
			if err := t.ExecuteTemplate(&b, "layout", p); err != nil {
				return fmt.Errorf("rendering %sindex.html: %w", full, err)
			}
			files[full+"index.html"] = []byte(b.String())
			return nil
		}
		ov := overview(d, l, files)
		if err := emit(tIndex, "", l.T("nav_home"), ov); err != nil {
			return nil, err
		}
		for _, o := range d.OPD {
			body := opdBody(d, o, l, files)
			if err := emit(tOPD, "opd/"+o.Kode+"/", o.Nama, body); err != nil {
				return nil, err
			}
		}
		for _, k := range d.KPIs {
			if err := emit(tKPI, "kpi/"+k.Name+"/", k.title(l), kpiBody(d, k, l, files)); err != nil {
				return nil, err
			}
		}
		if err := emit(tMethod, "metodologi/", l.T("method_title"), methodBody(d, l)); err != nil {
			return nil, err
		}
		if err := emit(tData, "data/", l.T("data_title"), dataBody(d, l)); err != nil {
			return nil, err
		}
		if err := emit(tGuide, "panduan/", l.T("nav_guide"), guideView{in.Datasets}); err != nil {
			return nil, err
		}
		if err := emit(tRiwayat, "riwayat/", l.T("riwayat_title"), riwayatBody(d.Log, d.Revisions, l)); err != nil {
			return nil, err
		}
	}
	if err := writeLog(d.Log, d.Revisions, files); err != nil {
		return nil, err
	}
	if err := writeDataFiles(d, files); err != nil {
		return nil, err
	}
	return files, nil
}

// tile is one headline number with its changes.
type tile struct{ Label, Value, Prev, Year string }

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
	mk := func(label string, f func(*month) *float64) tile {
		return tile{label, l.Pct(f(cur)), l.Delta(f(cur), pick(prev, f)), l.Delta(f(cur), pick(year, f))}
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
// the page's folder (for the CSV downloads), prefix makes chart IDs unique.
func trendCharts(l lang, ms []month, dir, prefix string, files map[string][]byte) []chartView {
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
		Summary: l.Tf("chart_pred_sum", l.Month(last.Periode), pctOrSuppressed(l, last, 0), pctOrSuppressed(l, last, 1)),
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
	if suppressed {
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

func pctOrSuppressed(l lang, m month, k int) string {
	if m.Count[k] == nil {
		return l.T("suppressed_short")
	}
	return l.Pct(m.Persen[k])
}

type opdRow struct {
	Href, Nama string
	Pegawai    int
	M          month
}

type attentionItem struct{ Href, Nama, Reason string }

type kpiLink struct{ Href, Title string }

type overviewBody struct {
	KPIs      []kpiLink
	Latest    string
	Tiles     []tile
	Charts    []chartView
	Rows      []opdRow
	Attention []attentionItem
}

func overview(d *siteData, l lang, files map[string][]byte) overviewBody {
	b := overviewBody{Latest: d.Latest}
	if d.Latest == "" {
		return b
	}
	b.Tiles = tiles(l, d.Province, d.Latest)
	for _, k := range d.KPIs {
		b.KPIs = append(b.KPIs, kpiLink{Href: "kpi/" + k.Name + "/", Title: k.title(l)})
	}
	b.Charts = trendCharts(l, d.Province, l.Prefix, "provinsi-", files)
	for _, o := range d.OPD {
		m := find(o.Months, d.Latest)
		if m == nil {
			continue
		}
		b.Rows = append(b.Rows, opdRow{Href: "opd/" + o.Kode + "/", Nama: o.Nama, Pegawai: m.Pegawai, M: *m})
	}
	for _, a := range d.Attention {
		if a.Periode != d.Latest {
			continue
		}
		b.Attention = append(b.Attention, attentionItem{Href: "opd/" + a.Kode + "/", Nama: a.Nama, Reason: a.reason(l)})
	}
	return b
}

type ikuRow struct{ Indikator, Bulan, Satuan, Polaritas, Target, Realisasi, Capaian string }

type opdView struct {
	Kode     string
	Nama     string
	Latest   string
	LastSent string
	Tiles    []tile
	Charts   []chartView
	IKUYear  int
	IKURows  []ikuRow
}

func opdBody(d *siteData, o opdPage, l lang, files map[string][]byte) opdView {
	dir := l.Prefix + "opd/" + o.Kode + "/"
	b := opdView{Kode: o.Kode, Nama: o.Nama, Latest: d.Latest, LastSent: o.LastSent}
	b.Tiles = tiles(l, o.Months, d.Latest)
	b.Charts = trendCharts(l, o.Months, dir, "opd-", files)
	if c, ok := curveChart(l, o, d.CurveLimits, dir, files); ok {
		b.Charts = append(b.Charts, c)
	}
	// IKU of the latest year: each indicator's latest month, or annual.
	t := o.IKU
	if len(t.Rows) > 0 {
		maxYear := 0
		for _, r := range t.Rows {
			if y, ok := num(r[t.col("tahun")]); ok && int(y) > maxYear {
				maxYear = int(y)
			}
		}
		b.IKUYear = maxYear
		latest := map[string][]any{}
		var order []string
		for _, r := range t.Rows {
			if y, _ := num(r[t.col("tahun")]); int(y) != maxYear {
				continue
			}
			k := fmt.Sprint(r[t.col("kode_indikator")])
			prev, seen := latest[k]
			if !seen {
				order = append(order, k)
			}
			if !seen || monthNum(r[t.col("bulan")]) >= monthNum(prev[t.col("bulan")]) {
				latest[k] = r
			}
		}
		sort.Strings(order)
		csvData := chartData{Cols: t.Cols}
		for _, k := range order {
			r := latest[k]
			get := func(c string) any { return r[t.col(c)] }
			bulan := "—"
			if m := monthNum(get("bulan")); m > 0 && m < 13 {
				bulan = l.Months[m-1]
			}
			target := numText(l, get("target"))
			if ta := get("target_atas"); ta != nil {
				target += "–" + numText(l, ta)
			}
			capaian := "–"
			if p := ptr(get("capaian_persen")); p != nil {
				capaian = l.Pct(p)
			}
			b.IKURows = append(b.IKURows, ikuRow{
				Indikator: fmt.Sprint(get("indikator")), Bulan: bulan, Satuan: textOr(get("satuan")),
				Polaritas: fmt.Sprint(get("polaritas")), Target: target, Realisasi: realisasiText(l, get("realisasi")),
				Capaian: capaian,
			})
			row := make([]string, len(r))
			for i, v := range r {
				row[i] = cellText(v)
			}
			csvData.Rows = append(csvData.Rows, row)
		}
		files[dir+"iku.csv"] = csvData.csv()
	}
	return b
}

func monthNum(v any) int {
	if f, ok := num(v); ok {
		return int(f)
	}
	return 13 // annual rows sort after the months
}

func numText(l lang, v any) string {
	if f, ok := num(v); ok {
		return l.Number(f, decimalsOf(f))
	}
	return "–"
}

func decimalsOf(f float64) int {
	for d := 0; d < 3; d++ {
		p := 1.0
		for i := 0; i < d; i++ {
			p *= 10
		}
		if f*p == float64(int64(f*p)) {
			return d
		}
	}
	return 2
}

func realisasiText(l lang, v any) string {
	s := textOr(v)
	if f, err := parseDot(s); err == nil {
		return l.Number(f, decimalsOf(f))
	}
	return s
}

func textOr(v any) string {
	if v == nil {
		return "–"
	}
	return fmt.Sprint(v)
}

var orgLabel = map[string]map[string]string{
	"id": {"istimewa": "Istimewa", "baik": "Baik", "butuh_perbaikan": "Butuh Perbaikan", "kurang": "Kurang", "sangat_kurang": "Sangat Kurang"},
	"en": {"istimewa": "Outstanding", "baik": "Good", "butuh_perbaikan": "Needs improvement", "kurang": "Poor", "sangat_kurang": "Very poor"},
}
