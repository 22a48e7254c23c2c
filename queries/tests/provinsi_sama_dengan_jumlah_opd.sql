-- name: tests/provinsi_sama_dengan_jumlah_opd
-- description: the province rows are the sums of the OPD rows.
SELECT p.periode FROM kpi_provinsi_bulanan p
JOIN (SELECT periode, sum(jumlah_pegawai) AS pegawai, sum(jumlah_dinilai) AS dinilai FROM kpi_opd_bulanan GROUP BY periode) o USING (periode)
WHERE p.jumlah_pegawai <> o.pegawai OR p.jumlah_dinilai <> o.dinilai;
