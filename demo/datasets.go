package demo

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file derives the skp, pelatihan, iku and opd tables from the
// province.

var skpColumns = []string{"id", "nip", "nama", "is_plt_plh", "periode_awal", "periode_akhir", "skp_status",
	"skp_unor_induk", "skp_unor", "skp_jabatan", "skp_jenis_jabatan", "jenis_pegawai", "golru"}

// skpTable is the SKP roster of agency a for year y: one row per employee
// and stretch of the year spent here, then the acting heads' SKPs.
func (g *gen) skpTable(a *agency, y int, hdr int, upperStatus bool) table {
	return table{header: styleHeader(skpColumns, hdr), each: func(yield func([]cell) error) error {
		buf := make([]cell, 0, len(skpColumns))
		row := func(e *employee, plt int, lo, hi int, status, unor, jabatan, jenisJabatan string) error {
			ly, lm := g.cal.ym(lo)
			hy, hm := g.cal.ym(hi)
			jp := "PNS"
			if e.pppk {
				jp = "PPPK"
			}
			if upperStatus {
				status = strings.ToUpper(status)
			}
			buf = append(buf[:0],
				txt(g.skpID(e, a.idx, y, plt)), cell{s: e.nip, kind: kNIP}, txt(e.nama), integer(plt),
				date(firstDay(ly, lm)), date(lastDay(hy, hm)), txt(status), txt(a.nama), txt(unor),
				txt(jabatan), txt(jenisJabatan), txt(jp), txt(e.golru))
			return yield(buf)
		}
		for _, m := range a.members {
			e := g.emps[m]
			lo, hi, ok := g.segment(e, a.idx, y)
			if !ok {
				continue
			}
			u := e.unit
			if e.mutasiAt > 0 && lo >= e.mutasiAt {
				u = e.unit2
			}
			if err := row(e, 0, lo, hi, g.skpStatus(e, y), a.units[u].nama, e.jabatan, e.jenisJabatan); err != nil {
				return err
			}
		}
		l, h := g.cal.span(y)
		for _, ac := range a.acting {
			lo, hi := max(l, ac.from), min(h, ac.to)
			if lo > hi {
				continue
			}
			if err := row(g.emps[ac.emp], 1, lo, hi, "Persetujuan", a.units[0].nama, ac.jabatan, "STRUKTURAL"); err != nil {
				return err
			}
		}
		return nil
	}}
}

var pelatihanColumns = []string{"nip", "nama", "nama_pelatihan", "jenis_pengembangan", "penyelenggara",
	"tanggal_mulai", "tanggal_selesai", "jp"}

// training is one completed competence development activity.
type training struct {
	spec          *pelatihanSpec
	start, end    time.Time
	jp            int
	penyelenggara string
}

// trainings are e's trainings finished in year y (up to the window's end).
// Most employees reach 20 JP; more activities fall late in the year.
func (g *gen) trainings(e *employee, y int) []training {
	endY, endM := g.cal.ym(g.cal.months - 1)
	limit := lastDay(endY, endM)
	var months []int
	var weights []float64
	for m := 1; m <= 12; m++ {
		i := g.cal.index(y, m)
		if i > g.cal.months-1 {
			break
		}
		if i >= e.from && i <= e.to {
			months = append(months, m)
			weights = append(weights, float64(m+2))
		}
	}
	if len(months) == 0 {
		return nil
	}
	r := g.rng(tagTrain, uint64(e.idx), uint64(y))
	o, _, _ := e.at(g.cal.index(y, months[len(months)-1]))
	reach := r.Float64() < g.opds[o].jpReach
	target := r.IntN(19)
	if reach {
		target = 20 + r.IntN(29)
	}
	var out []training
	total := 0
	add := func(sp *pelatihanSpec, start time.Time, days, jp int) bool {
		end := start.AddDate(0, 0, days-1)
		if end.After(limit) || end.Year() != y || start.Year() != y {
			return false
		}
		ei := g.cal.index(y, int(end.Month()))
		eo, _, ok := e.at(ei)
		if !ok {
			return false
		}
		pen := sp.penyelenggara
		if pen == "internal OPD" {
			pen = title(g.opds[eo].nama)
		}
		out = append(out, training{spec: sp, start: start, end: end, jp: jp, penyelenggara: pen})
		total += jp
		return true
	}
	if e.from >= 0 && !e.pppk {
		// A new CPNS takes Pelatihan Dasar in the first months.
		fy, fm := g.cal.ym(e.from + 1)
		if fy == y {
			add(&latsar, firstDay(fy, fm).AddDate(0, 0, r.IntN(10)), 50+r.IntN(10), latsar.jpMin+r.IntN(latsar.jpMax-latsar.jpMin+1))
		}
	}
	var general, special []int
	for k := range pelatihanSpecs {
		switch pelatihanSpecs[k].audience {
		case "":
			general = append(general, k)
		case "guru":
			if e.guru {
				special = append(special, k)
			}
		case "kesehatan":
			if e.nakes {
				special = append(special, k)
			}
		case "struktural":
			if e.role != roleStaff && !e.guru && !e.nakes {
				special = append(special, k)
			}
		}
	}
	used := make([]bool, len(pelatihanSpecs))
	for try := 0; total < target && try < 24; try++ {
		k := general[r.IntN(len(general))]
		if len(special) > 0 && r.IntN(100) < 45 {
			k = special[r.IntN(len(special))]
		}
		sp := &pelatihanSpecs[k]
		jp := sp.jpMin + r.IntN(sp.jpMax-sp.jpMin+1)
		if used[k] || !reach && total+jp >= 20 {
			continue
		}
		m := months[pick(r, weights)]
		days := 1 + r.IntN(10)
		if sp.klasikal {
			days = (jp + 7) / 8
		}
		start := time.Date(y, time.Month(m), 1+r.IntN(max(1, 29-days)), 0, 0, 0, 0, wib)
		if add(sp, start, days, jp) {
			used[k] = true
		}
	}
	return out
}

// pelatihanTable lists the trainings finished in year y by people while in
// agency a, by date.
func (g *gen) pelatihanTable(a *agency, y int, hdr int) table {
	return table{header: styleHeader(pelatihanColumns, hdr), each: func(yield func([]cell) error) error {
		type entry struct {
			e *employee
			t training
		}
		var all []entry
		for _, m := range a.members {
			e := g.emps[m]
			for _, t := range g.trainings(e, y) {
				if o, _, ok := e.at(g.cal.index(y, int(t.end.Month()))); ok && o == a.idx {
					all = append(all, entry{e, t})
				}
			}
		}
		slices.SortStableFunc(all, func(p, q entry) int {
			if c := p.t.end.Compare(q.t.end); c != 0 {
				return c
			}
			return p.t.start.Compare(q.t.start)
		})
		buf := make([]cell, 0, len(pelatihanColumns))
		for _, en := range all {
			jenis := "nonklasikal"
			if en.t.spec.klasikal {
				jenis = "klasikal"
			}
			buf = append(buf[:0], cell{s: en.e.nip, kind: kNIP}, txt(en.e.nama), txt(en.t.spec.nama), txt(jenis),
				txt(en.t.penyelenggara), date(en.t.start), date(en.t.end), integer(en.t.jp))
			if err := yield(buf); err != nil {
				return err
			}
		}
		return nil
	}}
}

var ikuColumns = []string{"tahun", "bulan", "opd", "kode_indikator", "indikator", "satuan", "polaritas",
	"target", "target_atas", "realisasi", "keterangan"}

// indicator is an IKU of one agency.
type indicator struct {
	kode string
	spec ikuSpec
}

// indicators picks 3-6 indicators for agency a: its sector ones, then
// general ones.
func (g *gen) indicators(a *agency) []indicator {
	r := g.rng(tagIKU, uint64(a.idx))
	specs := append([]ikuSpec(nil), ikuSpecs[a.singkatan]...)
	want := min(6, max(3, len(specs)+r.IntN(3)))
	for _, k := range r.Perm(len(ikuUmum)) {
		if len(specs) >= want {
			break
		}
		dup := false
		for _, s := range specs {
			dup = dup || s.nama == ikuUmum[k].nama
		}
		if !dup {
			specs = append(specs, ikuUmum[k])
		}
	}
	out := make([]indicator, len(specs))
	code := strings.ReplaceAll(a.singkatan, " ", "")
	for k, s := range specs {
		out[k] = indicator{kode: "IKU-" + code + "-" + strconv.Itoa(100 + k + 1)[1:], spec: s}
	}
	return out
}

// ikuNumbers says how a file writes numbers.
type ikuNumbers struct {
	comma bool // decimal comma and thousands dots (Indonesian spreadsheet)
	pct   bool // "%" after percentages
	naik  bool // polaritas as naik/turun
}

func fmtNum(v float64, comma bool) string {
	s := strconv.FormatFloat(math.Round(v*100)/100, 'f', -1, 64)
	if !comma {
		return s
	}
	ip, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range ip {
		if i > 0 && (len(ip)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString("," + frac)
	}
	return b.String()
}

// ikuTable holds the indicators of the given agencies for year y: cumulative
// monthly realisasi for the months in the window, and the annual row of a
// complete year.
func (g *gen) ikuTable(as []*agency, y int, hdr int, nf ikuNumbers) table {
	return table{header: styleHeader(ikuColumns, hdr), each: func(yield func([]cell) error) error {
		buf := make([]cell, 0, len(ikuColumns))
		num := func(v float64, sp *ikuSpec) cell {
			s := fmtNum(v, nf.comma)
			if nf.pct && sp.satuan == "%" {
				s += "%"
			}
			return cell{s: s, kind: kNum, v: math.Round(v*100) / 100}
		}
		lo, hi := g.cal.span(y)
		yi := y - g.years[0]
		for _, a := range as {
			for k, ind := range g.indicators(a) {
				sp := ind.spec
				r := g.rng(tagIKU, uint64(a.idx), uint64(k), uint64(y))
				target := sp.target + sp.step*float64(yi)
				upper := sp.targetAts
				pol := "maksimal"
				if sp.minimal {
					pol = "minimal"
				}
				if nf.naik {
					pol = map[bool]string{false: "naik", true: "turun"}[sp.minimal]
				}
				u := r.Float64()
				ach := 0.88 + 0.22*u
				var final float64
				switch {
				case sp.kind == ikuText:
				case target == 0:
					final = float64(r.IntN(3))
				case upper > 0:
					final = target + (upper-target)*(-0.15+1.3*u)
				case sp.minimal:
					final = target * (2 - ach)
				default:
					final = target * ach
				}
				integral := sp.satuan == "orang" || sp.satuan == "kasus" || sp.satuan == "titik" || sp.satuan == "ha"
				clean := func(v float64) float64 {
					if sp.satuan == "%" && target <= 100 && upper == 0 {
						v = min(v, 100)
					}
					if integral {
						v = math.Round(v)
					}
					return v
				}
				final = clean(final)
				emit := func(bulan cell, tgt, real cell, ket string) error {
					ta := cell{kind: kNum}
					if upper > 0 {
						ta = num(upper, &sp)
					}
					buf = append(buf[:0], integer(y), bulan, txt(a.nama), txt(ind.kode), txt(sp.nama), txt(sp.satuan),
						txt(pol), tgt, ta, real, txt(ket))
					return yield(buf)
				}
				if sp.kind == ikuText {
					if g.cal.complete(y) {
						if err := emit(cell{kind: kInt}, cell{kind: kNum}, txt("WTP"), "target opini WTP; LHP BPK atas LKPD Tahun "+strconv.Itoa(y)); err != nil {
							return err
						}
					}
					continue
				}
				prev := 0.0
				for i := lo; i <= hi; i++ {
					_, m := g.cal.ym(i)
					v, t := final*(1+0.02*r.NormFloat64()), target
					switch {
					case target == 0:
						v = float64(r.IntN(3))
					case sp.kind == ikuCumulative:
						t = target * float64(m) / 12
						v = max(prev, final*math.Pow(float64(m)/12, 1.15)*(1+0.03*r.NormFloat64()))
						if m == 12 {
							v = final
						}
						prev = v
					}
					ket := ""
					switch {
					case i == g.cal.months-1:
						ket = "data sementara"
					case a.singkatan == "BAPPEDA":
						ket = "Sumber: BPS Provinsi Lampung"
					}
					if err := emit(integer(m), num(t, &sp), num(clean(v), &sp), ket); err != nil {
						return err
					}
				}
				if g.cal.complete(y) {
					if err := emit(cell{kind: kInt}, num(target, &sp), num(final, &sp), "capaian akhir tahun"); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}}
}

var opdColumns = []string{"opd", "singkatan", "tahun", "predikat_organisasi"}

// opdTable is the reference list of agencies for every year of the window.
func (g *gen) opdTable() table {
	return table{header: opdColumns, each: func(yield func([]cell) error) error {
		buf := make([]cell, 0, len(opdColumns))
		for yi, y := range g.years {
			for _, a := range g.opds {
				buf = append(buf[:0], txt(a.nama), txt(a.singkatan), integer(y), txt(a.predikat[yi]))
				if err := yield(buf); err != nil {
					return err
				}
			}
		}
		return nil
	}}
}

// exportTime is when a file of year y was exported: early in the next year
// for a past year, just after the window for the current one.
func (g *gen) exportTime(r *rand.Rand, y int) time.Time {
	endY, endM := g.cal.ym(g.cal.months - 1)
	if y < endY {
		return time.Date(y+1, 1, 6+r.IntN(7), 8+r.IntN(8), r.IntN(60), r.IntN(60), 0, wib)
	}
	return time.Date(endY, time.Month(endM+1), 3+r.IntN(6), 8+r.IntN(8), r.IntN(60), r.IntN(60), 0, wib)
}
