package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/lampungprov/kinerja/demo"
	"github.com/xuri/excelize/v2"
)

// genVersion is part of the cache key of the generated files: bump it
// whenever a change below changes a byte of the output, so that a run never
// compares numbers measured on different data under one name.
const genVersion = 1

// benchYear is the year evaluated. It is fixed, not the clock, so the cached
// files stay valid and two runs months apart read the same bytes; it is a
// closed year, as a national yearly load would be.
const benchYear = 2025

// bknHeader is the 31-column header of BKN's e-Kinerja "Laporan Penilaian
// SKP" export, in BKN's order (docs/datasets.md, section 2.1).
var bknHeader = []string{"jenis", "id", "nip", "nama", "periode_awal_skp", "periode_akhir_skp", "skp_unor_id",
	"skp_unor", "skp_unor_induk", "skp_jabatan", "skp_jenis_jabatan", "is_skp_plt_plh_pjb", "hasil_kerja",
	"perilaku_kerja", "hasil_akhir", "pegawai_atasan_id", "pegawai_atasan_nip", "pegawai_atasan_nama",
	"pegawai_atasan_unor_id", "pegawai_atasan_unor", "pegawai_atasan_jabatan", "pegawai_atasan_golru",
	"waktu_dinilai", "pegawai_penilai_id", "tahun_skp", "skp_id", "periode_id", "skp_penilaian_id", "golru",
	"jenis_pegawai", "bulan_skp"}

// dataset is one cached set of input files.
type dataset struct {
	Dir   string // the cache folder
	CSV   string // the penilaian export (CSV or XLSX)
	OPD   string // the opd.csv reference of the same agencies
	Rows  int
	Bytes int64
	// Cached says the files were found, not written, by this run.
	Cached  bool
	Seconds float64 // time to write them (0 when cached)
}

// dataFiles returns the cached files of rows penilaian rows in format
// ("csv" or "xlsx"), writing them when missing. The folder name is the key
// (generator version, format, rows); a folder is complete only once renamed
// from its temporary name, so an interrupted run leaves nothing that a later
// run would take for valid data.
func dataFiles(ctx context.Context, root, format string, rows int) (dataset, error) {
	name := fmt.Sprintf("penilaian-g%d-%s-%d", genVersion, format, rows)
	d := dataset{Dir: filepath.Join(root, name), Rows: rows}
	d.CSV = filepath.Join(d.Dir, fmt.Sprintf("penilaian_%d_%d.%s", benchYear, rows, format))
	d.OPD = filepath.Join(d.Dir, "opd.csv")
	if st, err := os.Stat(d.CSV); err == nil {
		if _, err := os.Stat(d.OPD); err == nil {
			d.Cached, d.Bytes = true, st.Size()
			return d, nil
		}
	}
	start := time.Now()
	tmp := d.Dir + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return d, err
	}
	if err := os.MkdirAll(tmp, 0o755); err != nil {
		return d, err
	}
	names, err := writeOPD(ctx, filepath.Join(tmp, "opd.csv"))
	if err != nil {
		return d, err
	}
	g := newGenerator(names, rows)
	out := filepath.Join(tmp, filepath.Base(d.CSV))
	if format == "xlsx" {
		err = g.writeXLSX(out)
	} else {
		err = g.writeCSV(out)
	}
	if err != nil {
		return d, err
	}
	st, err := os.Stat(out)
	if err != nil {
		return d, err
	}
	d.Bytes = st.Size()
	if err := writeManifest(tmp, d); err != nil {
		return d, err
	}
	if err := os.RemoveAll(d.Dir); err != nil {
		return d, err
	}
	if err := os.Rename(tmp, d.Dir); err != nil {
		return d, err
	}
	d.Seconds = time.Since(start).Seconds()
	return d, nil
}

// writeOPD writes the province's opd.csv as the demo generator writes it
// (demo/catalog.go holds the 47 agencies), so the OPD names of the scale data
// are exactly those the reference knows. It returns the names in file order.
func writeOPD(ctx context.Context, dst string) ([]string, error) {
	tmp, err := os.MkdirTemp(filepath.Dir(dst), "demo-")
	if err != nil {
		return nil, err
	}
	defer func() { _ = os.RemoveAll(tmp) }()
	end := time.Date(benchYear, time.December, 1, 0, 0, 0, 0, time.UTC)
	if _, err := demo.Write(ctx, demo.Options{Dir: tmp, Seed: 1, Months: 1, End: end, Pegawai: 50}); err != nil {
		return nil, fmt.Errorf("writing the demo's opd.csv: %w", err)
	}
	b, err := os.ReadFile(filepath.Join(tmp, "opd.csv"))
	if err != nil {
		return nil, err
	}
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(recs) < 2 || recs[0][0] != "opd" {
		return nil, fmt.Errorf("the demo's opd.csv is not the expected opd,singkatan,… file: %v", err)
	}
	var names []string
	for _, r := range recs[1:] {
		names = append(names, r[0])
	}
	return names, os.WriteFile(dst, b, 0o644)
}

// generator makes the rows: rows/12 employees (rounded up), each evaluated
// once a month for the twelve months of benchYear, month by month as
// e-Kinerja exports them. Every value comes from a seeded PCG keyed by the
// employee and month, so the same row count gives the same bytes.
type generator struct {
	opd     []string
	weights []float64 // cumulative, for the skewed size of agencies
	rows    int
	people  int
}

func newGenerator(opd []string, rows int) *generator {
	g := &generator{opd: opd, rows: rows, people: (rows + 11) / 12}
	// The first agencies of the demo's catalogue are the big ones (teachers,
	// hospitals): as in a province, a few agencies hold most employees.
	sum := 0.0
	for i := range opd {
		w := 1.5
		switch i {
		case 0:
			w = 40
		case 1:
			w = 8
		case 2:
			w = 4
		case 3, 4:
			w = 3
		}
		sum += w
		g.weights = append(g.weights, sum)
	}
	for i := range g.weights {
		g.weights[i] /= sum
	}
	return g
}

// nipSpace is the number of distinct (birth date, TMT, sex) triples that
// nip draws from: 10,592 birth dates (1962-01-01 to 1990-12-31) x 15 TMT
// years x 12 TMT months x 2 sexes. Employee e takes triple e*7919 mod
// nipSpace (7919 is prime and does not divide nipSpace, so this is a
// bijection) and sequence number 1 + e/nipSpace, so NIPs never repeat up to
// nipSpace*999 employees, far beyond a national civil service.
const nipSpace = 10592 * 15 * 12 * 2

var birthStart = time.Date(1962, 1, 1, 0, 0, 0, 0, time.UTC)

// nip returns employee e's PNS NIP: birth date yyyymmdd, CPNS TMT yyyymm
// (19 to 33 years after birth, so never after benchYear), sex digit, 3-digit
// sequence (never 000, which docs/datasets.md rejects as a truncated NIP).
func nip(e int) string {
	k := (e * 7919) % nipSpace
	birth := birthStart.AddDate(0, 0, k%10592)
	k /= 10592
	tmtYear := birth.Year() + 19 + k%15
	k /= 15
	tmtMonth := 1 + k%12
	sex := 1 + (k/12)%2
	seq := 1 + (e/nipSpace)%999
	return fmt.Sprintf("%s%04d%02d%d%03d", birth.Format("20060102"), tmtYear, tmtMonth, sex, seq)
}

var (
	firstNames = []string{"Agus", "Budi", "Dewi", "Eko", "Fitri", "Hendra", "Indah", "Joko", "Kartika", "Lina",
		"Maya", "Nur", "Rina", "Slamet", "Tri", "Yusuf", "Zahra", "Ansori", "Siti", "Wahyu"}
	lastNames = []string{"Saputra", "Wulandari", "Hidayat", "Nasution", "Siregar", "Lubis", "Rahman", "Susanto",
		"Pertiwi", "Harahap", "Syahputra", "Purnamasari", "Effendi", "Marzuki", "Rasyid", "Anggraini"}
	titles    = []string{"", "", ", S.E.", ", S.H.", ", S.Kom.", ", S.T., M.T.", ", S.Pd.", ", A.Md.", ", S.E., M.M."}
	units     = []string{"SEKRETARIAT", "BIDANG PERENCANAAN DAN PROGRAM", "BIDANG PELAYANAN", "BIDANG PENGEMBANGAN", "UPTD WILAYAH I", "UPTD WILAYAH II"}
	unitHeads = []string{"Sekretaris", "Kepala Bidang Perencanaan dan Program", "Kepala Bidang Pelayanan", "Kepala Bidang Pengembangan",
		"Kepala UPTD Wilayah I", "Kepala UPTD Wilayah II"}
	jabatans = []string{"Analis Kebijakan Ahli Muda", "Pengelola Keuangan", "Guru Ahli Pertama", "Perawat Ahli Pertama",
		"Kepala Seksi", "Pranata Komputer Ahli Pertama", "Pengadministrasi Umum", "Kepala Sub Bagian Umum"}
	jenisJab = []string{"FUNGSIONAL", "FUNGSIONAL", "PELAKSANA", "STRUKTURAL"}
	golrus   = []string{"II/a", "II/c", "III/a", "III/b", "III/c", "III/d", "IV/a", "IV/b"}
	ratings  = []string{"DIATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "DIBAWAH EKSPEKTASI"}
	// matrix is the predikat of (hasil kerja, perilaku kerja), indexed like
	// ratings (docs/datasets.md, "The predikat matrix").
	matrix = [3][3]string{
		{"SANGAT BAIK", "BAIK", "KURANG/MISCONDUCT"},
		{"BAIK", "BAIK", "KURANG/MISCONDUCT"},
		{"BUTUH PERBAIKAN", "BUTUH PERBAIKAN", "SANGAT KURANG"},
	}
)

// person is what stays the same of an employee across months.
type person struct {
	nip, nama, opd, unit, unitHead, unitID, jabatan, jenisJab, golru string
	skpID, bossNIP, bossNama, bossID                                 string
}

func (g *generator) person(e int) person {
	r := rand.New(rand.NewPCG(uint64(genVersion), uint64(e)))
	u := r.Float64()
	o := 0
	for o < len(g.weights)-1 && u > g.weights[o] {
		o++
	}
	unit := r.IntN(len(units))
	boss := e - e%8 // the first of every eight is the others' superior
	if boss == e {
		boss = e + 8
	}
	return person{
		nip: nip(e), nama: name(e), opd: g.opd[o], unit: units[unit], unitHead: unitHeads[unit],
		unitID:  uuid(uint64(o)<<8|uint64(unit), 7),
		jabatan: jabatans[r.IntN(len(jabatans))], jenisJab: jenisJab[r.IntN(len(jenisJab))],
		golru: golrus[r.IntN(len(golrus))], skpID: uuid(uint64(e), 1),
		bossNIP: nip(boss), bossNama: name(boss), bossID: uuid(uint64(boss), 2),
	}
}

// name is employee e's name, the same wherever e appears (as the employee
// or as a superior).
func name(e int) string {
	r := rand.New(rand.NewPCG(uint64(e), 0x6e616d61))
	return firstNames[r.IntN(len(firstNames))] + " " + lastNames[r.IntN(len(lastNames))] + titles[r.IntN(len(titles))]
}

// uuid formats a UUID-shaped identifier of (a, b): e-Kinerja's ids are
// UUIDs, and their 36 characters are a good part of a row's bytes. Two
// rounds of splitmix64 make the 128 bits; speed matters here, as a national
// year needs 200 million of them.
func uuid(a, b uint64) string {
	x := splitmix(a ^ splitmix(b))
	y := splitmix(x ^ b)
	var buf [36]byte
	const hexd = "0123456789abcdef"
	j := 0
	for i := 0; i < 32; i++ {
		if i == 8 || i == 12 || i == 16 || i == 20 {
			buf[j] = '-'
			j++
		}
		v := x
		if i >= 16 {
			v = y
		}
		buf[j] = hexd[(v>>(60-4*(i%16)))&0xf]
		j++
	}
	buf[14], buf[19] = '4', 'a' // version 4, variant 10xx
	return string(buf[:])
}

func splitmix(z uint64) uint64 {
	z += 0x9e3779b97f4a7c15
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
	z = (z ^ (z >> 27)) * 0x94d049bb133111eb
	return z ^ (z >> 31)
}

// row fills f (len(bknHeader) cells) with row i: month 1 + i/people,
// employee i%people.
func (g *generator) row(i int, p *person, f []string) {
	month := 1 + i/g.people
	e := i % g.people
	r := rand.New(rand.NewPCG(uint64(e), uint64(month)<<32|genVersion))
	first := time.Date(benchYear, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1)
	hk, pk, ha, waktu := "", "", "", ""
	if r.IntN(100) >= 3 { // 3% not rated yet
		hi, pi := pickRating(r), pickRating(r)
		hk, pk, ha = ratings[hi], ratings[pi], matrix[hi][pi]
		if r.IntN(200) == 0 { // the superior overrode the matrix: a finding
			ha = "BAIK"
		}
		// Rated between the 1st and the 12th of the next month: the deadline
		// (the 5th by default) makes some late.
		at := last.AddDate(0, 0, 1+r.IntN(12)).Add(time.Duration(7*3600+r.IntN(10*3600)) * time.Second)
		waktu = at.Format("2006-01-02 15:04:05")
	}
	plt := "0"
	if r.IntN(100) == 0 {
		plt = "1"
	}
	f[0], f[1], f[2], f[3] = "BULANAN", uuid(uint64(i), 3), p.nip, p.nama
	f[4], f[5], f[6], f[7], f[8] = first.Format("2006-01-02"), last.Format("2006-01-02"), p.unitID, p.unit, p.opd
	f[9], f[10], f[11], f[12], f[13], f[14] = p.jabatan, p.jenisJab, plt, hk, pk, ha
	f[15], f[16], f[17], f[18], f[19] = p.bossID, p.bossNIP, p.bossNama, p.unitID, p.unit
	f[20], f[21], f[22], f[23] = p.unitHead, "IV/a", waktu, p.bossID
	f[24], f[25], f[26], f[27] = strconv.Itoa(benchYear), p.skpID, uuid(uint64(month), 4), uuid(uint64(i), 5)
	f[28], f[29], f[30] = p.golru, "PNS", strconv.Itoa(month)
}

// pickRating: mostly "sesuai", some "diatas", few "dibawah", as in real
// e-Kinerja data.
func pickRating(r *rand.Rand) int {
	switch n := r.IntN(100); {
	case n < 15:
		return 0
	case n < 95:
		return 1
	default:
		return 2
	}
}

// each calls fn for every row in file order, with the row's cells.
func (g *generator) each(fn func(f []string) error) error {
	f := make([]string, len(bknHeader))
	cache := make(map[int]person, 1)
	for i := 0; i < g.rows; i++ {
		e := i % g.people
		p, ok := cache[e]
		if !ok {
			p = g.person(e)
			if g.people <= 1<<20 { // remember people for the later months
				cache[e] = p
			}
		}
		g.row(i, &p, f)
		if err := fn(f); err != nil {
			return err
		}
	}
	return nil
}

// writeCSV writes the export as BKN does: a UTF-8 byte-order mark, ";",
// CRLF line ends, no quoting (no value holds ";" or a quote).
func (g *generator) writeCSV(path string) error {
	fh, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(fh, 1<<20)
	_, _ = w.WriteString("\ufeff")
	writeLine(w, bknHeader)
	err = g.each(func(f []string) error { writeLine(w, f); return nil })
	if err == nil {
		err = w.Flush()
	}
	if cerr := fh.Close(); err == nil {
		err = cerr
	}
	return err
}

func writeLine(w *bufio.Writer, f []string) {
	for i, s := range f {
		if i > 0 {
			_ = w.WriteByte(';')
		}
		_, _ = w.WriteString(s)
	}
	_, _ = w.WriteString("\r\n")
}

// writeXLSX writes the same rows as one sheet with excelize's StreamWriter
// (rows go to a temporary file, not memory), every cell as text so the NIP
// keeps its 18 digits, as docs/datasets.md asks agencies to do.
func (g *generator) writeXLSX(path string) error {
	x := excelize.NewFile()
	defer func() { _ = x.Close() }()
	if err := x.SetSheetName("Sheet1", "penilaian"); err != nil {
		return err
	}
	sw, err := x.NewStreamWriter("penilaian")
	if err != nil {
		return err
	}
	vals := make([]any, len(bknHeader))
	row := 1
	put := func(f []string) error {
		for i, s := range f {
			vals[i] = s
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		return sw.SetRow(cell, vals)
	}
	if err := put(bknHeader); err != nil {
		return err
	}
	if err := g.each(put); err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return x.SaveAs(path)
}

// writeManifest records what a cache folder holds, for a person looking
// at data/bench/ later.
func writeManifest(dir string, d dataset) error {
	b, _ := json.MarshalIndent(map[string]any{"generator": genVersion, "year": benchYear, "rows": d.Rows, "bytes": d.Bytes}, "", "  ")
	return os.WriteFile(filepath.Join(dir, "isi.json"), append(b, '\n'), 0o644)
}
