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
	// Script is a script of the page's own under assets/ (the body's
	// Script method), or "".
	Script string
	pageMeta
}

type tilesWrap struct {
	Tiles          []tile
	VsPrev, VsYear string
}

type chartWrap struct {
	chartView
	TableLabel, DownloadLabel         string
	PNGLabel, SVGLabel                string
	PermalinkLabel, CopyLabel         string
	CopiedLabel                       string
	PrivacyHref, PrivacyLabel, Source string
	EmbedLabel, EmbedHint             string
	CopyCodeLabel, CodeCopiedLabel    string
	// HelpHref is the chart's section of the explainer (memahami/).
	HelpHref, HelpLabel string
}

var funcs = template.FuncMap{
	"raw": raw,
	"wrapChart": func(p page, c chartView) chartWrap {
		return chartWrap{chartView: c, TableLabel: p.L.T("show_table"), DownloadLabel: p.L.T("download_csv"),
			PNGLabel: p.L.T("download_png"), SVGLabel: p.L.T("download_svg"),
			PermalinkLabel: p.L.T("permalink"), CopyLabel: p.L.T("copy_link"), CopiedLabel: p.L.T("link_copied"),
			PrivacyHref: p.Root + p.L.Prefix + "metodologi/#privasi", PrivacyLabel: p.L.T("privacy_rule"),
			Source:     p.exportSource(),
			EmbedLabel: p.L.T("embed"), EmbedHint: p.L.T("embed_hint"),
			CopyCodeLabel: p.L.T("copy_code"), CodeCopiedLabel: p.L.T("code_copied"),
			HelpHref: p.Root + p.L.Prefix + "memahami/#" + helpAnchor(c.ID), HelpLabel: p.L.T("help_chart")}
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
	base, err := baseURL(in.BaseURL)
	if err != nil {
		return nil, err
	}
	d.BaseURL = base
	err = fs.WalkDir(assetFS, "assets", func(p string, e fs.DirEntry, err error) error {
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
	tGuide, tRiwayat, tBanding, tMemahami := parse("panduan"), parse("riwayat"), parse("banding"), parse("memahami")
	tEmbed := template.Must(template.New("embed").Funcs(funcs).ParseFS(templateFS, "templates/embed.html"))
	writeTemplates(in, files)
	if err := writeIcons(files); err != nil {
		return nil, err
	}
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
			p := page{L: l, Title: title, Root: root, AltHref: alt, Body: body, pageMeta: d.meta(l, rel, root)}
			if s, ok := body.(interface{ Script() string }); ok {
				p.Script = s.Script()
			}
			if d.Latest != "" {
				p.DataAsOf = l.Tf("data_as_of", l.Month(d.Latest))
			}
			charts := chartsOfBody(body)
			for i := range charts {
				charts[i].EmbedHref, charts[i].EmbedCode = d.embedCode(l, rel, root, charts[i])
			}
			var b strings.Builder
			if err := t.ExecuteTemplate(&b, "layout", p); err != nil {
				return fmt.Errorf("rendering %sindex.html: %w", full, err)
			}
			files[full+"index.html"] = []byte(b.String())
			for _, c := range charts {
				if err := d.writeEmbed(tEmbed, p, rel, c, files); err != nil {
					return err
				}
			}
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
		mm := memahamiBody(in, l)
		if err := emit(tMemahami, "memahami/", mm.T["title"], mm); err != nil {
			return nil, err
		}
		if err := emit(tBanding, "banding/", l.T("banding_title"), bandingBody(d, l)); err != nil {
			return nil, err
		}
	}
	if files["banding/data.json"], err = bandingData(d); err != nil {
		return nil, err
	}
	for _, l := range []lang{langID, langEN} {
		feed, err := d.feed(l)
		if err != nil {
			return nil, err
		}
		files[l.Prefix+"feed.xml"] = feed
		card, err := socialCard(l, d)
		if err != nil {
			return nil, err
		}
		files[l.Prefix+"og.png"] = card
	}
	if err := writeLog(d.Log, d.Revisions, files); err != nil {
		return nil, err
	}
	if err := writeDataFiles(d, files); err != nil {
		return nil, err
	}
	return files, nil
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
	b.Charts = trendCharts(l, d.Province, l.Prefix, "provinsi-", "provinsi", l.T("province"), files)
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
	b.Charts = trendCharts(l, o.Months, dir, "opd-", o.Kode, o.Nama, files)
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
