-- name: tests/kpi_not_null
-- description: not_null: keys and counts of the monthly KPI tables are never empty.
SELECT periode, opd_kode FROM kpi_opd_bulanan
WHERE periode IS NULL OR opd_kode IS NULL OR opd_nama IS NULL OR jumlah_pegawai IS NULL OR jumlah_dinilai IS NULL
UNION ALL
SELECT periode, NULL FROM kpi_provinsi_bulanan WHERE periode IS NULL OR jumlah_pegawai IS NULL;
