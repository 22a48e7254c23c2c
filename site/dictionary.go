package site

// fieldDoc describes a published column in both languages; the data page,
// the data dictionary and datapackage.json all read it.
type fieldDoc struct {
	Type   string // Frictionless type: string, integer, number, boolean
	ID, EN string
}

var fieldDocs = map[string]fieldDoc{
	"periode":                    {"string", "Bulan, YYYY-MM (WIB)", "Month, YYYY-MM (WIB)"},
	"tahun":                      {"integer", "Tahun", "Year"},
	"bulan":                      {"integer", "Bulan 1–12; kosong untuk data tahunan", "Month 1–12; empty for annual data"},
	"opd_kode":                   {"string", "Kode OPD (singkatan, huruf kecil) yang dipakai di alamat halaman", "Agency code (abbreviation, lower case) used in page addresses"},
	"opd_nama":                   {"string", "Nama OPD", "Agency name"},
	"jumlah_pegawai":             {"integer", "Pegawai dengan SKP disetujui, bukan Plt/Plh, yang mencakup bulan itu", "Employees with an approved, non-acting SKP covering the month"},
	"jumlah_dinilai":             {"integer", "Pegawai yang sudah mendapat predikat bulanan (setelah duplikat diselesaikan)", "Employees with a monthly predikat (after duplicates are resolved)"},
	"cakupan_penilaian_persen":   {"number", "100 × jumlah_dinilai / jumlah_pegawai", "100 × jumlah_dinilai / jumlah_pegawai"},
	"dinilai_tepat_waktu_persen": {"number", "Persen yang dinilai paling lambat tanggal 5 bulan berikutnya pukul 23:59:59 WIB", "Percent evaluated by 23:59:59 WIB on day 5 of the following month"},
	"sangat_baik":                {"integer", "Jumlah predikat Sangat Baik (kosong: disembunyikan)", "Count rated Sangat Baik (empty: suppressed)"},
	"baik":                       {"integer", "Jumlah predikat Baik (kosong: disembunyikan)", "Count rated Baik (empty: suppressed)"},
	"butuh_perbaikan":            {"integer", "Jumlah predikat Butuh Perbaikan (kosong: disembunyikan)", "Count rated Butuh Perbaikan (empty: suppressed)"},
	"kurang":                     {"integer", "Jumlah predikat Kurang/Misconduct (kosong: disembunyikan)", "Count rated Kurang/Misconduct (empty: suppressed)"},
	"sangat_kurang":              {"integer", "Jumlah predikat Sangat Kurang (kosong: disembunyikan)", "Count rated Sangat Kurang (empty: suppressed)"},
	"sangat_baik_persen":         {"number", "100 × sangat_baik / jumlah_dinilai", "100 × sangat_baik / jumlah_dinilai"},
	"baik_persen":                {"number", "100 × baik / jumlah_dinilai", "100 × baik / jumlah_dinilai"},
	"butuh_perbaikan_persen":     {"number", "100 × butuh_perbaikan / jumlah_dinilai", "100 × butuh_perbaikan / jumlah_dinilai"},
	"kurang_persen":              {"number", "100 × kurang / jumlah_dinilai", "100 × kurang / jumlah_dinilai"},
	"sangat_kurang_persen":       {"number", "100 × sangat_kurang / jumlah_dinilai", "100 × sangat_kurang / jumlah_dinilai"},
	"jumlah_indikator_iku":       {"integer", "Indikator IKU bulan itu yang capaiannya dapat dihitung", "KPIs reported for the month with a computable achievement"},
	"indikator_tercapai":         {"integer", "Indikator dengan capaian ≥ 100", "Indicators with achievement ≥ 100"},
	"rata_capaian_iku_persen":    {"number", "Rata-rata capaian indikator, tiap capaian dibatasi 120", "Mean indicator achievement, each capped at 120"},
	"rata_jp_per_pegawai":        {"number", "Rata-rata JP pelatihan tahun berjalan sampai akhir bulan", "Mean training hours (JP) of the year up to the month's end"},
	"persen_memenuhi_20jp":       {"number", "Persen pegawai dengan sedikitnya 20 JP tahun berjalan", "Percent of employees with at least 20 JP this year"},
	"kode_indikator":             {"string", "Kode indikator dari OPD", "Indicator code from the agency"},
	"indikator":                  {"string", "Nama indikator kinerja utama", "Key performance indicator name"},
	"satuan":                     {"string", "Satuan", "Unit"},
	"polaritas":                  {"string", "maksimal (makin tinggi makin baik) atau minimal", "maksimal (higher is better) or minimal"},
	"target":                     {"number", "Target (batas bawah bila ada target_atas)", "Target (lower bound when target_atas is set)"},
	"target_atas":                {"number", "Batas atas rentang target", "Upper bound of a target range"},
	"realisasi":                  {"string", "Realisasi seperti dikirim OPD (bisa teks, mis. WTP)", "Realisation as sent (may be text, e.g. WTP)"},
	"capaian_persen":             {"number", "Capaian: maksimal realisasi/target×100, minimal (2−realisasi/target)×100, dalam rentang 100", "Achievement: higher-is-better realisation/target×100, lower-is-better (2−realisation/target)×100, inside a range 100"},
	"predikat_organisasi":        {"string", "Predikat kinerja organisasi tahun itu", "The organisation's own rating for the year"},
	"sesuai_kurva":               {"boolean", "Sebaran predikat tahunan sesuai kurva distribusi", "Annual predikat distribution follows the curve"},
	"alasan":                     {"string", "Aturan kurva yang dilanggar", "Curve rules broken"},
}

var fileTitles = map[string][2]string{
	"kpi_opd_bulanan":          {"Kinerja OPD per bulan", "Agency performance per month"},
	"kpi_provinsi_bulanan":     {"Kinerja provinsi per bulan", "Province performance per month"},
	"iku_capaian":              {"Capaian indikator kinerja utama", "Key performance indicator achievement"},
	"kurva_distribusi_tahunan": {"Sebaran predikat tahunan terhadap kurva distribusi", "Annual predikat distribution against the curve"},
}
