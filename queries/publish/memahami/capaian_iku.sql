-- name: publish/memahami/capaian_iku
-- description: worked examples of an indicator's achievement for the public
-- explainer (those of docs/kpi.md among them), computed by the macro the
-- model uses (capaian_iku, queries/macros/kpi.sql).
SELECT polaritas, target, target_atas, realisasi,
    round(capaian_iku(polaritas, target, target_atas, realisasi), 2) AS capaian_persen
FROM (VALUES
    (1, 'maksimal', 80.0, NULL, 72.0),
    (2, 'minimal', 7.0, NULL, 6.5),
    (3, 'minimal', 8.0, NULL, 9.0),
    (4, 'maksimal', 90.0, 95.0, 93.0),
    (5, 'maksimal', 90.0, 95.0, 99.0)
) c(urut, polaritas, target, target_atas, realisasi)
ORDER BY urut;
