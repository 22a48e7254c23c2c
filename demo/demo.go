package demo

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"
)

// Options says what province to write.
type Options struct {
	Dir     string    // inbox directory to write into (created if missing)
	Seed    int64     // same seed + same other options => byte-identical files
	Months  int       // number of months, default 24
	End     time.Time // last month covered (any day inside it; only year+month used)
	Pegawai int       // approx number of employees, default 20000
}

// Summary says what was written.
type Summary struct {
	Files   []string       // base names, sorted
	Pegawai int            // employees generated (everyone who works in the window)
	OPD     int            // agencies
	Rows    map[string]int // data rows per dataset name (penilaian, skp, iku, pelatihan, opd)
}

// Defaults and limits of Options.
const (
	DefaultMonths  = 24
	DefaultPegawai = 20000
	MaxMonths      = 120
	MaxPegawai     = 200000
)

// DefaultEnd is the last month written when Options.End is zero. It is a
// fixed month, not the clock, so output stays reproducible; callers that
// want "the last complete month" pass it in End.
var DefaultEnd = time.Date(2025, time.December, 1, 0, 0, 0, 0, time.UTC)

// Write generates the demo province described by opt and writes its exports
// into opt.Dir, each file under a temporary name first and then renamed in
// place. Files of earlier runs with other names are left alone.
func Write(ctx context.Context, opt Options) (Summary, error) {
	if opt.Dir == "" {
		return Summary{}, errors.New("demo: no inbox directory given")
	}
	if opt.Months <= 0 {
		opt.Months = DefaultMonths
	}
	if opt.Pegawai <= 0 {
		opt.Pegawai = DefaultPegawai
	}
	if opt.End.IsZero() {
		opt.End = DefaultEnd
	}
	if opt.Months > MaxMonths {
		return Summary{}, fmt.Errorf("demo: %d months is more than %d", opt.Months, MaxMonths)
	}
	if opt.Pegawai > MaxPegawai {
		return Summary{}, fmt.Errorf("demo: %d employees is more than %d", opt.Pegawai, MaxPegawai)
	}
	endY, endM := opt.End.Year(), int(opt.End.Month())
	if endY < 2015 || endY > 2040 {
		return Summary{}, fmt.Errorf("demo: end month %04d-%02d is outside 2015-2040", endY, endM)
	}
	n := endY*12 + endM - 1 - (opt.Months - 1)
	cal := calendar{startY: n / 12, startM: n%12 + 1, months: opt.Months}
	if err := os.MkdirAll(opt.Dir, 0o755); err != nil {
		return Summary{}, fmt.Errorf("creating inbox %s: %w", opt.Dir, err)
	}

	g := build(opt.Seed, cal, opt.Pegawai)
	jobs := g.jobs()
	sum := Summary{Pegawai: len(g.emps), OPD: len(g.opds), Rows: map[string]int{}}
	rows, err := runJobs(ctx, opt.Dir, jobs)
	if err != nil {
		return Summary{}, err
	}
	for k, j := range jobs {
		sum.Files = append(sum.Files, j.name)
		sum.Rows[j.dataset] += rows[k]
	}
	sort.Strings(sum.Files)
	return sum, nil
}

// job writes one file.
type job struct {
	name    string
	dataset string
	weight  int // rough size, to start big files first
	write   func(ctx context.Context, w io.Writer) (int, error)
}

// runJobs writes the files on a few goroutines; rows[k] is the row count
// of jobs[k]. Output does not depend on the order the jobs run in.
func runJobs(ctx context.Context, dir string, jobs []job) ([]int, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	order := make([]int, len(jobs))
	for k := range order {
		order[k] = k
	}
	sort.SliceStable(order, func(a, b int) bool { return jobs[order[a]].weight > jobs[order[b]].weight })
	rows := make([]int, len(jobs))
	next := make(chan int)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	workers := min(runtime.GOMAXPROCS(0), 8)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range next {
				n, err := writeFile(ctx, dir, jobs[k])
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					cancel()
					continue
				}
				rows[k] = n
			}
		}()
	}
feed:
	for _, k := range order {
		select {
		case next <- k:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if firstErr == nil && ctx.Err() != nil {
		firstErr = ctx.Err()
	}
	return rows, firstErr
}

// writeFile writes one job to a hidden temporary file in dir and renames it
// to its name.
func writeFile(ctx context.Context, dir string, j job) (int, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	f, err := os.CreateTemp(dir, "."+j.name+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("writing %s: %w", j.name, err)
	}
	tmp := f.Name()
	bw := bufio.NewWriterSize(f, 256<<10)
	n, err := j.write(ctx, bw)
	if err == nil {
		err = bw.Flush()
	}
	if err == nil {
		err = f.Chmod(0o644)
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, filepath.Join(dir, j.name))
	}
	if err != nil {
		_ = os.Remove(tmp) // best effort: the write error is the one to report
		return 0, fmt.Errorf("writing %s: %w", j.name, err)
	}
	return n, nil
}

// jobs lists every file of the province.
func (g *gen) jobs() []job {
	var jobs []job
	for _, a := range g.opds {
		for _, y := range g.years {
			jobs = append(jobs, g.penilaianJob(a, y), g.skpJob(a, y), g.pelatihanJob(a, y))
		}
	}
	jobs = slicesDeleteEmpty(jobs)
	// The corrected export of one agency and month, sent later.
	a := g.opds[g.byCode[storyKoreksi]]
	ky, km := g.cal.ym(g.koreksiMonth)
	st := g.penStyleFor(g.rng(tagFile, 99), false)
	jobs = append(jobs, job{
		name:    fmt.Sprintf("penilaian_%d_%02d_%s_koreksi.csv", ky, km, a.code),
		dataset: "penilaian", weight: len(a.members),
		write: func(ctx context.Context, w io.Writer) (int, error) {
			return writeCSV(ctx, w, g.koreksiTable(a, g.koreksiMonth, st), csvOpts{comma: ';', bom: true, crlf: true})
		},
	})
	jobs = append(jobs, g.ikuJobs()...)
	jobs = append(jobs, job{name: "opd.csv", dataset: "opd", weight: 1,
		write: func(ctx context.Context, w io.Writer) (int, error) {
			return writeCSV(ctx, w, g.opdTable(), csvOpts{comma: ','})
		}})
	return jobs
}

func slicesDeleteEmpty(js []job) []job {
	out := js[:0]
	for _, j := range js {
		if j.name != "" {
			out = append(out, j)
		}
	}
	return out
}

// fileRand is the stream for the choices of one file.
func (g *gen) fileRand(dataset string, a *agency, y int) *rand.Rand {
	h := uint64(14695981039346656037) // FNV-1a of the dataset name
	for i := 0; i < len(dataset); i++ {
		h = (h ^ uint64(dataset[i])) * 1099511628211
	}
	return g.rng(tagFile, h, uint64(a.idx), uint64(y))
}

// title lines on top of an XLSX export.
func titleLines(kind string, y int, a string, when time.Time) []string {
	return []string{kind + " TAHUN " + strconv.Itoa(y), a, "Dicetak pada: " + when.Format("02-01-2006 15:04:05") + " WIB"}
}

func (g *gen) penilaianJob(a *agency, y int) job {
	lo, hi := g.cal.span(y)
	if a.missingLast && lo == hi && hi == g.cal.months-1 {
		return job{} // the agency has sent nothing for that year yet
	}
	r := g.fileRand("penilaian", a, y)
	var months []int
	for i := lo; i <= hi; i++ {
		months = append(months, i)
	}
	complete := g.cal.complete(y)
	base := fmt.Sprintf("penilaian_%d_%s", y, a.code)
	weight := len(a.members) * len(months)
	hdr := pickHeader(r)
	switch a.penFormat {
	case "xlsx":
		st := g.penStyleFor(r, false)
		when := g.exportTime(r, y)
		title := titleLines("LAPORAN PENILAIAN SKP", y, a.nama, when)
		var sheets []sheet
		if r.IntN(2) == 0 {
			for _, i := range months {
				_, m := g.cal.ym(i)
				sheets = append(sheets, sheet{name: monthSheetNames[m-1], title: title, headerRow: 5,
					table: g.penilaianTable(a, y, []int{i}, false, st, hdr)})
			}
			if complete {
				sheets = append(sheets, sheet{name: "tahunan", title: title, headerRow: 5,
					table: g.penilaianTable(a, y, nil, true, st, hdr)})
			}
		} else {
			title = append(title, "Unit Kerja: "+a.nama)
			sheets = []sheet{{name: "Penilaian SKP", title: title, headerRow: 6,
				table: g.penilaianTable(a, y, months, complete, st, hdr)}}
		}
		return job{name: base + ".xlsx", dataset: "penilaian", weight: weight * 3,
			write: func(ctx context.Context, w io.Writer) (int, error) {
				return writeXLSX(ctx, w, sheets, xlsxMeta{creator: "e-Kinerja BKN", title: title[0], when: when})
			}}
	case "json":
		st := g.penStyleFor(r, false)
		nd := r.IntN(2) == 0
		t := g.penilaianTable(a, y, months, complete, st, hdrLower)
		return job{name: base + ".json", dataset: "penilaian", weight: weight,
			write: func(ctx context.Context, w io.Writer) (int, error) { return writeJSON(ctx, w, t, nd) }}
	}
	st := g.penStyleFor(r, true)
	o := csvOpts{comma: ';', bom: r.IntN(100) < 40, crlf: r.IntN(2) == 0}
	if r.IntN(100) < 25 {
		o.trailingRows = 1 + r.IntN(4)
	}
	if r.IntN(100) < 10 {
		o.trailingCols = 1 + r.IntN(2)
	}
	if a.singkatan == storyCP1252 && y == g.years[0] {
		o = csvOpts{comma: ';', crlf: true, cp1252: true, trailingRows: 3, trailingCols: 2}
		st.waktuDMY, hdr = true, hdrTitle
	}
	t := g.penilaianTable(a, y, months, complete, st, hdr)
	return job{name: base + ".csv", dataset: "penilaian", weight: weight,
		write: func(ctx context.Context, w io.Writer) (int, error) { return writeCSV(ctx, w, t, o) }}
}

func pickHeader(r interface{ IntN(int) int }) int {
	switch x := r.IntN(100); {
	case x < 70:
		return hdrLower
	case x < 85:
		return hdrUpper
	}
	return hdrTitle
}

func (g *gen) skpJob(a *agency, y int) job {
	r := g.fileRand("skp", a, y)
	base := fmt.Sprintf("skp_%d_%s", y, a.code)
	hdr := hdrLower
	if r.IntN(100) < 20 {
		hdr = hdrTitle
	}
	upper := r.IntN(100) < 15
	t := g.skpTable(a, y, hdr, upper)
	switch a.skpFormat {
	case "xlsx":
		when := g.exportTime(r, y)
		title := titleLines("LAPORAN SKP", y, a.nama, when)
		sheets := []sheet{{name: "SKP", title: title, headerRow: 5, table: t}}
		return job{name: base + ".xlsx", dataset: "skp", weight: len(a.members) * 3,
			write: func(ctx context.Context, w io.Writer) (int, error) {
				return writeXLSX(ctx, w, sheets, xlsxMeta{creator: "e-Kinerja BKN", title: title[0], when: when})
			}}
	}
	o := csvOpts{comma: ',', bom: r.IntN(100) < 30, crlf: r.IntN(2) == 0}
	if a.skpFormat == "csv;" {
		o.comma = ';'
	}
	return job{name: base + ".csv", dataset: "skp", weight: len(a.members),
		write: func(ctx context.Context, w io.Writer) (int, error) { return writeCSV(ctx, w, t, o) }}
}

func (g *gen) pelatihanJob(a *agency, y int) job {
	r := g.fileRand("pelatihan", a, y)
	base := fmt.Sprintf("pelatihan_%d_%s", y, a.code)
	hdr := hdrLower
	if r.IntN(100) < 20 {
		hdr = hdrUpper
	}
	t := g.pelatihanTable(a, y, hdr)
	switch a.plFormat {
	case "xlsx":
		when := g.exportTime(r, y)
		title := titleLines("REKAP PENGEMBANGAN KOMPETENSI ASN", y, a.nama, when)
		sheets := []sheet{{name: "Pengembangan Kompetensi", title: title, headerRow: 4 + r.IntN(2), table: t}}
		return job{name: base + ".xlsx", dataset: "pelatihan", weight: len(a.members) * 2,
			write: func(ctx context.Context, w io.Writer) (int, error) {
				return writeXLSX(ctx, w, sheets, xlsxMeta{creator: a.singkatan, title: title[0], when: when})
			}}
	case "tsv":
		return job{name: base + ".tsv", dataset: "pelatihan", weight: len(a.members),
			write: func(ctx context.Context, w io.Writer) (int, error) {
				return writeCSV(ctx, w, t, csvOpts{comma: '\t', crlf: true})
			}}
	}
	o := csvOpts{comma: ',', bom: r.IntN(100) < 30}
	return job{name: base + ".csv", dataset: "pelatihan", weight: len(a.members),
		write: func(ctx context.Context, w io.Writer) (int, error) { return writeCSV(ctx, w, t, o) }}
}

// ikuJobs: per year one province file (alternating an Indonesian-locale
// ";" file with decimal commas and "%" and a plain "," file), and the
// education and health offices sending their own.
func (g *gen) ikuJobs() []job {
	var jobs []job
	var rest []*agency
	for _, a := range g.opds {
		if a.singkatan != "DISDIKBUD" && a.singkatan != "DINKES" {
			rest = append(rest, a)
		}
	}
	edu := g.opds[g.byCode["DISDIKBUD"]]
	health := g.opds[g.byCode["DINKES"]]
	for yi, y := range g.years {
		nf, o := ikuNumbers{comma: true, pct: true}, csvOpts{comma: ';', bom: true, crlf: true}
		if yi%2 == 1 {
			nf, o = ikuNumbers{}, csvOpts{comma: ','}
		}
		t := g.ikuTable(rest, y, hdrLower, nf)
		jobs = append(jobs, job{name: fmt.Sprintf("iku_%d.csv", y), dataset: "iku", weight: 50,
			write: func(ctx context.Context, w io.Writer) (int, error) { return writeCSV(ctx, w, t, o) }})

		r := g.fileRand("iku", edu, y)
		when := g.exportTime(r, y)
		title := titleLines("CAPAIAN INDIKATOR KINERJA UTAMA", y, edu.nama, when)
		sheets := []sheet{{name: "IKU", title: title, headerRow: 4, table: g.ikuTable([]*agency{edu}, y, hdrTitle, ikuNumbers{})}}
		jobs = append(jobs, job{name: fmt.Sprintf("iku_%d_%s.xlsx", y, edu.code), dataset: "iku", weight: 10,
			write: func(ctx context.Context, w io.Writer) (int, error) {
				return writeXLSX(ctx, w, sheets, xlsxMeta{creator: edu.singkatan, title: title[0], when: when})
			}})

		ht := g.ikuTable([]*agency{health}, y, hdrTitle, ikuNumbers{comma: true, pct: true, naik: true})
		jobs = append(jobs, job{name: fmt.Sprintf("iku_%d_%s.csv", y, health.code), dataset: "iku", weight: 10,
			write: func(ctx context.Context, w io.Writer) (int, error) {
				return writeCSV(ctx, w, ht, csvOpts{comma: ';'})
			}})
	}
	return jobs
}
