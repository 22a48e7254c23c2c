-- name: publish/laporan/bulan_lengkap
-- description: the latest month with evaluations up to $1 (YYYY-MM, the month just closed), the month `kinerja run` reports on: a month still running is left out (NULL when none).
SELECT max(periode) AS periode FROM kpi_provinsi_bulanan WHERE jumlah_dinilai > 0 AND periode <= $1;
