package site

import (
	"context"
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/queries"
)

// table is a query result kept generic, so a published file and a chart's
// CSV download are written from exactly the numbers the page shows.
type table struct {
	Cols []string
	Rows [][]any
}

func (t table) col(name string) int {
	for i, c := range t.Cols {
		if c == name {
			return i
		}
	}
	panic("site: no column " + name)
}

func loadTable(ctx context.Context, db *store.DB, query string, args ...any) (table, error) {
	rows, err := db.SQL().QueryContext(ctx, query, args...)
	if err != nil {
		return table{}, err
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	cols, err := rows.Columns()
	if err != nil {
		return table{}, err
	}
	t := table{Cols: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return t, err
		}
		t.Rows = append(t.Rows, vals)
	}
	return t, rows.Err()
}

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
	Models    []queries.Query  // KPI definitions for the methodology page
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
	Revisions []revision
}

var publishedFiles = []string{"kpi_opd_bulanan", "kpi_provinsi_bulanan", "iku_capaian", "kurva_distribusi_tahunan"}

func load(ctx context.Context, db *store.DB) (*siteData, error) {
	d := &siteData{Files: map[string]table{}}
	for _, name := range publishedFiles {
		q, err := queries.Get("publish/" + name)
		if err != nil {
			return nil, err
		}
		t, err := loadTable(ctx, db, q.SQL)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w (run `kinerja compute` first)", name, err)
		}
		d.Files[name] = t
	}
	d.Province = monthsOf(d.Files["kpi_provinsi_bulanan"], nil)
	if len(d.Province) > 0 {
		d.Latest = d.Province[len(d.Province)-1].Periode
	}
	opds, err := loadTable(ctx, db, `SELECT opd_kode, opd_nama FROM opd ORDER BY opd_nama`)
	if err != nil {
		return nil, fmt.Errorf("reading opd: %w", err)
	}
	fresh, err := loadTable(ctx, db, `SELECT o.opd_kode, o.opd_nama,
			max(printf('%04d-%02d', p.tahun, p.bulan)) FILTER (WHERE NOT p.tahunan) AS bulan_terakhir
		FROM opd o LEFT JOIN penilaian p USING (opd_key) GROUP BY ALL ORDER BY o.opd_nama`)
	if err != nil {
		return nil, fmt.Errorf("reading freshness: %w", err)
	}
	d.Freshness = fresh
	if d.Attention, err = loadAttention(ctx, db); err != nil {
		return nil, err
	}
	if d.KPIs, err = loadKPIs(ctx, db); err != nil {
		return nil, err
	}
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
	reasonsEN, err := loadCurveReasonsEN(ctx, db)
	if err != nil {
		return nil, err
	}
	if d.CurveLimits, err = loadCurveLimits(ctx, db); err != nil {
		return nil, err
	}
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
	for _, q := range queries.Dir("kpi") {
		if q.Header["definisi"] != "" && !strings.HasPrefix(q.Header["name"], "fungsi") {
			d.Models = append(d.Models, q)
		}
	}
	return d, nil
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

// loadCurveReasonsEN reads, per OPD and year, the English wording of the
// published curve reasons (suppressed like the Indonesian one).
func loadCurveReasonsEN(ctx context.Context, db *store.DB) (map[string]map[int]string, error) {
	t, err := loadTable(ctx, db, `SELECT opd_kode, tahun::INTEGER, alasan_en FROM terbit_kurva_distribusi_tahunan`)
	if err != nil {
		return nil, fmt.Errorf("reading the curve reasons: %w", err)
	}
	reasons := map[string]map[int]string{}
	for _, r := range t.Rows {
		kode, year := r[0].(string), int(r[1].(int32))
		if reasons[kode] == nil {
			reasons[kode] = map[int]string{}
		}
		reasons[kode][year] = textOr(r[2])
	}
	return reasons, nil
}

// loadCurveLimits reads the single-predikat limits of the curve rules the
// last compute used (table aturan_kurva), by organisation rating.
func loadCurveLimits(ctx context.Context, db *store.DB) (map[string][]curveLimit, error) {
	t, err := loadTable(ctx, db, `SELECT predikat_organisasi, predikat[1], jenis = 'maks_persen', nilai
		FROM aturan_kurva WHERE jenis IN ('maks_persen', 'min_persen') AND len(predikat) = 1`)
	if err != nil {
		return nil, fmt.Errorf("reading the curve rules: %w", err)
	}
	limits := map[string][]curveLimit{}
	for _, r := range t.Rows {
		org := r[0].(string)
		limits[org] = append(limits[org], curveLimit{Predikat: r[1].(string), Max: r[2].(bool), Percent: r[3].(float64)})
	}
	return limits, nil
}

func loadAttention(ctx context.Context, db *store.DB) ([]attention, error) {
	// The reasons come from the published (suppressed) curve table.
	t, err := loadTable(ctx, db, `SELECT p.periode, p.opd_kode, p.opd_nama, p.jenis, p.nilai, p.ambang, k.alasan, k.alasan_en
		FROM perhatian p
		LEFT JOIN terbit_kurva_distribusi_tahunan k ON p.jenis = 'kurva_dilanggar' AND k.opd_kode = p.opd_kode AND k.tahun = p.nilai
		ORDER BY p.periode, p.opd_nama, p.jenis`)
	if err != nil {
		return nil, fmt.Errorf("reading perhatian: %w", err)
	}
	var out []attention
	for _, r := range t.Rows {
		a := attention{Periode: r[0].(string), Kode: r[1].(string), Nama: r[2].(string), Jenis: r[3].(string),
			Nilai: ptr(r[4]), Ambang: ptr(r[5])}
		a.detail, a.detailEN = textOr(r[6]), textOr(r[7])
		out = append(out, a)
	}
	return out, nil
}

func parseDot(s string) (float64, error) { return strconv.ParseFloat(strings.TrimSpace(s), 64) }
