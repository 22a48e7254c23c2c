// Package reports writes the monthly leadership report: one self-contained
// HTML file per month with the province's headline numbers and their
// changes, the agencies that need attention, the ranking of agencies and the
// distribution-curve findings. It is an internal output (docs/kpi.md): counts are
// not suppressed, and it holds no names and no NIPs because the database
// holds none.
package reports

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/durable"
	"github.com/lampungprov/kinerja/pipeline/store"
)

//go:embed report.html
var templates embed.FS

var tmpl = template.Must(template.New("report.html").Funcs(template.FuncMap{
	"pct":   pct,
	"delta": delta,
	"int":   func(v *float64) string { return num(v, 0) },
	"month": monthName,
}).ParseFS(templates, "report.html"))

// Report is the content of one month's report.
type Report struct {
	Month     string
	Province  Row
	Previous  Row
	YearAgo   Row
	OPD       []Row
	Attention []Flag
	Curve     []Curve
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
	Nama, Jenis string
	Nilai       *float64
}

// Curve is one OPD's distribution-curve breach.
type Curve struct {
	Nama, PredikatOrganisasi, Alasan string
	Tahun                            int
}

// LatestMonth is the latest month with KPIs, "" when there is none.
func LatestMonth(ctx context.Context, db *store.DB) (string, error) {
	var m *string
	err := db.SQL().QueryRowContext(ctx, `SELECT max(periode) FROM kpi_provinsi_bulanan WHERE jumlah_dinilai > 0`).Scan(&m)
	if err != nil || m == nil {
		return "", err
	}
	return *m, nil
}

// Load reads the report of month (YYYY-MM) from the KPI tables.
func Load(ctx context.Context, db *store.DB, month string) (Report, error) {
	r := Report{Month: month}
	prov := func(m string) (Row, error) {
		var row Row
		err := db.SQL().QueryRowContext(ctx, `SELECT jumlah_pegawai, jumlah_dinilai, cakupan_penilaian_persen,
			dinilai_tepat_waktu_persen, sangat_baik_persen, rata_capaian_iku_persen, persen_memenuhi_20jp
			FROM kpi_provinsi_bulanan WHERE periode = ?`, m).Scan(&row.Pegawai, &row.Dinilai, &row.Cakupan,
			&row.TepatWaktu, &row.SangatBaik, &row.Capaian, &row.Patuh20JP)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return row, err
		}
		return row, nil
	}
	var err error
	if r.Province, err = prov(month); err != nil {
		return r, fmt.Errorf("reading province %s: %w", month, err)
	}
	if r.Province.Pegawai == nil {
		return r, fmt.Errorf("no KPIs for %s: run `kinerja compute` after loading that month", month)
	}
	r.Previous, _ = prov(shift(month, -1))
	r.YearAgo, _ = prov(shift(month, -12))
	rows, err := db.SQL().QueryContext(ctx, `SELECT opd_kode, opd_nama, jumlah_pegawai, jumlah_dinilai, cakupan_penilaian_persen,
			dinilai_tepat_waktu_persen, sangat_baik_persen, rata_capaian_iku_persen, persen_memenuhi_20jp
		FROM kpi_opd_bulanan WHERE periode = ? AND jumlah_pegawai > 0
		ORDER BY cakupan_penilaian_persen DESC NULLS LAST, opd_nama`, month)
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var o Row
		if err := rows.Scan(&o.Kode, &o.Nama, &o.Pegawai, &o.Dinilai, &o.Cakupan, &o.TepatWaktu, &o.SangatBaik, &o.Capaian, &o.Patuh20JP); err != nil {
			_ = rows.Close() // read-only; the Scan error is the one to report
			return r, err
		}
		r.OPD = append(r.OPD, o)
	}
	err = rows.Err()
	_ = rows.Close() // read-only; its error, if any, is in rows.Err
	if err != nil {
		return r, err
	}
	rows, err = db.SQL().QueryContext(ctx, `SELECT opd_nama, jenis, CASE WHEN jenis IN ('cakupan_rendah', 'capaian_iku_rendah') THEN nilai END FROM perhatian WHERE periode = ? ORDER BY opd_nama, jenis`, month)
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var f Flag
		if err := rows.Scan(&f.Nama, &f.Jenis, &f.Nilai); err != nil {
			_ = rows.Close() // read-only; the Scan error is the one to report
			return r, err
		}
		f.Jenis = flagText[f.Jenis]
		r.Attention = append(r.Attention, f)
	}
	err = rows.Err()
	_ = rows.Close() // read-only; its error, if any, is in rows.Err
	if err != nil {
		return r, err
	}
	rows, err = db.SQL().QueryContext(ctx, `SELECT opd_nama, tahun, predikat_organisasi, alasan FROM kurva_distribusi_tahunan
		WHERE sesuai_kurva = false AND tahun = (SELECT max(tahun) FROM kurva_distribusi_tahunan WHERE tahun < ?::INTEGER + 1)
		ORDER BY opd_nama`, month[:4])
	if err != nil {
		return r, err
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	for rows.Next() {
		var c Curve
		if err := rows.Scan(&c.Nama, &c.Tahun, &c.PredikatOrganisasi, &c.Alasan); err != nil {
			return r, err
		}
		r.Curve = append(r.Curve, c)
	}
	return r, rows.Err()
}

var flagText = map[string]string{
	"tidak_mengirim":     "belum mengirim penilaian bulan ini",
	"cakupan_rendah":     "cakupan penilaian di bawah ambang",
	"cakupan_menurun":    "cakupan turun berturut-turut",
	"capaian_iku_rendah": "capaian IKU di bawah ambang",
	"kurva_dilanggar":    "sebaran predikat tahun lalu melanggar kurva",
}

// Write renders the report of month into path (written beside and renamed).
func Write(ctx context.Context, db *store.DB, month, path string) error {
	r, err := Load(ctx, db, month)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, r); err != nil {
		return fmt.Errorf("rendering report %s: %w", month, err)
	}
	if err := durable.WriteFile(path, b.Bytes(), 0o644); err != nil {
		return err
	}
	crash.Point("report.written")
	return nil
}

var months = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

func monthName(p string) string {
	var y, m int
	if _, err := fmt.Sscanf(p, "%d-%d", &y, &m); err != nil || m < 1 || m > 12 {
		return p
	}
	return fmt.Sprintf("%s %d", months[m-1], y)
}

func shift(p string, n int) string {
	var y, m int
	if _, err := fmt.Sscanf(p, "%d-%d", &y, &m); err != nil {
		return "" // not a month: matches no period
	}
	t := y*12 + m - 1 + n
	return fmt.Sprintf("%04d-%02d", t/12, t%12+1)
}

func num(v *float64, dec int) string {
	if v == nil || math.IsNaN(*v) {
		return "–"
	}
	s := fmt.Sprintf("%.*f", dec, math.Abs(*v))
	ip, fp, _ := strings.Cut(s, ".")
	var b strings.Builder
	if *v < 0 {
		b.WriteString("−")
	}
	for i, c := range ip {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if fp != "" {
		b.WriteString("," + fp)
	}
	return b.String()
}

func pct(v *float64) string {
	if v == nil {
		return "–"
	}
	return num(v, 1) + "%"
}

func delta(cur, prev *float64) string {
	if cur == nil || prev == nil {
		return "–"
	}
	d := *cur - *prev
	sign := "+"
	if d < 0 {
		sign = "−"
		d = -d
	}
	return sign + num(&d, 1) + " poin"
}
