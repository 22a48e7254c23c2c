-- name: fungsi
-- judul: Fungsi bersama
-- title: Shared functions
-- definisi: Aturan privasi untuk sebaran predikat yang diterbitkan, ditulis sekali dan dipakai semua berkas terbitan.
-- definition: The privacy rule for published predikat counts, written once and used by every published file.
-- The rule (kpi.md "Privacy"): a count from 1 to ambang_sensor - 1 is
-- suppressed; when a row then has exactly one suppressed cell, the next
-- smallest non-zero cell is suppressed too, so that no suppressed value can be
-- recovered by subtraction from jumlah_dinilai. When no other non-zero cell
-- exists (every evaluated employee in one small cell), the zero cells would
-- give the value away, so the whole row of predikat cells is suppressed.
-- Returns one flag per cell: sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang.
CREATE OR REPLACE MACRO sensor_predikat(sb, b, bp, k, sk) AS (
    WITH c AS (SELECT [sb, b, bp, k, sk] AS n, coalesce(getvariable('ambang_sensor'), 5) AS t),
    p AS (
        SELECT n, t,
            list_transform(n, x -> x BETWEEN 1 AND t - 1) AS primer,
            len(list_filter(n, x -> x BETWEEN 1 AND t - 1)) AS jumlah_primer,
            list_min(list_filter(n, x -> x >= t)) AS kandidat
        FROM c
    )
    SELECT list_transform(primer, (x, i) -> x
        OR (jumlah_primer = 1 AND kandidat IS NULL)
        OR (jumlah_primer = 1 AND i = list_position(list_transform(n, y -> CASE WHEN y >= t THEN y END), kandidat)))
    FROM p
);
