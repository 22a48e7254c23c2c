-- name: kpi/21_kpi_provinsi_bulanan
-- model: kpi_provinsi_bulanan
-- judul: Kinerja provinsi per bulan
-- title: Province performance per month
-- definisi: Definisi yang sama dengan kinerja OPD atas seluruh OPD: jumlah dijumlahkan, persentase dihitung ulang dari jumlah, bukan rata-rata persentase OPD.
-- definition: The agency definitions over all agencies: counts summed, percentages recomputed from the sums, never averages of agency percentages.
-- unit: per kolom: orang, persen, JP (data/datapackage.json)
-- higher_is_better: per kolom: cakupan, tepat waktu, capaian IKU, JP dan pemenuhan 20 JP true; sebaran predikat n/a
-- sources: skp, penilaian, iku, pelatihan
CREATE OR REPLACE TABLE kpi_provinsi_bulanan AS
WITH j AS (
    SELECT periode,
        sum(jumlah_pegawai)::BIGINT AS jumlah_pegawai, sum(jumlah_dinilai)::BIGINT AS jumlah_dinilai,
        sum(jumlah_tepat_waktu)::BIGINT AS tepat_waktu,
        sum(sangat_baik)::BIGINT AS sangat_baik, sum(baik)::BIGINT AS baik, sum(butuh_perbaikan)::BIGINT AS butuh_perbaikan,
        sum(kurang)::BIGINT AS kurang, sum(sangat_kurang)::BIGINT AS sangat_kurang,
        sum(jumlah_indikator_iku)::BIGINT AS jumlah_indikator_iku, sum(indikator_tercapai)::BIGINT AS indikator_tercapai,
        sum(jumlah_capaian_iku) AS jumlah_capaian_iku, sum(jumlah_jp) AS jumlah_jp,
        sum(jumlah_memenuhi_20jp) AS memenuhi_jp
    FROM kpi_opd_bulanan GROUP BY periode
)
SELECT
    periode, jumlah_pegawai, jumlah_dinilai,
    round(100.0 * jumlah_dinilai / nullif(jumlah_pegawai, 0), 2) AS cakupan_penilaian_persen,
    round(100.0 * tepat_waktu / nullif(jumlah_dinilai, 0), 2) AS dinilai_tepat_waktu_persen,
    sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang,
    round(100.0 * sangat_baik / nullif(jumlah_dinilai, 0), 2) AS sangat_baik_persen,
    round(100.0 * baik / nullif(jumlah_dinilai, 0), 2) AS baik_persen,
    round(100.0 * butuh_perbaikan / nullif(jumlah_dinilai, 0), 2) AS butuh_perbaikan_persen,
    round(100.0 * kurang / nullif(jumlah_dinilai, 0), 2) AS kurang_persen,
    round(100.0 * sangat_kurang / nullif(jumlah_dinilai, 0), 2) AS sangat_kurang_persen,
    jumlah_indikator_iku, indikator_tercapai,
    round(jumlah_capaian_iku / nullif(jumlah_indikator_iku, 0), 2) AS rata_capaian_iku_persen,
    round(jumlah_jp / nullif(jumlah_pegawai, 0), 2) AS rata_jp_per_pegawai,
    round(100.0 * memenuhi_jp / nullif(jumlah_pegawai, 0), 2) AS persen_memenuhi_20jp
FROM j
ORDER BY periode;
