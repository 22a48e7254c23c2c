-- name: penilaian_rekap
-- judul: Rekap penilaian per OPD, periode, status dan predikat
-- title: Evaluation summary per agency, period, status and predikat
-- definisi: Jumlah baris penilaian per OPD, tahun, bulan (kosong untuk penilaian tahunan), status (dihitung, Plt/Plh, belum dinilai, digantikan) dan predikat, dengan jumlah yang dinilai paling lambat batas_penilaian bulannya.
-- definition: Count of evaluation rows per agency, year, month (empty for annual evaluations), status (counted, acting, not rated yet, superseded) and predikat, with how many were rated by the month's batas_penilaian.
-- unit: baris
-- higher_is_better: n/a
-- sources: penilaian
-- The one pass over the per-person evaluation rows: kpi_opd_bulanan,
-- kurva_distribusi_tahunan and kualitas_data all count from this summary.
-- A counted row is one NIP (the data test penilaian_dihitung_unik), so the
-- counted rows of a period are its evaluated employees.
CREATE OR REPLACE TABLE penilaian_rekap AS
SELECT p.opd_key, p.tahun, p.bulan, p.tahunan, p.status, p.predikat,
    count(*) AS jumlah,
    count(*) FILTER (WHERE p.waktu_dinilai <= b.batas_penilaian) AS tepat_waktu
FROM penilaian_status p
LEFT JOIN bulan b ON b.tahun = p.tahun AND b.bulan = p.bulan
GROUP BY ALL
ORDER BY ALL;
