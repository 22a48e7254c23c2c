-- name: publish/kurva_distribusi_tahunan
-- description: the published annual distribution-curve check, suppression applied.
SELECT tahun, opd_kode, opd_nama, predikat_organisasi, jumlah_dinilai, sangat_baik, baik, butuh_perbaikan,
    kurang, sangat_kurang, sesuai_kurva, alasan
FROM terbit_kurva_distribusi_tahunan
ORDER BY tahun, opd_kode;
