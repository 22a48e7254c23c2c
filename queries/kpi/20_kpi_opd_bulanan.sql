-- name: kpi/20_kpi_opd_bulanan
-- model: kpi_opd_bulanan
-- judul: Kinerja OPD per bulan
-- title: Agency performance per month
-- definisi: Per OPD dan bulan: jumlah pegawai, jumlah dinilai, cakupan dan ketepatan waktu penilaian, sebaran predikat, capaian IKU dan pemenuhan 20 JP, sesuai definisi docs/kpi.md.
-- definition: Per agency and month: headcount, evaluated, evaluation coverage and timeliness, predikat distribution, IKU achievement and 20 JP compliance, as defined in docs/kpi.md.
-- unit: per kolom: orang, persen, JP (data/datapackage.json)
-- higher_is_better: per kolom: cakupan, tepat waktu, capaian IKU, JP dan pemenuhan 20 JP true; sebaran predikat n/a
-- sources: skp, penilaian, iku, pelatihan
-- Reads the evaluations from penilaian_rekap and the headcount and training
-- hours from jp_pegawai_bulan (one row per employee counted in a month).
CREATE OR REPLACE TABLE kpi_opd_bulanan AS
WITH dinilai AS (
    -- After duplicates are resolved each NIP has one counted row a month,
    -- so the counted rows are distinct NIPs (the data tests
    -- kpi_predikat_jumlah and penilaian_dihitung_unik check it).
    SELECT opd_key, printf('%04d-%02d', tahun, bulan) AS periode, jumlah AS jumlah_dinilai, tepat_waktu,
        sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang
    FROM penilaian_rekap
    WHERE status = 'dihitung' AND NOT tahunan
),
pegawai AS (
    SELECT j.opd_key, j.periode, count(*) AS jumlah_pegawai, avg(j.jp) AS rata_jp, sum(j.jp) AS jumlah_jp,
        count(*) FILTER (WHERE j.jp >= getvariable('target_jp_tahunan')) AS memenuhi_jp
    FROM jp_pegawai_bulan j GROUP BY ALL
),
iku AS (
    SELECT opd_key, printf('%04d-%02d', tahun, bulan) AS periode,
        count(*) AS jumlah_indikator_iku,
        count(*) FILTER (WHERE capaian_persen >= 100) AS indikator_tercapai,
        avg(least(capaian_persen, getvariable('batas_atas_capaian'))) AS rata_capaian,
        sum(least(capaian_persen, getvariable('batas_atas_capaian'))) AS jumlah_capaian
    FROM iku_berlaku WHERE bulan IS NOT NULL AND capaian_persen IS NOT NULL
    GROUP BY ALL
),
kerangka AS (
    SELECT b.periode, o.opd_key, o.opd_kode, o.opd_nama
    FROM bulan b CROSS JOIN opd o
)
SELECT
    k.periode, k.opd_kode, k.opd_nama,
    coalesce(pg.jumlah_pegawai, 0) AS jumlah_pegawai,
    coalesce(d.jumlah_dinilai, 0) AS jumlah_dinilai,
    round(100.0 * coalesce(d.jumlah_dinilai, 0) / nullif(pg.jumlah_pegawai, 0), 2) AS cakupan_penilaian_persen,
    round(100.0 * d.tepat_waktu / nullif(d.jumlah_dinilai, 0), 2) AS dinilai_tepat_waktu_persen,
    coalesce(d.sangat_baik, 0) AS sangat_baik,
    coalesce(d.baik, 0) AS baik,
    coalesce(d.butuh_perbaikan, 0) AS butuh_perbaikan,
    coalesce(d.kurang, 0) AS kurang,
    coalesce(d.sangat_kurang, 0) AS sangat_kurang,
    round(100.0 * d.sangat_baik / nullif(d.jumlah_dinilai, 0), 2) AS sangat_baik_persen,
    round(100.0 * d.baik / nullif(d.jumlah_dinilai, 0), 2) AS baik_persen,
    round(100.0 * d.butuh_perbaikan / nullif(d.jumlah_dinilai, 0), 2) AS butuh_perbaikan_persen,
    round(100.0 * d.kurang / nullif(d.jumlah_dinilai, 0), 2) AS kurang_persen,
    round(100.0 * d.sangat_kurang / nullif(d.jumlah_dinilai, 0), 2) AS sangat_kurang_persen,
    coalesce(i.jumlah_indikator_iku, 0) AS jumlah_indikator_iku,
    coalesce(i.indikator_tercapai, 0) AS indikator_tercapai,
    round(i.rata_capaian, 2) AS rata_capaian_iku_persen,
    round(pg.rata_jp, 2) AS rata_jp_per_pegawai,
    round(100.0 * pg.memenuhi_jp / nullif(pg.jumlah_pegawai, 0), 2) AS persen_memenuhi_20jp,
    -- Internal sums (not published) from which the province row recomputes
    -- its percentages.
    k.opd_key,
    coalesce(d.tepat_waktu, 0) AS jumlah_tepat_waktu,
    coalesce(pg.jumlah_jp, 0) AS jumlah_jp,
    coalesce(pg.memenuhi_jp, 0) AS jumlah_memenuhi_20jp,
    coalesce(i.jumlah_capaian, 0) AS jumlah_capaian_iku
FROM kerangka k
LEFT JOIN pegawai pg ON pg.opd_key = k.opd_key AND pg.periode = k.periode
LEFT JOIN dinilai d ON d.opd_key = k.opd_key AND d.periode = k.periode
LEFT JOIN iku i ON i.opd_key = k.opd_key AND i.periode = k.periode
ORDER BY k.periode, k.opd_kode;
