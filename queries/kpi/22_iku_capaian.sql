-- name: kpi/22_iku_capaian
-- model: iku_capaian
-- judul: Capaian IKU
-- title: Key performance indicator achievement
-- definisi: Setiap indikator kinerja utama OPD dengan target, realisasi dan capaiannya per bulan (atau tahunan).
-- definition: Every key performance indicator of every agency with its target, realisation and achievement per month (or annual).
-- unit: persen
-- higher_is_better: true
-- sources: iku
CREATE OR REPLACE TABLE iku_capaian AS
SELECT i.tahun, i.bulan, o.opd_kode, o.opd_nama, i.kode_indikator, i.indikator, i.satuan, i.polaritas,
    i.target, i.target_atas, i.realisasi_teks AS realisasi, round(i.capaian_persen, 2) AS capaian_persen
FROM iku_berlaku i JOIN opd o USING (opd_key)
ORDER BY i.tahun, i.bulan NULLS LAST, o.opd_kode, i.kode_indikator;
