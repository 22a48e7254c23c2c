package demo

// This file holds the fixed vocabulary of the demo province: the agencies
// of Pemerintah Provinsi Lampung, their units, the positions people hold,
// names, trainings and performance indicators. Nothing here is random; the
// generator draws from these tables.

// opdKind groups agencies that share a structure and a pool of positions.
type opdKind int

const (
	kindDinas opdKind = iota
	kindBadan
	kindBiro
	kindRS
	kindPendidikan
	kindInspektorat
	kindSetwan
	kindSatpol
)

// opdSpec is one agency as it appears in e-Kinerja.
type opdSpec struct {
	nama       string  // full name, upper case, as in skp_unor_induk
	singkatan  string  // short code
	kind       opdKind // structure
	size       float64 // employees in a province of 20 000 (education is computed)
	units      string  // sub-units, "|"-separated, after the head's own office
	fungsional string  // sector functional positions, "|"-separated: "Jabatan~degree"
}

// opdSpecs lists the agencies. The education office gets the size of all
// the others together (its teachers are about half of all employees).
var opdSpecs = []opdSpec{
	{"DINAS PENDIDIKAN DAN KEBUDAYAAN", "DISDIKBUD", kindPendidikan, 0,
		"SEKRETARIAT|BIDANG PEMBINAAN SMA|BIDANG PEMBINAAN SMK|BIDANG PEMBINAAN PENDIDIKAN KHUSUS|BIDANG KEBUDAYAAN",
		"Pengawas Sekolah~S.Pd.|Pamong Budaya~S.Sos.|Pengembang Teknologi Pembelajaran~S.Kom."},
	{"RUMAH SAKIT UMUM DAERAH DR. H. ABDUL MOELOEK", "RSUDAM", kindRS, 1750,
		"BIDANG PELAYANAN MEDIK|BIDANG KEPERAWATAN|BIDANG PENUNJANG MEDIK|BAGIAN UMUM DAN KEPEGAWAIAN|BAGIAN KEUANGAN|INSTALASI RAWAT INAP|INSTALASI GAWAT DARURAT|INSTALASI RAWAT JALAN|INSTALASI BEDAH SENTRAL",
		""},
	{"DINAS KESEHATAN", "DINKES", kindDinas, 520,
		"SEKRETARIAT|BIDANG KESEHATAN MASYARAKAT|BIDANG PENCEGAHAN DAN PENGENDALIAN PENYAKIT|BIDANG PELAYANAN KESEHATAN|BIDANG SUMBER DAYA KESEHATAN|UPTD BALAI LABORATORIUM KESEHATAN|UPTD BALAI PELATIHAN KESEHATAN",
		"Epidemiolog Kesehatan~S.K.M.|Administrator Kesehatan~S.K.M.|Penyuluh Kesehatan Masyarakat~S.K.M.|Pranata Laboratorium Kesehatan~A.Md.A.K.|Nutrisionis~S.Gz.|Sanitarian~S.K.M.|Apoteker~S.Farm., Apt.|Dokter~dr."},
	{"RUMAH SAKIT JIWA DAERAH PROVINSI LAMPUNG", "RSJD", kindRS, 320,
		"BIDANG PELAYANAN|BIDANG KEPERAWATAN|BAGIAN UMUM DAN KEUANGAN|INSTALASI RAWAT INAP JIWA|INSTALASI REHABILITASI NAPZA",
		"Psikolog Klinis~M.Psi., Psikolog"},
	{"RUMAH SAKIT UMUM DAERAH BANDAR NEGARA HUSADA", "RSUD BNH", kindRS, 300,
		"BIDANG PELAYANAN|BIDANG KEPERAWATAN|BAGIAN UMUM DAN KEUANGAN|INSTALASI RAWAT INAP|INSTALASI GAWAT DARURAT",
		""},
	{"BADAN PENDAPATAN DAERAH", "BAPENDA", kindBadan, 560,
		"SEKRETARIAT|BIDANG PAJAK DAERAH|BIDANG RETRIBUSI DAN PENDAPATAN LAIN|BIDANG PENGENDALIAN DAN EVALUASI|UPTD SAMSAT BANDAR LAMPUNG|UPTD SAMSAT METRO|UPTD SAMSAT KALIANDA|UPTD SAMSAT KOTABUMI",
		"Analis Keuangan Pusat dan Daerah~S.E.|Pranata Komputer~S.Kom."},
	{"DINAS KEHUTANAN", "DISHUT", kindDinas, 480,
		"SEKRETARIAT|BIDANG PERENCANAAN DAN PEMANFAATAN HUTAN|BIDANG PERLINDUNGAN DAN KONSERVASI|BIDANG PENYULUHAN DAN PEMBERDAYAAN|UPTD KPH REGISTER 19 GUNUNG BETUNG|UPTD KPH BATUTEGI|UPTD KPH WAY TERUSAN|UPTD KPH GUNUNG BALAK",
		"Polisi Kehutanan~A.Md.|Penyuluh Kehutanan~S.Hut.|Pengendali Ekosistem Hutan~S.Hut.|Perencana~S.Hut."},
	{"SATUAN POLISI PAMONG PRAJA", "SATPOL PP", kindSatpol, 380,
		"SEKRETARIAT|BIDANG PENEGAKAN PERATURAN DAERAH|BIDANG KETERTIBAN UMUM DAN KETENTERAMAN MASYARAKAT|BIDANG PERLINDUNGAN MASYARAKAT",
		"Polisi Pamong Praja~S.H.|Penyidik Pegawai Negeri Sipil~S.H."},
	{"DINAS PERHUBUNGAN", "DISHUB", kindDinas, 360,
		"SEKRETARIAT|BIDANG LALU LINTAS DAN ANGKUTAN JALAN|BIDANG PELAYARAN|BIDANG PERKERETAAPIAN DAN UDARA|UPTD PENGUJIAN KENDARAAN BERMOTOR",
		"Penguji Kendaraan Bermotor~A.Md.|Analis Transportasi~S.T.|Perencana~S.T."},
	{"DINAS PEKERJAAN UMUM BINA MARGA DAN BINA KONSTRUKSI", "DBMBK", kindDinas, 360,
		"SEKRETARIAT|BIDANG BINA MARGA|BIDANG BINA KONSTRUKSI|BIDANG PRESERVASI JALAN|UPTD PENGUJIAN MATERIAL",
		"Teknik Jalan dan Jembatan~S.T.|Pembina Jasa Konstruksi~S.T.|Penata Ruang~S.T."},
	{"DINAS KETAHANAN PANGAN, TANAMAN PANGAN DAN HORTIKULTURA", "DKPTPH", kindDinas, 340,
		"SEKRETARIAT|BIDANG KETAHANAN PANGAN|BIDANG TANAMAN PANGAN|BIDANG HORTIKULTURA|UPTD BALAI BENIH INDUK",
		"Penyuluh Pertanian~S.P.|Pengawas Benih Tanaman~S.P.|Analis Ketahanan Pangan~S.P.|Pengendali Organisme Pengganggu Tumbuhan~S.P."},
	{"DINAS PENGELOLAAN SUMBER DAYA AIR", "DINAS PSDA", kindDinas, 300,
		"SEKRETARIAT|BIDANG SUNGAI DAN PANTAI|BIDANG IRIGASI DAN RAWA|BIDANG AIR BAKU|UPTD BALAI PSDA WILAYAH SEPUTIH",
		"Teknik Pengairan~S.T.|Pengamat Gunung Api~S.Si."},
	{"DINAS SOSIAL", "DINSOS", kindDinas, 260,
		"SEKRETARIAT|BIDANG PERLINDUNGAN DAN JAMINAN SOSIAL|BIDANG REHABILITASI SOSIAL|BIDANG PEMBERDAYAAN SOSIAL|UPTD PANTI SOSIAL TRESNA WERDHA|UPTD PANTI SOSIAL BINA REMAJA",
		"Pekerja Sosial~S.Sos.|Penyuluh Sosial~S.Sos."},
	{"DINAS PERKEBUNAN", "DISBUN", kindDinas, 240,
		"SEKRETARIAT|BIDANG PRODUKSI|BIDANG PENGOLAHAN DAN PEMASARAN|BIDANG PERLINDUNGAN PERKEBUNAN|UPTD BALAI PROTEKSI TANAMAN PERKEBUNAN",
		"Pengawas Mutu Hasil Pertanian~S.P.|Pengendali Organisme Pengganggu Tumbuhan~S.P."},
	{"DINAS PETERNAKAN DAN KESEHATAN HEWAN", "DISNAKKESWAN", kindDinas, 240,
		"SEKRETARIAT|BIDANG KESEHATAN HEWAN DAN KESMAVET|BIDANG PRODUKSI PETERNAKAN|BIDANG PENGOLAHAN DAN PEMASARAN|UPTD BALAI VETERINER",
		"Medik Veteriner~drh.|Paramedik Veteriner~A.Md.Pet.|Pengawas Bibit Ternak~S.Pt."},
	{"DINAS KELAUTAN DAN PERIKANAN", "DKP", kindDinas, 230,
		"SEKRETARIAT|BIDANG PERIKANAN TANGKAP|BIDANG PERIKANAN BUDIDAYA|BIDANG PENGELOLAAN RUANG LAUT|UPTD PELABUHAN PERIKANAN LEMPASING",
		"Pengelola Produksi Perikanan Tangkap~S.Pi.|Pengawas Perikanan~S.Pi.|Penyuluh Perikanan~S.Pi."},
	{"BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH", "BPKAD", kindBadan, 230,
		"SEKRETARIAT|BIDANG ANGGARAN|BIDANG PERBENDAHARAAN|BIDANG AKUNTANSI|BIDANG ASET",
		"Analis Keuangan Pusat dan Daerah~S.E.|Penata Kelola Aset~S.E.|Pranata Komputer~S.Kom."},
	{"SEKRETARIAT DPRD", "SETWAN", kindSetwan, 210,
		"BAGIAN UMUM|BAGIAN KEUANGAN|BAGIAN PERSIDANGAN DAN PERUNDANG-UNDANGAN|BAGIAN FASILITASI PENGANGGARAN DAN PENGAWASAN",
		"Analis Legislatif~S.H.|Perancang Peraturan Perundang-undangan~S.H.|Pranata Hubungan Masyarakat~S.I.Kom."},
	{"INSPEKTORAT", "INSPEKTORAT", kindInspektorat, 160,
		"SEKRETARIAT|INSPEKTUR PEMBANTU WILAYAH I|INSPEKTUR PEMBANTU WILAYAH II|INSPEKTUR PEMBANTU WILAYAH III|INSPEKTUR PEMBANTU WILAYAH IV",
		"Auditor~S.E., Ak.|Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah~S.IP.|Auditor~S.E."},
	{"BADAN PERENCANAAN PEMBANGUNAN DAERAH", "BAPPEDA", kindBadan, 140,
		"SEKRETARIAT|BIDANG PEREKONOMIAN|BIDANG INFRASTRUKTUR DAN PENGEMBANGAN WILAYAH|BIDANG PEMERINTAHAN DAN PEMBANGUNAN MANUSIA|BIDANG PENELITIAN DAN PENGEMBANGAN",
		"Perencana~S.E., M.Si.|Perencana~S.T.|Peneliti~M.Si.|Statistisi~S.Si."},
	{"BADAN KEPEGAWAIAN DAERAH", "BKD", kindBadan, 130,
		"SEKRETARIAT|BIDANG MUTASI DAN PROMOSI|BIDANG PENGADAAN, PEMBERHENTIAN DAN INFORMASI|BIDANG PENILAIAN KINERJA APARATUR DAN PENGHARGAAN",
		"Analis Sumber Daya Manusia Aparatur~S.IP.|Pranata Sumber Daya Manusia Aparatur~A.Md.|Pranata Komputer~S.Kom."},
	{"BADAN PENGEMBANGAN SUMBER DAYA MANUSIA", "BPSDM", kindBadan, 120,
		"SEKRETARIAT|BIDANG PENGEMBANGAN KOMPETENSI MANAJERIAL|BIDANG PENGEMBANGAN KOMPETENSI TEKNIS|BIDANG SERTIFIKASI KOMPETENSI",
		"Widyaiswara~M.Pd.|Analis Sumber Daya Manusia Aparatur~S.Psi."},
	{"BADAN PENANGGULANGAN BENCANA DAERAH", "BPBD", kindBadan, 110,
		"SEKRETARIAT|BIDANG PENCEGAHAN DAN KESIAPSIAGAAN|BIDANG KEDARURATAN DAN LOGISTIK|BIDANG REHABILITASI DAN REKONSTRUKSI",
		"Analis Bencana~S.T.|Pengendali Dampak Lingkungan~S.Si."},
	{"DINAS TENAGA KERJA", "DISNAKER", kindDinas, 150,
		"SEKRETARIAT|BIDANG PELATIHAN DAN PRODUKTIVITAS|BIDANG PENEMPATAN TENAGA KERJA|BIDANG HUBUNGAN INDUSTRIAL|UPTD BALAI LATIHAN KERJA",
		"Pengawas Ketenagakerjaan~S.H.|Mediator Hubungan Industrial~S.H.|Instruktur~S.T."},
	{"DINAS PERUMAHAN, KAWASAN PERMUKIMAN DAN CIPTA KARYA", "DISPERKIMCIPTA", kindDinas, 140,
		"SEKRETARIAT|BIDANG PERUMAHAN|BIDANG KAWASAN PERMUKIMAN|BIDANG CIPTA KARYA",
		"Teknik Tata Bangunan dan Perumahan~S.T.|Penata Ruang~S.T."},
	{"DINAS LINGKUNGAN HIDUP", "DLH", kindDinas, 110,
		"SEKRETARIAT|BIDANG TATA LINGKUNGAN|BIDANG PENGENDALIAN PENCEMARAN|BIDANG PENAATAN HUKUM LINGKUNGAN|UPTD LABORATORIUM LINGKUNGAN",
		"Pengendali Dampak Lingkungan~S.Si.|Pengawas Lingkungan Hidup~S.T."},
	{"DINAS PERINDUSTRIAN DAN PERDAGANGAN", "DISPERINDAG", kindDinas, 130,
		"SEKRETARIAT|BIDANG PERINDUSTRIAN|BIDANG PERDAGANGAN DALAM NEGERI|BIDANG PERDAGANGAN LUAR NEGERI|UPTD BALAI METROLOGI",
		"Penera~A.Md.|Pengawas Perdagangan~S.E.|Penyuluh Perindustrian dan Perdagangan~S.E."},
	{"DINAS KOMUNIKASI, INFORMATIKA DAN STATISTIK", "DISKOMINFOTIK", kindDinas, 120,
		"SEKRETARIAT|BIDANG INFORMASI DAN KOMUNIKASI PUBLIK|BIDANG APLIKASI INFORMATIKA|BIDANG STATISTIK DAN PERSANDIAN",
		"Pranata Komputer~S.Kom.|Pranata Hubungan Masyarakat~S.I.Kom.|Statistisi~S.Si.|Sandiman~S.Kom."},
	{"DINAS PERPUSTAKAAN DAN KEARSIPAN", "DISPUSIP", kindDinas, 110,
		"SEKRETARIAT|BIDANG PENGEMBANGAN PERPUSTAKAAN|BIDANG LAYANAN PERPUSTAKAAN|BIDANG KEARSIPAN",
		"Pustakawan~S.IP.|Arsiparis~S.IP."},
	{"DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK", "DPPPA", kindDinas, 90,
		"SEKRETARIAT|BIDANG KESETARAAN GENDER|BIDANG PERLINDUNGAN PEREMPUAN|BIDANG PEMENUHAN HAK ANAK|UPTD PERLINDUNGAN PEREMPUAN DAN ANAK",
		"Analis Kebijakan~S.Sos.|Psikolog Klinis~M.Psi., Psikolog"},
	{"DINAS PEMBERDAYAAN MASYARAKAT, DESA DAN TRANSMIGRASI", "DPMDT", kindDinas, 100,
		"SEKRETARIAT|BIDANG PEMERINTAHAN DESA|BIDANG PEMBERDAYAAN MASYARAKAT|BIDANG TRANSMIGRASI",
		"Penggerak Swadaya Masyarakat~S.Sos.|Analis Kebijakan~S.IP."},
	{"DINAS KOPERASI, USAHA KECIL DAN MENENGAH", "DISKOPUKM", kindDinas, 90,
		"SEKRETARIAT|BIDANG KELEMBAGAAN KOPERASI|BIDANG PENGAWASAN KOPERASI|BIDANG USAHA KECIL DAN MENENGAH",
		"Pengawas Koperasi~S.E.|Penyuluh Koperasi~S.E."},
	{"DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU", "DPMPTSP", kindDinas, 90,
		"SEKRETARIAT|BIDANG PROMOSI PENANAMAN MODAL|BIDANG PELAYANAN PERIZINAN|BIDANG PENGENDALIAN PENANAMAN MODAL",
		"Analis Kebijakan~S.E.|Penata Perizinan~S.H."},
	{"DINAS KEPEMUDAAN DAN OLAHRAGA", "DISPORA", kindDinas, 90,
		"SEKRETARIAT|BIDANG KEPEMUDAAN|BIDANG PEMBUDAYAAN OLAHRAGA|BIDANG PEMBINAAN PRESTASI OLAHRAGA",
		"Analis Kepemudaan~S.Pd.|Pelatih Olahraga~S.Or."},
	{"DINAS PARIWISATA DAN EKONOMI KREATIF", "DISPAREKRAF", kindDinas, 90,
		"SEKRETARIAT|BIDANG DESTINASI PARIWISATA|BIDANG PEMASARAN PARIWISATA|BIDANG EKONOMI KREATIF",
		"Adyatama Kepariwisataan dan Ekonomi Kreatif~S.Par.|Pamong Budaya~S.S."},
	{"DINAS ENERGI DAN SUMBER DAYA MINERAL", "DINAS ESDM", kindDinas, 110,
		"SEKRETARIAT|BIDANG ENERGI DAN KETENAGALISTRIKAN|BIDANG MINERAL DAN BATUBARA|BIDANG AIR TANAH DAN GEOLOGI",
		"Inspektur Tambang~S.T.|Inspektur Ketenagalistrikan~S.T.|Penyelidik Bumi~S.T."},
	{"BADAN KESATUAN BANGSA DAN POLITIK", "KESBANGPOL", kindBadan, 70,
		"SEKRETARIAT|BIDANG IDEOLOGI DAN WAWASAN KEBANGSAAN|BIDANG POLITIK DALAM NEGERI|BIDANG KEWASPADAAN NASIONAL",
		"Analis Kebijakan~S.IP."},
	{"BADAN PENGHUBUNG", "BADAN PENGHUBUNG", kindBadan, 35,
		"SEKRETARIAT|BIDANG FASILITASI DAN PROMOSI",
		"Pranata Hubungan Masyarakat~S.I.Kom."},
	{"BIRO PEMERINTAHAN DAN OTONOMI DAERAH", "BIRO PEM OTDA", kindBiro, 55,
		"BAGIAN PEMERINTAHAN|BAGIAN OTONOMI DAERAH|BAGIAN KERJA SAMA",
		"Analis Kebijakan~S.IP."},
	{"BIRO HUKUM", "BIRO HUKUM", kindBiro, 50,
		"BAGIAN PERUNDANG-UNDANGAN|BAGIAN BANTUAN HUKUM|BAGIAN DOKUMENTASI DAN INFORMASI HUKUM",
		"Perancang Peraturan Perundang-undangan~S.H.|Analis Hukum~S.H."},
	{"BIRO KESEJAHTERAAN RAKYAT", "BIRO KESRA", kindBiro, 45,
		"BAGIAN BINA MENTAL SPIRITUAL|BAGIAN KESEJAHTERAAN SOSIAL|BAGIAN PENDIDIKAN DAN KESEHATAN",
		"Analis Kebijakan~S.Sos."},
	{"BIRO PEREKONOMIAN", "BIRO EKONOMI", kindBiro, 45,
		"BAGIAN PEREKONOMIAN|BAGIAN SUMBER DAYA ALAM|BAGIAN BUMD DAN BLUD",
		"Analis Kebijakan~S.E."},
	{"BIRO ADMINISTRASI PEMBANGUNAN", "BIRO ADPEM", kindBiro, 40,
		"BAGIAN PENYUSUNAN PROGRAM|BAGIAN PENGENDALIAN PROGRAM|BAGIAN EVALUASI DAN PELAPORAN",
		"Perencana~S.E."},
	{"BIRO PENGADAAN BARANG DAN JASA", "BIRO PBJ", kindBiro, 45,
		"BAGIAN PENGELOLAAN PENGADAAN|BAGIAN LAYANAN PENGADAAN SECARA ELEKTRONIK|BAGIAN PEMBINAAN DAN ADVOKASI",
		"Pengelola Pengadaan Barang/Jasa~S.T.|Pengelola Pengadaan Barang/Jasa~S.E."},
	{"BIRO ORGANISASI", "BIRO ORGANISASI", kindBiro, 40,
		"BAGIAN KELEMBAGAAN DAN ANALISIS JABATAN|BAGIAN REFORMASI BIROKRASI|BAGIAN TATA LAKSANA",
		"Analis Kebijakan~S.IP.|Analis Sumber Daya Manusia Aparatur~S.Psi."},
	{"BIRO UMUM", "BIRO UMUM", kindBiro, 80,
		"BAGIAN TATA USAHA|BAGIAN RUMAH TANGGA|BAGIAN KEUANGAN",
		"Arsiparis~A.Md.|Pranata Keuangan APBN~S.E."},
	{"BIRO ADMINISTRASI PIMPINAN", "BIRO ADPIM", kindBiro, 60,
		"BAGIAN PROTOKOL|BAGIAN KOMUNIKASI PIMPINAN|BAGIAN MATERI DAN KOMUNIKASI",
		"Pranata Hubungan Masyarakat~S.I.Kom.|Pranata Komputer~S.Kom."},
}

// The agencies that carry the stories a dashboard must show (see doc.go).
const (
	storyInflated = "DISHUB"      // almost everyone Sangat Baik; organisation only Baik
	storySlide    = "DISHUT"      // evaluation coverage slides over the last months
	storyLate1    = "RSUDAM"      // evaluations rated late
	storyLate2    = "DBMBK"       // evaluations rated late
	storyMissing  = "DKP"         // the latest month never sent
	storyKoreksi  = "BKD"         // a corrected file for one month
	storyCP1252   = "BIRO HUKUM"  // a CSV saved in Windows-1252
	storyPlt1     = "DINSOS"      // head retires, Sekretaris acts (Plt), a new head arrives
	storyPlt2     = "DISPAREKRAF" // same
	storyPlh1     = "BPBD"        // head away, Sekretaris acts for a while (Plh)
	storyPlh2     = "DLH"         // same
	storyBP       = "DISNAKKESWAN"
)

// istimewa are agencies rated Istimewa as organisations every year.
var istimewa = map[string]bool{"BAPPEDA": true, "BPKAD": true, "INSPEKTORAT": true}

// lowTraining are agencies where fewer employees reach 20 JP a year.
var lowTraining = map[string]bool{"SATPOL PP": true, "DISPERKIMCIPTA": true, "DISNAKKESWAN": true, "RSJD": true}

// Lampung towns that name schools (SMA/SMK/SLB NEGERI n TOWN).
var towns = []string{
	"BANDAR LAMPUNG", "METRO", "KALIANDA", "NATAR", "GUNUNG SUGIH", "TERBANGGI BESAR", "KOTABUMI",
	"LIWA", "SUKADANA", "WAY JEPARA", "MENGGALA", "PANARAGAN", "KOTA AGUNG", "TALANG PADANG",
	"BLAMBANGAN UMPU", "GEDONG TATAAN", "PRINGSEWU", "GADINGREJO", "MESUJI", "KRUI", "SIDOMULYO",
	"KOTA GAJAH", "SEPUTIH BANYAK", "BUKIT KEMUNING",
}

// cabangDinas are the regional branches of the education office.
var cabangDinas = []string{
	"CABANG DINAS PENDIDIKAN WILAYAH I", "CABANG DINAS PENDIDIKAN WILAYAH II",
	"CABANG DINAS PENDIDIKAN WILAYAH III", "CABANG DINAS PENDIDIKAN WILAYAH IV",
	"CABANG DINAS PENDIDIKAN WILAYAH V", "CABANG DINAS PENDIDIKAN WILAYAH VI",
}

// Names. First names by sex, family names shared or by sex, and Javanese
// single names.
var (
	namaDepanL = []string{
		"Agus", "Ahmad", "Andi", "Anton", "Arif", "Bambang", "Budi", "Darmawan", "Dedi", "Dimas", "Edi",
		"Eko", "Fajar", "Febri", "Firman", "Gilang", "Hadi", "Hafiz", "Hendra", "Herman", "Heri", "Ilham",
		"Imam", "Indra", "Irfan", "Iwan", "Joko", "Mahendra", "Muhammad", "M. Rizki", "Nanang", "Novri",
		"Rahmat", "Reza", "Ridwan", "Riswan", "Rizal", "Rudi", "Sigit", "Slamet", "Sugeng", "Syahrial",
		"Taufik", "Teguh", "Wahyu", "Yudi", "Yusuf", "Zainal", "Zulkifli", "Ansori", "Aditya", "Bayu",
	}
	namaDepanP = []string{
		"Ani", "Anisa", "Ayu", "Desi", "Dewi", "Dian", "Dwi", "Eka", "Endang", "Erna", "Evi", "Fitri",
		"Herlina", "Indah", "Intan", "Kartika", "Lina", "Maya", "Mega", "Melati", "Nia", "Novi", "Nur",
		"Nurul", "Oktaviani", "Putri", "Ratna", "Rika", "Rina", "Rini", "Sari", "Siti", "Sri", "Tri",
		"Umi", "Vera", "Wati", "Wulan", "Yanti", "Yuli", "Yuni", "Zahra", "Ria", "Lilis", "Elly",
	}
	namaTengahL  = []string{"Nur", "Dwi", "Tri", "Eka", "Adi", "Putra", "Budi", "Hadi"}
	namaTengahP  = []string{"Nur", "Dwi", "Tri", "Eka", "Ayu", "Sri", "Tia", "Putri"}
	namaBelakang = []string{
		"Saputra", "Pratama", "Wijaya", "Kurniawan", "Hidayat", "Setiawan", "Gunawan", "Santoso",
		"Nugroho", "Firmansyah", "Ramadhan", "Syahputra", "Hakim", "Permana", "Susanto", "Prasetyo",
		"Hermawan", "Maulana", "Rahman", "Effendi", "Hasanuddin", "Iskandar", "Zulkarnain", "Syamsudin",
		"Aliansyah", "Herwansyah", "Fauzi", "Mustofa", "Sudrajat", "Siregar", "Harahap", "Nasution",
		"Lubis", "Simanjuntak", "Alamsyah", "Fahrurrozi", "Marzuki", "Rasyid",
	}
	namaBelakangP = []string{
		"Lestari", "Sari", "Handayani", "Wulandari", "Rahmawati", "Puspitasari", "Anggraini", "Safitri",
		"Susanti", "Kusumawati", "Oktaviani", "Pertiwi", "Wahyuni", "Yuliana", "Novitasari", "Andriani",
		"Maharani", "Purnamasari", "Rahayu", "Suryani", "Fitriani", "Marlina",
	}
	namaTunggalL = []string{"Sutrisno", "Suparman", "Paryono", "Mulyadi", "Suwarno", "Tukiman", "Sarjono", "Mujiono"}
	namaTunggalP = []string{"Sumarni", "Sugiarti", "Marsini", "Sukinah", "Suyatmi", "Parinem"}
)

// Positions. pelaksana are the administrative positions every agency has
// (the 2024 simplified nomenclature); each entry is "Jabatan~degree".
var pelaksana = []string{
	"Pengadministrasi Perkantoran~", "Pengadministrasi Perkantoran~", "Operator Layanan Operasional~",
	"Pengelola Layanan Operasional~A.Md.", "Penata Layanan Operasional~S.E.", "Penata Layanan Operasional~S.Sos.",
	"Penata Layanan Operasional~S.Kom.", "Pengelola Layanan Operasional~S.H.", "Penata Layanan Operasional~S.AP.",
	"Pengelola Keuangan~S.E.", "Pengemudi~",
}

// fungsionalUmum are functional positions found in any agency.
var fungsionalUmum = []string{
	"Analis Kebijakan~S.IP.", "Perencana~S.E.", "Arsiparis~A.Md.", "Analis Sumber Daya Manusia Aparatur~S.Psi.",
	"Pranata Komputer~S.Kom.", "Analis Keuangan Pusat dan Daerah~S.E.",
}

// fungsionalRS are the clinical positions of the hospitals.
var fungsionalRS = []string{
	"Perawat~S.Kep., Ns.", "Perawat~S.Kep., Ns.", "Perawat~A.Md.Kep.", "Perawat~A.Md.Kep.", "Perawat~A.Md.Kep.",
	"Bidan~A.Md.Keb.", "Bidan~S.Tr.Keb.", "Dokter~dr.", "Dokter~dr.", "Dokter Spesialis~Sp.PD",
	"Dokter Spesialis~Sp.A", "Dokter Spesialis~Sp.OG", "Dokter Spesialis~Sp.B", "Dokter Spesialis~Sp.An",
	"Dokter Spesialis~Sp.JP", "Apoteker~S.Farm., Apt.", "Asisten Apoteker~A.Md.Farm.",
	"Pranata Laboratorium Kesehatan~A.Md.A.K.", "Radiografer~A.Md.Rad.", "Perekam Medis~A.Md.Kes.",
	"Nutrisionis~S.Gz.", "Fisioterapis~A.Md.Ftr.", "Administrator Kesehatan~S.K.M.",
}

// Trainings (pengembangan kompetensi). audience: "" everyone, "guru",
// "kesehatan", "struktural".
type pelatihanSpec struct {
	nama          string
	klasikal      bool
	penyelenggara string
	jpMin, jpMax  int
	audience      string
}

var pelatihanSpecs = []pelatihanSpec{
	{"Manajemen Waktu dan Produktivitas Kerja", false, "LAN RI (ASN Unggul)", 2, 8, ""},
	{"Komunikasi Efektif di Lingkungan Kerja", true, "BPSDM Provinsi Lampung", 16, 24, ""},
	{"Pelayanan Publik Prima", true, "BPSDM Provinsi Lampung", 8, 16, ""},
	{"Penyusunan SKP dan Manajemen Kinerja ASN", false, "Badan Kepegawaian Daerah Provinsi Lampung", 4, 8, ""},
	{"Literasi Digital bagi ASN", false, "Kementerian Komunikasi dan Digital", 4, 10, ""},
	{"Webinar Penguatan Budaya Kerja BerAKHLAK", false, "BKN", 2, 3, ""},
	{"E-Learning Pendidikan Antikorupsi", false, "KPK (ACLC)", 4, 8, ""},
	{"Pengelolaan Keuangan Daerah dan SIPD", true, "Kementerian Dalam Negeri", 16, 32, ""},
	{"Pengadaan Barang/Jasa Pemerintah Tingkat Dasar", true, "LKPP", 24, 32, ""},
	{"Pengelolaan Arsip Dinamis", false, "ANRI", 8, 16, ""},
	{"Coaching dan Mentoring", false, "internal OPD", 2, 4, ""},
	{"Keselamatan dan Kesehatan Kerja", true, "BPSDM Provinsi Lampung", 8, 16, ""},
	{"Pelatihan Kepemimpinan Pengawas", true, "BPSDM Provinsi Lampung", 36, 40, "struktural"},
	{"Pelatihan Kepemimpinan Administrator", true, "LAN RI", 36, 40, "struktural"},
	{"Implementasi Kurikulum Merdeka", false, "Kemendikdasmen (Platform Merdeka Mengajar)", 8, 32, "guru"},
	{"Pembelajaran Berdiferensiasi", false, "Kemendikdasmen (Platform Merdeka Mengajar)", 4, 16, "guru"},
	{"Asesmen Pembelajaran", false, "Kemendikdasmen (Platform Merdeka Mengajar)", 4, 8, "guru"},
	{"Penguatan Literasi dan Numerasi", true, "Balai Guru Penggerak Provinsi Lampung", 16, 32, "guru"},
	{"Basic Trauma Cardiac Life Support (BTCLS)", true, "Kementerian Kesehatan", 32, 40, "kesehatan"},
	{"Pencegahan dan Pengendalian Infeksi Dasar", true, "Bapelkes Provinsi Lampung", 16, 24, "kesehatan"},
	{"Pelayanan Prima di Rumah Sakit", false, "Kementerian Kesehatan (Plataran Sehat)", 4, 12, "kesehatan"},
}

// latsar is the basic training every new CPNS takes in the first year.
var latsar = pelatihanSpec{"Pelatihan Dasar CPNS", true, "BPSDM Provinsi Lampung", 96, 120, ""}

// Indicator kinds: how the monthly realisasi behaves.
type ikuKind int

const (
	ikuLevel      ikuKind = iota // a rate reported each month around the year's value
	ikuCumulative                // accumulates through the year towards the year's value
	ikuText                      // an annual text result (opini BPK)
)

// ikuSpec is one Indikator Kinerja Utama.
type ikuSpec struct {
	nama      string
	satuan    string
	minimal   bool
	target    float64 // annual target in the first year
	targetAts float64 // upper bound of a range target, 0 when none
	step      float64 // target change per year
	kind      ikuKind
}

// ikuSpecs are the sector indicators by agency; every agency also gets
// some of ikuUmum.
var ikuSpecs = map[string][]ikuSpec{
	"DISDIKBUD": {
		{"Angka Kelulusan SMA/SMK", "%", false, 98.5, 0, 0.2, ikuLevel},
		{"Angka Partisipasi Kasar (APK) SMA/SMK", "%", false, 89.5, 0, 0.8, ikuLevel},
		{"Angka Partisipasi Murni (APM) SMA/SMK", "%", false, 68.2, 0, 0.7, ikuLevel},
		{"Rata-rata Lama Sekolah", "tahun", false, 8.6, 0, 0.1, ikuLevel},
		{"Persentase Cagar Budaya yang Dilestarikan", "%", false, 40, 0, 5, ikuCumulative},
	},
	"DINKES": {
		{"Cakupan Imunisasi Dasar Lengkap", "%", false, 95, 0, 0, ikuCumulative},
		{"Angka Kematian Ibu", "per 100.000 KH", true, 92, 0, -3, ikuLevel},
		{"Angka Kematian Bayi", "per 1.000 KH", true, 16, 0, -0.5, ikuLevel},
		{"Prevalensi Stunting", "%", true, 14, 0, -1, ikuLevel},
		{"Persentase Puskesmas Terakreditasi Paripurna", "%", false, 40, 0, 10, ikuCumulative},
	},
	"RSUDAM": {
		{"Bed Occupancy Rate (BOR)", "%", false, 60, 85, 0, ikuLevel},
		{"Indeks Kepuasan Masyarakat", "nilai", false, 82, 0, 1, ikuLevel},
		{"Net Death Rate (NDR)", "permil", true, 25, 0, -1, ikuLevel},
		{"Persentase Pemenuhan Standar Pelayanan Minimal", "%", false, 100, 0, 0, ikuLevel},
	},
	"RSJD": {
		{"Bed Occupancy Rate (BOR)", "%", false, 60, 85, 0, ikuLevel},
		{"Average Length of Stay (ALOS)", "hari", false, 6, 9, 0, ikuLevel},
		{"Indeks Kepuasan Masyarakat", "nilai", false, 80, 0, 1, ikuLevel},
	},
	"RSUD BNH": {
		{"Bed Occupancy Rate (BOR)", "%", false, 60, 85, 0, ikuLevel},
		{"Indeks Kepuasan Masyarakat", "nilai", false, 80, 0, 1, ikuLevel},
	},
	"BPKAD": {
		{"Opini BPK atas Laporan Keuangan Pemerintah Daerah", "opini", false, 0, 0, 0, ikuText},
		{"Persentase Realisasi Belanja Daerah", "%", false, 95, 0, 0, ikuCumulative},
		{"Persentase Aset Tetap yang Bersertifikat", "%", false, 72, 0, 4, ikuCumulative},
	},
	"BAPENDA": {
		{"Realisasi Pendapatan Asli Daerah", "miliar rupiah", false, 3850, 0, 210, ikuCumulative},
		{"Persentase Realisasi Pajak Kendaraan Bermotor", "%", false, 100, 0, 0, ikuCumulative},
	},
	"BAPPEDA": {
		{"Pertumbuhan Ekonomi", "%", false, 5.1, 0, 0.1, ikuLevel},
		{"Persentase Penduduk Miskin", "%", true, 10.6, 0, -0.4, ikuLevel},
		{"Indeks Pembangunan Manusia", "nilai", false, 72.8, 0, 0.6, ikuLevel},
	},
	"INSPEKTORAT": {
		{"Persentase Tindak Lanjut Hasil Pemeriksaan", "%", false, 90, 0, 1, ikuCumulative},
		{"Persentase Temuan Audit Berulang", "%", true, 10, 0, -1, ikuLevel},
		{"Jumlah Kerugian Daerah yang Belum Ditindaklanjuti", "kasus", true, 0, 0, 0, ikuLevel},
		{"Nilai Maturitas SPIP", "level", false, 3.5, 0, 0, ikuLevel},
	},
	"BKD": {
		{"Nilai Indeks Sistem Merit", "nilai", false, 340, 0, 10, ikuLevel},
		{"Persentase ASN yang Dinilai Kinerjanya Tepat Waktu", "%", false, 95, 0, 0, ikuLevel},
		{"Indeks Profesionalitas ASN", "nilai", false, 72, 0, 2, ikuLevel},
	},
	"BPSDM": {
		{"Persentase ASN yang Memenuhi 20 JP Pengembangan Kompetensi", "%", false, 80, 0, 5, ikuCumulative},
		{"Indeks Kepuasan Peserta Pelatihan", "nilai", false, 85, 0, 0.5, ikuLevel},
	},
	"DISHUB": {
		{"Indeks Kepuasan Pengguna Angkutan Umum", "nilai", false, 80, 0, 1, ikuLevel},
		{"Persentase Kendaraan Lulus Uji Berkala", "%", false, 90, 0, 1, ikuLevel},
	},
	"DBMBK": {
		{"Persentase Jalan Provinsi dalam Kondisi Mantap", "%", false, 78, 0, 2, ikuLevel},
		{"Persentase Realisasi Fisik Pekerjaan Jalan", "%", false, 100, 0, 0, ikuCumulative},
	},
	"DINAS PSDA": {
		{"Persentase Jaringan Irigasi Kewenangan Provinsi dalam Kondisi Baik", "%", false, 70, 0, 2, ikuLevel},
	},
	"DISHUT": {
		{"Luas Rehabilitasi Hutan dan Lahan", "ha", false, 2500, 0, 250, ikuCumulative},
		{"Jumlah Titik Panas (Hotspot)", "titik", true, 180, 0, -10, ikuLevel},
	},
	"SATPOL PP": {
		{"Persentase Penegakan Peraturan Daerah", "%", false, 85, 0, 2, ikuLevel},
		{"Jumlah Pelanggaran Perda yang Tidak Ditindaklanjuti", "kasus", true, 0, 0, 0, ikuLevel},
	},
	"DINSOS": {
		{"Persentase PPKS yang Tertangani", "%", false, 80, 0, 2, ikuCumulative},
		{"Persentase Penyaluran Bantuan Sosial Tepat Sasaran", "%", false, 95, 0, 0, ikuLevel},
	},
	"DKPTPH": {
		{"Produksi Padi", "ribu ton", false, 2800, 0, 50, ikuCumulative},
		{"Skor Pola Pangan Harapan", "nilai", false, 90, 0, 0.5, ikuLevel},
	},
	"DISBUN": {
		{"Produktivitas Kopi Robusta", "kg/ha", false, 1150, 0, 20, ikuLevel},
	},
	"DISNAKKESWAN": {
		{"Persentase Kasus Penyakit Hewan Menular yang Tertangani", "%", false, 90, 0, 1, ikuLevel},
	},
	"DKP": {
		{"Produksi Perikanan Tangkap", "ribu ton", false, 190, 0, 5, ikuCumulative},
		{"Nilai Tukar Nelayan", "nilai", false, 105, 0, 0.5, ikuLevel},
	},
	"DISNAKER": {
		{"Tingkat Pengangguran Terbuka", "%", true, 4.2, 0, -0.1, ikuLevel},
	},
	"DLH": {
		{"Indeks Kualitas Lingkungan Hidup", "nilai", false, 70, 0, 0.5, ikuLevel},
		{"Indeks Kualitas Air", "nilai", false, 53, 0, 0.5, ikuLevel},
	},
	"DISKOMINFOTIK": {
		{"Indeks SPBE", "indeks", false, 3.2, 0, 0.2, ikuLevel},
	},
	"DISPAREKRAF": {
		{"Jumlah Kunjungan Wisatawan Nusantara", "orang", false, 14500000, 0, 500000, ikuCumulative},
	},
	"DPMPTSP": {
		{"Realisasi Investasi", "triliun rupiah", false, 16, 0, 1, ikuCumulative},
		{"Persentase Perizinan Selesai Tepat Waktu", "%", false, 98, 0, 0, ikuLevel},
	},
}

// ikuUmum are indicators any agency may report.
var ikuUmum = []ikuSpec{
	{"Indeks Kepuasan Masyarakat", "nilai", false, 82, 0, 0.5, ikuLevel},
	{"Nilai SAKIP Perangkat Daerah", "nilai", false, 70, 0, 1, ikuLevel},
	{"Persentase Realisasi Anggaran", "%", false, 95, 0, 0, ikuCumulative},
	{"Persentase Penyelesaian Tindak Lanjut Temuan BPK", "%", false, 90, 0, 0, ikuCumulative},
	{"Indeks Reformasi Birokrasi Perangkat Daerah", "nilai", false, 75, 0, 1, ikuLevel},
}
