-- name: publish/laporan/bulan_terakhir
-- description: the latest month with evaluations, the month a report is written for by default (NULL when none).
SELECT max(periode) AS periode FROM kpi_provinsi_bulanan WHERE jumlah_dinilai > 0;
