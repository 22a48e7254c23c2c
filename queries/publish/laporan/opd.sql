-- name: publish/laporan/opd
-- description: every OPD with employees in one month ($1, YYYY-MM), ranked by evaluation coverage.
SELECT opd_kode, opd_nama, jumlah_pegawai, jumlah_dinilai, cakupan_penilaian_persen,
       dinilai_tepat_waktu_persen, sangat_baik_persen, rata_capaian_iku_persen, persen_memenuhi_20jp
FROM kpi_opd_bulanan
WHERE periode = $1 AND jumlah_pegawai > 0
ORDER BY cakupan_penilaian_persen DESC NULLS LAST, opd_nama;
