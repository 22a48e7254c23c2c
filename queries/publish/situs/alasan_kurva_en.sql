-- name: publish/situs/alasan_kurva_en
-- description: per OPD and year, the English wording of the published curve reasons (suppressed like the Indonesian one).
SELECT opd_kode, tahun::INTEGER AS tahun, alasan_en FROM terbit_kurva_distribusi_tahunan;
