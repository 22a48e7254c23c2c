package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Dataset describes one of the five input datasets of docs/datasets.md: its
// canonical (BKN) column names and which of them a file must have.
type Dataset struct {
	Name     string
	Columns  []string // every known column, canonical order
	Required []string
	// OneOf lists alternatives of which at least one must be present
	// (penilaian: bulan_skp for monthly rows or jenis saying "tahunan").
	OneOf []string
	// PerEmployee marks datasets whose rows carry a NIP: ingest registers
	// their employees in pegawai before storing the rows.
	PerEmployee bool
}

// Datasets are the five datasets, in the order they are loaded within one
// ingest run (reference data first, so lineage reads naturally).
var Datasets = []Dataset{
	{
		Name:     "opd",
		Columns:  []string{"opd", "singkatan", "tahun", "predikat_organisasi"},
		Required: []string{"opd"},
	},
	{
		Name: "skp",
		Columns: []string{"id", "nip", "nama", "is_plt_plh", "periode_awal", "periode_akhir", "skp_status",
			"skp_unor_induk", "skp_unor", "skp_jabatan", "skp_jenis_jabatan", "jenis_pegawai", "golru"},
		Required:    []string{"nip", "skp_unor_induk", "periode_awal", "periode_akhir", "skp_status"},
		PerEmployee: true,
	},
	{
		Name: "penilaian",
		Columns: []string{"jenis", "id", "nip", "nama", "periode_awal_skp", "periode_akhir_skp", "skp_unor_id",
			"skp_unor", "skp_unor_induk", "skp_jabatan", "skp_jenis_jabatan", "is_skp_plt_plh_pjb", "hasil_kerja",
			"perilaku_kerja", "hasil_akhir", "pegawai_atasan_id", "pegawai_atasan_nip", "pegawai_atasan_nama",
			"pegawai_atasan_unor_id", "pegawai_atasan_unor", "pegawai_atasan_jabatan", "pegawai_atasan_golru",
			"waktu_dinilai", "pegawai_penilai_id", "tahun_skp", "skp_id", "periode_id", "skp_penilaian_id", "golru",
			"jenis_pegawai", "bulan_skp"},
		Required:    []string{"nip", "skp_unor_induk", "hasil_kerja", "perilaku_kerja", "hasil_akhir", "tahun_skp"},
		OneOf:       []string{"bulan_skp", "jenis"},
		PerEmployee: true,
	},
	{
		Name: "iku",
		Columns: []string{"tahun", "bulan", "opd", "kode_indikator", "indikator", "satuan", "polaritas", "target",
			"target_atas", "realisasi", "keterangan"},
		Required: []string{"tahun", "opd", "kode_indikator", "indikator", "polaritas", "target", "realisasi"},
	},
	{
		Name: "pelatihan",
		Columns: []string{"nip", "nama", "nama_pelatihan", "jenis_pengembangan", "penyelenggara", "tanggal_mulai",
			"tanggal_selesai", "jp"},
		Required:    []string{"nip", "nama_pelatihan", "tanggal_selesai", "jp"},
		PerEmployee: true,
	},
}

// DatasetByName returns the dataset called name.
func DatasetByName(name string) (Dataset, bool) {
	for _, d := range Datasets {
		if d.Name == name {
			return d, true
		}
	}
	return Dataset{}, false
}

var headerSeparators = regexp.MustCompile(`[\s.\-]+`)

// NormalizeHeader applies the header rule of docs/datasets.md: case and
// surrounding spaces are ignored, spaces, dots and hyphens become "_".
func NormalizeHeader(s string) string {
	s = strings.TrimLeft(s, "\ufeff") // byte-order marks, even repeated (found by fuzzing)
	s = strings.ToLower(strings.TrimSpace(s))
	return headerSeparators.ReplaceAllString(s, "_")
}

// match is how well a header row fits a dataset.
type match struct {
	dataset   Dataset
	index     []int    // for each dataset column, its position in the header or -1
	missing   []string // required columns not found
	known     int      // dataset columns found
	unknown   []string // header cells that are no column of the dataset
	duplicate []string // dataset columns that appear more than once
}

func (m match) complete() bool { return len(m.missing) == 0 }

// matchHeader fits the header row, normalised (norm), to dataset d: linear
// in the number of columns, whatever a file holds.
func matchHeader(d Dataset, header, norm []string) match {
	m := match{dataset: d, index: make([]int, len(d.Columns))}
	col := make(map[string]int, len(d.Columns))
	for i, c := range d.Columns {
		col[c] = i
		m.index[i] = -1
	}
	for i, n := range norm {
		if n == "" {
			continue
		}
		c, isCol := col[n]
		switch {
		case !isCol:
			m.unknown = append(m.unknown, strings.TrimSpace(header[i]))
		case m.index[c] >= 0:
			m.duplicate = append(m.duplicate, n)
		default:
			m.index[c] = i
			m.known++
		}
	}
	has := func(c string) bool { return m.index[col[c]] >= 0 }
	for _, r := range d.Required {
		if !has(r) {
			m.missing = append(m.missing, r)
		}
	}
	if len(d.OneOf) > 0 {
		found := false
		for _, c := range d.OneOf {
			if has(c) {
				found = true
			}
		}
		if !found {
			m.missing = append(m.missing, strings.Join(d.OneOf, " atau "))
		}
	}
	return m
}

// recognise picks the dataset of a header row: the one with the most of its
// columns in the header; on a tie, a complete one, then the one with more
// required columns (iku also has an "opd" column). ok is false when that
// dataset lacks a required column: an iku file without its target column is
// a broken iku file, not an opd reference list, and is rejected as such.
func recognise(header []string) (best match, ok bool) {
	norm := make([]string, len(header))
	for i, h := range header {
		norm[i] = NormalizeHeader(h)
	}
	var all []match
	for _, d := range Datasets {
		all = append(all, matchHeader(d, header, norm))
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.known != b.known {
			return a.known > b.known
		}
		if a.complete() != b.complete() {
			return a.complete()
		}
		return len(a.dataset.Required) > len(b.dataset.Required)
	})
	return all[0], all[0].complete()
}

// missingMessage explains a header that fits no dataset.
func missingMessage(m match) string {
	if m.known == 0 {
		var names []string
		for _, d := range Datasets {
			names = append(names, d.Name)
		}
		return fmt.Sprintf("baris judul kolom tidak dikenali (dicari di 20 baris pertama): berkas harus berisi salah satu dataset %s dengan nama kolom seperti ekspor e-Kinerja; unduh templat di halaman Panduan OPD",
			strings.Join(names, ", "))
	}
	req := m.dataset.Required
	if len(m.dataset.OneOf) > 0 {
		req = append(append([]string{}, req...), strings.Join(m.dataset.OneOf, " atau "))
	}
	return fmt.Sprintf("kolom wajib tidak ada: %s; dataset %s memerlukan kolom %s",
		strings.Join(m.missing, ", "), m.dataset.Name, strings.Join(req, ", "))
}

// validated are the columns of d its validation reads: those its SQL
// (queries/ingest/<dataset>_periksa.sql) names outside comments and
// string literals, and the required ones, whose emptiness stops a read.
// DuckDB's CSV reader stores only these whole; of the other columns it
// keeps only over-long cells, for their report (readCSVStatement).
func (d Dataset) validated() map[string]bool {
	validatedOnce.Do(func() {
		validatedCols = map[string]map[string]bool{}
		for _, ds := range Datasets {
			validatedCols[ds.Name] = namedColumns(ds, sqlOf("ingest/"+ds.Name+"_periksa"))
		}
	})
	return validatedCols[d.Name]
}

var (
	validatedOnce sync.Once
	validatedCols map[string]map[string]bool
)

// sqlNoise is what of SQL text names no column: comments and string
// literals.
var sqlNoise = regexp.MustCompile(`--[^\n]*|'(?:[^']|'')*'`)

// namedColumns are the columns of d named in query as whole words (a
// double-quoted name too), and its required and one-of columns.
func namedColumns(d Dataset, query string) map[string]bool {
	words := map[string]bool{}
	for _, w := range sqlWord.FindAllString(sqlNoise.ReplaceAllString(query, " "), -1) {
		words[strings.ToLower(w)] = true
	}
	out := map[string]bool{}
	for _, c := range d.Columns {
		if words[c] {
			out[c] = true
		}
	}
	for _, c := range append(append([]string(nil), d.Required...), d.OneOf...) {
		out[c] = true
	}
	return out
}

var sqlWord = regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`)
