package demo

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The tests share one small province (600 employees, 14 months) written
// once; the determinism test writes more.
var (
	testEnd   = time.Date(2025, time.December, 15, 0, 0, 0, 0, time.UTC)
	testOpt   = Options{Seed: 7, Months: 14, End: testEnd, Pegawai: 600}
	shared    *province
	sharedDir string
)

// province is a written inbox read back.
type province struct {
	dir   string
	sum   Summary
	files []*inFile
}

func (p *province) dataset(name string) []*inFile {
	var out []*inFile
	for _, f := range p.files {
		if f.dataset == name {
			out = append(out, f)
		}
	}
	return out
}

func (p *province) rows(name string) []record {
	var out []record
	for _, f := range p.dataset(name) {
		out = append(out, f.rows...)
	}
	return out
}

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "kinerja-demo-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	sharedDir = dir
	code := m.Run()
	_ = os.RemoveAll(dir) // best effort: a leftover is only a temporary folder
	os.Exit(code)
}

// small returns the shared province, writing it on first use.
func small(t *testing.T) *province {
	t.Helper()
	if shared != nil {
		return shared
	}
	opt := testOpt
	opt.Dir = filepath.Join(sharedDir, "inbox")
	sum, err := Write(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	shared = &province{dir: opt.Dir, sum: sum, files: readInbox(t, opt.Dir)}
	return shared
}

func agencyName(t *testing.T, singkatan string) string {
	t.Helper()
	for _, s := range opdSpecs {
		if s.singkatan == singkatan {
			return s.nama
		}
	}
	t.Fatalf("no agency %s", singkatan)
	return ""
}

func TestWriteIsDeterministic(t *testing.T) {
	p := small(t)
	cases := []struct {
		name     string
		seed     int64
		procs    int // GOMAXPROCS for the run, 0 unchanged
		wantSame bool
	}{
		{"same seed gives the same bytes", testOpt.Seed, 0, true},
		{"same seed on one worker gives the same bytes", testOpt.Seed, 1, true},
		{"another seed gives other bytes", testOpt.Seed + 1, 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.procs > 0 {
				defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(c.procs))
			}
			opt := testOpt
			opt.Seed, opt.Dir = c.seed, t.TempDir()
			sum, err := Write(context.Background(), opt)
			if err != nil {
				t.Fatal(err)
			}
			if c.wantSame && !slices.Equal(sum.Files, p.sum.Files) {
				t.Fatalf("file lists differ: %d and %d files", len(sum.Files), len(p.sum.Files))
			}
			differ, common := 0, 0
			for _, name := range sum.Files {
				if _, found := slices.BinarySearch(p.sum.Files, name); !found {
					continue // another seed may choose another format
				}
				common++
				a, err := os.ReadFile(filepath.Join(p.dir, name))
				if err != nil {
					t.Fatal(err)
				}
				b, err := os.ReadFile(filepath.Join(opt.Dir, name))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a, b) {
					differ++
					if c.wantSame {
						t.Errorf("%s differs between two runs with the same options", name)
					}
				}
			}
			if !c.wantSame && (common < 50 || differ < common*9/10) {
				t.Errorf("only %d of %d files with the same name differ with another seed", differ, common)
			}
		})
	}
}

func TestSummaryMatchesFiles(t *testing.T) {
	p := small(t)
	if !slices.IsSorted(p.sum.Files) || len(p.sum.Files) != len(p.files) {
		t.Fatalf("summary lists %d files (sorted %v); inbox has %d", len(p.sum.Files), slices.IsSorted(p.sum.Files), len(p.files))
	}
	if p.sum.OPD < 40 {
		t.Errorf("%d agencies, want about 40 or more", p.sum.OPD)
	}
	if p.sum.Pegawai < 500 || p.sum.Pegawai > 900 {
		t.Errorf("%d employees for Pegawai 600", p.sum.Pegawai)
	}
	for _, ds := range []string{"penilaian", "skp", "iku", "pelatihan", "opd"} {
		if got, want := len(p.rows(ds)), p.sum.Rows[ds]; got != want || want == 0 {
			t.Errorf("%s: summary says %d rows, files hold %d", ds, want, got)
		}
	}
}

// required columns of docs/datasets.md.
var required = map[string][]string{
	"penilaian": {"nip", "skp_unor_induk", "hasil_kerja", "perilaku_kerja", "hasil_akhir", "tahun_skp", "bulan_skp", "jenis"},
	"skp":       {"nip", "skp_unor_induk", "periode_awal", "periode_akhir", "skp_status"},
	"iku":       {"tahun", "opd", "kode_indikator", "indikator", "polaritas", "target", "realisasi"},
	"pelatihan": {"nip", "nama_pelatihan", "tanggal_selesai", "jp"},
	"opd":       {"opd"},
}

func TestEveryDatasetHasItsColumns(t *testing.T) {
	p := small(t)
	for ds, cols := range required {
		t.Run(ds, func(t *testing.T) {
			files := p.dataset(ds)
			if len(files) == 0 {
				t.Fatal("no file")
			}
			for _, f := range files {
				for _, h := range f.headers {
					have := map[string]bool{}
					for _, c := range h {
						have[normalize(c)] = true
					}
					for _, c := range cols {
						if !have[c] {
							t.Errorf("%s: no column %s in %q", f.name, c, h)
						}
					}
				}
			}
		})
	}
	// BKN's CSV export has all 31 columns in BKN's order.
	for _, f := range p.dataset("penilaian") {
		if !strings.HasSuffix(f.name, ".csv") {
			continue
		}
		var got []string
		for _, c := range f.headers[0] {
			if c != "" {
				got = append(got, normalize(c))
			}
		}
		if !slices.Equal(got, penilaianColumns) {
			t.Errorf("%s: columns %v, want BKN's 31 in order", f.name, got)
		}
	}
}

func TestFormatsAreTheMixAgenciesSend(t *testing.T) {
	p := small(t)
	ext := map[string]int{}
	for _, f := range p.dataset("penilaian") {
		if !strings.Contains(f.name, "_koreksi") {
			ext[filepath.Ext(f.name)]++
		}
	}
	total := ext[".csv"] + ext[".xlsx"] + ext[".json"]
	for _, c := range []struct {
		ext      string
		min, max float64
	}{{".csv", 0.5, 0.7}, {".xlsx", 0.22, 0.38}, {".json", 0.05, 0.16}} {
		if share := float64(ext[c.ext]) / float64(total); share < c.min || share > c.max {
			t.Errorf("penilaian %s: %.0f%% of files, want %.0f-%.0f%%", c.ext, 100*share, 100*c.min, 100*c.max)
		}
	}
	var bom, cp1252, apos, trailing, monthSheets, ndjson, array, tsv, decimalComma bool
	for _, f := range p.files {
		data, err := os.ReadFile(filepath.Join(p.dir, f.name))
		if err != nil {
			t.Fatal(err)
		}
		bom = bom || f.encoding == "utf-8-bom"
		cp1252 = cp1252 || f.encoding == "windows-1252"
		apos = apos || bytes.Contains(data, []byte(";'19")) || bytes.Contains(data, []byte(";'20"))
		trailing = trailing || bytes.Contains(data, []byte("\n;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;"))
		tsv = tsv || strings.HasSuffix(f.name, ".tsv")
		decimalComma = decimalComma || f.dataset == "iku" && decimalPct.Match(data)
		if strings.HasSuffix(f.name, ".json") {
			if bytes.HasPrefix(data, []byte("[")) {
				array = true
			} else {
				ndjson = true
			}
		}
		if strings.HasSuffix(f.name, ".xlsx") && len(f.headers) > 1 {
			monthSheets = true
		}
	}
	for what, ok := range map[string]bool{"UTF-8 BOM": bom, "Windows-1252": cp1252, "NIP with apostrophe": apos,
		"trailing ;;;; rows": trailing, "XLSX sheet a month": monthSheets, "NDJSON": ndjson, "JSON array": array,
		"tab-separated": tsv, "decimal comma with %": decimalComma} {
		if !ok {
			t.Errorf("no file with %s", what)
		}
	}
}

var decimalPct = regexp.MustCompile(`;\d+,\d+%;`)

func TestXLSXOpensWithHeaderNearTheTop(t *testing.T) {
	p := small(t)
	n := 0
	for _, f := range p.files {
		if !strings.HasSuffix(f.name, ".xlsx") {
			continue
		}
		n++
		for k, row := range f.headerRow {
			if row < 2 || row > 20 {
				t.Errorf("%s: header of sheet %d on row %d, want title rows above it and within 20", f.name, k+1, row)
			}
		}
		if len(f.rows) == 0 {
			t.Errorf("%s: no data rows", f.name)
		}
	}
	if n == 0 {
		t.Fatal("no XLSX written")
	}
	// A NIP is a Text cell, never a number (spreadsheets keep 15 digits).
	checked := 0
	for _, f := range p.files {
		if !strings.HasSuffix(f.name, ".xlsx") || f.dataset == "iku" || checked == 3 {
			continue
		}
		checked++
		for sh, typ := range nipCellTypes(t, filepath.Join(p.dir, f.name)) {
			if typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString {
				t.Errorf("%s/%s: NIP cell type %v, want text", f.name, sh, typ)
			}
		}
	}
}

func TestNIPsAreValidAndUnique(t *testing.T) {
	p := small(t)
	type person struct{ nama, jenis string }
	people := map[string]person{}
	for _, r := range p.rows("skp") {
		nip := cleanNIP(r["nip"])
		if q, ok := people[nip]; ok && q.nama != r["nama"] {
			t.Errorf("NIP %s belongs to %q and %q", nip, q.nama, r["nama"])
		}
		people[nip] = person{r["nama"], r["jenis_pegawai"]}
	}
	if len(people) != p.sum.Pegawai {
		t.Errorf("%d distinct NIPs in the roster, %d employees generated", len(people), p.sum.Pegawai)
	}
	for nip, q := range people {
		if err := checkNIP(nip, q.jenis == "PPPK"); err != nil {
			t.Errorf("%s (%s): %v", nip, q.jenis, err)
		}
	}
	for _, ds := range []string{"penilaian", "pelatihan"} {
		for _, r := range p.rows(ds) {
			if _, ok := people[cleanNIP(r["nip"])]; !ok {
				t.Errorf("%s: NIP %q is in no SKP", ds, r["nip"])
			}
		}
	}
}

// checkNIP validates the 18-digit layout; PPPK numbers only as digits plus
// their "21" marker.
func checkNIP(nip string, pppk bool) error {
	if len(nip) != 18 || strings.Trim(nip, "0123456789") != "" {
		return fmt.Errorf("not 18 digits")
	}
	birth, err := time.Parse("20060102", nip[:8])
	if err != nil {
		return fmt.Errorf("birth date: %v", err)
	}
	if birth.Year() < 1965 || birth.Year() > 2000 {
		return fmt.Errorf("born %d", birth.Year())
	}
	if nip[14] != '1' && nip[14] != '2' {
		return fmt.Errorf("sex digit %c", nip[14])
	}
	if nip[15:] == "000" {
		return fmt.Errorf("sequence 000")
	}
	if pppk {
		if nip[12:14] != "21" {
			return fmt.Errorf("PPPK without 21 marker")
		}
		return nil
	}
	tmt, err := time.Parse("200601", nip[8:14])
	if err != nil {
		return fmt.Errorf("CPNS start: %v", err)
	}
	if tmt.Before(birth.AddDate(18, 0, 0)) {
		return fmt.Errorf("CPNS at %s before age 18", tmt.Format("2006-01"))
	}
	return nil
}

func TestWriteRejectsBadOptions(t *testing.T) {
	cases := []struct {
		name string
		opt  Options
	}{
		{"no directory", Options{Months: 3}},
		{"too many months", Options{Dir: t.TempDir(), Months: MaxMonths + 1}},
		{"too many employees", Options{Dir: t.TempDir(), Pegawai: MaxPegawai + 1}},
		{"end too early", Options{Dir: t.TempDir(), End: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := Write(context.Background(), c.opt); err == nil {
				t.Error("no error")
			}
		})
	}
}

func TestWriteStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	if _, err := Write(ctx, Options{Dir: dir, Pegawai: 600, Months: 3, End: testEnd}); err == nil {
		t.Fatal("no error from a cancelled context")
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestWriteHandlesShortWindows(t *testing.T) {
	for _, months := range []int{1, 2, 5, 25} {
		t.Run(strconv.Itoa(months)+" months", func(t *testing.T) {
			end := time.Date(2026, time.October, 1, 0, 0, 0, 0, time.UTC)
			sum, err := Write(context.Background(), Options{Dir: t.TempDir(), Seed: 3, Months: months, End: end, Pegawai: 50})
			if err != nil {
				t.Fatal(err)
			}
			for _, ds := range []string{"penilaian", "skp", "iku", "pelatihan", "opd"} {
				if sum.Rows[ds] == 0 {
					t.Errorf("no %s rows", ds)
				}
			}
		})
	}
}

func BenchmarkWriteDefault(b *testing.B) {
	for b.Loop() {
		dir := b.TempDir()
		if _, err := Write(context.Background(), Options{Dir: dir, Seed: 1, End: testEnd}); err != nil {
			b.Fatal(err)
		}
	}
}
