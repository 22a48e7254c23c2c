package site

// The texts of memahami/ (site/templates/memahami.html), in plain words.
// The regulation is PermenPAN-RB 6/2022 on the performance management of
// civil servants; the rules and limits themselves are the project's
// configuration and SQL, shown on the page from their tables.

var memahamiID = map[string]string{
	"title": "Memahami kinerja ASN",
	"lead": "Halaman ini menjelaskan dengan bahasa sehari-hari apa yang diukur di situs ini dan cara membaca setiap grafik, " +
		"untuk warga dan untuk aparatur sipil negara (ASN) sendiri. Contoh angka di halaman ini dihitung oleh program yang sama " +
		"dengan angka yang diterbitkan, jadi keduanya tidak mungkin berbeda.",
	"skp_h": "Apa itu SKP?",
	"skp_p": "Setiap ASN menyusun Sasaran Kinerja Pegawai (SKP) bersama atasannya: hasil kerja yang akan dicapai dan perilaku kerja yang diharapkan. " +
		"SKP diturunkan dari sasaran perangkat daerah (OPD), sehingga kerja setiap pegawai terhubung dengan layanan yang diterima warga. " +
		"Setiap bulan atasan menilai pegawai dalam e-Kinerja BKN; penilaian itulah yang dihitung di situs ini.",
	"rating_h": "Hasil kerja dan perilaku kerja",
	"rating_p": "Atasan memberi dua penilaian: hasil kerja (apakah sasaran SKP tercapai) dan perilaku kerja (misalnya berorientasi pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif dan kolaboratif). " +
		"Masing-masing bernilai di atas ekspektasi, sesuai ekspektasi, atau di bawah ekspektasi.",
	"predikat_h":       "Predikat: matriks dua penilaian",
	"predikat_p":       "Kedua penilaian digabung menjadi satu predikat kinerja pegawai menurut matriks di bawah. Matriks ini diambil dari aturan yang sama yang dipakai untuk memeriksa setiap baris data yang dikirim OPD; predikat yang tidak sesuai matriks dicatat sebagai temuan mutu data.",
	"predikat_caption": "Predikat menurut hasil kerja (baris) dan perilaku kerja (kolom)",
	"hasil_kerja":      "Hasil kerja",
	"kurva_h":          "Mengapa ada kurva distribusi?",
	"kurva_p": "Jika hampir semua pegawai mendapat Sangat Baik, penilaian tidak lagi membedakan kerja yang benar-benar menonjol dari yang biasa, dan pegawai yang perlu dibina tidak terlihat. " +
		"Karena itu sebaran predikat pegawai dalam satu OPD harus mengikuti kurva yang ditetapkan oleh predikat kinerja organisasinya: OPD yang kinerjanya Baik, misalnya, tidak wajar bila sebagian besar pegawainya Sangat Baik. " +
		"Situs ini memeriksa sebaran tahunan setiap OPD terhadap aturan kurva dan menampilkan pelanggarannya sebagai tanda inflasi penilaian, bukan sebagai kesalahan data.",
	"kurva_contoh":       "Contoh: OPD dengan predikat organisasi Baik dan 20 pegawai dinilai, diperiksa dengan aturan kurva yang berlaku di situs ini",
	"kurva_ya":           "Sesuai kurva.",
	"kurva_tidak":        "Tidak sesuai kurva.",
	"aturan":             "Aturan",
	"hasil_uji":          "Hasil",
	"terpenuhi":          "terpenuhi",
	"dinilai":            "pegawai dinilai",
	"aturan_terbesar":    "{k} harus menjadi kelompok terbesar",
	"aturan_maks_persen": "{k} paling banyak {n}%",
	"aturan_min_persen":  "{k} paling sedikit {n}%",
	"aturan_min_jumlah":  "{k} paling sedikit {n} orang",
	"cakupan_h":          "Cakupan dan ketepatan waktu penilaian",
	"cakupan_p": "Cakupan penilaian adalah persen pegawai dengan SKP yang sudah mendapat predikat bulan itu. Dinilai tepat waktu adalah persen penilaian yang selesai paling lambat tanggal batas bulan berikutnya. " +
		"Cakupan yang rendah berarti banyak pegawai belum dinilai: bukan berarti kinerjanya buruk, tetapi pengelolaan kinerjanya belum berjalan.",
	"iku_h": "Capaian IKU",
	"iku_p": "Indikator kinerja utama (IKU) adalah ukuran keberhasilan OPD, masing-masing dengan target dan realisasi. Capaian = realisasi ÷ target × 100 bila makin tinggi makin baik; " +
		"(2 − realisasi ÷ target) × 100 bila makin rendah makin baik (misalnya angka kematian); 100 bila realisasi di dalam rentang target. Rata-rata capaian OPD membatasi setiap capaian paling tinggi 120, agar satu indikator tidak menutupi yang lain.",
	"iku_caption":        "Contoh perhitungan capaian",
	"polaritas":          "Arah",
	"polaritas_maksimal": "makin tinggi makin baik",
	"polaritas_minimal":  "makin rendah makin baik",
	"target":             "Target",
	"realisasi":          "Realisasi",
	"capaian":            "Capaian",
	"jp_h":               "20 JP pengembangan kompetensi",
	"jp_p":               "Setiap ASN berhak dan wajib mengembangkan kompetensinya, paling sedikit %s jam pelajaran (JP) setahun: pelatihan, seminar, kursus, belajar mandiri yang diakui. Grafik JP menunjukkan persen pegawai yang sudah mencapai target itu sejak Januari sampai akhir bulan; wajar bila angka ini naik sepanjang tahun.",
	"membaca_h":          "Cara membaca grafik",
	"membaca_1":          "Garis putus-putus adalah provinsi; garis utuh adalah OPD atau bulan yang sedang dilihat.",
	"membaca_2":          "Tanda — berarti angka disembunyikan: kelompok pegawainya terlalu kecil sehingga angka bisa menunjuk orang tertentu.",
	"membaca_3":          "Setiap grafik punya tabel angkanya, unduhan CSV, gambar PNG dan SVG, tautan langsung, dan kode untuk disematkan di situs lain.",
	"membaca_4":          "OPD yang perlu perhatian ditandai bila cakupan atau capaian IKU di bawah ambang, atau turun beberapa bulan berturut-turut; halaman Metodologi memuat definisi lengkapnya.",
	"membaca_5":          "Untuk membandingkan beberapa OPD pada grafik yang sama, gunakan halaman Bandingkan OPD.",
	"rating_di_atas":     "Di atas ekspektasi",
	"rating_sesuai":      "Sesuai ekspektasi",
	"rating_di_bawah":    "Di bawah ekspektasi",
}

var memahamiEN = map[string]string{
	"title": "Understanding civil-servant performance",
	"lead": "This page explains in everyday words what this site measures and how to read each chart, for citizens and for civil servants themselves. " +
		"Its example numbers are computed by the same program as the published numbers, so the two cannot disagree.",
	"skp_h": "What is an SKP?",
	"skp_p": "Every civil servant agrees a performance plan (Sasaran Kinerja Pegawai, SKP) with their supervisor: the work results to achieve and the behaviour expected. " +
		"The SKP is derived from the agency's goals, so that each employee's work is tied to the services citizens receive. " +
		"Every month the supervisor evaluates the employee in BKN's e-Kinerja; those evaluations are what this site counts.",
	"rating_h": "Work results and work behaviour",
	"rating_p": "The supervisor gives two ratings: work results (were the SKP's goals met) and work behaviour (service-minded, accountable, competent, harmonious, loyal, adaptive and collaborative). " +
		"Each is above expectations, as expected, or below expectations.",
	"predikat_h":       "The predikat: a matrix of the two ratings",
	"predikat_p":       "The two ratings combine into one performance rating (predikat) by the matrix below. It comes from the very rule every row the agencies send is checked with; a predikat that does not follow the matrix is recorded as a data-quality finding.",
	"predikat_caption": "Predikat by work results (rows) and work behaviour (columns)",
	"hasil_kerja":      "Work results",
	"kurva_h":          "Why a distribution curve?",
	"kurva_p": "If nearly everyone is rated Very good, ratings no longer tell outstanding work from ordinary work, and the employees who need support disappear from view. " +
		"So the spread of ratings within an agency must follow the curve set by the agency's own organisational rating: an agency rated Good, for instance, cannot plausibly have most of its staff rated Very good. " +
		"This site checks every agency's yearly spread against the curve rules and shows breaches as a sign of rating inflation, not as data errors.",
	"kurva_contoh":       "Example: an agency rated Good with 20 employees evaluated, checked against the curve rules this site uses",
	"kurva_ya":           "Follows the curve.",
	"kurva_tidak":        "Does not follow the curve.",
	"aturan":             "Rule",
	"hasil_uji":          "Result",
	"terpenuhi":          "kept",
	"dinilai":            "employees evaluated",
	"aturan_terbesar":    "{k} must be the largest group",
	"aturan_maks_persen": "{k} at most {n}%",
	"aturan_min_persen":  "{k} at least {n}%",
	"aturan_min_jumlah":  "{k} at least {n} people",
	"cakupan_h":          "Evaluation coverage and timeliness",
	"cakupan_p": "Coverage is the percent of employees with an SKP who have a predikat for the month. Evaluated on time is the percent of evaluations done by the deadline day of the following month. " +
		"Low coverage means many employees were not evaluated: not that they perform badly, but that performance management is not yet working.",
	"iku_h": "Key performance indicators (IKU)",
	"iku_p": "Key performance indicators measure an agency's success, each with a target and a realisation. Achievement = realisation ÷ target × 100 when higher is better; " +
		"(2 − realisation ÷ target) × 100 when lower is better (a death rate, say); 100 when the realisation is inside a target range. An agency's mean achievement caps each indicator at 120, so that one cannot hide the others.",
	"iku_caption":        "Worked examples of achievement",
	"polaritas":          "Direction",
	"polaritas_maksimal": "higher is better",
	"polaritas_minimal":  "lower is better",
	"target":             "Target",
	"realisasi":          "Realisation",
	"capaian":            "Achievement",
	"jp_h":               "20 hours of competence development",
	"jp_p":               "Every civil servant has the right and the duty to develop their competence, at least %s training hours (JP) a year: training, seminars, courses, recognised self-study. The JP chart shows the percent of employees who reached it from January to the month's end; it naturally rises through the year.",
	"membaca_h":          "How to read the charts",
	"membaca_1":          "A dashed line is the province; a solid line is the agency or the months in view.",
	"membaca_2":          "A — means a hidden number: the group of employees is so small that the number could point at a person.",
	"membaca_3":          "Every chart has its table of numbers, a CSV download, PNG and SVG images, a direct link, and code to embed it in another site.",
	"membaca_4":          "Agencies needing attention are flagged when coverage or IKU achievement falls below a threshold, or falls several months in a row; the Methodology page has the full definitions.",
	"membaca_5":          "To compare several agencies on the same charts, use the Compare agencies page.",
	"rating_di_atas":     "Above expectations",
	"rating_sesuai":      "As expected",
	"rating_di_bawah":    "Below expectations",
}
