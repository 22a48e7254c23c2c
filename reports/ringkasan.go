package reports

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// Summary is the Ringkasan: three to six sentences written from the
// report's numbers, in its language, for leaders who read nothing else (it
// is also the body of the report's mail). Every number in them is a value
// of the report as loaded from the KPI tables (tren, perhatian,
// kurva_distribusi_tahunan), or a count of the agencies it names; changes
// are tren's, rounded to one decimal as everywhere else.
func Summary(r Report) []string {
	l := langOf(r.Lang)
	var out []string
	for _, s := range []string{l.coverageMonth(r), l.coverageYear(r), l.otherKPIs(r), l.attention(r), l.late(r), l.curve(r)} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// provincePoint is the province's value of kpi in the report's month, with
// its changes: from the trend when there is one, else from the rows.
func provincePoint(r Report, kpi string) Point {
	for _, t := range r.Trends {
		if t.KPI == kpi && t.Last().Periode == r.Month {
			return t.Last()
		}
	}
	p := Point{Periode: r.Month, Nilai: rowValue(r.Province, kpi)}
	p.SelisihBulanLalu = diff(p.Nilai, rowValue(r.Previous, kpi))
	p.SelisihTahunLalu = diff(p.Nilai, rowValue(r.YearAgo, kpi))
	return p
}

func rowValue(row Row, kpi string) *float64 {
	switch kpi {
	case "cakupan_penilaian_persen":
		return row.Cakupan
	case "dinilai_tepat_waktu_persen":
		return row.TepatWaktu
	case "sangat_baik_persen":
		return row.SangatBaik
	case "rata_capaian_iku_persen":
		return row.Capaian
	case "persen_memenuhi_20jp":
		return row.Patuh20JP
	}
	return nil
}

// diff is a − b rounded to 2 decimals as tren rounds it; nil when either
// is missing.
func diff(a, b *float64) *float64 {
	if a == nil || b == nil {
		return nil
	}
	d := math.Round((*a-*b)*100) / 100
	return &d
}

// round1 is d as it is written: one decimal, and never "−0,0".
func round1(d float64) float64 {
	r := math.Round(d*10) / 10
	if r == 0 {
		return 0
	}
	return r
}

// topMover is the agency that moved most on kpi against banding in
// direction arah; nil when none did.
func topMover(r Report, kpi, banding, arah string) *Mover {
	var best *Mover
	for i, m := range r.Movers {
		if m.KPI == kpi && m.Banding == banding && m.Arah == arah && m.Selisih != nil && (best == nil || m.Urutan < best.Urutan) {
			best = &r.Movers[i]
		}
	}
	return best
}

func (l lang) points(d float64) string {
	return l.Number(math.Abs(round1(d)), 1) + " " + l.Points
}

// moverClause says where kpi moved most: "penurunan terbesar di X (turun
// 8,4 poin menjadi 77,2%)". first starts the list of clauses.
func (l lang) moverClause(m *Mover, first bool) string {
	up := *m.Selisih > 0
	switch {
	case l.en && up && first:
		return fmt.Sprintf("the largest rise was at %s (up %s to %s)", m.Nama, l.points(*m.Selisih), l.Pct(m.Nilai))
	case l.en && up:
		return fmt.Sprintf("the largest rise at %s (up %s to %s)", m.Nama, l.points(*m.Selisih), l.Pct(m.Nilai))
	case l.en && first:
		return fmt.Sprintf("the largest fall was at %s (down %s to %s)", m.Nama, l.points(*m.Selisih), l.Pct(m.Nilai))
	case l.en:
		return fmt.Sprintf("the largest fall at %s (down %s to %s)", m.Nama, l.points(*m.Selisih), l.Pct(m.Nilai))
	case up:
		return fmt.Sprintf("kenaikan terbesar di %s (naik %s menjadi %s)", m.Nama, l.points(*m.Selisih), l.Pct(m.Nilai))
	}
	return fmt.Sprintf("penurunan terbesar di %s (turun %s menjadi %s)", m.Nama, l.points(*m.Selisih), l.Pct(m.Nilai))
}

// moverClauses joins the clauses of the movers that exist.
func (l lang) moverClauses(ms ...*Mover) string {
	var out []string
	for _, m := range ms {
		if m != nil {
			out = append(out, l.moverClause(m, len(out) == 0))
		}
	}
	return strings.Join(out, ", ")
}

// coverageMonth: "Cakupan penilaian provinsi naik 1,2 poin menjadi 95,3%;
// penurunan terbesar di Dinas Kesehatan (turun 8,4 poin menjadi 77,2%)."
func (l lang) coverageMonth(r Report) string {
	const kpi = "cakupan_penilaian_persen"
	p := provincePoint(r, kpi)
	if p.Nilai == nil {
		return ""
	}
	v := l.Pct(p.Nilai)
	var s string
	switch d := p.SelisihBulanLalu; {
	case d == nil && l.en:
		s = "Provincial evaluation coverage was " + v + "; there are no data for the month before"
	case d == nil:
		s = "Cakupan penilaian provinsi " + v + "; bulan sebelumnya belum ada data"
	case round1(*d) > 0 && l.en:
		s = "Provincial evaluation coverage rose " + l.points(*d) + " to " + v
	case round1(*d) > 0:
		s = "Cakupan penilaian provinsi naik " + l.points(*d) + " menjadi " + v
	case round1(*d) < 0 && l.en:
		s = "Provincial evaluation coverage fell " + l.points(*d) + " to " + v
	case round1(*d) < 0:
		s = "Cakupan penilaian provinsi turun " + l.points(*d) + " menjadi " + v
	case l.en:
		s = "Provincial evaluation coverage held at " + v
	default:
		s = "Cakupan penilaian provinsi tetap " + v
	}
	if c := l.moverClauses(topMover(r, kpi, "bulan", "turun"), topMover(r, kpi, "bulan", "naik")); c != "" {
		s += "; " + c
	}
	return s + "."
}

// coverageYear: "Dibanding Desember 2025, cakupan penilaian provinsi turun
// 4,2 poin; dalam setahun kenaikan terbesar di …"; "" without a year before.
func (l lang) coverageYear(r Report) string {
	const kpi = "cakupan_penilaian_persen"
	p := provincePoint(r, kpi)
	if p.Nilai == nil || p.SelisihTahunLalu == nil {
		return ""
	}
	d, before := *p.SelisihTahunLalu, l.Month(Shift(r.Month, -12))
	var s string
	switch {
	case round1(d) > 0 && l.en:
		s = "Against " + before + ", provincial coverage rose " + l.points(d)
	case round1(d) > 0:
		s = "Dibanding " + before + ", cakupan penilaian provinsi naik " + l.points(d)
	case round1(d) < 0 && l.en:
		s = "Against " + before + ", provincial coverage fell " + l.points(d)
	case round1(d) < 0:
		s = "Dibanding " + before + ", cakupan penilaian provinsi turun " + l.points(d)
	case l.en:
		s = "Against " + before + ", provincial coverage was unchanged"
	default:
		s = "Dibanding " + before + ", cakupan penilaian provinsi tidak berubah"
	}
	if c := l.moverClauses(topMover(r, kpi, "tahun", "naik"), topMover(r, kpi, "tahun", "turun")); c != "" {
		if l.en {
			s += "; over the year " + c
		} else {
			s += "; dalam setahun " + c
		}
	}
	return s + "."
}

// otherKPIs: "Indikator lain bulan ini, dengan perubahan dari bulan lalu:
// dinilai tepat waktu 90,5% (+0,0 poin), …".
func (l lang) otherKPIs(r Report) string {
	var items []string
	changes := false
	for _, kpi := range Headline[1:] {
		p := provincePoint(r, kpi)
		if p.Nilai == nil {
			continue
		}
		item := l.kpiName(kpi, true) + " " + l.Pct(p.Nilai)
		if p.SelisihBulanLalu != nil {
			item += " (" + l.Change(round1(*p.SelisihBulanLalu)) + ")"
			changes = true
		}
		items = append(items, item)
	}
	if len(items) == 0 {
		return ""
	}
	switch {
	case l.en && changes:
		return "Other indicators, with the change from the month before: " + l.join(items) + "."
	case l.en:
		return "Other indicators: " + l.join(items) + "."
	case changes:
		return "Indikator lain, dengan perubahan dari bulan lalu: " + l.join(items) + "."
	}
	return "Indikator lain: " + l.join(items) + "."
}

// join writes a list: "A, B dan C" / "A, B and C".
func (l lang) join(items []string) string {
	and := " dan "
	if l.en {
		and = " and "
	}
	if len(items) <= 1 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + and + items[len(items)-1]
}

// names lists agencies: all of up to four, else three and how many more.
func (l lang) names(ns []string) string {
	if len(ns) <= 4 {
		return l.join(ns)
	}
	more := fmt.Sprintf("%d lainnya", len(ns)-3)
	if l.en {
		more = fmt.Sprintf("%d more", len(ns)-3)
	}
	return l.join(append(ns[:3:3], more))
}

// agencies is "12 OPD" / "12 agencies".
func (l lang) agencies(n int) string {
	switch {
	case !l.en:
		return fmt.Sprintf("%d OPD", n)
	case n == 1:
		return "1 agency"
	}
	return fmt.Sprintf("%d agencies", n)
}

// flagged are the agencies with a flag, by code, with their names sorted.
func flagged(fs []Flag) (set map[string]string, names []string) {
	set = map[string]string{}
	for _, f := range fs {
		k := f.Kode
		if k == "" {
			k = f.Nama
		}
		if _, ok := set[k]; !ok {
			set[k] = f.Nama
			names = append(names, f.Nama)
		}
	}
	sort.Strings(names)
	return set, names
}

// attention: "7 OPD perlu perhatian (bulan lalu 5); masuk daftar: A dan B;
// keluar dari daftar: C."
func (l lang) attention(r Report) string {
	cur, curNames := flagged(r.Attention)
	prev, prevNames := flagged(r.AttentionBefore)
	hasPrev := r.Previous.Pegawai != nil
	var in, out []string
	for k, n := range cur {
		if _, ok := prev[k]; !ok {
			in = append(in, n)
		}
	}
	for k, n := range prev {
		if _, ok := cur[k]; !ok {
			out = append(out, n)
		}
	}
	sort.Strings(in)
	sort.Strings(out)
	n, m := len(curNames), len(prevNames)
	var s string
	switch {
	case n == 0 && (!hasPrev || m == 0) && l.en:
		return "No agency needs attention."
	case n == 0 && (!hasPrev || m == 0):
		return "Tidak ada OPD yang perlu perhatian."
	case !hasPrev && l.en:
		return fmt.Sprintf("%s need attention: %s.", l.agencies(n), l.names(curNames))
	case !hasPrev:
		return fmt.Sprintf("%s perlu perhatian: %s.", l.agencies(n), l.names(curNames))
	case len(in) == 0 && len(out) == 0 && l.en:
		verb := "need"
		if n == 1 {
			verb = "needs"
		}
		return fmt.Sprintf("%s %s attention, the same as the month before.", l.agencies(n), verb)
	case len(in) == 0 && len(out) == 0:
		return fmt.Sprintf("%s perlu perhatian, sama dengan bulan lalu.", l.agencies(n))
	case n == 0 && l.en:
		s = fmt.Sprintf("No agency needs attention (%d the month before)", m)
	case n == 0:
		s = fmt.Sprintf("Tidak ada OPD yang perlu perhatian (bulan lalu %d)", m)
	case l.en:
		verb := "need"
		if n == 1 {
			verb = "needs"
		}
		s = fmt.Sprintf("%s %s attention (%d the month before)", l.agencies(n), verb, m)
	default:
		s = fmt.Sprintf("%s perlu perhatian (bulan lalu %d)", l.agencies(n), m)
	}
	if len(in) > 0 {
		if l.en {
			s += "; joined the list: " + l.names(in)
		} else {
			s += "; masuk daftar: " + l.names(in)
		}
	}
	if len(out) > 0 {
		if l.en {
			s += "; left it: " + l.names(out)
		} else {
			s += "; keluar dari daftar: " + l.names(out)
		}
	}
	return s + "."
}

// late names the agencies whose data of the month is late: employees on the
// roster but no evaluations (flag tidak_mengirim).
func (l lang) late(r Report) string {
	var ns []string
	for _, f := range r.Attention {
		if f.Jenis == "tidak_mengirim" {
			ns = append(ns, f.Nama)
		}
	}
	sort.Strings(ns)
	month := l.Month(r.Month)
	switch {
	case len(ns) == 0 && l.en:
		return "Every agency has sent its evaluations for " + month + "."
	case len(ns) == 0:
		return "Semua OPD sudah mengirim penilaian " + month + "."
	case l.en:
		return "No evaluations for " + month + " yet from " + l.names(ns) + "."
	}
	return "Belum mengirim penilaian " + month + ": " + l.names(ns) + "."
}

// curve: the breaches of the distribution curve, and which are new against
// the year before.
func (l lang) curve(r Report) string {
	if r.CurveYear == 0 {
		return ""
	}
	y, n := r.CurveYear, len(r.Curve)
	if n == 0 {
		if l.en {
			return fmt.Sprintf("In %d the annual predikat distribution of every agency checked (%d) follows the curve.", y, r.CurveChecked)
		}
		return fmt.Sprintf("Sebaran predikat tahunan %d semua OPD yang diperiksa (%d) sesuai kurva distribusi.", y, r.CurveChecked)
	}
	s := fmt.Sprintf("Sebaran predikat tahunan %d melanggar kurva distribusi di %s", y, l.agencies(n))
	if l.en {
		s = fmt.Sprintf("The annual predikat distribution of %d broke the curve at %s", y, l.agencies(n))
	}
	if !r.CurveYearBeforeChecked {
		return s + "."
	}
	var fresh []string
	for _, c := range r.Curve {
		if c.Baru {
			fresh = append(fresh, c.Nama)
		}
	}
	sort.Strings(fresh)
	switch {
	case len(fresh) == 0 && l.en:
		return s + fmt.Sprintf(", all of which broke it in %d too.", y-1)
	case len(fresh) == 0:
		return s + fmt.Sprintf(", semuanya juga melanggar pada %d.", y-1)
	case l.en:
		return s + fmt.Sprintf("; new against %d: %s.", y-1, l.names(fresh))
	}
	return s + fmt.Sprintf("; baru dibanding %d: %s.", y-1, l.names(fresh))
}
