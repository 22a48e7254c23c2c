-- name: tests/kpi_predikat_jumlah
-- description: the five predikat counts add up to jumlah_dinilai in every OPD row.
SELECT periode, opd_kode, jumlah_dinilai, sangat_baik + baik + butuh_perbaikan + kurang + sangat_kurang AS jumlah_predikat
FROM kpi_opd_bulanan
WHERE sangat_baik + baik + butuh_perbaikan + kurang + sangat_kurang <> jumlah_dinilai;
