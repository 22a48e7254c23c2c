-- name: tests/kpi_opd_bulanan_unik
-- description: unique: one row per OPD and month in kpi_opd_bulanan.
SELECT periode, opd_kode, count(*) AS jumlah FROM kpi_opd_bulanan GROUP BY ALL HAVING count(*) > 1;
