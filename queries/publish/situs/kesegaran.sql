-- name: publish/situs/kesegaran
-- description: per OPD, the latest month of monthly evaluations it sent (from the stored rows, so files loaded since the last compute count).
SELECT o.opd_kode, o.opd_nama,
    max(printf('%04d-%02d', p.tahun, p.bulan)) FILTER (WHERE NOT p.tahunan) AS bulan_terakhir
FROM opd o LEFT JOIN penilaian p USING (opd_key) GROUP BY ALL ORDER BY o.opd_nama;
