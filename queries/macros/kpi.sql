-- name: macros/kpi
-- description: macros shared by the KPI models: the privacy rule for published predikat counts and the wording of the distribution-curve reasons, written once and used by every published file. Created by `kinerja compute` before the models.
-- The rule (docs/kpi.md "Privacy"): a count from 1 to ambang_sensor - 1 is
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

-- The curve rules in words, for the reasons published with the distribution
-- curve check (bahasa 'id' or 'en'; the labels are the site's). teks picks
-- the words of the language; a group of several predikat reads "Butuh
-- Perbaikan atau Kurang/Misconduct".
CREATE OR REPLACE MACRO teks(bahasa, id, en) AS CASE WHEN bahasa = 'en' THEN en ELSE id END;

CREATE OR REPLACE MACRO label_kelompok(bahasa, kelompok) AS array_to_string(
    list_transform(kelompok, p -> CASE p
        WHEN 'sangat_baik' THEN teks(bahasa, 'Sangat Baik', 'Very good')
        WHEN 'baik' THEN teks(bahasa, 'Baik', 'Good')
        WHEN 'butuh_perbaikan' THEN teks(bahasa, 'Butuh Perbaikan', 'Needs improvement')
        WHEN 'kurang' THEN teks(bahasa, 'Kurang/Misconduct', 'Poor/Misconduct')
        WHEN 'sangat_kurang' THEN teks(bahasa, 'Sangat Kurang', 'Very poor') END),
    teks(bahasa, ' atau ', ' or '));

-- A number as the public reads it: "71,0" in Indonesian, "71.0" in English;
-- a whole limit without decimals ("70").
CREATE OR REPLACE MACRO angka_terbit(bahasa, x, desimal) AS replace(
    CASE WHEN desimal = 0 AND x = floor(x) THEN x::BIGINT::VARCHAR ELSE printf('%.1f', x) END,
    '.', teks(bahasa, ',', '.'));

-- Why one curve rule is broken: "Sangat Baik 71,0% melebihi batas 70%". When
-- persen and jumlah are NULL (the group holds a suppressed cell) the reason
-- names the broken rule without the value, which would give the cell away.
CREATE OR REPLACE MACRO alasan_kurva(bahasa, jenis, kelompok, persen, jumlah, nilai) AS
    label_kelompok(bahasa, kelompok) || CASE jenis
        WHEN 'terbesar' THEN teks(bahasa, ' bukan kelompok terbesar', ' is not the largest group')
        WHEN 'min_jumlah' THEN coalesce(teks(bahasa, ' ', ': ') || jumlah || teks(bahasa, ' orang', ' people'),
                teks(bahasa, ' terlalu sedikit', ': too few'))
            || teks(bahasa, ', minimal ', ', at least ') || angka_terbit(bahasa, nilai, 0) || teks(bahasa, ' orang', ' required')
        ELSE coalesce(' ' || angka_terbit(bahasa, persen, 1) || '%', '')
            || CASE jenis WHEN 'maks_persen' THEN teks(bahasa, ' melebihi batas ', ' above the limit of ')
                          ELSE teks(bahasa, ' di bawah minimal ', ' below the minimum of ') END
            || angka_terbit(bahasa, nilai, 0) || '%'
    END;
