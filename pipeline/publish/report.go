package publish

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/durable"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/reports"
)

// LatestMonth is the latest month with evaluations, "" when there is none.
func LatestMonth(ctx context.Context, db *store.DB) (string, error) {
	t, err := db.Named(ctx, "publish/laporan/bulan_terakhir")
	if err != nil || len(t.Rows) == 0 {
		return "", err
	}
	m, _ := t.Rows[0][0].(string)
	return m, nil
}

// LoadReport reads the report of month (YYYY-MM) from the KPI tables.
func LoadReport(ctx context.Context, db *store.DB, month string) (reports.Report, error) {
	r := reports.Report{Month: month}
	prov := func(m string) (reports.Row, error) {
		t, err := db.Named(ctx, "publish/laporan/provinsi", m)
		if err != nil || len(t.Rows) == 0 {
			return reports.Row{}, err
		}
		return rowOf("", "", t.Rows[0]), nil
	}
	var err error
	if r.Province, err = prov(month); err != nil {
		return r, fmt.Errorf("reading province %s: %w", month, err)
	}
	if r.Province.Pegawai == nil {
		return r, fmt.Errorf("no KPIs for %s: run `kinerja compute` after loading that month", month)
	}
	if r.Previous, err = prov(reports.Shift(month, -1)); err != nil {
		return r, err
	}
	if r.YearAgo, err = prov(reports.Shift(month, -12)); err != nil {
		return r, err
	}
	t, err := db.Named(ctx, "publish/laporan/opd", month)
	if err != nil {
		return r, err
	}
	for _, row := range t.Rows {
		r.OPD = append(r.OPD, rowOf(row[0].(string), row[1].(string), row[2:]))
	}
	if t, err = db.Named(ctx, "publish/laporan/perhatian", month); err != nil {
		return r, err
	}
	for _, row := range t.Rows {
		r.Attention = append(r.Attention, reports.Flag{Nama: row[0].(string), Jenis: row[1].(string), Nilai: number(row[2])})
	}
	if t, err = db.Named(ctx, "publish/laporan/kurva", month[:4]); err != nil {
		return r, err
	}
	for _, row := range t.Rows {
		r.Curve = append(r.Curve, reports.Curve{Nama: row[0].(string), Tahun: int(row[1].(int32)),
			PredikatOrganisasi: row[2].(string), Alasan: textOf(row[3])})
	}
	return r, nil
}

// rowOf reads the seven numbers of queries/publish/laporan/provinsi.sql
// (and of opd.sql after its code and name).
func rowOf(kode, nama string, v []any) reports.Row {
	return reports.Row{Kode: kode, Nama: nama, Pegawai: number(v[0]), Dinilai: number(v[1]), Cakupan: number(v[2]),
		TepatWaktu: number(v[3]), SangatBaik: number(v[4]), Capaian: number(v[5]), Patuh20JP: number(v[6])}
}

func textOf(v any) string {
	s, _ := v.(string)
	return s
}

// Report writes the leadership report of month into path (written beside,
// fsynced and renamed).
func Report(ctx context.Context, db *store.DB, month, path string) error {
	r, err := LoadReport(ctx, db, month)
	if err != nil {
		return err
	}
	b, err := reports.Render(r)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := durable.WriteFile(path, b, 0o644); err != nil {
		return err
	}
	crash.Point("report.written")
	return nil
}
