package site

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"
)

// cellText is the machine-readable text of a value in a published CSV:
// "." decimals, empty for NULL (a suppressed or undefined cell).
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case float64:
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return ""
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case float32:
		return strconv.FormatFloat(float64(x), 'f', -1, 32)
	case time.Time:
		return x.Format("2006-01-02")
	case bool:
		return strconv.FormatBool(x)
	default:
		return fmt.Sprint(x)
	}
}

func num(v any) (float64, bool) {
	switch x := v.(type) {
	case float64:
		return x, true
	case float32:
		return float64(x), true
	case int64:
		return float64(x), true
	case int32:
		return float64(x), true
	case int16:
		return float64(x), true
	case int8:
		return float64(x), true
	case int:
		return float64(x), true
	case uint64:
		return float64(x), true
	case uint32:
		return float64(x), true
	case uint8:
		return float64(x), true
	case *big.Int: // DuckDB's HUGEINT, the type of sum() over integers
		if x == nil {
			return 0, false
		}
		f, _ := new(big.Float).SetInt(x).Float64()
		return f, true
	}
	return 0, false
}

// Predikat order and keys, as in the published files.
var predikatKeys = []string{"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"}

// month is one row of kpi_opd_bulanan or kpi_provinsi_bulanan as published.
type month struct {
	Periode        string
	Pegawai        int
	Dinilai        int
	Cakupan        *float64
	TepatWaktu     *float64
	Count          [5]*float64 // nil: suppressed
	Persen         [5]*float64
	IKU, Tercapai  int
	Capaian        *float64
	JP, Patuh20JP  *float64
	SubmittedMonth bool // any evaluation at all (jumlah_dinilai > 0)
}

func ptr(v any) *float64 {
	if f, ok := num(v); ok {
		return &f
	}
	return nil
}

func monthsOf(t table, filter func(row []any) bool) []month {
	var out []month
	for _, r := range t.Rows {
		if filter != nil && !filter(r) {
			continue
		}
		get := func(c string) any { return r[t.col(c)] }
		m := month{Periode: get("periode").(string)}
		if f, ok := num(get("jumlah_pegawai")); ok {
			m.Pegawai = int(f)
		}
		if f, ok := num(get("jumlah_dinilai")); ok {
			m.Dinilai = int(f)
		}
		m.Cakupan, m.TepatWaktu = ptr(get("cakupan_penilaian_persen")), ptr(get("dinilai_tepat_waktu_persen"))
		for i, k := range predikatKeys {
			m.Count[i] = ptr(get(k))
			m.Persen[i] = ptr(get(k + "_persen"))
		}
		if f, ok := num(get("jumlah_indikator_iku")); ok {
			m.IKU = int(f)
		}
		if f, ok := num(get("indikator_tercapai")); ok {
			m.Tercapai = int(f)
		}
		m.Capaian, m.JP, m.Patuh20JP = ptr(get("rata_capaian_iku_persen")), ptr(get("rata_jp_per_pegawai")), ptr(get("persen_memenuhi_20jp"))
		m.SubmittedMonth = m.Dinilai > 0
		out = append(out, m)
	}
	return out
}

// opdPage is everything one OPD page shows.
type opdPage struct {
	Kode, Nama string
	Months     []month
	IKU        table // the OPD's indicators of its latest year
	Kurva      table // its annual curve checks
	// KurvaEN is the English reason of each year's published curve check.
	KurvaEN  map[int]string
	LastSent string
}

// curveLimit is one curve rule on one predikat: at most (Max) or at least
// Percent of the evaluated employees. The site draws these on the curve
// chart; rules on a group of predikat have no single bar to mark.
type curveLimit struct {
	Predikat string
	Max      bool
	Percent  float64
}

// siteData is what the whole site is built from: published (suppressed)
// tables only, so nothing unpublishable can reach a page.
type siteData struct {
	Province  []month
	OPD       []opdPage
	Files     map[string]table // published files by name
	Latest    string           // latest month of the data, YYYY-MM
	Models    []Model          // KPI definitions for the methodology page
	Freshness table            // per OPD: last month with evaluations
	// CurveLimits are the curve limits drawn on the OPD charts, by
	// organisation rating.
	CurveLimits map[string][]curveLimit
	Attention   []attention
	KPIs        []kpiInfo
	// AnalystFiles are the published files of analysts' KPIs.
	AnalystFiles []string
	// Log and Revisions are the revision log, this publication included.
	Log       []LogEntry
	Revisions []Revision
	// BaseURL is Input.BaseURL ending in "/", or "".
	BaseURL string
}

// prepare turns the loaded tables into what the pages show.
func prepare(in *Input) *siteData {
	d := &siteData{Files: map[string]table{}, Models: in.Models, Log: in.Log, Revisions: in.Revisions}
	for _, name := range PublishedFiles {
		d.Files[name] = in.Files[name]
	}
	d.Province = monthsOf(d.Files["kpi_provinsi_bulanan"], nil)
	if len(d.Province) > 0 {
		d.Latest = d.Province[len(d.Province)-1].Periode
	}
	opds, fresh := in.OPD, in.Freshness
	d.Freshness = fresh
	d.Attention = attentions(in.Attention)
	d.KPIs = kpisOf(in)
	for _, k := range d.KPIs {
		if k.Analyst {
			d.Files["analis_"+k.Name] = k.Table
			d.AnalystFiles = append(d.AnalystFiles, "analis_"+k.Name)
		}
	}
	last := map[string]string{}
	for _, r := range fresh.Rows {
		if s, ok := r[2].(string); ok {
			last[r[0].(string)] = s
		}
	}
	reasonsEN := curveReasonsEN(in.CurveReasonsEN)
	d.CurveLimits = curveLimits(in.CurveLimits)
	opdMonths := d.Files["kpi_opd_bulanan"]
	iku := d.Files["iku_capaian"]
	kurva := d.Files["kurva_distribusi_tahunan"]
	for _, r := range opds.Rows {
		kode, nama := r[0].(string), r[1].(string)
		p := opdPage{Kode: kode, Nama: nama, LastSent: last[kode]}
		p.Months = monthsOf(opdMonths, func(row []any) bool { return row[opdMonths.col("opd_kode")] == kode })
		p.IKU = filterRows(iku, func(row []any) bool { return row[iku.col("opd_kode")] == kode })
		p.Kurva = filterRows(kurva, func(row []any) bool { return row[kurva.col("opd_kode")] == kode })
		p.KurvaEN = reasonsEN[kode]
		d.OPD = append(d.OPD, p)
	}
	return d
}

func filterRows(t table, keep func([]any) bool) table {
	out := table{Cols: t.Cols}
	for _, r := range t.Rows {
		if keep(r) {
			out.Rows = append(out.Rows, r)
		}
	}
	return out
}

// attention is one flag of the perhatian table.
type attention struct {
	Periode, Kode, Nama, Jenis string
	Nilai, Ambang              *float64
	detail, detailEN           string // the broken curve rules, as published
}

func (a attention) reason(l lang) string {
	switch a.Jenis {
	case "tidak_mengirim":
		return l.Tf("att_nosubmit", l.Month(a.Periode))
	case "cakupan_rendah":
		return l.Tf("att_coverage", l.Pct(a.Nilai), l.Pct(a.Ambang))
	case "cakupan_menurun":
		n := 0
		if a.Ambang != nil {
			n = int(*a.Ambang)
		}
		return l.Tf("att_falling", n)
	case "capaian_iku_rendah":
		return l.Tf("att_iku", l.Pct(a.Nilai), l.Pct(a.Ambang))
	case "kurva_dilanggar":
		y := 0
		if a.Nilai != nil {
			y = int(*a.Nilai)
		}
		if l.Code == "en" {
			return l.Tf("att_curve", y, a.detailEN)
		}
		return l.Tf("att_curve", y, a.detail)
	}
	return a.Jenis
}

// curveReasonsEN indexes, per OPD and year, the English wording of the
// published curve reasons (suppressed like the Indonesian one).
func curveReasonsEN(t Table) map[string]map[int]string {
	reasons := map[string]map[int]string{}
	for _, r := range t.Rows {
		kode, year := r[0].(string), int(r[1].(int32))
		if reasons[kode] == nil {
			reasons[kode] = map[int]string{}
		}
		reasons[kode][year] = textOr(r[2])
	}
	return reasons
}

// curveLimits indexes the single-predikat limits of the curve rules the
// last compute used, by organisation rating.
func curveLimits(t Table) map[string][]curveLimit {
	limits := map[string][]curveLimit{}
	for _, r := range t.Rows {
		org := r[0].(string)
		limits[org] = append(limits[org], curveLimit{Predikat: r[1].(string), Max: r[2].(bool), Percent: r[3].(float64)})
	}
	return limits
}

// attentions reads the attention flags; the reasons of a broken curve come
// from the published (suppressed) curve table.
func attentions(t Table) []attention {
	var out []attention
	for _, r := range t.Rows {
		a := attention{Periode: r[0].(string), Kode: r[1].(string), Nama: r[2].(string), Jenis: r[3].(string),
			Nilai: ptr(r[4]), Ambang: ptr(r[5])}
		a.detail, a.detailEN = textOr(r[6]), textOr(r[7])
		out = append(out, a)
	}
	return out
}

func parseDot(s string) (float64, error) { return strconv.ParseFloat(strings.TrimSpace(s), 64) }
