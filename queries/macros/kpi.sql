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

-- The achievement (capaian) of one indicator, docs/kpi.md: higher is better
-- (maksimal) realisasi / target x 100, lower is better (minimal)
-- (2 - realisasi / target) x 100; with a target range [target, target_atas]
-- 100 inside it, target_atas the target above it, target below it; NULL
-- for a zero or missing target or a missing realisation. Used by the model
-- (queries/kpi/03_iku_berlaku.sql) and by the worked examples of the
-- public explainer (queries/publish/memahami/capaian_iku.sql).
CREATE OR REPLACE MACRO capaian_iku(polaritas, target, target_atas, realisasi) AS
    CASE
        WHEN realisasi IS NULL OR target IS NULL OR target = 0 THEN NULL
        WHEN target_atas IS NOT NULL AND realisasi BETWEEN target AND target_atas THEN 100.0
        WHEN target_atas IS NOT NULL AND realisasi > target_atas AND target_atas = 0 THEN NULL
        WHEN polaritas = 'minimal' THEN
            (2 - realisasi / CASE WHEN target_atas IS NOT NULL AND realisasi > target_atas THEN target_atas ELSE target END) * 100
        ELSE realisasi / CASE WHEN target_atas IS NOT NULL AND realisasi > target_atas THEN target_atas ELSE target END * 100
    END;

-- How many employees a group of predikat (a curve rule's, e.g.
-- ['butuh_perbaikan', 'kurang']) holds, from the five counts. Used with
-- patuh_kurva by the model and the explainer's examples.
CREATE OR REPLACE MACRO jumlah_kelompok(kelompok, sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang) AS
    list_sum(list_transform(kelompok, p -> CASE p
        WHEN 'sangat_baik' THEN sangat_baik WHEN 'baik' THEN baik
        WHEN 'butuh_perbaikan' THEN butuh_perbaikan WHEN 'kurang' THEN kurang
        WHEN 'sangat_kurang' THEN sangat_kurang END));

-- Whether a group of predikat keeps one curve rule (table aturan_kurva):
-- jumlah in the group of jumlah_dinilai, terbanyak the largest group.
-- Used by the model (queries/kpi/23_kurva_distribusi_tahunan.sql) and by the
-- worked examples of the public explainer (queries/publish/memahami/kurva.sql).
CREATE OR REPLACE MACRO patuh_kurva(jenis, jumlah, terbanyak, jumlah_dinilai, nilai) AS
    CASE jenis
        WHEN 'terbesar' THEN jumlah >= terbanyak
        WHEN 'maks_persen' THEN 100.0 * jumlah / jumlah_dinilai <= nilai
        WHEN 'min_persen' THEN 100.0 * jumlah / jumlah_dinilai >= nilai
        WHEN 'min_jumlah' THEN jumlah >= nilai
    END;
