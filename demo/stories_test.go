package demo

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The stories the demo tells (see demo/doc.go) must show in the numbers a
// compute would find.

// monthKey is "YYYY-MM".
func monthKey(y, m int) string { return fmt.Sprintf("%04d-%02d", y, m) }

// stats are per agency and month, from the files.
type stats struct {
	pegawai map[string]map[string]bool // agency|month -> NIPs in the roster
	dinilai map[string]map[string]bool // agency|month -> NIPs rated
	sb      map[string]int             // agency -> Sangat Baik ratings
	rated   map[string]int             // agency -> ratings
	late    map[string]int             // agency -> late ratings
	months  []string
}

func computeStats(t *testing.T, p *province) *stats {
	s := &stats{pegawai: map[string]map[string]bool{}, dinilai: map[string]map[string]bool{},
		sb: map[string]int{}, rated: map[string]int{}, late: map[string]int{}}
	end := testEnd.Year()*12 + int(testEnd.Month()) - 1
	for k := testOpt.Months - 1; k >= 0; k-- {
		n := end - k
		s.months = append(s.months, monthKey(n/12, n%12+1))
	}
	add := func(m map[string]map[string]bool, key, nip string) {
		if m[key] == nil {
			m[key] = map[string]bool{}
		}
		m[key][nip] = true
	}
	for _, r := range p.rows("skp") {
		if r["is_plt_plh"] == "1" || !strings.EqualFold(r["skp_status"], "persetujuan") {
			continue
		}
		lo, ok1 := parseDate(r["periode_awal"])
		hi, ok2 := parseDate(r["periode_akhir"])
		if !ok1 || !ok2 {
			t.Fatalf("skp period %q..%q", r["periode_awal"], r["periode_akhir"])
		}
		for d := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, wib); !d.After(hi); d = d.AddDate(0, 1, 0) {
			add(s.pegawai, r["skp_unor_induk"]+"|"+d.Format("2006-01"), cleanNIP(r["nip"]))
		}
	}
	for _, r := range p.rows("penilaian") {
		if r["bulan_skp"] == "" || r["is_skp_plt_plh_pjb"] == "1" || r["hasil_akhir"] == "" || r["hasil_akhir"] == "-" {
			continue
		}
		y, _ := strconv.Atoi(r["tahun_skp"])
		m, _ := strconv.Atoi(r["bulan_skp"])
		opd := r["skp_unor_induk"]
		add(s.dinilai, opd+"|"+monthKey(y, m), cleanNIP(r["nip"]))
		s.rated[opd]++
		if strings.EqualFold(r["hasil_akhir"], "sangat baik") {
			s.sb[opd]++
		}
		w, ok := parseWaktu(r["waktu_dinilai"])
		if !ok {
			t.Fatalf("waktu_dinilai %q", r["waktu_dinilai"])
		}
		if w.After(time.Date(y, time.Month(m+1), 5, 23, 59, 59, 0, wib)) {
			s.late[opd]++
		}
	}
	return s
}

func (s *stats) coverage(opd, month string) float64 {
	n := len(s.pegawai[opd+"|"+month])
	if n == 0 {
		return 0
	}
	return 100 * float64(len(s.dinilai[opd+"|"+month])) / float64(n)
}

func TestStoriesAreInTheNumbers(t *testing.T) {
	p := small(t)
	s := computeStats(t, p)
	last := s.months[len(s.months)-1]
	cases := []struct {
		name  string
		check func(t *testing.T)
	}{
		{"inflated agency rates almost everyone Sangat Baik while only Baik itself", func(t *testing.T) {
			opd := agencyName(t, storyInflated)
			if share := float64(s.sb[opd]) / float64(s.rated[opd]); share <= 0.85 {
				t.Errorf("%s: %.1f%% Sangat Baik, want > 85%%", opd, 100*share)
			}
			for _, r := range p.rows("opd") {
				if r["opd"] == opd && r["predikat_organisasi"] != "Baik" {
					t.Errorf("%s %s: predikat_organisasi %s, want Baik", opd, r["tahun"], r["predikat_organisasi"])
				}
			}
			all, sb := 0, 0
			for o, n := range s.rated {
				if o != opd {
					all += n
					sb += s.sb[o]
				}
			}
			if share := float64(sb) / float64(all); share > 0.45 {
				t.Errorf("elsewhere %.1f%% Sangat Baik; the inflated agency should stand out", 100*share)
			}
		}},
		{"coverage of one agency slides to about 70% while others stay high", func(t *testing.T) {
			opd := agencyName(t, storySlide)
			early, end := s.coverage(opd, s.months[0]), s.coverage(opd, last)
			if early < 93 || end > 78 || end < 60 {
				t.Errorf("%s: coverage %.1f%% in %s and %.1f%% in %s; want ~98%% falling to ~70%%", opd, early, s.months[0], end, last)
			}
			prev := 101.0
			for _, m := range s.months[len(s.months)-6:] {
				c := s.coverage(opd, m)
				if c > prev+3 {
					t.Errorf("%s: coverage rises to %.1f%% in %s", opd, c, m)
				}
				prev = c
			}
			// Elsewhere ~95-100%: agencies of 20 and more, and all together.
			month := s.months[len(s.months)-2]
			sumP, sumD := 0, 0
			for _, a := range opdSpecs {
				if a.singkatan == storySlide || a.singkatan == storyMissing {
					continue
				}
				n := len(s.pegawai[a.nama+"|"+month])
				sumP += n
				sumD += len(s.dinilai[a.nama+"|"+month])
				if c := s.coverage(a.nama, month); n >= 20 && c < 90 {
					t.Errorf("%s: coverage %.1f%% in %s", a.nama, c, month)
				}
			}
			if c := 100 * float64(sumD) / float64(sumP); c < 95 {
				t.Errorf("other agencies together: coverage %.1f%% in %s", c, month)
			}
		}},
		{"two agencies rate late, the rest on time", func(t *testing.T) {
			otherLate, otherAll := 0, 0
			for o, n := range s.rated {
				switch o {
				case agencyName(t, storyLate1), agencyName(t, storyLate2):
					if share := float64(s.late[o]) / float64(n); share < 0.3 {
						t.Errorf("%s: %.1f%% late, want > 30%%", o, 100*share)
					}
				default:
					otherLate += s.late[o]
					otherAll += n
				}
			}
			if share := float64(otherLate) / float64(otherAll); share > 0.1 {
				t.Errorf("other agencies %.1f%% late, want < 10%%", 100*share)
			}
		}},
		{"one agency has not sent the latest month", func(t *testing.T) {
			opd := agencyName(t, storyMissing)
			if n := len(s.dinilai[opd+"|"+last]); n != 0 {
				t.Errorf("%s: %d rated in %s, want none", opd, n, last)
			}
			if c := s.coverage(opd, s.months[len(s.months)-2]); c < 90 {
				t.Errorf("%s: coverage %.1f%% the month before", opd, c)
			}
		}},
		{"a corrected file re-evaluates rows later with another predikat", func(t *testing.T) {
			var koreksi *inFile
			for _, f := range p.dataset("penilaian") {
				if strings.Contains(f.name, "_koreksi") {
					koreksi = f
				}
			}
			if koreksi == nil {
				t.Fatal("no _koreksi file")
			}
			orig := map[string]record{}
			for _, f := range p.dataset("penilaian") {
				if f != koreksi {
					for _, r := range f.rows {
						orig[cleanNIP(r["nip"])+r["tahun_skp"]+"-"+r["bulan_skp"]+r["is_skp_plt_plh_pjb"]] = r
					}
				}
			}
			changed := 0
			for _, r := range koreksi.rows {
				o, ok := orig[cleanNIP(r["nip"])+r["tahun_skp"]+"-"+r["bulan_skp"]+r["is_skp_plt_plh_pjb"]]
				if !ok {
					t.Fatalf("koreksi row %s %s-%s not in the original export", r["nip"], r["tahun_skp"], r["bulan_skp"])
				}
				if strings.EqualFold(o["hasil_akhir"], r["hasil_akhir"]) {
					continue
				}
				w1, _ := parseWaktu(o["waktu_dinilai"])
				w2, _ := parseWaktu(r["waktu_dinilai"])
				if !w2.After(w1) {
					t.Errorf("re-evaluation of %s at %v is not after %v", r["nip"], w2, w1)
				}
				changed++
			}
			if changed == 0 {
				t.Error("no predikat changed in the corrected file")
			}
		}},
		{"acting heads appear in skp and penilaian", func(t *testing.T) {
			skp, pen := 0, 0
			for _, r := range p.rows("skp") {
				if r["is_plt_plh"] == "1" {
					skp++
					if !strings.HasPrefix(r["skp_jabatan"], "Plt. ") && !strings.HasPrefix(r["skp_jabatan"], "Plh. ") {
						t.Errorf("acting SKP with jabatan %q", r["skp_jabatan"])
					}
				}
			}
			for _, r := range p.rows("penilaian") {
				if r["is_skp_plt_plh_pjb"] == "1" {
					pen++
				}
			}
			if skp < 4 || pen < 4 {
				t.Errorf("%d acting SKPs and %d acting evaluations, want Plt and Plh in both", skp, pen)
			}
		}},
		{"someone moves to another agency mid-year", func(t *testing.T) {
			type seg struct {
				opd    string
				lo, hi time.Time
			}
			byNIP := map[string][]seg{}
			for _, r := range p.rows("skp") {
				if r["is_plt_plh"] == "1" || !strings.EqualFold(r["skp_status"], "persetujuan") {
					continue
				}
				lo, _ := parseDate(r["periode_awal"])
				hi, _ := parseDate(r["periode_akhir"])
				k := cleanNIP(r["nip"]) + "|" + strconv.Itoa(lo.Year())
				byNIP[k] = append(byNIP[k], seg{r["skp_unor_induk"], lo, hi})
			}
			moves := 0
			for k, segs := range byNIP {
				if len(segs) < 2 {
					continue
				}
				if len(segs) > 2 || segs[0].opd == segs[1].opd || !segs[0].hi.Before(segs[1].lo) && !segs[1].hi.Before(segs[0].lo) {
					t.Errorf("%s: SKPs %v", k, segs)
				}
				moves++
			}
			if moves == 0 {
				t.Error("no mutasi")
			}
		}},
		{"some rows are not rated yet and a few disagree with the matrix", func(t *testing.T) {
			unrated, rated, mismatch := 0, 0, 0
			for _, r := range p.rows("penilaian") {
				if r["hasil_akhir"] == "" || r["hasil_akhir"] == "-" {
					unrated++
					continue
				}
				rated++
				if want := matrixText(r["hasil_kerja"], r["perilaku_kerja"]); !strings.EqualFold(strings.Split(r["hasil_akhir"], "/")[0], want) {
					mismatch++
				}
			}
			if unrated == 0 {
				t.Error("every row is rated")
			}
			if mismatch == 0 || float64(mismatch) > 0.005*float64(rated) {
				t.Errorf("%d of %d rated rows disagree with the matrix, want a handful (~0.1%%)", mismatch, rated)
			}
		}},
		{"training hours grow through the year and most reach 20 JP", func(t *testing.T) {
			y := testEnd.Year()
			var jpByMonth [13]int
			jp := map[string]int{}
			for _, r := range p.rows("pelatihan") {
				d, ok := parseDate(r["tanggal_selesai"])
				n, err := strconv.Atoi(r["jp"])
				if !ok || err != nil || n <= 0 {
					t.Fatalf("pelatihan row %v", r)
				}
				if d.Year() == y {
					jpByMonth[d.Month()] += n
					jp[cleanNIP(r["nip"])] += n
				}
			}
			h1, h2 := 0, 0
			for m := 1; m <= 12; m++ {
				if m <= 6 {
					h1 += jpByMonth[m]
				} else {
					h2 += jpByMonth[m]
				}
			}
			if float64(h2) < 1.3*float64(h1) {
				t.Errorf("JP Jan-Jun %d, Jul-Dec %d: want clearly more later in the year", h1, h2)
			}
			dec := monthKey(y, 12)
			good, lagging, agencies := 0, 0, 0
			for _, a := range opdSpecs {
				staff := s.pegawai[a.nama+"|"+dec]
				if len(staff) == 0 {
					continue
				}
				reach := 0
				for nip := range staff {
					if jp[nip] >= 20 {
						reach++
					}
				}
				share := float64(reach) / float64(len(staff))
				agencies++
				if share >= 0.7 {
					good++
				}
				if lowTraining[a.singkatan] && share < 0.65 {
					lagging++
				}
			}
			if good < agencies*7/10 || lagging < 2 {
				t.Errorf("%d of %d agencies have >=70%% reaching 20 JP, %d low-training agencies lag", good, agencies, lagging)
			}
		}},
		{"one CSV is Windows-1252 with a name ASCII cannot hold", func(t *testing.T) {
			found := false
			for _, f := range p.files {
				if f.encoding != "windows-1252" {
					continue
				}
				for _, r := range f.rows {
					if strings.ContainsAny(r["nama"], "’é") {
						found = true
					}
				}
			}
			if !found {
				t.Error("no Windows-1252 file with ’ or é in a name")
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, c.check)
	}
}

// matrixText is the PermenPAN-RB 6/2022 predikat for two ratings as text.
func matrixText(hk, pk string) string {
	level := func(s string) int {
		s = strings.ToUpper(strings.ReplaceAll(s, " ", ""))
		switch {
		case strings.HasPrefix(s, "DIATAS"):
			return diAtas
		case strings.HasPrefix(s, "DIBAWAH"):
			return diBawah
		}
		return sesuai
	}
	return predikatText[matrix(level(hk), level(pk))]
}
