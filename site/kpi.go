package site

import (
	"fmt"
	"sort"
	"strings"
)

// kpiInfo is one indicator with a page of its own: a built-in one from the
// tren table, or an analyst's from kpi_analis.
type kpiInfo struct {
	Name                 string
	Judul, Title         string
	Definisi, Definition string
	Unit                 string
	Analyst              bool
	// Table is an analyst KPI's whole table, published as data/analis_<name>.
	Table table
	// Values by periode then opd_kode ("" is the province).
	Values map[string]map[string]*float64
}

var builtinKPIs = []kpiInfo{
	{Name: "cakupan_penilaian_persen", Judul: "Cakupan penilaian", Title: "Evaluation coverage", Unit: "%",
		Definisi:   "100 × pegawai yang sudah mendapat predikat bulan itu / pegawai dengan SKP disetujui.",
		Definition: "100 × employees with a predikat for the month / employees with an approved SKP."},
	{Name: "dinilai_tepat_waktu_persen", Judul: "Dinilai tepat waktu", Title: "Evaluated on time", Unit: "%",
		Definisi:   "Persen penilaian yang selesai paling lambat tanggal 5 bulan berikutnya pukul 23:59:59 WIB.",
		Definition: "Percent of evaluations done by 23:59:59 WIB on day 5 of the following month."},
	{Name: "rata_capaian_iku_persen", Judul: "Rata-rata capaian IKU", Title: "Mean KPI achievement", Unit: "%",
		Definisi:   "Rata-rata capaian indikator kinerja utama bulan itu, tiap capaian dibatasi 120.",
		Definition: "Mean achievement of the month's key performance indicators, each capped at 120."},
	{Name: "persen_memenuhi_20jp", Judul: "Pegawai memenuhi 20 JP", Title: "Employees with 20 training hours", Unit: "%",
		Definisi:   "Persen pegawai dengan sedikitnya 20 JP pengembangan kompetensi tahun berjalan sampai akhir bulan.",
		Definition: "Percent of employees with at least 20 hours of competence development this year up to the month's end."},
}

// kpisOf gives each built-in KPI its values and adds the analysts' KPIs.
func kpisOf(in *Input) []kpiInfo {
	var out []kpiInfo
	for _, k := range builtinKPIs {
		k.Values = valuesOf(in.Trends[k.Name])
		out = append(out, k)
	}
	for _, r := range in.AnalystKPIs.Rows {
		k := kpiInfo{Name: fmt.Sprint(r[0]), Judul: fmt.Sprint(r[1]), Title: fmt.Sprint(r[2]), Definisi: fmt.Sprint(r[3]),
			Definition: fmt.Sprint(r[4]), Unit: fmt.Sprint(r[5]), Analyst: true}
		t := in.AnalystTables[k.Name]
		k.Table, k.Values = t, valuesOf(t)
		out = append(out, k)
	}
	return out
}

// valuesOf indexes the nilai column of t by periode and opd_kode.
func valuesOf(t table) map[string]map[string]*float64 {
	v := map[string]map[string]*float64{}
	pc, oc, nc := t.col("periode"), t.col("opd_kode"), t.col("nilai")
	for _, r := range t.Rows {
		p, o := fmt.Sprint(r[pc]), fmt.Sprint(r[oc])
		if v[p] == nil {
			v[p] = map[string]*float64{}
		}
		v[p][o] = ptr(r[nc])
	}
	return v
}

func (k kpiInfo) title(l lang) string {
	if l.Code == "id" {
		return k.Judul
	}
	return k.Title
}

type kpiView struct {
	Title, Definition string
	Latest            string
	Analyst           bool
	Charts            []chartView
}

// kpiBody is the page of one KPI: the ranking of all OPDs in the latest month
// and the province trend.
func kpiBody(d *siteData, k kpiInfo, l lang, files map[string][]byte) kpiView {
	dir := l.Prefix + "kpi/" + k.Name + "/"
	v := kpiView{Title: k.title(l), Definition: k.Definisi, Latest: d.Latest, Analyst: k.Analyst}
	if l.Code == "en" {
		v.Definition = k.Definition
	}
	names := map[string]string{}
	for _, o := range d.OPD {
		names[o.Kode] = o.Nama
	}
	type ranked struct {
		kode, nama string
		v          float64
	}
	var rs []ranked
	for kode, val := range k.Values[d.Latest] {
		if kode != "" && val != nil {
			rs = append(rs, ranked{kode, names[kode], *val})
		}
	}
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].v != rs[j].v {
			return rs[i].v > rs[j].v
		}
		return rs[i].nama < rs[j].nama
	})
	if len(rs) > 0 {
		var labels []string
		var vals []float64
		c := chartView{ID: "kpi-peringkat", Title: l.Tf("chart_rank_title", k.title(l), l.Month(d.Latest)),
			Summary: l.Tf("chart_rank_sum", rs[0].nama, l.Number(rs[0].v, 1)+k.Unit, rs[len(rs)-1].nama, l.Number(rs[len(rs)-1].v, 1)+k.Unit),
			Head:    []string{"#", l.T("opd"), k.title(l)}, CSV: "peringkat.csv",
			Who: l.T("province"), File: l.T("file_peringkat") + "-" + slug(k.Name) + "-" + d.Latest}
		data := chartData{Cols: []string{"periode", "peringkat", "opd_kode", "opd_nama", "nilai"}}
		for i, r := range rs {
			labels = append(labels, r.nama)
			vals = append(vals, r.v)
			c.Rows = append(c.Rows, []string{fmt.Sprint(i + 1), r.nama, l.Number(r.v, 1) + k.Unit})
			data.Rows = append(data.Rows, []string{d.Latest, fmt.Sprint(i + 1), r.kode, r.nama, cellText(r.v)})
		}
		c.Option = rankBars("kpi-peringkat", labels, vals, k.Unit)
		files[dir+"peringkat.csv"] = data.csv()
		v.Charts = append(v.Charts, c)
	}
	var months []string
	for p := range k.Values {
		months = append(months, p)
	}
	sort.Strings(months)
	if !k.Analyst && len(months) > 0 {
		vals := make([]*float64, len(months))
		c := chartView{ID: "kpi-tren", Title: k.title(l) + " — " + l.T("province"), CSV: "tren-provinsi.csv",
			Head: []string{l.T("month"), k.title(l)}}
		data := chartData{Cols: []string{"periode", "nilai"}}
		for i, p := range months {
			vals[i] = k.Values[p][""]
			c.Rows = append(c.Rows, []string{l.Month(p), numOr(l, vals[i]) + k.Unit})
			data.Rows = append(data.Rows, []string{p, raw(vals[i])})
		}
		last := vals[len(vals)-1]
		c.File = l.T("file_tren") + "-" + slug(k.Name) + "-provinsi-" + months[len(months)-1]
		c.Summary = l.Month(months[len(months)-1]) + ": " + numOr(l, last) + k.Unit + "."
		c.Option = lineChart("kpi-tren", l, months, []string{k.title(l)}, [][]*float64{vals}, nil)
		files[dir+"tren-provinsi.csv"] = data.csv()
		v.Charts = append(v.Charts, c)
	}
	return v
}

// slug makes a name safe in a file name: lower case, every run of other
// characters than a-z and 0-9 one "-" (as opd_kode, docs/kpi.md).
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
