-- name: kpi/31_perhatian
-- model: perhatian
-- judul: OPD yang perlu perhatian
-- title: Agencies that need attention
-- definisi: Tanda bagi pimpinan per OPD dan bulan: cakupan penilaian di bawah ambang, cakupan turun beberapa bulan berturut-turut, capaian IKU di bawah ambang, tidak ada penilaian untuk bulan itu, atau sebaran predikat tahunan yang melanggar kurva; semua ambang adalah konfigurasi.
-- definition: Flags for leadership per agency and month: coverage below the threshold, coverage falling several months in a row, KPI achievement below the threshold, no evaluations sent for the month, or an annual predikat distribution that breaks the curve; every threshold is configuration.
-- unit: tanda
-- higher_is_better: false
-- sources: skp, penilaian, iku, opd
CREATE OR REPLACE TABLE perhatian AS
WITH selisih AS (
    SELECT *,
        coalesce(cakupan_penilaian_persen < lag(cakupan_penilaian_persen) OVER (PARTITION BY opd_kode ORDER BY periode), false) AS turun_bulan_ini
    FROM kpi_opd_bulanan
),
k AS (
    SELECT *,
        list(turun_bulan_ini) OVER (PARTITION BY opd_kode ORDER BY periode ROWS BETWEEN 23 PRECEDING AND CURRENT ROW) AS turun
    FROM selisih
),
n AS (SELECT getvariable('peringatan_bulan_menurun')::INTEGER AS n)
SELECT periode, opd_kode, opd_nama, 'tidak_mengirim' AS jenis, NULL::DOUBLE AS nilai, NULL::DOUBLE AS ambang
FROM k WHERE jumlah_pegawai > 0 AND jumlah_dinilai = 0
UNION ALL
SELECT periode, opd_kode, opd_nama, 'cakupan_rendah', cakupan_penilaian_persen, getvariable('peringatan_cakupan')
FROM k WHERE jumlah_dinilai > 0 AND cakupan_penilaian_persen < getvariable('peringatan_cakupan')
UNION ALL
SELECT periode, opd_kode, opd_nama, 'cakupan_menurun', cakupan_penilaian_persen, n.n
FROM k, n WHERE len(turun) >= n.n AND list_bool_and(turun[-n.n:]) AND jumlah_dinilai > 0
UNION ALL
SELECT periode, opd_kode, opd_nama, 'capaian_iku_rendah', rata_capaian_iku_persen, getvariable('peringatan_capaian_iku')
FROM k WHERE rata_capaian_iku_persen < getvariable('peringatan_capaian_iku')
UNION ALL
SELECT b.periode, c.opd_kode, c.opd_nama, 'kurva_dilanggar', c.tahun, NULL
FROM kurva_distribusi_tahunan c
JOIN bulan b ON b.tahun = c.tahun + 1
WHERE c.sesuai_kurva = false
ORDER BY 1, 2, 4;
