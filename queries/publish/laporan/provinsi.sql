-- name: publish/laporan/provinsi
-- description: the province's headline numbers of one month ($1, YYYY-MM), unsuppressed (the report is internal).
SELECT jumlah_pegawai, jumlah_dinilai, cakupan_penilaian_persen, dinilai_tepat_waktu_persen,
       sangat_baik_persen, rata_capaian_iku_persen, persen_memenuhi_20jp
FROM kpi_provinsi_bulanan
WHERE periode = $1;
