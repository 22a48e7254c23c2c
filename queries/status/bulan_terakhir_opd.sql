-- name: status/bulan_terakhir_opd
-- description: every OPD of the last compute with the latest month
-- (YYYY-MM, '' when none) of monthly evaluations received, from the stored
-- rows rather than the KPIs, so that files loaded since the last compute
-- count. The month is found as a number and formatted once per OPD:
-- formatting every row took 0.4 s of every run at 10M rows.
SELECT o.opd_kode, o.opd_nama,
    coalesce(printf('%04d-%02d', p.terakhir // 100, p.terakhir % 100), '') AS bulan_terakhir
FROM opd o
LEFT JOIN (SELECT opd_key, max(tahun::INTEGER * 100 + bulan) AS terakhir FROM penilaian WHERE NOT tahunan GROUP BY opd_key) p
    USING (opd_key)
ORDER BY o.opd_kode;
