package ingest

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/lampungprov/kinerja/pipeline/formula"
)

// columnDoc explains a column to the agency operator who fills a template.
type columnDoc struct {
	Text    string   // what to write
	Allowed []string // the accepted values, when they are a list
}

var columnDocs = map[string]columnDoc{
	"nip":                 {Text: "NIP 18 angka, ditulis sebagai teks (format sel Teks di Excel), tanpa spasi"},
	"nama":                {Text: "nama pegawai (tidak disimpan; hanya membantu Anda memeriksa)"},
	"skp_unor_induk":      {Text: "nama OPD, misalnya DINAS KESEHATAN"},
	"opd":                 {Text: "nama OPD, misalnya DINAS KESEHATAN"},
	"hasil_kerja":         {Text: "rating hasil kerja; kosong bila belum dinilai", Allowed: []string{"DIATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "DIBAWAH EKSPEKTASI"}},
	"perilaku_kerja":      {Text: "rating perilaku kerja; kosong bila belum dinilai", Allowed: []string{"DIATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "DIBAWAH EKSPEKTASI"}},
	"hasil_akhir":         {Text: "predikat kinerja pegawai; kosong bila belum dinilai", Allowed: []string{"SANGAT BAIK", "BAIK", "BUTUH PERBAIKAN", "KURANG/MISCONDUCT", "SANGAT KURANG"}},
	"is_skp_plt_plh_pjb":  {Text: "1 untuk jabatan Plt/Plh (tidak dihitung), 0 untuk definitif", Allowed: []string{"0", "1"}},
	"is_plt_plh":          {Text: "1 untuk jabatan Plt/Plh (tidak dihitung), 0 untuk definitif", Allowed: []string{"0", "1"}},
	"waktu_dinilai":       {Text: "waktu atasan menilai (WIB): YYYY-MM-DD HH:MM:SS atau DD/MM/YYYY HH:MM"},
	"tahun_skp":           {Text: "tahun yang dinilai, 4 angka"},
	"bulan_skp":           {Text: "bulan yang dinilai, 1-12; kosong untuk penilaian tahunan"},
	"jenis":               {Text: "PERIODIK untuk penilaian bulanan, TAHUNAN untuk penilaian tahunan", Allowed: []string{"PERIODIK", "TAHUNAN"}},
	"jenis_pegawai":       {Text: "jenis pegawai", Allowed: []string{"PNS", "PPPK"}},
	"periode_awal":        {Text: "tanggal mulai SKP: YYYY-MM-DD atau DD/MM/YYYY"},
	"periode_akhir":       {Text: "tanggal akhir SKP: YYYY-MM-DD atau DD/MM/YYYY"},
	"skp_status":          {Text: "status SKP di e-Kinerja; hanya Persetujuan yang dihitung", Allowed: []string{"Persetujuan", "Pengajuan", "Draft"}},
	"tahun":               {Text: "tahun, 4 angka"},
	"bulan":               {Text: "bulan 1-12 untuk realisasi kumulatif bulanan; kosong untuk tahunan"},
	"kode_indikator":      {Text: "kode indikator IKU dari Renstra OPD"},
	"indikator":           {Text: "nama indikator kinerja utama"},
	"satuan":              {Text: "satuan, misalnya %, orang, indeks"},
	"polaritas":           {Text: "maksimal bila makin tinggi makin baik, minimal bila makin rendah makin baik", Allowed: []string{"maksimal", "minimal"}},
	"target":              {Text: "angka target (desimal koma atau titik); batas bawah bila ada target_atas"},
	"target_atas":         {Text: "batas atas bila target berupa rentang; kosongkan bila tidak"},
	"realisasi":           {Text: "angka realisasi; boleh teks (misalnya WTP), capaian lalu tidak dihitung"},
	"keterangan":          {Text: "catatan bebas"},
	"nama_pelatihan":      {Text: "nama pelatihan, misalnya Manajemen Waktu"},
	"jenis_pengembangan":  {Text: "jenis pengembangan kompetensi", Allowed: []string{"klasikal", "nonklasikal"}},
	"penyelenggara":       {Text: "penyelenggara, misalnya BPSDM Provinsi Lampung"},
	"tanggal_mulai":       {Text: "tanggal mulai: YYYY-MM-DD atau DD/MM/YYYY"},
	"tanggal_selesai":     {Text: "tanggal selesai: YYYY-MM-DD atau DD/MM/YYYY; menentukan tahun JP dihitung"},
	"jp":                  {Text: "jam pelajaran, angka lebih dari 0 (setiap PNS perlu 20 JP setahun)"},
	"singkatan":           {Text: "singkatan OPD, misalnya DINKES; menjadi alamat halaman OPD"},
	"predikat_organisasi": {Text: "predikat kinerja organisasi tahun itu", Allowed: []string{"Istimewa", "Baik", "Butuh Perbaikan", "Kurang", "Sangat Kurang"}},
}

// templateColumns are the columns of a template: for penilaian BKN's full
// export would be noise for an agency without e-Kinerja, so only the
// columns the KPIs read.
func templateColumns(d Dataset) []string {
	if d.Name == "penilaian" {
		return []string{"jenis", "nip", "nama", "skp_unor_induk", "is_skp_plt_plh_pjb", "hasil_kerja", "perilaku_kerja",
			"hasil_akhir", "waktu_dinilai", "tahun_skp", "bulan_skp", "jenis_pegawai"}
	}
	return d.Columns
}

func required(d Dataset, c string) bool {
	for _, r := range d.Required {
		if r == c {
			return true
		}
	}
	return false
}

// Template writes an empty, correctly headed file of dataset for agencies
// that do not use e-Kinerja: XLSX with the header on sheet "data", list
// validation on the columns with fixed values and a "petunjuk" sheet, or
// a ";"-separated CSV whose explanation lines sit above the header (the
// reader looks for the header in the first 20 rows, so they do no harm).
func Template(dataset, format string) ([]byte, error) {
	d, ok := DatasetByName(dataset)
	if !ok {
		var names []string
		for _, x := range Datasets {
			names = append(names, x.Name)
		}
		return nil, fmt.Errorf("unknown dataset %q: use one of %s", dataset, strings.Join(names, ", "))
	}
	cols := templateColumns(d)
	switch format {
	case "csv":
		var b bytes.Buffer
		fmt.Fprintf(&b, "Templat %s kinerja: isi mulai baris di bawah judul kolom. Kolom wajib: %s\r\n", d.Name, strings.Join(d.Required, " "))
		for _, c := range cols {
			doc := columnDocs[c]
			line := "  " + c + " = " + doc.Text
			if len(doc.Allowed) > 0 {
				line += " (nilai: " + strings.Join(doc.Allowed, " / ") + ")"
			}
			b.WriteString(formula.Neutralize(strings.ReplaceAll(line, ";", ",")) + "\r\n")
		}
		b.WriteString(strings.Join(cols, ";") + "\r\n")
		return b.Bytes(), nil
	case "xlsx":
		return xlsxTemplate(d, cols)
	}
	return nil, fmt.Errorf("unknown format %q: use xlsx or csv", format)
}

// xlsxTemplate is the XLSX form of Template.
func xlsxTemplate(d Dataset, cols []string) ([]byte, error) {
	f := excelize.NewFile()
	// Close only removes excelize's temporary files; the workbook is
	// complete in the returned bytes by then.
	defer func() { _ = f.Close() }()
	// excelize's setters fail only on a wrong sheet name or cell reference:
	// keep the first error and report it once.
	var err error
	set := func(e error) {
		if err == nil {
			err = e
		}
	}
	set(f.SetSheetName("Sheet1", "data"))
	_, e := f.NewSheet("petunjuk")
	set(e)
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text, so NIPs keep 18 digits
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		set(f.SetCellStr("data", col+"1", c))
		set(f.SetColStyle("data", col, text))
		set(f.SetColWidth("data", col, col, 20))
		if doc := columnDocs[c]; len(doc.Allowed) > 0 {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = col + "2:" + col + "100000"
			if dv.SetDropList(doc.Allowed) == nil { // a list too long for Excel goes without
				set(f.AddDataValidation("data", dv))
			}
		}
	}
	set(f.SetRowStyle("data", 1, 1, bold))
	set(f.SetCellStr("petunjuk", "A1", "Kolom"))
	set(f.SetCellStr("petunjuk", "B1", "Wajib"))
	set(f.SetCellStr("petunjuk", "C1", "Isi"))
	set(f.SetCellStr("petunjuk", "D1", "Nilai yang diterima"))
	set(f.SetRowStyle("petunjuk", 1, 1, bold))
	for i, c := range cols {
		row := fmt.Sprint(i + 2)
		doc := columnDocs[c]
		set(f.SetCellStr("petunjuk", "A"+row, c))
		if required(d, c) {
			set(f.SetCellStr("petunjuk", "B"+row, "ya"))
		}
		set(f.SetCellStr("petunjuk", "C"+row, doc.Text))
		set(f.SetCellStr("petunjuk", "D"+row, strings.Join(doc.Allowed, ", ")))
	}
	set(f.SetColWidth("petunjuk", "A", "A", 22))
	set(f.SetColWidth("petunjuk", "C", "C", 80))
	set(f.SetColWidth("petunjuk", "D", "D", 50))
	if err != nil {
		return nil, fmt.Errorf("writing the %s template: %w", d.Name, err)
	}
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
