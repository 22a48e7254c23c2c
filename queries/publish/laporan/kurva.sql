-- name: publish/laporan/kurva
-- description: the OPDs whose predikat distribution broke the curve in the latest year up to the month's ($1, YYYY), each with whether it is new (the OPD did not break the curve the year before).
WITH tahun AS (
    SELECT max(tahun) AS t FROM kurva_distribusi_tahunan WHERE tahun < $1::INTEGER + 1
)
SELECT c.opd_nama, c.tahun::INTEGER AS tahun, c.predikat_organisasi, c.alasan, c.alasan_en, c.opd_kode,
       NOT EXISTS (
           SELECT 1 FROM kurva_distribusi_tahunan s
           WHERE s.opd_kode = c.opd_kode AND s.tahun = c.tahun - 1 AND s.sesuai_kurva = false
       ) AS baru
FROM kurva_distribusi_tahunan c, tahun
WHERE c.sesuai_kurva = false AND c.tahun = tahun.t
ORDER BY c.opd_nama;
