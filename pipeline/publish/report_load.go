package publish

import (
	"context"

	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/reports"
)

// The loaders of the report's sections after the headline numbers, each
// from one query of queries/publish/laporan.

// window is the 12 months the charts show: after from, up to r.Month.
func window(r *reports.Report) (from string, months []string) {
	for i := 11; i >= 0; i-- {
		months = append(months, reports.Shift(r.Month, -i))
	}
	return reports.Shift(r.Month, -12), months
}

// loadTrends reads the province's headline KPIs over the 12 months; a month
// without a row (before the data begins) is a point without values.
func loadTrends(ctx context.Context, db *store.DB, r *reports.Report) error {
	from, months := window(r)
	t, err := db.Named(ctx, "publish/laporan/tren", from, r.Month)
	if err != nil {
		return err
	}
	byKPI := map[string]map[string]reports.Point{}
	for _, row := range t.Rows {
		kpi := textOf(row[0])
		if byKPI[kpi] == nil {
			byKPI[kpi] = map[string]reports.Point{}
		}
		byKPI[kpi][textOf(row[1])] = reports.Point{Periode: textOf(row[1]), Nilai: number(row[2]), TahunLalu: number(row[3]),
			SelisihBulanLalu: number(row[4]), SelisihTahunLalu: number(row[5])}
	}
	for _, kpi := range reports.Headline {
		tr := reports.Trend{KPI: kpi}
		for _, m := range months {
			p, ok := byKPI[kpi][m]
			if !ok {
				p = reports.Point{Periode: m}
			}
			tr.Points = append(tr.Points, p)
		}
		r.Trends = append(r.Trends, tr)
	}
	return nil
}

// loadCoverage reads every agency's coverage over the 12 months.
func loadCoverage(ctx context.Context, db *store.DB, r *reports.Report) error {
	from, months := window(r)
	t, err := db.Named(ctx, "publish/laporan/tren_opd", from, r.Month)
	if err != nil {
		return err
	}
	var s *reports.Series
	values := map[string]*float64{}
	flush := func() {
		if s == nil {
			return
		}
		for _, m := range months {
			s.Points = append(s.Points, reports.Point{Periode: m, Nilai: values[m]})
		}
		r.Coverage = append(r.Coverage, *s)
	}
	for _, row := range t.Rows {
		kode := textOf(row[0])
		if s == nil || s.Kode != kode {
			flush()
			s, values = &reports.Series{Kode: kode, Nama: textOf(row[1])}, map[string]*float64{}
		}
		values[textOf(row[2])] = number(row[3])
	}
	flush()
	return nil
}

// thresholdOf maps the parameters of table parameter to the KPI whose
// chart draws them.
var thresholdOf = map[string]string{
	"peringatan_cakupan":     "cakupan_penilaian_persen",
	"peringatan_capaian_iku": "rata_capaian_iku_persen",
}

func loadThresholds(ctx context.Context, db *store.DB, r *reports.Report) error {
	t, err := db.Named(ctx, "publish/laporan/ambang")
	if err != nil {
		return err
	}
	r.Thresholds = map[string]float64{}
	for _, row := range t.Rows {
		if v := number(row[1]); v != nil {
			r.Thresholds[thresholdOf[textOf(row[0])]] = *v
		}
	}
	return nil
}

func loadMovers(ctx context.Context, db *store.DB, r *reports.Report) error {
	t, err := db.Named(ctx, "publish/laporan/penggerak", r.Month)
	if err != nil {
		return err
	}
	for _, row := range t.Rows {
		r.Movers = append(r.Movers, reports.Mover{KPI: textOf(row[0]), Banding: textOf(row[1]), Arah: textOf(row[2]),
			Urutan: intOf(row[3]), Kode: textOf(row[4]), Nama: textOf(row[5]), Nilai: number(row[6]), Selisih: number(row[7])})
	}
	return nil
}

func loadQuality(ctx context.Context, db *store.DB, r *reports.Report) error {
	t, err := db.Named(ctx, "publish/laporan/kualitas", r.Month)
	if err != nil {
		return err
	}
	for _, row := range t.Rows {
		sent, _ := row[2].(bool)
		r.Quality = append(r.Quality, reports.Quality{Kode: textOf(row[0]), Nama: textOf(row[1]), Mengirim: sent,
			Diterima: intOf(row[3]), Terlambat: intOf(row[4]), Ditolak: intOf(row[5]), Temuan: intOf(row[6]),
			PenilaianTerlambat: intOf(row[7])})
	}
	return nil
}

// loadCurve reads the curve breaches of the latest year up to the month's
// and whether the year before was checked.
func loadCurve(ctx context.Context, db *store.DB, r *reports.Report) error {
	year := r.Month[:4]
	t, err := db.Named(ctx, "publish/laporan/kurva_tahun", year)
	if err != nil {
		return err
	}
	if len(t.Rows) == 1 && t.Rows[0][0] != nil {
		r.CurveYear = intOf(t.Rows[0][0])
		r.CurveYearBeforeChecked, _ = t.Rows[0][1].(bool)
		r.CurveChecked = intOf(t.Rows[0][2])
	}
	if t, err = db.Named(ctx, "publish/laporan/kurva", year); err != nil {
		return err
	}
	for _, row := range t.Rows {
		fresh, _ := row[6].(bool)
		r.Curve = append(r.Curve, reports.Curve{Nama: textOf(row[0]), Tahun: intOf(row[1]), PredikatOrganisasi: textOf(row[2]),
			Alasan: textOf(row[3]), AlasanEN: textOf(row[4]), Kode: textOf(row[5]), Baru: fresh})
	}
	return nil
}

// intOf is a count or number of a query as an int; 0 for NULL.
func intOf(v any) int {
	if f := number(v); f != nil {
		return int(*f)
	}
	return 0
}
