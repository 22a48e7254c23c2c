-- name: kpi/90_terbit
-- model: terbit
-- judul: Data terbitan dengan aturan privasi
-- title: Published data with the privacy rule applied
-- definisi: Tabel yang diterbitkan di situs publik: sebaran predikat per OPD dengan sel kecil disembunyikan (kosong) beserta persentasenya.
-- definition: The tables published on the public site: predikat counts per agency with small cells suppressed (empty) together with their percentages.
-- unit: per kolom, seperti tabel sumbernya
-- higher_is_better: n/a
-- sources: penilaian
-- Built with their final columns (EXCLUDE), never by ALTER TABLE after the
-- fact: DDL of that kind can fail to replay from DuckDB's WAL after a crash
-- (see pipeline/store/open.go).
CREATE OR REPLACE TABLE terbit_kpi_opd_bulanan AS
SELECT * EXCLUDE (m) REPLACE (
        CASE WHEN m[1] THEN NULL ELSE sangat_baik END AS sangat_baik,
        CASE WHEN m[2] THEN NULL ELSE baik END AS baik,
        CASE WHEN m[3] THEN NULL ELSE butuh_perbaikan END AS butuh_perbaikan,
        CASE WHEN m[4] THEN NULL ELSE kurang END AS kurang,
        CASE WHEN m[5] THEN NULL ELSE sangat_kurang END AS sangat_kurang,
        CASE WHEN m[1] THEN NULL ELSE sangat_baik_persen END AS sangat_baik_persen,
        CASE WHEN m[2] THEN NULL ELSE baik_persen END AS baik_persen,
        CASE WHEN m[3] THEN NULL ELSE butuh_perbaikan_persen END AS butuh_perbaikan_persen,
        CASE WHEN m[4] THEN NULL ELSE kurang_persen END AS kurang_persen,
        CASE WHEN m[5] THEN NULL ELSE sangat_kurang_persen END AS sangat_kurang_persen)
FROM (SELECT *, sensor_predikat(sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang) AS m FROM kpi_opd_bulanan);

CREATE OR REPLACE TABLE terbit_kpi_provinsi_bulanan AS
SELECT * EXCLUDE (m) REPLACE (
        CASE WHEN m[1] THEN NULL ELSE sangat_baik END AS sangat_baik,
        CASE WHEN m[2] THEN NULL ELSE baik END AS baik,
        CASE WHEN m[3] THEN NULL ELSE butuh_perbaikan END AS butuh_perbaikan,
        CASE WHEN m[4] THEN NULL ELSE kurang END AS kurang,
        CASE WHEN m[5] THEN NULL ELSE sangat_kurang END AS sangat_kurang,
        CASE WHEN m[1] THEN NULL ELSE sangat_baik_persen END AS sangat_baik_persen,
        CASE WHEN m[2] THEN NULL ELSE baik_persen END AS baik_persen,
        CASE WHEN m[3] THEN NULL ELSE butuh_perbaikan_persen END AS butuh_perbaikan_persen,
        CASE WHEN m[4] THEN NULL ELSE kurang_persen END AS kurang_persen,
        CASE WHEN m[5] THEN NULL ELSE sangat_kurang_persen END AS sangat_kurang_persen)
FROM (SELECT *, sensor_predikat(sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang) AS m FROM kpi_provinsi_bulanan);

-- The reasons are worded again from kurva_aturan: a broken rule whose group
-- holds a suppressed cell is named without its share or count ("Sangat Baik
-- 15,0% melebihi batas 10%" of 20 employees would give away a count of 3).
CREATE OR REPLACE TABLE terbit_kurva_distribusi_tahunan AS
WITH sensor AS (
    SELECT *, sensor_predikat(sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang) AS m
    FROM kurva_distribusi_tahunan
),
aturan AS (
    SELECT a.*, list_bool_or(list_transform(a.kelompok, p -> s.m[list_position(
            ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'], p)])) AS disensor
    FROM kurva_aturan a JOIN sensor s USING (tahun, opd_key)
    WHERE NOT a.patuh
),
alasan AS (
    SELECT tahun, opd_key,
        string_agg(alasan_kurva('id', jenis, kelompok, CASE WHEN NOT disensor THEN persen_kelompok END,
            CASE WHEN NOT disensor THEN jumlah_kelompok END, nilai), '; ' ORDER BY jenis, kelompok) AS alasan,
        string_agg(alasan_kurva('en', jenis, kelompok, CASE WHEN NOT disensor THEN persen_kelompok END,
            CASE WHEN NOT disensor THEN jumlah_kelompok END, nilai), '; ' ORDER BY jenis, kelompok) AS alasan_en
    FROM aturan GROUP BY ALL
)
SELECT s.* EXCLUDE (m) REPLACE (
        CASE WHEN m[1] THEN NULL ELSE sangat_baik END AS sangat_baik,
        CASE WHEN m[2] THEN NULL ELSE baik END AS baik,
        CASE WHEN m[3] THEN NULL ELSE butuh_perbaikan END AS butuh_perbaikan,
        CASE WHEN m[4] THEN NULL ELSE kurang END AS kurang,
        CASE WHEN m[5] THEN NULL ELSE sangat_kurang END AS sangat_kurang,
        CASE WHEN s.predikat_organisasi IS NULL THEN s.alasan ELSE a.alasan END AS alasan,
        CASE WHEN s.predikat_organisasi IS NULL THEN s.alasan_en ELSE a.alasan_en END AS alasan_en)
FROM sensor s LEFT JOIN alasan a USING (tahun, opd_key)
ORDER BY s.tahun, s.opd_kode;
