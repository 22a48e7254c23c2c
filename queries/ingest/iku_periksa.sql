-- name: ingest/iku_periksa
-- description: types and validates the staged rows of an iku (key performance indicator) file.
CREATE OR REPLACE TEMP TABLE stg_periksa AS
WITH t AS (
    SELECT
        _urut, _lembar, _baris,
        bulat(tahun) AS tahun_n,
        bulat(bulan) AS bulan_n,
        kunci_opd(opd) AS opd_key,
        sel(opd) AS opd_nama,
        sel(kode_indikator) AS kode_n,
        sel(indikator) AS indikator_n,
        sel(satuan) AS satuan_n,
        polaritas(polaritas) AS polaritas_n,
        angka(target) AS target_n,
        angka(target_atas) AS target_atas_n,
        sel(realisasi) AS realisasi_teks,
        angka(realisasi) AS realisasi_n,
        sel(keterangan) AS keterangan_n,
        tahun AS tahun_asli, bulan AS bulan_asli, polaritas AS polaritas_asli, target AS target_asli,
        target_atas AS target_atas_asli
    FROM stg
)
SELECT
    *,
    opd_key AS _opd_key,
    CASE WHEN bulan_n IS NULL THEN tahun_n::VARCHAR ELSE printf('%04d-%02d', tahun_n, bulan_n) END AS _periode,
    list_filter([
        masalah(tahun_n IS NULL OR tahun_n NOT BETWEEN 2000 AND 2100, 'tahun',
            'tahun "' || coalesce(tahun_asli, '') || '" bukan tahun: isi tahun 4 angka, misalnya 2026'),
        masalah(sel(bulan_asli) IS NOT NULL AND (bulan_n IS NULL OR bulan_n NOT BETWEEN 1 AND 12), 'bulan',
            'bulan "' || bulan_asli || '" di luar 1-12: isi nomor bulan, atau kosongkan untuk capaian tahunan'),
        masalah(opd_key IS NULL, 'opd', 'nama OPD kosong: isi nama OPD'),
        masalah(opd_nama_salah(opd_nama) IS NOT NULL, 'opd', opd_nama_salah(opd_nama)),
        masalah(kode_n IS NULL, 'kode_indikator', 'kode indikator kosong: isi kode indikator IKU'),
        masalah(indikator_n IS NULL, 'indikator', 'nama indikator kosong: isi nama indikator IKU'),
        masalah(polaritas_n IS NULL, 'polaritas',
            'polaritas "' || coalesce(polaritas_asli, '') || '" tidak dikenal: isi maksimal (makin tinggi makin baik) atau minimal (makin rendah makin baik)'),
        masalah(sel(target_asli) IS NOT NULL AND target_n IS NULL, 'target',
            'target "' || target_asli || '" bukan angka: isi angka, misalnya 75,5 atau 75.5'),
        masalah(sel(target_atas_asli) IS NOT NULL AND target_atas_n IS NULL, 'target_atas',
            'target atas "' || target_atas_asli || '" bukan angka: isi angka batas atas rentang target, atau kosongkan'),
        masalah(target_atas_n < target_n, 'target_atas', 'target_atas lebih kecil dari target: rentang target ditulis [target, target_atas]')
    ], x -> x IS NOT NULL) AS galat,
    list_filter([
        catat(target_n = 0, 'target_nol', 'target', 'target 0: capaian tidak dihitung'),
        catat(realisasi_teks IS NOT NULL AND realisasi_n IS NULL, 'realisasi_bukan_angka', 'realisasi',
            'realisasi "' || realisasi_teks || '" bukan angka: disimpan, capaian tidak dihitung')
    ], x -> x IS NOT NULL) AS temuan
FROM t;
