-- name: publish/kpi_provinsi_bulanan
-- description: the published province monthly file, suppression applied.
SELECT periode, jumlah_pegawai, jumlah_dinilai, cakupan_penilaian_persen,
    dinilai_tepat_waktu_persen, sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang,
    sangat_baik_persen, baik_persen, butuh_perbaikan_persen, kurang_persen, sangat_kurang_persen,
    jumlah_indikator_iku, indikator_tercapai, rata_capaian_iku_persen, rata_jp_per_pegawai, persen_memenuhi_20jp
FROM terbit_kpi_provinsi_bulanan
ORDER BY periode;
