-- name: publish/memahami/kurva
-- description: two worked examples of the distribution curve for the public
-- explainer: an OPD rated Baik with 20 employees evaluated, once following
-- the curve and once not, checked against the configured rules (table
-- aturan_kurva) by the macros the model uses (jumlah_kelompok, patuh_kurva, alasan_kurva,
-- queries/macros/kpi.sql).
WITH contoh AS (
    SELECT * FROM (VALUES (1, 3, 13, 3, 1, 0), (2, 9, 8, 3, 0, 0))
        c(contoh, sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang)
),
uji AS (
    SELECT c.*, c.sangat_baik + c.baik + c.butuh_perbaikan + c.kurang + c.sangat_kurang AS jumlah_dinilai,
        greatest(c.sangat_baik, c.baik, c.butuh_perbaikan, c.kurang, c.sangat_kurang) AS terbanyak,
        a.jenis, a.predikat AS kelompok, a.nilai,
        jumlah_kelompok(a.predikat, c.sangat_baik, c.baik, c.butuh_perbaikan, c.kurang, c.sangat_kurang) AS jumlah_kelompok
    FROM contoh c JOIN aturan_kurva a ON a.predikat_organisasi = 'baik'
)
SELECT contoh, sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang, jumlah_dinilai,
    jenis, label_kelompok('id', kelompok) AS kelompok_id, label_kelompok('en', kelompok) AS kelompok_en, nilai,
    round(100.0 * jumlah_kelompok / jumlah_dinilai, 1) AS persen_kelompok,
    patuh_kurva(jenis, jumlah_kelompok, terbanyak, jumlah_dinilai, nilai) AS patuh,
    alasan_kurva('id', jenis, kelompok, round(100.0 * jumlah_kelompok / jumlah_dinilai, 1), jumlah_kelompok, nilai) AS alasan_id,
    alasan_kurva('en', jenis, kelompok, round(100.0 * jumlah_kelompok / jumlah_dinilai, 1), jumlah_kelompok, nilai) AS alasan_en
FROM uji
ORDER BY contoh, jenis, kelompok;
