-- name: publish/laporan/perhatian
-- description: the attention flags of one month ($1, YYYY-MM), with the value behind a threshold flag and the threshold, by OPD code (the report compares the list with the month before's).
SELECT opd_nama, jenis, CASE WHEN jenis IN ('cakupan_rendah', 'capaian_iku_rendah') THEN nilai END AS nilai,
       opd_kode, ambang
FROM perhatian
WHERE periode = $1
ORDER BY opd_nama, jenis;
