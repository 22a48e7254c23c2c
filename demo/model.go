package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"time"
)

// This file builds the province in memory: agencies, units, employees and
// the stories. Rows of the datasets are derived from it later, file by file.

// never is a month index outside any window (active since ever / forever).
const never = 1 << 20

// Predikat indices (PermenPAN-RB 6/2022), and ratings of hasil kerja and
// perilaku kerja.
const (
	sangatBaik = iota
	baik
	butuhPerbaikan
	kurang
	sangatKurang
)

const (
	diAtas = iota
	sesuai
	diBawah
)

type role uint8

const (
	roleStaff role = iota
	roleUnitHead
	roleHead
)

// calendar maps month indices (0 = first month of the window) to months.
type calendar struct {
	startY, startM int // first month
	months         int
}

func (c calendar) ym(i int) (y, m int) {
	n := c.startY*12 + c.startM - 1 + i
	return n / 12, n%12 + 1
}

func (c calendar) index(y, m int) int { return y*12 + m - 1 - (c.startY*12 + c.startM - 1) }

// years lists the calendar years the window touches.
func (c calendar) years() []int {
	first, _ := c.ym(0)
	last, _ := c.ym(c.months - 1)
	var ys []int
	for y := first; y <= last; y++ {
		ys = append(ys, y)
	}
	return ys
}

// span is the window's month indices inside year y.
func (c calendar) span(y int) (lo, hi int) {
	return max(0, c.index(y, 1)), min(c.months-1, c.index(y, 12))
}

// complete says whether all of year y is inside the window.
func (c calendar) complete(y int) bool { return c.index(y, 1) >= 0 && c.index(y, 12) <= c.months-1 }

func firstDay(y, m int) time.Time { return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, wib) }
func lastDay(y, m int) time.Time  { return firstDay(y, m).AddDate(0, 1, -1) }

// unit is a sub-unit (skp_unor) of an agency; unit 0 is the head's office.
type unit struct {
	nama, id string
	head     int // employee index, -1 when none
	parent   int // unit whose head is the superior of this unit's head; 0 = agency head
}

// acting is a Plt or Plh episode: emp acts as head of an agency.
type acting struct {
	emp      int
	from, to int // month indices
	plt      bool
	jabatan  string
}

// agency is one OPD with everything the generator decided about it.
type agency struct {
	idx         int
	spec        *opdSpec
	nama        string
	singkatan   string
	code        string // singkatan usable in a file name
	headJabatan string
	units       []unit
	members     []int // employees with at least one month here, stable order
	heads       []int
	acting      []acting
	profile     [5]float64 // predikat shares
	predikat    []string   // predikat_organisasi by year of the window
	coverage    float64    // share of employees evaluated in a month
	late        float64    // share of evaluations rated after day 5
	jpReach     float64    // share of employees reaching 20 JP in a year
	inflated    bool
	slide       bool
	missingLast bool
	penFormat   string // csv, xlsx, json
	skpFormat   string // csv, csv;, xlsx
	plFormat    string // csv, tsv, xlsx
}

// employee is one ASN.
type employee struct {
	idx          int
	nip, nama    string
	id           string
	pppk         bool
	golru        string
	jabatan      string
	jenisJabatan string
	role         role
	opd, unit    int
	from, to     int // active month indices, inclusive
	mutasiAt     int // month index from which opd2/unit2 apply; 0 = no mutasi
	opd2, unit2  int
	typical      int     // usual predikat
	slideU       float64 // rank in the sliding agency, 0..1
	guru, nakes  bool
}

// at returns where the employee works in month i.
func (e *employee) at(i int) (opd, unit int, ok bool) {
	if i < e.from || i > e.to {
		return -1, -1, false
	}
	if e.mutasiAt > 0 && i >= e.mutasiAt {
		return e.opd2, e.unit2, true
	}
	return e.opd, e.unit, true
}

// gen is the generated province plus what is needed to write it.
type gen struct {
	seed         uint64
	cal          calendar
	years        []int
	opds         []*agency
	emps         []*employee
	sekda        *employee
	byCode       map[string]int // singkatan -> agency index (lookups only)
	nipSeq       map[string]int // first 15 NIP digits -> last sequence used
	koreksiMonth int
}

var golruLadder = []string{"I/a", "I/b", "I/c", "I/d", "II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b", "IV/c", "IV/d", "IV/e"}

// acronyms stay upper case when names are title-cased.
var acronyms = map[string]bool{"SMA": true, "SMK": true, "SLB": true, "UPTD": true, "KPH": true,
	"DPRD": true, "NAPZA": true, "BUMD": true, "BLUD": true, "PSDA": true, "I": true, "II": true,
	"III": true, "IV": true, "V": true, "VI": true, "SMA/SMK": true}

// title turns "DINAS KESEHATAN" into "Dinas Kesehatan".
func title(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		switch {
		case acronyms[strings.TrimSuffix(w, ",")]:
		case i > 0 && (w == "DAN" || w == "DI"):
			words[i] = strings.ToLower(w)
		default:
			words[i] = w[:1] + strings.ToLower(w[1:])
		}
	}
	return strings.Join(words, " ")
}

func fileCode(s string) string { return strings.ReplaceAll(s, " ", "-") }

// build creates the province.
func build(seed int64, cal calendar, pegawai int) *gen {
	g := &gen{seed: uint64(seed), cal: cal, years: cal.years(), byCode: map[string]int{}, nipSeq: map[string]int{}}
	r := g.rng(tagBuild)
	g.koreksiMonth = max(0, cal.months-2)

	total := 0.0
	for _, s := range opdSpecs {
		total += s.size
	}
	scale := float64(pegawai) / (2 * total)
	endY, _ := cal.ym(cal.months - 1)
	g.sekda = &employee{idx: -1, golru: "IV/e", jabatan: "Sekretaris Daerah Provinsi Lampung", jenisJabatan: "STRUKTURAL"}
	g.sekda.nama = g.personName(r, true, "Ir.", ", M.T.")
	g.sekda.nip = g.makeNIP(endY-56, 1, r.IntN(28)+1, endY-56+27, 3, true, false)
	g.sekda.id = g.uuid(tagID, 1, 0)

	for i := range opdSpecs {
		s := &opdSpecs[i]
		a := &agency{idx: i, spec: s, nama: s.nama, singkatan: s.singkatan, code: fileCode(s.singkatan)}
		g.byCode[s.singkatan] = i
		g.opds = append(g.opds, a)
		size := s.size
		if s.kind == kindPendidikan {
			size = total
		}
		n := int(math.Round(size * scale))
		minimum := 6
		switch s.singkatan {
		case storyInflated, storySlide, storyLate1, storyLate2, storyMissing, storyKoreksi:
			minimum = 25
		case storyPlt1, storyPlt2, storyPlh1, storyPlh2, storyCP1252:
			minimum = 8
		}
		g.buildAgency(r, a, max(n, minimum))
	}
	g.decideAgencies(r)
	g.buildMutasi(r)
	g.buildActing(r)
	for _, a := range g.opds {
		if a.slide {
			perm := r.Perm(len(a.members))
			for rank, p := range perm {
				g.emps[a.members[p]].slideU = (float64(rank) + 0.5) / float64(len(a.members))
			}
		}
		for _, m := range a.members {
			e := g.emps[m]
			if e.opd == a.idx {
				e.typical = pick(r, a.profile[:])
			}
		}
	}
	return g
}

// buildAgency creates units and employees of one agency of n people.
func (g *gen) buildAgency(r *rand.Rand, a *agency, n int) {
	s := a.spec
	switch s.kind {
	case kindRS:
		a.headJabatan = "Direktur " + title(s.nama)
	case kindInspektorat:
		a.headJabatan = "Inspektur"
	case kindSetwan:
		a.headJabatan = "Sekretaris DPRD"
	default:
		a.headJabatan = "Kepala " + title(s.nama)
	}
	a.units = []unit{{nama: s.nama, head: -1}}
	names := strings.Split(s.units, "|")
	var weights []float64
	weights = append(weights, 0.25)
	if s.kind == kindPendidikan {
		// Offices, regional branches and schools; schools hold ~96%.
		nSchools := max(2, int(math.Round(float64(n)*0.96/48)))
		nCabang := min(len(cabangDinas), max(1, nSchools/25))
		office := max(len(names)+nCabang, int(math.Round(float64(n)*0.04)))
		for _, u := range names {
			a.units = append(a.units, unit{nama: u})
			weights = append(weights, float64(office)*0.8/float64(len(names)))
		}
		firstCabang := len(a.units)
		for _, u := range cabangDinas[:nCabang] {
			a.units = append(a.units, unit{nama: u})
			weights = append(weights, float64(office)*0.2/float64(nCabang))
		}
		count := map[string]int{}
		for k := range nSchools {
			town := towns[r.IntN(len(towns))]
			if k < len(towns) {
				town = towns[k]
			}
			kind := []string{"SMA", "SMK", "SLB"}[pick(r, []float64{0.55, 0.38, 0.07})]
			count[kind+town]++
			nama := fmt.Sprintf("%s NEGERI %d %s", kind, count[kind+town], town)
			if kind == "SLB" && count[kind+town] == 1 {
				nama = "SLB NEGERI " + town
			} else if kind == "SLB" {
				kind = "SMA"
				count[kind+town]++
				nama = fmt.Sprintf("SMA NEGERI %d %s", count[kind+town], town)
			}
			a.units = append(a.units, unit{nama: nama, parent: firstCabang + k%nCabang})
			weights = append(weights, float64(n-office)/float64(nSchools)*(0.6+0.8*r.Float64()))
		}
	} else {
		k := min(len(names), max(1, (n-1)/4))
		for _, u := range names[:k] {
			w := 0.7 + 0.6*r.Float64()
			if strings.HasPrefix(u, "INSTALASI") {
				w *= 2.5
			}
			if strings.HasPrefix(u, "UPTD") {
				w *= 1.6
			}
			a.units = append(a.units, unit{nama: u})
			weights = append(weights, w)
		}
	}
	for i := range a.units {
		a.units[i].id = g.uuid(tagID, 2, uint64(a.idx), uint64(i))
	}

	endY, _ := g.cal.ym(g.cal.months - 1)
	// Head of the agency.
	head := g.newEmployee(r, a, 0, roleHead, endY)
	a.heads = append(a.heads, head.idx)
	a.units[0].head = head.idx
	// Unit heads, then staff spread over units by weight.
	for u := 1; u < len(a.units) && len(a.members) < n; u++ {
		e := g.newEmployee(r, a, u, roleUnitHead, endY)
		a.units[u].head = e.idx
	}
	for len(a.members) < n {
		g.newEmployee(r, a, pick(r, weights), roleStaff, endY)
	}
}

// newEmployee creates one employee of agency a in unit u.
func (g *gen) newEmployee(r *rand.Rand, a *agency, u int, ro role, endY int) *employee {
	e := &employee{idx: len(g.emps), opd: a.idx, unit: u, role: ro, from: -never, to: never}
	e.id = g.uuid(tagID, 3, uint64(e.idx))
	g.emps = append(g.emps, e)
	a.members = append(a.members, e.idx)
	male := r.IntN(100) < 52
	s := a.spec
	un := a.units[u].nama
	school := s.kind == kindPendidikan && (strings.HasPrefix(un, "SMA ") || strings.HasPrefix(un, "SMK ") || strings.HasPrefix(un, "SLB "))

	// Position and the degree that goes with it.
	var base, degree string
	split := func(p string) { base, degree, _ = strings.Cut(p, "~") }
	track := "ahli" // ahli, terampil, pelaksana, struktural
	switch {
	case ro == roleHead:
		e.jabatan, e.jenisJabatan, track = a.headJabatan, "STRUKTURAL", "struktural"
		degree = oneOf(r, []string{"S.H., M.H.", "S.E., M.M.", "S.T., M.T.", "S.Sos., M.Si.", "S.IP., M.Si."})
		switch s.kind {
		case kindRS:
			degree = "Sp.PD"
		case kindPendidikan:
			degree = "S.Pd., M.Pd."
		}
	case ro == roleUnitHead:
		track, e.jenisJabatan = "struktural", "STRUKTURAL"
		switch {
		case un == "SEKRETARIAT":
			e.jabatan = "Sekretaris"
		case strings.HasPrefix(un, "INSPEKTUR"):
			e.jabatan = title(un)
		default:
			e.jabatan = "Kepala " + title(un)
		}
		degree = oneOf(r, []string{"S.E., M.M.", "S.H.", "S.T., M.T.", "S.Sos., M.Si.", "S.IP.", "S.Kom., M.T.I."})
		if school {
			e.jenisJabatan, degree, e.guru = "FUNGSIONAL", oneOf(r, []string{"S.Pd.", "S.Pd., M.Pd."}), true
		}
		if strings.HasPrefix(un, "INSTALASI") || strings.HasPrefix(un, "BIDANG PELAYANAN MEDIK") {
			e.jenisJabatan, degree, e.nakes = "FUNGSIONAL", oneOf(r, []string{"dr.", "Sp.B", "Sp.An", "Sp.PD"}), true
		}
	case school && r.IntN(100) < 90:
		base, degree, e.guru = "Guru", oneOf(r, []string{"S.Pd.", "S.Pd.", "S.Pd.", "S.Pd., M.Pd.", "S.Si."}), true
	case s.kind == kindRS && r.IntN(100) < 72:
		split(oneOf(r, fungsionalRS))
		if s.fungsional != "" && r.IntN(100) < 20 {
			split(oneOf(r, strings.Split(s.fungsional, "|")))
		}
		e.nakes = true
	case s.fungsional != "" && r.IntN(100) < 35 || s.kind == kindDinas && s.singkatan == "DINKES" && r.IntN(100) < 30:
		split(oneOf(r, strings.Split(s.fungsional, "|")))
		e.nakes = s.singkatan == "DINKES"
	case r.IntN(100) < 20:
		split(oneOf(r, fungsionalUmum))
	default:
		split(oneOf(r, pelaksana))
		track = "pelaksana"
	}
	if track == "ahli" && strings.HasPrefix(degree, "A.Md") {
		track = "terampil"
	}
	if e.jenisJabatan == "" {
		e.jenisJabatan = "FUNGSIONAL"
		if track == "pelaksana" {
			e.jenisJabatan = "PELAKSANA"
		}
	}

	// PPPK: many teachers and health workers since 2021, few elsewhere.
	startY, _ := g.cal.ym(0)
	pppkShare := 3
	switch {
	case e.guru:
		pppkShare = 22
	case e.nakes:
		pppkShare = 12
	}
	e.pppk = ro == roleStaff && startY >= 2021 && track != "struktural" && r.IntN(100) < pppkShare

	// Birth date, appointment, retirement.
	bup := 60
	if track == "pelaksana" {
		bup = 58
	}
	var birthY, birthM, birthD int
	newHire := ro == roleStaff && g.cal.months > 2 && r.IntN(1000) < 25
	for try := 0; try < 30; try++ {
		var age int
		switch {
		case newHire:
			age = 23 + r.IntN(10)
		case ro == roleHead:
			age = 50 + r.IntN(7)
		case ro == roleUnitHead:
			age = 42 + r.IntN(13)
		default:
			age = 24 + int(math.Round(float64(bup-24)*(r.Float64()+r.Float64())/2))
		}
		birthY, birthM, birthD = endY-age, 1+r.IntN(12), 1+r.IntN(28)
		birthY = min(max(birthY, 1965), 2000, startY-20)
		// The last month worked is the month of the BUP birthday.
		retire := g.cal.index(birthY+bup, birthM)
		if retire < 0 {
			continue // retired before the window: draw again
		}
		if retire < g.cal.months {
			if ro != roleStaff || newHire {
				continue // heads and new hires do not retire here
			}
			e.to = retire
		}
		break
	}
	var tmtY, tmtM int
	switch {
	case newHire:
		e.from = 1 + r.IntN(g.cal.months-1)
		tmtY, tmtM = g.cal.ym(e.from)
		if tmtY < birthY+19 {
			birthY = tmtY - 23
		}
	case e.pppk:
		lo := max(2019, birthY+20)
		tmtY, tmtM = lo+r.IntN(max(1, startY-lo)), 3
	default:
		lo := birthY + 19
		hi := min(birthY+35, startY-1)
		tmtY = lo + r.IntN(max(1, hi-lo+1))
		tmtM = []int{1, 2, 3, 4, 6, 12}[r.IntN(6)]
	}

	// Golongan ruang from education and years of service.
	if e.pppk {
		switch {
		case degree == "" || track == "pelaksana" && !strings.HasPrefix(degree, "S."):
			e.golru = "V"
		case strings.HasPrefix(degree, "A.Md"):
			e.golru = "VII"
		case strings.Contains(degree, "M.") || strings.HasPrefix(degree, "Sp."):
			e.golru = "X"
		default:
			e.golru = "IX"
		}
	} else {
		startIdx := 8
		switch {
		case degree == "":
			startIdx = 4
		case strings.HasPrefix(degree, "A.Md"):
			startIdx = 6
		case strings.Contains(degree, "M.") || strings.HasPrefix(degree, "Sp."):
			startIdx = 9
		}
		idx := startIdx + max(0, endY-tmtY)/4
		switch {
		case ro == roleHead:
			idx = 14 + r.IntN(2)
		case ro == roleUnitHead:
			idx = min(max(idx, 12), 13)
		case track == "pelaksana" || track == "terampil":
			idx = min(idx, 11)
		default:
			idx = min(idx, 14)
		}
		e.golru = golruLadder[idx]
	}
	if base != "" {
		e.jabatan = base + tierSuffix(base, track, e.golru, e.pppk)
	}

	// Name with academic titles.
	prefix, suffix := "", ""
	switch {
	case degree == "dr.":
		prefix = "dr."
	case strings.HasPrefix(degree, "Sp."):
		prefix, suffix = "dr.", ", "+degree
	case degree == "drh.":
		prefix = "drh."
	case degree != "":
		suffix = ", " + degree
	}
	if ro == roleHead && r.IntN(100) < 15 && prefix == "" {
		prefix = "Dr."
	}
	e.nama = g.personName(r, male, prefix, suffix)
	if a.spec.singkatan == storyCP1252 && ro == roleStaff {
		// Names Windows-1252 can hold but ASCII cannot.
		switch len(a.members) {
		case len(a.units) + 1:
			e.nama, male = "Nur’aini Hasanah, S.H.", false
		case len(a.units) + 2:
			e.nama, male = "André Kurniawan, S.H.", true
		}
	}
	e.nip = g.makeNIP(birthY, birthM, birthD, tmtY, tmtM, male, e.pppk)
	return e
}
