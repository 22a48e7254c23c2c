package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Dataset describes one of the five input datasets of datasets.md: its
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

// NormalizeHeader applies the header rule of datasets.md: case and
// surrounding spaces are ignored, spaces, dots and hyphens become "_".
func NormalizeHeader(s string) string {
	s = strings.TrimPrefix(s, "\ufeff")
	s = strings.ToLower(strings.TrimSpace(s))
	return headerSeparators.ReplaceAllString(s, "_")
}

// match is how well a header row fits a dataset.
type match struct {
	dataset Dataset
	index   []int    // for each dataset column, its position in the header or -1
	missing []string // required columns not found
	known   int      // dataset columns found
	unknown []string // header cells that are no column of the dataset
}

func (m match) complete() bool { return len(m.missing) == 0 }

func matchHeader(d Dataset, header []string) match {
	m := match{dataset: d, index: make([]int, len(d.Columns))}
	pos := map[string]int{}
	for i, h := range header {
		n := NormalizeHeader(h)
		if n == "" {
			continue
		}
		if _, dup := pos[n]; !dup {
			pos[n] = i
		}
	}
	for i, c := range d.Columns {
		m.index[i] = -1
		if p, ok := pos[c]; ok {
			m.index[i] = p
			m.known++
		}
	}
	for _, r := range d.Required {
		if _, ok := pos[r]; !ok {
			m.missing = append(m.missing, r)
		}
	}
	if len(d.OneOf) > 0 {
		found := false
		for _, c := range d.OneOf {
			if _, ok := pos[c]; ok {
				found = true
			}
		}
		if !found {
			m.missing = append(m.missing, strings.Join(d.OneOf, " atau "))
		}
	}
	known := map[string]bool{}
	for _, c := range d.Columns {
		known[c] = true
	}
	for _, h := range header {
		if n := NormalizeHeader(h); n != "" && !known[n] {
			m.unknown = append(m.unknown, strings.TrimSpace(h))
		}
	}
	return m
}

// recognise picks the dataset of a header row: among datasets whose required
// columns are all present, the one with the most required columns (iku also
// has an "opd" column), then the most known columns. ok is false when no
// dataset is complete; best is then the closest match, for the message.
func recognise(header []string) (best match, ok bool) {
	var all []match
	for _, d := range Datasets {
		all = append(all, matchHeader(d, header))
	}
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.complete() != b.complete() {
			return a.complete()
		}
		if a.complete() {
			if len(a.dataset.Required) != len(b.dataset.Required) {
				return len(a.dataset.Required) > len(b.dataset.Required)
			}
			return a.known > b.known
		}
		// Closest incomplete match: most required columns present.
		ra := len(a.dataset.Required) + 1 - len(a.missing)
		rb := len(b.dataset.Required) + 1 - len(b.missing)
		if ra != rb {
			return ra > rb
		}
		return a.known > b.known
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
