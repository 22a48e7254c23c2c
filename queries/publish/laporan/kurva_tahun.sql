-- name: publish/laporan/kurva_tahun
-- description: the year the curve findings of a month's report are about (the latest year up to the month's, $1 YYYY; NULL when none), and whether the year before was checked against the curve too (so that a breach can be called new).
WITH tahun AS (
    SELECT max(tahun) AS t FROM kurva_distribusi_tahunan WHERE tahun < $1::INTEGER + 1
)
SELECT t::INTEGER AS tahun,
       EXISTS (SELECT 1 FROM kurva_distribusi_tahunan WHERE tahun = t - 1 AND sesuai_kurva IS NOT NULL) AS ada_tahun_lalu,
       (SELECT count(*) FROM kurva_distribusi_tahunan WHERE tahun = t AND sesuai_kurva IS NOT NULL) AS opd_diperiksa
FROM tahun;
