-- name: tests/penilaian_nilai_diterima
-- description: accepted_values: stored ratings and predikat use the canonical codes only.
SELECT berkas_id, baris, hasil_kerja, perilaku_kerja, predikat FROM penilaian
WHERE hasil_kerja NOT IN ('di_atas', 'sesuai', 'di_bawah')
   OR perilaku_kerja NOT IN ('di_atas', 'sesuai', 'di_bawah')
   OR predikat NOT IN ('sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang')
   OR (bulan IS NOT NULL AND bulan NOT BETWEEN 1 AND 12);
