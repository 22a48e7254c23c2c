-- name: kpi/12_penilaian_rekap
-- model: penilaian_rekap
-- judul: Rekap penilaian per OPD, periode dan status
-- title: Evaluation summary per agency, period and status
-- definisi: Jumlah baris penilaian per OPD, tahun, bulan (kosong untuk penilaian tahunan) dan status (dihitung, Plt/Plh, belum dinilai, digantikan), dengan jumlah yang dinilai paling lambat batas_penilaian bulannya dan jumlah per predikat.
-- definition: Count of evaluation rows per agency, year, month (empty for annual evaluations) and status (counted, acting, not rated yet, superseded), with how many were rated by the month's batas_penilaian and the count per predikat.
-- unit: baris
-- higher_is_better: n/a
-- sources: penilaian
-- The one pass over the per-person evaluation rows: kpi_opd_bulanan,
-- kurva_distribusi_tahunan and kualitas_data all count from this summary.
-- A counted row is one NIP (the data test penilaian_dihitung_unik), so the
-- counted rows of a period are its evaluated employees.
CREATE OR REPLACE TABLE penilaian_rekap AS
SELECT p.opd_key, p.tahun, p.bulan, p.tahunan, p.status,
    count(*) AS jumlah,
    count(*) FILTER (WHERE p.waktu_dinilai <= b.batas_penilaian) AS tepat_waktu,
    count(*) FILTER (WHERE p.predikat = 'sangat_baik') AS sangat_baik,
    count(*) FILTER (WHERE p.predikat = 'baik') AS baik,
    count(*) FILTER (WHERE p.predikat = 'butuh_perbaikan') AS butuh_perbaikan,
    count(*) FILTER (WHERE p.predikat = 'kurang') AS kurang,
    count(*) FILTER (WHERE p.predikat = 'sangat_kurang') AS sangat_kurang
FROM penilaian_status p
LEFT JOIN bulan b ON b.tahun = p.tahun AND b.bulan = p.bulan
GROUP BY ALL
ORDER BY ALL;
