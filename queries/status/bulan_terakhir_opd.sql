-- name: status/bulan_terakhir_opd
-- description: every OPD of the last compute with the latest month
-- (YYYY-MM, '' when none) of monthly evaluations received, from the stored
-- rows rather than the KPIs, so that files loaded since the last compute
-- count.
SELECT o.opd_kode, o.opd_nama,
    coalesce(max(printf('%04d-%02d', p.tahun, p.bulan)), '') AS bulan_terakhir
FROM opd o LEFT JOIN penilaian p ON p.opd_key = o.opd_key AND NOT p.tahunan
GROUP BY o.opd_kode, o.opd_nama ORDER BY o.opd_kode;
