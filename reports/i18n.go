package reports

// texts are the report's words: Bahasa Indonesia, then English. The
// numbers and months are written by site/format, like the public site's.
var texts = map[string][2]string{
	"title":       {"Laporan kinerja ASN Pemerintah Provinsi Lampung", "Civil-service performance report, Lampung Province"},
	"title_short": {"Laporan kinerja ASN", "Civil-service performance report"},
	"internal": {"Laporan internal untuk pimpinan. Angka tidak disembunyikan; OPD disebut namanya; tidak memuat nama orang atau NIP.",
		"Internal report for leadership. Counts are not suppressed and agencies are named; it holds no person's name and no NIP."},
	"summary":   {"Ringkasan", "Summary"},
	"headline":  {"Angka utama provinsi", "The province's headline numbers"},
	"indicator": {"Indikator", "Indicator"},
	"vs_prev":   {"dibanding bulan lalu", "against the month before"},
	"vs_year":   {"dibanding tahun lalu", "against a year earlier"},
	"staff":     {"Pegawai / dinilai", "Employees / evaluated"},
	"trends":    {"Tren 12 bulan provinsi", "The province over 12 months"},
	"trends_note": {"Garis biru: 12 bulan sampai bulan laporan; garis abu-abu putus-putus: bulan yang sama setahun sebelumnya; garis merah: ambang perhatian ([kpi] kinerja.toml). Angka yang sama dengan grafik situs (tabel tren).",
		"Blue: the 12 months up to the report's month; dashed grey: the same months a year before; red: the attention threshold ([kpi] of kinerja.toml). The same numbers as the site's charts (table tren)."},
	"legend_now":       {"12 bulan terakhir", "last 12 months"},
	"legend_year":      {"setahun sebelumnya", "a year before"},
	"legend_threshold": {"ambang perhatian", "attention threshold"},
	"movers":           {"OPD dengan perubahan terbesar", "Agencies that moved most"},
	"movers_note": {"Lima OPD dengan kenaikan dan penurunan terbesar pada setiap indikator, dibanding bulan lalu dan bulan yang sama tahun lalu (poin persentase). Untuk predikat Sangat Baik, naik belum tentu lebih baik.",
		"The five agencies that rose and fell most on each indicator, against the month before and the same month a year earlier (percentage points). For Sangat Baik, a rise is not necessarily better."},
	"rise_month":   {"Naik, sebulan", "Up, month"},
	"fall_month":   {"Turun, sebulan", "Down, month"},
	"rise_year":    {"Naik, setahun", "Up, year"},
	"fall_year":    {"Turun, setahun", "Down, year"},
	"attention":    {"OPD yang perlu perhatian", "Agencies that need attention"},
	"left_list":    {"Keluar dari daftar dibanding bulan lalu", "Left the list since the month before"},
	"opd":          {"OPD", "Agency"},
	"flag":         {"Tanda", "Flag"},
	"value":        {"Nilai", "Value"},
	"new":          {"baru", "new"},
	"none":         {"Tidak ada.", "None."},
	"curve":        {"Kurva distribusi predikat", "Predikat distribution against the curve"},
	"year":         {"Tahun", "Year"},
	"org_rating":   {"Predikat organisasi", "Organisation rating"},
	"breach":       {"Pelanggaran", "Breach"},
	"curve_ok":     {"Semua OPD dengan predikat organisasi sesuai kurva.", "Every agency with an organisation rating follows the curve."},
	"curve_none":   {"Belum ada penilaian tahunan yang diperiksa terhadap kurva.", "No annual evaluations have been checked against the curve yet."},
	"coverage_all": {"Cakupan penilaian setiap OPD, 12 bulan", "Evaluation coverage of every agency, 12 months"},
	"coverage_note": {"Skala sama untuk semua OPD (dari 30 poin di bawah ambang sampai 100%; nilai di luarnya digambar di tepi); garis merah: ambang perhatian; angka: bulan laporan, merah bila di bawah ambang.",
		"The same scale for every agency (from 30 points below the threshold to 100%; a value outside is drawn at the edge); red line: the attention threshold; the number is the report's month, red when below the threshold."},
	"quality": {"Kualitas data bulan ini", "Data quality this month"},
	"quality_note": {"Berkas diterima: berkas yang memuat data bulan ini; terlambat: diterima setelah batas (tanggal batas_hari_penilaian bulan berikutnya, 23.59 WIB). Ditolak: berkas yang ditolak sejak batas bulan lalu sampai batas bulan ini, dikenali OPD-nya dari kode OPD pada nama berkas. Temuan: peringatan pada baris penilaian dan IKU OPD untuk bulan ini. Penilaian terlambat: dinilai setelah batas (tabel kualitas_data).",
		"Files accepted: files that carry this month's data; late: accepted after the deadline (day batas_hari_penilaian of the next month, 23:59 WIB). Rejected: files rejected from last month's deadline up to this month's, matched to an agency by the agency code in the file name. Findings: warnings on the agency's evaluation and KPI rows of the month. Late evaluations: rated after the deadline (table kualitas_data)."},
	"files_accepted": {"Berkas diterima", "Files accepted"},
	"files_late":     {"terlambat", "late"},
	"files_rejected": {"Berkas ditolak", "Files rejected"},
	"findings":       {"Temuan", "Findings"},
	"late_evals":     {"Penilaian terlambat", "Late evaluations"},
	"sent":           {"Penilaian bulan ini", "Evaluations this month"},
	"yes":            {"ada", "sent"},
	"not_sent":       {"belum mengirim", "not sent"},
	"unattributed":   {"(OPD tidak dikenali dari nama berkas)", "(agency not recognised from the file name)"},
	"all_opd":        {"Semua OPD, urut cakupan penilaian", "Every agency, by evaluation coverage"},
	"employees":      {"Pegawai", "Employees"},
	"coverage":       {"Cakupan", "Coverage"},
	"ontime":         {"Tepat waktu", "On time"},
	"sb":             {"Sangat Baik", "Sangat Baik"},
	"iku":            {"Capaian IKU", "KPI achievement"},
	"jp":             {"20 JP", "20 hours"},
	"page":           {"halaman", "page"},
	"of":             {"dari", "of"},
	"generated":      {"dibuat", "generated"},
	"archive":        {"Arsip laporan pimpinan", "Archive of leadership reports"},
	"archive_note": {"Setiap laporan bulanan, terbaru di atas. Internal: jangan diterbitkan di situs publik.",
		"Every monthly report, newest first. Internal: not for the public site."},
	"month":   {"Bulan", "Month"},
	"english": {"English", "English"},
}

// kpiTexts are the headline KPIs' labels: Indonesian and English, then
// their forms inside a sentence.
var kpiTexts = map[string][4]string{
	"cakupan_penilaian_persen":   {"Cakupan penilaian", "Evaluation coverage", "cakupan penilaian", "evaluation coverage"},
	"dinilai_tepat_waktu_persen": {"Dinilai tepat waktu", "Evaluated on time", "dinilai tepat waktu", "evaluated on time"},
	"sangat_baik_persen":         {"Predikat Sangat Baik", "Rated Sangat Baik", "predikat Sangat Baik", "rated Sangat Baik"},
	"rata_capaian_iku_persen":    {"Rata-rata capaian IKU", "Mean KPI achievement", "rata-rata capaian IKU", "mean KPI achievement"},
	"persen_memenuhi_20jp":       {"Memenuhi 20 JP", "Employees with 20 training hours", "pegawai memenuhi 20 JP", "employees with 20 training hours"},
}

// flagTexts are the kinds of table perhatian.
var flagTexts = map[string][2]string{
	"tidak_mengirim":     {"belum mengirim penilaian bulan ini", "no evaluations sent for the month"},
	"cakupan_rendah":     {"cakupan penilaian di bawah ambang", "evaluation coverage below the threshold"},
	"cakupan_menurun":    {"cakupan turun berturut-turut", "coverage falling month after month"},
	"capaian_iku_rendah": {"capaian IKU di bawah ambang", "KPI achievement below the threshold"},
	"kurva_dilanggar":    {"sebaran predikat tahun lalu melanggar kurva", "last year's predikat distribution broke the curve"},
}

func (l lang) flag(kind string) string {
	t, ok := flagTexts[kind]
	if !ok {
		return kind
	}
	if l.en {
		return t[1]
	}
	return t[0]
}
