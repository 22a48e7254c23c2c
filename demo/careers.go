package demo

import (
	"math"
	"math/rand/v2"
)

// The province's story over the months: which agencies behave how, transfers
// (mutasi), acting officials (Plt) and who evaluates whom.

// decideAgencies sets profiles, stories and formats.
func (g *gen) decideAgencies(r *rand.Rand) {
	n := len(g.opds)
	for _, a := range g.opds {
		s := a.singkatan
		a.inflated = s == storyInflated
		a.slide = s == storySlide
		a.missingLast = s == storyMissing
		a.coverage = 0.975 + 0.022*r.Float64()
		a.late = 0.01 + 0.04*r.Float64()
		if s == storyLate1 || s == storyLate2 {
			a.late = 0.42 + 0.08*r.Float64()
		}
		a.jpReach = 0.85 + 0.1*r.Float64()
		if lowTraining[s] {
			a.jpReach = 0.4 + 0.1*r.Float64()
		}
		base := [5]float64{0.3, 0.54, 0.12, 0.03, 0.01}
		switch {
		case a.inflated:
			base = [5]float64{0.93, 0.06, 0.008, 0.002, 0}
		case istimewa[s]:
			base = [5]float64{0.56, 0.37, 0.05, 0.015, 0.005}
		}
		sum := 0.0
		for i, v := range base {
			if !a.inflated {
				v *= 0.9 + 0.2*r.Float64()
			}
			a.profile[i] = v
			sum += v
		}
		for i := range a.profile {
			a.profile[i] /= sum
		}
		for yi := range g.years {
			p := "Baik"
			switch {
			case istimewa[s]:
				p = "Istimewa"
			case s == storyBP && yi == 0:
				p = "Butuh Perbaikan" // staff ratings do not follow
			}
			a.predikat = append(a.predikat, p)
		}
	}
	// Formats: shuffle the agencies and deal formats out in the shares
	// agencies really send; a few agencies are fixed by their story.
	forced := map[string]string{"DISDIKBUD": "csv", storyCP1252: "csv", storyKoreksi: "csv"}
	deal := func(shares []float64, kinds []string, set func(a *agency, f string), force map[string]string) {
		order := r.Perm(n)
		var free []int
		for _, i := range order {
			if f, ok := force[g.opds[i].singkatan]; ok {
				set(g.opds[i], f)
			} else {
				free = append(free, i)
			}
		}
		k := 0
		for j := len(kinds) - 1; j >= 1; j-- {
			cnt := int(math.Round(shares[j] * float64(n)))
			for c := 0; c < cnt && k < len(free); c++ {
				set(g.opds[free[k]], kinds[j])
				k++
			}
		}
		for ; k < len(free); k++ {
			set(g.opds[free[k]], kinds[0])
		}
	}
	deal([]float64{0.6, 0.3, 0.1}, []string{"csv", "xlsx", "json"}, func(a *agency, f string) { a.penFormat = f }, forced)
	deal([]float64{0.4, 0.3, 0.3}, []string{"csv", "csv;", "xlsx"}, func(a *agency, f string) { a.skpFormat = f }, map[string]string{"DISDIKBUD": "csv;"})
	deal([]float64{0.6, 0.25, 0.15}, []string{"csv", "tsv", "xlsx"}, func(a *agency, f string) { a.plFormat = f }, map[string]string{"DISDIKBUD": "csv"})
}

// storyAgency reports whether an agency carries a coverage or rating story
// that mutasi should not blur.
func storyAgency(s string) bool {
	switch s {
	case storyInflated, storySlide, storyMissing, storyKoreksi, storyLate1, storyLate2, "DISDIKBUD":
		return true
	}
	return false
}

// buildMutasi moves a few staff to another agency in the middle of the window.
func (g *gen) buildMutasi(r *rand.Rand) {
	if g.cal.months < 2 {
		return
	}
	var pool, targets []int
	for _, a := range g.opds {
		if storyAgency(a.singkatan) {
			continue
		}
		targets = append(targets, a.idx)
		for _, m := range a.members {
			e := g.emps[m]
			if e.role == roleStaff && e.from < 0 && e.to >= g.cal.months && !e.pppk {
				pool = append(pool, m)
			}
		}
	}
	want := max(3, len(g.emps)/400)
	moved := 0
	for _, p := range r.Perm(len(pool)) {
		if moved == want {
			break
		}
		e := g.emps[pool[p]]
		if e.mutasiAt > 0 {
			continue
		}
		to := targets[r.IntN(len(targets))]
		if to == e.opd {
			continue
		}
		dest := g.opds[to]
		e.mutasiAt = 1 + r.IntN(g.cal.months-1)
		e.opd2 = to
		e.unit2 = 0
		if len(dest.units) > 1 {
			e.unit2 = 1 + r.IntN(len(dest.units)-1)
		}
		dest.members = append(dest.members, e.idx)
		moved++
	}
}

// buildActing creates the Plt and Plh episodes.
func (g *gen) buildActing(r *rand.Rand) {
	M := g.cal.months
	endY, _ := g.cal.ym(M - 1)
	actor := func(a *agency) int {
		if len(a.units) > 1 && a.units[1].head >= 0 {
			return a.units[1].head
		}
		return a.members[len(a.members)-1]
	}
	if M >= 5 {
		for _, s := range []string{storyPlt1, storyPlt2} {
			a := g.opds[g.byCode[s]]
			from := max(1, M/3+r.IntN(2))
			to := min(M-2, from+2+r.IntN(3))
			// The head leaves (appointed Penjabat Bupati elsewhere); the
			// Sekretaris acts until a new head is installed.
			old := g.emps[a.heads[0]]
			old.to = from - 1
			a.acting = append(a.acting, acting{emp: actor(a), from: from, to: to, plt: true, jabatan: "Plt. " + a.headJabatan})
			rr := g.rng(tagActing, uint64(a.idx))
			nh := g.newEmployee(rr, a, 0, roleHead, endY)
			nh.from = to + 1
			a.heads = append(a.heads, nh.idx)
		}
	}
	if M >= 3 {
		for _, s := range []string{storyPlh1, storyPlh2} {
			a := g.opds[g.byCode[s]]
			from := M/2 + r.IntN(2)
			if from >= M {
				from = M - 1
			}
			to := min(M-1, from+r.IntN(2))
			a.acting = append(a.acting, acting{emp: actor(a), from: from, to: to, plt: false, jabatan: "Plh. " + a.headJabatan})
		}
	}
}

// boss is a superior as penilaian shows it.
type boss struct {
	e       *employee
	unit    string
	unitID  string
	jabatan string
}

// headAt is whoever leads agency o in month i.
func (g *gen) headAt(o, i int) boss {
	a := g.opds[o]
	for _, h := range a.heads {
		if e := g.emps[h]; i >= e.from && i <= e.to {
			return boss{e, a.units[0].nama, a.units[0].id, e.jabatan}
		}
	}
	for _, ac := range a.acting {
		if ac.plt && i >= ac.from && i <= ac.to {
			return boss{g.emps[ac.emp], a.units[0].nama, a.units[0].id, ac.jabatan}
		}
	}
	return g.sekdaBoss()
}

func (g *gen) sekdaBoss() boss {
	return boss{g.sekda, "SEKRETARIAT DAERAH PROVINSI LAMPUNG", g.uuid(tagID, 2, 999, 0), g.sekda.jabatan}
}

// atasan is the superior of e working in agency o, unit u, in month i.
func (g *gen) atasan(e *employee, o, u, i int) boss {
	if e.role == roleHead {
		return g.sekdaBoss()
	}
	if b := g.atasanIn(e, o, u, i); b.e != e {
		return b
	}
	return g.sekdaBoss() // the acting head rates nobody in his own rows
}

func (g *gen) atasanIn(e *employee, o, u, i int) boss {
	a := g.opds[o]
	if e.role == roleStaff && u != 0 {
		if h := a.units[u].head; h >= 0 && h != e.idx {
			if he := g.emps[h]; i >= he.from && i <= he.to {
				return boss{he, a.units[u].nama, a.units[u].id, he.jabatan}
			}
		}
	}
	for p := a.units[u].parent; p != 0; p = a.units[p].parent {
		if h := a.units[p].head; h >= 0 {
			return boss{g.emps[h], a.units[p].nama, a.units[p].id, g.emps[h].jabatan}
		}
	}
	return g.headAt(o, i)
}

// approved says whether e's SKP of year y is approved (Persetujuan), and
// the status otherwise.
func (g *gen) skpStatus(e *employee, y int) string {
	if e.role != roleStaff {
		return "Persetujuan"
	}
	r := g.rng(tagStatus, uint64(e.idx), uint64(y))
	switch x := r.IntN(1000); {
	case x < 5:
		return "Draft"
	case x < 11:
		return "Pengajuan"
	}
	return "Persetujuan"
}

// segment is the months of year y (inside the window) that e spends in
// agency o.
func (g *gen) segment(e *employee, o, y int) (lo, hi int, ok bool) {
	a, b := g.cal.span(y)
	lo, hi = max(a, e.from), min(b, e.to)
	if e.mutasiAt > 0 {
		switch o {
		case e.opd2:
			lo = max(lo, e.mutasiAt)
		case e.opd:
			hi = min(hi, e.mutasiAt-1)
		default:
			return 0, 0, false
		}
	} else if o != e.opd {
		return 0, 0, false
	}
	return lo, hi, lo <= hi
}
