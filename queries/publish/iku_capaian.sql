-- name: publish/iku_capaian
-- description: the published indicator file (no personal data, nothing to suppress).
SELECT tahun, bulan, opd_kode, opd_nama, kode_indikator, indikator, satuan, polaritas, target, target_atas,
    realisasi, capaian_persen
FROM iku_capaian
ORDER BY tahun, bulan NULLS LAST, opd_kode, kode_indikator;
