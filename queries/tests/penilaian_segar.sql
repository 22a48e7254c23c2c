-- name: tests/penilaian_segar
-- description: freshness: the newest accepted evaluation file arrived at most kpi.batas_kesegaran_hari days before this compute (0 turns the test off). Older means the agencies' exports stopped reaching the inbox: the site would go on showing old months as current.
-- loaded_at is berkas.diproses_pada, the time ingest accepted the file (UTC),
-- as dbt's source freshness uses the load time, not the period the data covers.
SELECT max(diproses_pada) AS terakhir_diterima, getvariable('waktu_hitung') AS dihitung_pada,
    getvariable('batas_kesegaran_hari')::INTEGER AS batas_hari
FROM berkas
WHERE dataset = 'penilaian' AND status = 'diterima'
HAVING getvariable('batas_kesegaran_hari') > 0
   AND max(diproses_pada) < getvariable('waktu_hitung') - to_days(getvariable('batas_kesegaran_hari')::INTEGER);
