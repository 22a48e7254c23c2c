package demo

import (
	"math/rand/v2"
	"time"
)

// penilaianColumns are BKN's 31 columns of "Laporan Penilaian SKP", in order.
var penilaianColumns = []string{"jenis", "id", "nip", "nama", "periode_awal_skp", "periode_akhir_skp",
	"skp_unor_id", "skp_unor", "skp_unor_induk", "skp_jabatan", "skp_jenis_jabatan", "is_skp_plt_plh_pjb",
	"hasil_kerja", "perilaku_kerja", "hasil_akhir", "pegawai_atasan_id", "pegawai_atasan_nip",
	"pegawai_atasan_nama", "pegawai_atasan_unor_id", "pegawai_atasan_unor", "pegawai_atasan_jabatan",
	"pegawai_atasan_golru", "waktu_dinilai", "pegawai_penilai_id", "tahun_skp", "skp_id", "periode_id",
	"skp_penilaian_id", "golru", "jenis_pegawai", "bulan_skp"}

// evaluation is one penilaian row before it is spelled for a file.
type evaluation struct {
	e      *employee
	o, u   int
	y, m   int // m = 0 for the annual (tahunan) row
	i      int // month index; -1 for annual rows
	act    *acting
	pred   int // predikat as sent; -1 not rated yet
	hk, pk int
	waktu  time.Time
}

// slideCoverage is the share evaluated in the sliding agency in month i:
// 98% until the last six months, then down to 70% in the latest month.
func (g *gen) slideCoverage(i int) float64 {
	width := min(6, g.cal.months-1)
	k := i - (g.cal.months - width)
	if width == 0 || k < 0 {
		return 0.98
	}
	return 0.98 - 0.28*float64(k+1)/float64(width)
}

// monthly is e's evaluation of month i, if there is one.
func (g *gen) monthly(e *employee, i int) (evaluation, bool) {
	o, u, ok := e.at(i)
	if !ok {
		return evaluation{}, false
	}
	y, m := g.cal.ym(i)
	a := g.opds[o]
	if a.missingLast && i == g.cal.months-1 || g.skpStatus(e, y) != "Persetujuan" {
		return evaluation{}, false
	}
	r := g.rng(tagMonthly, uint64(e.idx), uint64(i))
	miss := r.Float64()
	if a.slide {
		if e.slideU > g.slideCoverage(i) || miss < 0.004 {
			return evaluation{}, false
		}
	} else if miss > a.coverage {
		return evaluation{}, false
	}
	ev := evaluation{e: e, o: o, u: u, y: y, m: m, i: i}
	unrated := 0.003
	if i == g.cal.months-1 {
		unrated = 0.04 // the latest month is still being rated
	}
	if r.Float64() < unrated {
		ev.pred = -1
		return ev, true
	}
	g.rate(r, &ev, a, 0.8)
	ev.waktu = ratedAt(r, y, m, a.late)
	return ev, true
}

// annual is e's evaluation of the whole of year y, in the agency e ends the
// year in.
func (g *gen) annual(e *employee, y int) (evaluation, bool) {
	lo, hi := g.cal.span(y)
	last := min(hi, e.to)
	if last < lo || last < e.from {
		return evaluation{}, false
	}
	o, u, _ := e.at(last)
	a := g.opds[o]
	if a.missingLast && hi == g.cal.months-1 || g.skpStatus(e, y) != "Persetujuan" {
		return evaluation{}, false
	}
	r := g.rng(tagAnnual, uint64(e.idx), uint64(y))
	if r.Float64() > 0.97 {
		return evaluation{}, false
	}
	ev := evaluation{e: e, o: o, u: u, y: y, i: -1}
	if r.Float64() < 0.005 {
		ev.pred = -1
		return ev, true
	}
	g.rate(r, &ev, a, 0.9)
	ev.waktu = time.Date(y+1, 1, 2+r.IntN(28), 7+r.IntN(10), r.IntN(60), r.IntN(60), 0, wib)
	return ev, true
}

// actingRow is the evaluation of an acting head (Plt/Plh) in month i.
func (g *gen) actingRow(a *agency, ac *acting, i int) (evaluation, bool) {
	if a.missingLast && i == g.cal.months-1 {
		return evaluation{}, false
	}
	r := g.rng(tagActing, uint64(a.idx), uint64(ac.emp), uint64(i))
	y, m := g.cal.ym(i)
	ev := evaluation{e: g.emps[ac.emp], o: a.idx, y: y, m: m, i: i, act: ac}
	g.rate(r, &ev, a, 0.85)
	ev.waktu = ratedAt(r, y, m, a.late)
	return ev, true
}

// rate draws the predikat (mostly the employee's usual one), the two
// ratings that give it, and now and then a predikat that disagrees with
// the matrix (the superior's decision, kept as sent).
func (g *gen) rate(r *rand.Rand, ev *evaluation, a *agency, stick float64) {
	p := ev.e.typical
	if r.Float64() >= stick {
		p = pick(r, a.profile[:])
	}
	ev.hk, ev.pk = ratingsFor(r, p)
	ev.pred = p
	if r.Float64() < 0.001 {
		ev.pred = neighbour(r, p)
	}
}

// ratingsFor returns hasil kerja and perilaku kerja that give predikat p in
// the PermenPAN-RB 6/2022 matrix.
func ratingsFor(r *rand.Rand, p int) (hk, pk int) {
	x := r.Float64()
	switch p {
	case sangatBaik:
		return diAtas, diAtas
	case baik:
		switch {
		case x < 0.55:
			return sesuai, sesuai
		case x < 0.8:
			return diAtas, sesuai
		}
		return sesuai, diAtas
	case butuhPerbaikan:
		if x < 0.85 {
			return diBawah, sesuai
		}
		return diBawah, diAtas
	case kurang:
		if x < 0.8 {
			return sesuai, diBawah
		}
		return diAtas, diBawah
	}
	return diBawah, diBawah
}

// matrix is the predikat of PermenPAN-RB 6/2022 for two ratings.
func matrix(hk, pk int) int {
	switch {
	case hk == diBawah && pk == diBawah:
		return sangatKurang
	case hk == diBawah:
		return butuhPerbaikan
	case pk == diBawah:
		return kurang
	case hk == diAtas && pk == diAtas:
		return sangatBaik
	}
	return baik
}

// neighbour is a predikat next to p.
func neighbour(r *rand.Rand, p int) int {
	switch p {
	case sangatBaik, butuhPerbaikan:
		return baik
	case baik:
		if r.IntN(2) == 0 {
			return sangatBaik
		}
		return butuhPerbaikan
	}
	return butuhPerbaikan
}

// ratedAt is when a superior rated month m of year y: mostly day 1-5 of the
// next month, office hours, WIB; a share late is rated up to the 28th.
func ratedAt(r *rand.Rand, y, m int, late float64) time.Time {
	var day int
	switch x := r.Float64(); {
	case x < late:
		day = 6 + r.IntN(23)
	case r.Float64() < 0.025:
		day = 6 + r.IntN(7)
	default:
		day = 1 + pick(r, []float64{0.12, 0.22, 0.26, 0.24, 0.16})
	}
	hour := 7 + r.IntN(10)
	if r.IntN(100) < 5 {
		hour = 19 + r.IntN(4)
	}
	return time.Date(y, time.Month(m+1), day, hour, r.IntN(60), r.IntN(60), 0, wib)
}

// corrected is the re-evaluation of ev in the koreksi file: about one in
// five rated rows gets another predikat, rated days later.
func (g *gen) corrected(ev evaluation, force bool) (evaluation, bool) {
	r := g.rng(tagKoreksi, uint64(ev.e.idx), uint64(ev.i))
	if ev.pred < 0 || ev.act != nil || r.Float64() >= 0.2 && !force {
		return ev, false
	}
	p := neighbour(r, matrix(ev.hk, ev.pk))
	if p == ev.pred {
		p = neighbour(r, p)
	}
	ev.pred = p
	ev.hk, ev.pk = ratingsFor(r, p)
	ev.waktu = ev.waktu.Add(time.Duration(6+r.IntN(5))*24*time.Hour + time.Duration(r.IntN(8*3600))*time.Second)
	return ev, true
}

// penStyle is how one file spells penilaian values.
type penStyle struct {
	jenis     string // PERIODIK or BULANAN for monthly rows
	spaced    bool   // DI ATAS / DI BAWAH instead of DIATAS / DIBAWAH
	kurang    string // KURANG or KURANG/MISCONDUCT
	titleCase bool   // "Sesuai Ekspektasi" instead of upper case
	unrated   string // "" or "-"
	nipApos   bool   // '19850101 201001 1 001
	waktuDMY  bool   // DD/MM/YYYY HH:MM
}

func (g *gen) penStyleFor(r *rand.Rand, csv bool) penStyle {
	st := penStyle{jenis: "PERIODIK", kurang: "KURANG/MISCONDUCT"}
	if r.IntN(100) < 20 {
		st.jenis = "BULANAN"
	}
	st.spaced = r.IntN(100) < 25
	if r.IntN(100) < 40 {
		st.kurang = "KURANG"
	}
	st.titleCase = r.IntN(100) < 10
	if r.IntN(2) == 0 {
		st.unrated = "-"
	}
	if csv {
		st.nipApos = r.IntN(100) < 15
		st.waktuDMY = r.IntN(100) < 10
	}
	return st
}

var predikatText = [5]string{"SANGAT BAIK", "BAIK", "BUTUH PERBAIKAN", "KURANG", "SANGAT KURANG"}

func (st *penStyle) rating(v int) string {
	s := "SESUAI EKSPEKTASI"
	switch {
	case v == diAtas && st.spaced:
		s = "DI ATAS EKSPEKTASI"
	case v == diAtas:
		s = "DIATAS EKSPEKTASI"
	case v == diBawah && st.spaced:
		s = "DI BAWAH EKSPEKTASI"
	case v == diBawah:
		s = "DIBAWAH EKSPEKTASI"
	}
	return st.casing(s)
}

func (st *penStyle) predikat(p int) string {
	s := predikatText[p]
	if p == kurang {
		s = st.kurang
	}
	return st.casing(s)
}

func (st *penStyle) casing(s string) string {
	if !st.titleCase {
		return s
	}
	return title(s)
}

func (st *penStyle) nip(n string) cell {
	if st.nipApos && len(n) == 18 {
		return cell{s: "'" + n[:8] + " " + n[8:14] + " " + n[14:15] + " " + n[15:], kind: kNIP}
	}
	return cell{s: n, kind: kNIP}
}

// cells spells ev in BKN's column order into buf.
func (g *gen) cells(buf []cell, ev evaluation, st *penStyle) []cell {
	e, a := ev.e, g.opds[ev.o]
	un := a.units[ev.u]
	jabatan, jenisJabatan, plt := e.jabatan, e.jenisJabatan, 0
	var lo, hi int
	var b boss
	i := ev.i
	if i < 0 { // annual: the superior at the end of the year
		_, hi := g.cal.span(ev.y)
		i = min(hi, e.to)
	}
	if ev.act != nil {
		jabatan, jenisJabatan, plt = ev.act.jabatan, "STRUKTURAL", 1
		l, h := g.cal.span(ev.y)
		lo, hi = max(l, ev.act.from), min(h, ev.act.to)
		b = g.sekdaBoss()
	} else {
		lo, hi, _ = g.segment(e, ev.o, ev.y)
		b = g.atasan(e, ev.o, ev.u, i)
	}
	ly, lm := g.cal.ym(lo)
	hy, hm := g.cal.ym(hi)
	jenis, bulan := st.jenis, integer(ev.m)
	if ev.m == 0 {
		jenis, bulan = "TAHUNAN", cell{kind: kInt}
	}
	hk, pk, ha, waktu := st.unrated, st.unrated, st.unrated, cell{kind: kTime}
	if ev.pred >= 0 {
		hk, pk, ha = st.rating(ev.hk), st.rating(ev.pk), st.predikat(ev.pred)
		waktu.v = excelSerial(ev.waktu)
		if st.waktuDMY {
			waktu.s = ev.waktu.Format("02/01/2006 15:04")
		} else {
			waktu.s = ev.waktu.Format("2006-01-02 15:04:05")
		}
	}
	jp := "PNS"
	if e.pppk {
		jp = "PPPK"
	}
	k := uint64(plt)
	return append(buf[:0],
		txt(jenis),
		txt(g.uuid(tagID, 10, uint64(e.idx), uint64(ev.y), uint64(ev.m), k)),
		st.nip(e.nip),
		txt(e.nama),
		date(firstDay(ly, lm)),
		date(lastDay(hy, hm)),
		txt(un.id),
		txt(un.nama),
		txt(a.nama),
		txt(jabatan),
		txt(jenisJabatan),
		integer(plt),
		txt(hk),
		txt(pk),
		txt(ha),
		txt(b.e.id),
		st.nip(b.e.nip),
		txt(b.e.nama),
		txt(b.unitID),
		txt(b.unit),
		txt(b.jabatan),
		txt(b.e.golru),
		waktu,
		txt(b.e.id),
		integer(ev.y),
		txt(g.skpID(e, ev.o, ev.y, plt)),
		txt(g.uuid(tagID, 11, uint64(ev.y), uint64(ev.m))),
		txt(g.uuid(tagID, 12, uint64(e.idx), uint64(ev.y), uint64(ev.m), k)),
		txt(e.golru),
		txt(jp),
		bulan,
	)
}

// skpID is the id of an SKP, shared by the skp roster and penilaian.
func (g *gen) skpID(e *employee, o, y, plt int) string {
	return g.uuid(tagID, 13, uint64(e.idx), uint64(o), uint64(y), uint64(plt))
}

// penilaianMonth yields the evaluations of agency a for month i: its own
// people, then the acting head.
func (g *gen) penilaianMonth(a *agency, i int, yield func(evaluation) error) error {
	for _, m := range a.members {
		e := g.emps[m]
		if o, _, ok := e.at(i); !ok || o != a.idx {
			continue
		}
		if ev, ok := g.monthly(e, i); ok {
			if err := yield(ev); err != nil {
				return err
			}
		}
	}
	for k := range a.acting {
		ac := &a.acting[k]
		if i < ac.from || i > ac.to {
			continue
		}
		if ev, ok := g.actingRow(a, ac, i); ok {
			if err := yield(ev); err != nil {
				return err
			}
		}
	}
	return nil
}

// penilaianAnnual yields the annual evaluations of agency a for year y.
func (g *gen) penilaianAnnual(a *agency, y int, yield func(evaluation) error) error {
	if !g.cal.complete(y) {
		return nil
	}
	for _, m := range a.members {
		e := g.emps[m]
		if ev, ok := g.annual(e, y); ok && ev.o == a.idx {
			if err := yield(ev); err != nil {
				return err
			}
		}
	}
	return nil
}

// penilaianTable is the rows of agency a for the given months (and the
// annual rows when annual is set), spelled in style st.
func (g *gen) penilaianTable(a *agency, y int, months []int, annual bool, st penStyle, hdr int) table {
	return table{header: styleHeader(penilaianColumns, hdr), each: func(yield func([]cell) error) error {
		buf := make([]cell, 0, len(penilaianColumns))
		emit := func(ev evaluation) error {
			buf = g.cells(buf, ev, &st)
			return yield(buf)
		}
		for _, i := range months {
			if err := g.penilaianMonth(a, i, emit); err != nil {
				return err
			}
		}
		if annual {
			return g.penilaianAnnual(a, y, emit)
		}
		return nil
	}}
}

// koreksiTable is the corrected export of agency a for month i: the
// month's rows again, some re-evaluated with a later waktu_dinilai.
func (g *gen) koreksiTable(a *agency, i int, st penStyle) table {
	return table{header: styleHeader(penilaianColumns, hdrLower), each: func(yield func([]cell) error) error {
		buf := make([]cell, 0, len(penilaianColumns))
		changed := 0
		var rows []evaluation
		if err := g.penilaianMonth(a, i, func(ev evaluation) error { rows = append(rows, ev); return nil }); err != nil {
			return err
		}
		out := make([]evaluation, len(rows))
		for k, ev := range rows {
			c, ok := g.corrected(ev, false)
			if ok {
				changed++
			}
			out[k] = c
		}
		if changed == 0 {
			for k, ev := range rows {
				if c, ok := g.corrected(ev, true); ok {
					out[k] = c
					break
				}
			}
		}
		for _, ev := range out {
			buf = g.cells(buf, ev, &st)
			if err := yield(buf); err != nil {
				return err
			}
		}
		return nil
	}}
}

// monthSheetNames are the sheet names of workbooks with one sheet a month.
var monthSheetNames = [12]string{"jan", "feb", "mar", "apr", "mei", "jun", "jul", "agu", "sep", "okt", "nov", "des"}
