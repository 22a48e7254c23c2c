-- name: publish/laporan/kurva
-- description: the OPDs whose predikat distribution broke the curve in the latest year up to the month's ($1, YYYY).
SELECT opd_nama, tahun::INTEGER AS tahun, predikat_organisasi, alasan
FROM kurva_distribusi_tahunan
WHERE sesuai_kurva = false
  AND tahun = (SELECT max(tahun) FROM kurva_distribusi_tahunan WHERE tahun < $1::INTEGER + 1)
ORDER BY opd_nama;
