-- name: terbit
-- judul: Data terbitan dengan aturan privasi
-- title: Published data with the privacy rule applied
-- definisi: Tabel yang diterbitkan di situs publik: sebaran predikat per OPD dengan sel kecil disembunyikan (kosong) beserta persentasenya.
-- definition: The tables published on the public site: predikat counts per agency with small cells suppressed (empty) together with their percentages.
-- sources: penilaian
CREATE OR REPLACE TABLE terbit_kpi_opd_bulanan AS
SELECT * REPLACE (
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
ALTER TABLE terbit_kpi_opd_bulanan DROP COLUMN m;

CREATE OR REPLACE TABLE terbit_kpi_provinsi_bulanan AS
SELECT * REPLACE (
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
ALTER TABLE terbit_kpi_provinsi_bulanan DROP COLUMN m;

CREATE OR REPLACE TABLE terbit_kurva_distribusi_tahunan AS
SELECT * REPLACE (
        CASE WHEN m[1] THEN NULL ELSE sangat_baik END AS sangat_baik,
        CASE WHEN m[2] THEN NULL ELSE baik END AS baik,
        CASE WHEN m[3] THEN NULL ELSE butuh_perbaikan END AS butuh_perbaikan,
        CASE WHEN m[4] THEN NULL ELSE kurang END AS kurang,
        CASE WHEN m[5] THEN NULL ELSE sangat_kurang END AS sangat_kurang)
FROM (SELECT *, sensor_predikat(sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang) AS m FROM kurva_distribusi_tahunan);
ALTER TABLE terbit_kurva_distribusi_tahunan DROP COLUMN m;
