-- name: ingest/pelatihan_periksa
-- description: types and validates the staged rows of a pelatihan (training) file.
CREATE OR REPLACE TEMP TABLE stg_periksa AS
WITH t AS (
    SELECT
        _urut, _lembar, _baris,
        nip_bersih(nip) AS nip_n,
        nip_salah(nip) AS nip_masalah,
        sel(nama_pelatihan) AS nama_pelatihan_n,
        lower(sel(jenis_pengembangan)) AS jenis_n,
        sel(penyelenggara) AS penyelenggara_n,
        tanggal(tanggal_mulai) AS mulai_n,
        tanggal(tanggal_selesai) AS selesai_n,
        angka(jp) AS jp_n,
        tanggal_mulai AS mulai_asli, tanggal_selesai AS selesai_asli, jp AS jp_asli
    FROM stg
)
SELECT
    *,
    NULL::VARCHAR AS _opd_key,
    year(selesai_n)::VARCHAR AS _periode,
    list_filter([
        masalah(nip_masalah IS NOT NULL, 'nip', nip_masalah),
        masalah(nama_pelatihan_n IS NULL, 'nama_pelatihan', 'nama pelatihan kosong: isi nama pelatihan'),
        masalah(sel(mulai_asli) IS NOT NULL AND mulai_n IS NULL, 'tanggal_mulai',
            'tanggal "' || mulai_asli || '" tidak dapat dibaca: gunakan YYYY-MM-DD atau DD/MM/YYYY'),
        masalah(selesai_n IS NULL, 'tanggal_selesai',
            'tanggal "' || coalesce(selesai_asli, '') || '" tidak dapat dibaca: gunakan YYYY-MM-DD atau DD/MM/YYYY'),
        masalah(jp_n IS NULL, 'jp', 'JP "' || coalesce(jp_asli, '') || '" bukan angka: isi jumlah jam pelajaran, misalnya 24'),
        masalah(jp_n <= 0, 'jp', 'JP ' || jp_asli || ' tidak positif: jam pelajaran harus lebih dari 0'),
        masalah(mulai_n > selesai_n, 'tanggal_selesai', 'tanggal_selesai sebelum tanggal_mulai: periksa kedua tanggal')
    ], x -> x IS NOT NULL) AS galat,
    list_filter([
        catat(jenis_n IS NOT NULL AND jenis_n NOT IN ('klasikal', 'nonklasikal', 'non klasikal', 'non-klasikal'),
            'jenis_tak_dikenal', 'jenis_pengembangan', 'jenis pengembangan "' || jenis_n || '" bukan klasikal atau nonklasikal')
    ], x -> x IS NOT NULL) AS temuan
FROM t;
