-- name: ingest/skp_periksa
-- description: types and validates the staged rows of an skp (roster) file.
CREATE OR REPLACE TEMP TABLE stg_periksa AS
WITH t AS (
    SELECT
        _urut, _lembar, _baris,
        nip_bersih(nip) AS nip_n,
        nip_salah(nip) AS nip_masalah,
        sel(jenis_pegawai) AS jenis_pegawai_n,
        kunci_opd(skp_unor_induk) AS opd_key,
        sel(skp_unor_induk) AS opd_nama,
        sel(skp_jenis_jabatan) AS jenis_jabatan,
        sel(golru) AS golru_n,
        tanggal(periode_awal) AS awal_n,
        tanggal(periode_akhir) AS akhir_n,
        lower(sel(skp_status)) AS status_n,
        bendera(is_plt_plh) AS plt_n,
        periode_awal AS awal_asli, periode_akhir AS akhir_asli, is_plt_plh AS plt_asli
    FROM stg
)
SELECT
    *,
    opd_key AS _opd_key,
    year(awal_n)::VARCHAR AS _periode,
    list_filter([
        masalah(nip_masalah IS NOT NULL, 'nip', nip_masalah),
        masalah(opd_key IS NULL, 'skp_unor_induk', 'nama OPD kosong: isi nama OPD (unit organisasi induk)'),
        masalah(opd_nama_salah(opd_nama) IS NOT NULL, 'skp_unor_induk', opd_nama_salah(opd_nama)),
        masalah(awal_n IS NULL, 'periode_awal',
            'tanggal "' || coalesce(awal_asli, '') || '" tidak dapat dibaca: gunakan YYYY-MM-DD atau DD/MM/YYYY'),
        masalah(akhir_n IS NULL, 'periode_akhir',
            'tanggal "' || coalesce(akhir_asli, '') || '" tidak dapat dibaca: gunakan YYYY-MM-DD atau DD/MM/YYYY'),
        masalah(awal_n > akhir_n, 'periode_akhir', 'periode_akhir sebelum periode_awal: periksa kedua tanggal'),
        masalah(status_n IS NULL, 'skp_status', 'status SKP kosong: isi status dari e-Kinerja, misalnya Persetujuan'),
        masalah(plt_n = 'salah', 'is_plt_plh', 'nilai "' || plt_asli || '" tidak dikenal: isi 1 untuk Plt/Plh, 0 untuk definitif')
    ], x -> x IS NOT NULL) AS galat,
    []::STRUCT(jenis VARCHAR, kolom VARCHAR, pesan VARCHAR)[] AS temuan
FROM t;
