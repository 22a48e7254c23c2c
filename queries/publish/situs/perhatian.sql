-- name: publish/situs/perhatian
-- description: the attention flags with, for a broken curve, the published (suppressed) reasons in both languages.
SELECT p.periode, p.opd_kode, p.opd_nama, p.jenis, p.nilai, p.ambang, k.alasan, k.alasan_en
FROM perhatian p
LEFT JOIN terbit_kurva_distribusi_tahunan k ON p.jenis = 'kurva_dilanggar' AND k.opd_kode = p.opd_kode AND k.tahun = p.nilai
ORDER BY p.periode, p.opd_nama, p.jenis;
