package site

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// lang is one language of the site: Bahasa Indonesia at the root, English
// under en/.
type lang struct {
	Code     string // "id" or "en"
	Prefix   string // "" or "en/"
	Other    string // code of the other language
	Months   [12]string
	Decimal  string
	Thousand string
	Text     map[string]string
}

var langID = lang{
	Code: "id", Prefix: "", Other: "en",
	Months:  [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	Decimal: ",", Thousand: ".",
	Text: textID,
}

var langEN = lang{
	Code: "en", Prefix: "en/", Other: "id",
	Months:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	Decimal: ".", Thousand: ",",
	Text: textEN,
}

// T returns the text of key in the language; a missing key is a build
// error caught by the tests, shown here as the key itself.
func (l lang) T(key string) string {
	if s, ok := l.Text[key]; ok {
		return s
	}
	return "??" + key
}

// Tf formats the text of key with args.
func (l lang) Tf(key string, args ...any) string { return fmt.Sprintf(l.T(key), args...) }

// Month writes "2026-01" as "Januari 2026" / "January 2026".
func (l lang) Month(periode string) string {
	y, m, ok := strings.Cut(periode, "-")
	mi, err := strconv.Atoi(m)
	if !ok || err != nil || mi < 1 || mi > 12 {
		return periode
	}
	return l.Months[mi-1] + " " + y
}

// MonthShort writes "2026-01" as "Jan 2026".
func (l lang) MonthShort(periode string) string {
	y, m, ok := strings.Cut(periode, "-")
	mi, err := strconv.Atoi(m)
	if !ok || err != nil || mi < 1 || mi > 12 {
		return periode
	}
	return l.Months[mi-1][:3] + " " + y
}

// Number formats f with the given decimals in the language's convention:
// 1.234,5 in Indonesian, 1,234.5 in English.
func (l lang) Number(f float64, decimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(f), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if f < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(l.Thousand)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(l.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Int formats a count.
func (l lang) Int(n int) string { return l.Number(float64(n), 0) }

// Pct formats a percentage with one decimal, "–" when undefined.
func (l lang) Pct(p *float64) string {
	if p == nil {
		return "–"
	}
	return l.Number(*p, 1) + "%"
}

// Count formats a published count; nil is a suppressed cell.
func (l lang) Count(p *float64) string {
	if p == nil {
		return l.T("suppressed_short")
	}
	return l.Number(*p, 0)
}

// Delta formats a change in percentage points with its sign.
func (l lang) Delta(cur, prev *float64) string {
	if cur == nil || prev == nil {
		return "–"
	}
	d := *cur - *prev
	sign := "+"
	if d < 0 {
		sign = "−"
	}
	return sign + l.Number(math.Abs(d), 1) + " " + l.T("pp")
}

var predikatLabel = map[string][5]string{
	"id": {"Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang/Misconduct", "Sangat Kurang"},
	"en": {"Very good", "Good", "Needs improvement", "Poor/Misconduct", "Very poor"},
}

var textID = map[string]string{
	"site_title":           "Kinerja ASN Pemerintah Provinsi Lampung",
	"site_tagline":         "Penilaian kinerja pegawai, indikator kinerja utama dan pengembangan kompetensi setiap perangkat daerah, terbuka untuk publik.",
	"riwayat_title":        "Riwayat revisi angka",
	"riwayat_intro":        "Koreksi dari OPD dapat mengubah angka yang sudah diterbitkan. Setiap terbitan data dicatat dalam log berantai hash yang hanya bisa ditambah, dan setiap angka yang berubah setelah pertama kali diterbitkan tercantum di bawah ini: bulan, OPD, kolom, nilai lama dan baru, kapan, dan berkas koreksi yang menyebabkannya. Sel yang disembunyikan tetap disembunyikan (—).",
	"riwayat_entries":      "Log memuat %d terbitan; terakhir %s.",
	"riwayat_verify_title": "Memeriksa sendiri bahwa angka tidak diubah diam-diam",
	"riwayat_verify":       "Unduh salinan situs. Setiap terbitan adalah berkas data/riwayat/NNNN.txt berisi hash terbitan sebelumnya dan hash SHA-256 setiap berkas data; hash berkas itu sendiri dicatat di terbitan berikutnya. Perintah di bawah memeriksa berkas data terbitan terakhir dan rantainya hanya dengan sha256sum (atau jalankan kinerja verify FOLDER).",
	"riwayat_old":          "Nilai lama",
	"riwayat_new":          "Nilai baru",
	"riwayat_when":         "Diubah pada",
	"riwayat_why":          "Sebab",
	"riwayat_none":         "Belum ada angka yang berubah setelah diterbitkan.",
	"riwayat_opd":          "Riwayat revisi angka OPD ini",
	"nav_home":             "Beranda",
	"nav_method":           "Metodologi",
	"nav_data":             "Data",
	"nav_guide":            "Panduan OPD",
	"lang_switch":          "English",
	"data_as_of":           "Data per %s",
	"skip":                 "Langsung ke isi",
	"headline":             "Angka utama %s",
	"vs_prev":              "dibanding bulan lalu",
	"vs_year":              "dibanding tahun lalu",
	"pp":                   "poin",
	"coverage":             "Cakupan penilaian",
	"ontime":               "Dinilai tepat waktu",
	"sangat_baik_share":    "Predikat Sangat Baik",
	"iku":                  "Rata-rata capaian IKU",
	"jp20":                 "Pegawai memenuhi 20 JP",
	"employees":            "Jumlah pegawai",
	"evaluated":            "Jumlah dinilai",
	"opd_table":            "Semua OPD, %s",
	"opd_filter":           "Saring OPD",
	"opd":                  "OPD",
	"month":                "Bulan",
	"attention":            "Perlu perhatian",
	"attention_none":       "Tidak ada OPD yang perlu perhatian bulan ini.",
	"att_coverage":         "cakupan penilaian %s, di bawah %s",
	"att_nosubmit":         "belum mengirim penilaian %s",
	"att_falling":          "cakupan turun %d bulan berturut-turut",
	"att_iku":              "capaian IKU %s, di bawah %s",
	"att_curve":            "sebaran predikat %d tidak sesuai kurva: %s",
	"chart_cov_title":      "Cakupan penilaian dan ketepatan waktu per bulan",
	"chart_cov_sum":        "Pada %s, %s pegawai dinilai (%s dari %s pegawai); %s dinilai tepat waktu. Setahun sebelumnya cakupan %s.",
	"chart_pred_title":     "Sebaran predikat pegawai per bulan",
	"chart_pred_sum":       "Pada %s, %s pegawai yang dinilai mendapat predikat Sangat Baik dan %s Baik.",
	"chart_jp_title":       "Pengembangan kompetensi: pegawai yang memenuhi 20 JP",
	"chart_jp_sum":         "Pada %s, %s pegawai sudah memenuhi 20 JP tahun ini; rata-rata %s JP per pegawai.",
	"chart_iku_title":      "Rata-rata capaian IKU per bulan",
	"chart_iku_sum":        "Pada %s, rata-rata capaian IKU %s dari %s indikator (%s tercapai).",
	"chart_rank_title":     "Peringkat OPD: %s, %s",
	"chart_rank_sum":       "Tertinggi %s (%s), terendah %s (%s).",
	"chart_curve_title":    "Sebaran predikat tahun %d dibanding kurva distribusi",
	"chart_curve_sum":      "Predikat organisasi %s. %s",
	"curve_ok":             "Sebaran sesuai kurva distribusi.",
	"curve_breach":         "Tidak sesuai kurva: %s.",
	"curve_unknown":        "Predikat organisasi belum ada, kurva tidak diperiksa.",
	"curve_limit":          "Batas kurva",
	"higher_better":        "makin tinggi makin baik",
	"lower_better":         "makin rendah makin baik",
	"curve_max":            "maks. %s",
	"curve_min":            "min. %s",
	"curve_max_series":     "Batas maksimal",
	"curve_min_series":     "Batas minimal",
	"no_data":              "Belum ada data.",
	"show_table":           "Tampilkan tabel angka",
	"download_csv":         "Unduh CSV",
	"suppressed_short":     "disembunyikan",
	"suppressed_note":      "Angka 1–4 disembunyikan untuk melindungi privasi pegawai (lihat Metodologi).",
	"series_coverage":      "Cakupan (%)",
	"series_ontime":        "Tepat waktu (%)",
	"series_jp20":          "Memenuhi 20 JP (%)",
	"series_iku":           "Capaian IKU (%)",
	"scorecard":            "Ringkasan %s",
	"iku_table":            "Indikator kinerja utama %d",
	"indicator":            "Indikator",
	"target":               "Target",
	"realisation":          "Realisasi",
	"achievement":          "Capaian",
	"unit":                 "Satuan",
	"polarity":             "Polaritas",
	"last_sent":            "Penilaian terakhir diterima",
	"back_home":            "Kembali ke beranda",
	"method_title":         "Metodologi",
	"method_intro":         "Setiap angka di situs ini dihitung dengan SQL dari berkas ekspor e-Kinerja BKN dan data OPD. Definisinya di bawah; siapa pun dapat menghitung ulang dari data terbuka.",
	"method_privacy":       "Privasi",
	"method_privacy_txt":   "Situs ini tidak pernah menampilkan NIP, nama, atau data per orang. Basis data hanya menyimpan NIP dalam bentuk hash berkunci. Pada sebaran predikat per OPD, jumlah 1 sampai 4 disembunyikan bersama persentasenya; bila dalam satu baris hanya satu sel yang disembunyikan, sel bukan nol terkecil berikutnya ikut disembunyikan agar nilainya tidak dapat dihitung dari selisih.",
	"method_rules":         "Dasar aturan",
	"method_rules_txt":     "PermenPAN-RB Nomor 6 Tahun 2022 tentang Pengelolaan Kinerja Pegawai ASN (kuadran kinerja dan kurva distribusi predikat); Sistem Manajemen Kinerja untuk capaian IKU; kewajiban pengembangan kompetensi 20 JP per tahun.",
	"method_fresh":         "Kesegaran data per OPD",
	"method_matrix":        "Predikat dari dua rating (kuadran kinerja)",
	"data_title":           "Data terbuka",
	"data_intro":           "Semua angka yang diterbitkan tersedia sebagai CSV (koma, desimal titik, UTF-8) dan JSON, dijelaskan dalam datapackage.json (Frictionless Data Package).",
	"data_dictionary":      "Kamus data",
	"column":               "Kolom",
	"description":          "Keterangan",
	"file":                 "Berkas",
	"rows":                 "baris",
	"footer":               "Sumber: e-Kinerja BKN dan laporan OPD Pemerintah Provinsi Lampung. Situs statis, tanpa pelacak.",
	"opd_pages":            "Halaman OPD",
	"province":             "Provinsi Lampung",
	"yes":                  "ya",
	"no":                   "tidak",
}

var textEN = map[string]string{
	"site_title":           "Civil Servant Performance, Lampung Provincial Government",
	"site_tagline":         "Employee performance evaluations, key performance indicators and competence development of every provincial agency, open to the public.",
	"riwayat_title":        "Revision log",
	"riwayat_intro":        "Corrections sent by agencies can change numbers that were already published. Every publication of the data is an entry of an append-only, hash-chained log, and every number that changed after it was first published is listed below: month, agency, column, old and new value, when, and the correction that caused it. Suppressed cells stay suppressed (—).",
	"riwayat_entries":      "The log holds %d publications; the latest %s.",
	"riwayat_verify_title": "Check for yourself that no number was silently rewritten",
	"riwayat_verify":       "Download a copy of the site. Each publication is a file data/riwayat/NNNN.txt holding the hash of the publication before and the SHA-256 of every data file; the file's own hash is in the next publication. The commands below check the latest publication's data files and the chain with sha256sum alone (or run kinerja verify FOLDER).",
	"riwayat_old":          "Old value",
	"riwayat_new":          "New value",
	"riwayat_when":         "Changed on",
	"riwayat_why":          "Why",
	"riwayat_none":         "No published number has changed yet.",
	"riwayat_opd":          "Revisions of this agency's numbers",
	"nav_home":             "Home",
	"nav_method":           "Methodology",
	"nav_data":             "Data",
	"nav_guide":            "Agency guide",
	"lang_switch":          "Bahasa Indonesia",
	"data_as_of":           "Data as of %s",
	"skip":                 "Skip to content",
	"headline":             "Headline figures, %s",
	"vs_prev":              "vs previous month",
	"vs_year":              "vs a year earlier",
	"pp":                   "pts",
	"coverage":             "Evaluation coverage",
	"ontime":               "Evaluated on time",
	"sangat_baik_share":    "Rated Very good",
	"iku":                  "Mean KPI achievement",
	"jp20":                 "Employees with 20 training hours",
	"employees":            "Employees",
	"evaluated":            "Evaluated",
	"opd_table":            "All agencies, %s",
	"opd_filter":           "Filter agencies",
	"opd":                  "Agency",
	"month":                "Month",
	"attention":            "Needs attention",
	"attention_none":       "No agency needs attention this month.",
	"att_coverage":         "evaluation coverage %s, below %s",
	"att_nosubmit":         "has not sent evaluations for %s",
	"att_falling":          "coverage fell %d months in a row",
	"att_iku":              "KPI achievement %s, below %s",
	"att_curve":            "%d predikat distribution breaks the curve: %s",
	"chart_cov_title":      "Evaluation coverage and timeliness per month",
	"chart_cov_sum":        "In %s, %s of employees were evaluated (%s of %s); %s were evaluated on time. A year earlier coverage was %s.",
	"chart_pred_title":     "Employee predikat distribution per month",
	"chart_pred_sum":       "In %s, %s of evaluated employees were rated Very good and %s Good.",
	"chart_jp_title":       "Competence development: employees with 20 training hours",
	"chart_jp_sum":         "In %s, %s of employees had reached 20 training hours this year; %s hours per employee on average.",
	"chart_iku_title":      "Mean key performance indicator achievement per month",
	"chart_iku_sum":        "In %s, mean achievement was %s over %s indicators (%s met).",
	"chart_rank_title":     "Agency ranking: %s, %s",
	"chart_rank_sum":       "Highest %s (%s), lowest %s (%s).",
	"chart_curve_title":    "Predikat distribution %d against the distribution curve",
	"chart_curve_sum":      "Organisation rating %s. %s",
	"curve_ok":             "The distribution follows the curve.",
	"curve_breach":         "Breaks the curve: %s.",
	"curve_unknown":        "No organisation rating yet; the curve was not checked.",
	"curve_limit":          "Curve limit",
	"higher_better":        "higher is better",
	"lower_better":         "lower is better",
	"curve_max":            "at most %s",
	"curve_min":            "at least %s",
	"curve_max_series":     "Upper limit",
	"curve_min_series":     "Lower limit",
	"no_data":              "No data yet.",
	"show_table":           "Show the numbers as a table",
	"download_csv":         "Download CSV",
	"suppressed_short":     "suppressed",
	"suppressed_note":      "Counts of 1–4 are suppressed to protect employees' privacy (see Methodology).",
	"series_coverage":      "Coverage (%)",
	"series_ontime":        "On time (%)",
	"series_jp20":          "With 20 hours (%)",
	"series_iku":           "KPI achievement (%)",
	"scorecard":            "Summary %s",
	"iku_table":            "Key performance indicators %d",
	"indicator":            "Indicator",
	"target":               "Target",
	"realisation":          "Realisation",
	"achievement":          "Achievement",
	"unit":                 "Unit",
	"polarity":             "Polarity",
	"last_sent":            "Latest evaluations received",
	"back_home":            "Back to home",
	"method_title":         "Methodology",
	"method_intro":         "Every number on this site is computed in SQL from e-Kinerja BKN exports and agency data. The definitions are below; anyone can recompute them from the open data.",
	"method_privacy":       "Privacy",
	"method_privacy_txt":   "This site never shows a NIP, a name or any per-person row. The database keeps NIPs only as a keyed hash. In predikat counts per agency, counts from 1 to 4 are suppressed with their percentages; when a row would have exactly one suppressed cell, the next smallest non-zero cell is suppressed too, so no value can be recovered by subtraction.",
	"method_rules":         "Regulations",
	"method_rules_txt":     "PermenPAN-RB No. 6/2022 on civil servant performance management (performance quadrant and predikat distribution curve); the performance management system for KPI achievement; the 20 training hours (JP) a year every civil servant needs.",
	"method_fresh":         "Data freshness per agency",
	"method_matrix":        "Predikat from the two ratings (performance quadrant)",
	"data_title":           "Open data",
	"data_intro":           "Every published number is available as CSV (comma, dot decimals, UTF-8) and JSON, described in datapackage.json (Frictionless Data Package).",
	"data_dictionary":      "Data dictionary",
	"column":               "Column",
	"description":          "Description",
	"file":                 "File",
	"rows":                 "rows",
	"footer":               "Source: e-Kinerja BKN and agency reports of the Lampung Provincial Government. A static site without trackers.",
	"opd_pages":            "Agency pages",
	"province":             "Lampung Province",
	"yes":                  "yes",
	"no":                   "no",
}
