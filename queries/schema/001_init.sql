-- name: schema/001_init
-- description: the stored datasets, the lineage of every file and the data-quality findings.
-- Personal data is kept to what the KPIs need (UU 27/2022): no names, and NIPs
-- only as a keyed HMAC-SHA256 (nip_hash) whose key never enters the database.

CREATE SEQUENCE berkas_seq START 1;

-- Every file ever seen in the inbox, accepted, rejected or a resend.
CREATE TABLE berkas (
    berkas_id      INTEGER PRIMARY KEY DEFAULT nextval('berkas_seq'),
    nama           VARCHAR NOT NULL,   -- file name as sent
    sha256         VARCHAR NOT NULL,
    ukuran         BIGINT NOT NULL,    -- bytes
    dataset        VARCHAR,            -- penilaian, skp, iku, pelatihan, opd; NULL when not recognised
    format         VARCHAR NOT NULL,   -- csv, xlsx, json, parquet
    status         VARCHAR NOT NULL,   -- diterima, ditolak, duplikat
    duplikat_dari  INTEGER,            -- for a resend: the accepted file with the same content
    opd            VARCHAR[],          -- OPD keys covered
    periode        VARCHAR[],          -- periods covered (YYYY-MM, or YYYY for annual rows)
    baris_dibaca   INTEGER NOT NULL DEFAULT 0,  -- data rows read (empty rows not counted)
    baris_dimuat   INTEGER NOT NULL DEFAULT 0,  -- rows stored
    jumlah_galat   INTEGER NOT NULL DEFAULT 0,  -- problems that rejected the file
    jumlah_temuan  INTEGER NOT NULL DEFAULT 0,  -- warnings stored as findings
    pesan          VARCHAR,            -- first problem, for status listings
    diproses_pada  TIMESTAMP NOT NULL
);

-- Employee evaluations (e-Kinerja "Laporan Penilaian SKP").
CREATE TABLE penilaian (
    berkas_id       INTEGER NOT NULL,
    lembar          VARCHAR NOT NULL,  -- sheet of an XLSX file, '' otherwise
    baris           INTEGER NOT NULL,  -- spreadsheet row number of the row in its file
    nip_hash        VARCHAR NOT NULL,
    jenis_kelamin   VARCHAR,           -- 'L' or 'P', derived from a PNS NIP
    tahun_lahir     SMALLINT,          -- derived from a PNS NIP
    jenis_pegawai   VARCHAR,
    opd_key         VARCHAR NOT NULL,
    opd_nama        VARCHAR NOT NULL,
    jenis_jabatan   VARCHAR,
    golru           VARCHAR,
    tahun           SMALLINT NOT NULL,
    bulan           TINYINT,           -- NULL for annual rows
    tahunan         BOOLEAN NOT NULL,
    hasil_kerja     VARCHAR,           -- di_atas, sesuai, di_bawah; NULL not rated yet
    perilaku_kerja  VARCHAR,
    predikat        VARCHAR,           -- sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang; NULL not rated yet
    plt             BOOLEAN NOT NULL,  -- acting position: stored, never counted
    waktu_dinilai   TIMESTAMP          -- WIB wall-clock time
);

-- The SKP roster: who is in which OPD when.
CREATE TABLE skp (
    berkas_id      INTEGER NOT NULL,
    lembar         VARCHAR NOT NULL,
    baris          INTEGER NOT NULL,
    nip_hash       VARCHAR NOT NULL,
    jenis_kelamin  VARCHAR,
    tahun_lahir    SMALLINT,
    jenis_pegawai  VARCHAR,
    opd_key        VARCHAR NOT NULL,
    opd_nama       VARCHAR NOT NULL,
    jenis_jabatan  VARCHAR,
    golru          VARCHAR,
    periode_awal   DATE NOT NULL,
    periode_akhir  DATE NOT NULL,
    skp_status     VARCHAR NOT NULL,   -- lower case
    plt            BOOLEAN NOT NULL
);

-- Key performance indicators of each OPD.
CREATE TABLE iku (
    berkas_id       INTEGER NOT NULL,
    lembar          VARCHAR NOT NULL,
    baris           INTEGER NOT NULL,
    tahun           SMALLINT NOT NULL,
    bulan           TINYINT,           -- NULL: annual
    opd_key         VARCHAR NOT NULL,
    opd_nama        VARCHAR NOT NULL,
    kode_indikator  VARCHAR NOT NULL,
    indikator       VARCHAR NOT NULL,
    satuan          VARCHAR,
    polaritas       VARCHAR NOT NULL,  -- maksimal or minimal
    target          DOUBLE,
    target_atas     DOUBLE,
    realisasi_teks  VARCHAR,           -- as sent, e.g. 'WTP'
    realisasi       DOUBLE,            -- NULL when not a number
    keterangan      VARCHAR
);

-- Competence development (training hours, JP).
CREATE TABLE pelatihan (
    berkas_id           INTEGER NOT NULL,
    lembar              VARCHAR NOT NULL,
    baris               INTEGER NOT NULL,
    nip_hash            VARCHAR NOT NULL,
    nama_pelatihan      VARCHAR NOT NULL,
    jenis_pengembangan  VARCHAR,
    penyelenggara       VARCHAR,
    tanggal_mulai       DATE,
    tanggal_selesai     DATE NOT NULL,
    jp                  DOUBLE NOT NULL
);

-- Reference list of agencies and their organisation rating per year.
CREATE TABLE opd_ref (
    berkas_id            INTEGER NOT NULL,
    lembar               VARCHAR NOT NULL,
    baris                INTEGER NOT NULL,
    opd_key              VARCHAR NOT NULL,
    opd_nama             VARCHAR NOT NULL,
    singkatan            VARCHAR,
    tahun                SMALLINT,
    predikat_organisasi  VARCHAR        -- istimewa, baik, butuh_perbaikan, kurang, sangat_kurang
);

-- Warnings that did not reject a file: kept as data-quality findings.
CREATE TABLE temuan (
    berkas_id  INTEGER NOT NULL,
    lembar     VARCHAR NOT NULL,
    baris      INTEGER,                -- NULL for a finding about the whole file
    kolom      VARCHAR,
    jenis      VARCHAR NOT NULL,       -- kolom_tak_dikenal, predikat_tak_sesuai_matriks, ...
    pesan      VARCHAR NOT NULL
);

-- Problems that rejected a file (also written to <file>.galat.txt). Messages
-- never hold a NIP.
CREATE TABLE galat (
    berkas_id  INTEGER NOT NULL,
    lembar     VARCHAR NOT NULL,
    baris      INTEGER,
    kolom      VARCHAR,
    pesan      VARCHAR NOT NULL
);

-- History of pipeline runs, for `kinerja status` and status.json.
CREATE SEQUENCE jalan_seq START 1;
CREATE TABLE jalan (
    jalan_id        INTEGER PRIMARY KEY DEFAULT nextval('jalan_seq'),
    tugas           VARCHAR NOT NULL,  -- ingest, compute, build, run, report, backup, ...
    mulai           TIMESTAMP NOT NULL,
    selesai         TIMESTAMP,
    hasil           VARCHAR,           -- ok, ditolak_sebagian, gagal
    berkas_diproses INTEGER,
    baris_dimuat    INTEGER,
    galat           VARCHAR
);
