-- name: publish/laporan/tren_opd
-- description: the evaluation coverage of every OPD with employees in month $2 over the months after $1 up to $2 (YYYY-MM), from tren: the report's small multiples.
SELECT t.opd_kode, k.opd_nama, t.periode, t.nilai
FROM tren t
JOIN kpi_opd_bulanan k ON k.opd_kode = t.opd_kode AND k.periode = $2 AND k.jumlah_pegawai > 0
WHERE t.indikator = 'cakupan_penilaian_persen' AND t.opd_kode <> '' AND t.periode > $1 AND t.periode <= $2
ORDER BY k.opd_nama, t.opd_kode, t.periode;
