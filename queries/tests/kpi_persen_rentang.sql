-- name: tests/kpi_persen_rentang
-- description: accepted values: shares of evaluated employees and compliance lie in 0-100.
SELECT periode, opd_kode FROM kpi_opd_bulanan
WHERE dinilai_tepat_waktu_persen NOT BETWEEN 0 AND 100 OR sangat_baik_persen NOT BETWEEN 0 AND 100
   OR persen_memenuhi_20jp NOT BETWEEN 0 AND 100 OR jumlah_pegawai < 0;
