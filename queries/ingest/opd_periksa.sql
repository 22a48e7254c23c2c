-- name: ingest/opd_periksa
-- description: types and validates the staged rows of the opd reference file.
CREATE OR REPLACE TEMP TABLE stg_periksa AS
WITH t AS (
    SELECT
        _urut, _lembar, _baris,
        kunci_opd(opd) AS opd_key,
        sel(opd) AS opd_nama,
        sel(singkatan) AS singkatan_n,
        bulat(tahun) AS tahun_n,
        predikat_organisasi(predikat_organisasi) AS predikat_n,
        tahun AS tahun_asli, predikat_organisasi AS predikat_asli
    FROM stg
)
SELECT
    *,
    opd_key AS _opd_key,
    tahun_n::VARCHAR AS _periode,
    list_filter([
        masalah(opd_key IS NULL, 'opd', 'nama OPD kosong: isi nama OPD'),
        masalah(opd_nama_salah(opd_nama) IS NOT NULL, 'opd', opd_nama_salah(opd_nama)),
        masalah(singkatan_salah(singkatan_n) IS NOT NULL, 'singkatan', singkatan_salah(singkatan_n)),
        masalah(sel(tahun_asli) IS NOT NULL AND (tahun_n IS NULL OR tahun_n NOT BETWEEN 2000 AND 2100), 'tahun',
            'tahun "' || tahun_asli || '" bukan tahun: isi tahun 4 angka'),
        masalah(predikat_n = 'salah', 'predikat_organisasi',
            'predikat organisasi "' || predikat_asli || '" tidak dikenal: gunakan Istimewa, Baik, Butuh Perbaikan, Kurang atau Sangat Kurang'),
        masalah(predikat_n IS NOT NULL AND tahun_n IS NULL, 'tahun', 'predikat organisasi tanpa tahun: isi tahun penilaian organisasi')
    ], x -> x IS NOT NULL) AS galat,
    []::STRUCT(jenis VARCHAR, kolom VARCHAR, pesan VARCHAR)[] AS temuan
FROM t;
