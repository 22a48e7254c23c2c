-- name: publish/memahami/matriks
-- description: the predikat matrix of PermenPAN-RB 6/2022 for the public
-- explainer, computed by the very macro validation checks every row with
-- (predikat_matriks, queries/macros/ingest.sql): each pair of ratings of work
-- results (hasil kerja) and of behaviour (perilaku kerja) and the predikat
-- it gives, best ratings first.
SELECT h.rating AS hasil_kerja, p.rating AS perilaku_kerja, predikat_matriks(h.rating, p.rating) AS predikat
FROM (VALUES ('di_atas', 1), ('sesuai', 2), ('di_bawah', 3)) h(rating, urut),
     (VALUES ('di_atas', 1), ('sesuai', 2), ('di_bawah', 3)) p(rating, urut)
ORDER BY h.urut, p.urut;
