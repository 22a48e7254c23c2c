-- name: kpi/05_opd
-- model: opd
-- judul: Daftar OPD
-- title: Agencies
-- definisi: Setiap OPD yang muncul di data, dengan nama tampilan, singkatan dan kode halaman (opd_kode).
-- definition: Every agency in the data with its display name, abbreviation and page code (opd_kode).
-- unit: OPD
-- higher_is_better: n/a
-- sources: opd, skp, penilaian, iku
CREATE OR REPLACE TABLE opd AS
WITH nama AS (
    SELECT opd_key, opd_nama, 3 AS bobot, berkas_id FROM opd_ref
    UNION ALL SELECT opd_key, opd_nama, 2, berkas_id FROM skp
    UNION ALL SELECT opd_key, opd_nama, 1, berkas_id FROM penilaian
    UNION ALL SELECT opd_key, opd_nama, 1, berkas_id FROM iku
),
pilihan AS (
    SELECT opd_key, arg_max(opd_nama, (bobot, berkas_id)) AS opd_nama FROM nama GROUP BY opd_key
),
singkatan AS (
    SELECT opd_key, arg_max(singkatan, (coalesce(tahun, 0), berkas_id)) AS singkatan
    FROM opd_ref WHERE singkatan IS NOT NULL GROUP BY opd_key
),
-- Ingest refuses names and abbreviations that give no code; two agencies
-- whose codes still collide (two spellings of one abbreviation) get -2, -3
-- in the order of their keys, so that one agency's file never stops the
-- publication of all (the data test opd_kode_unik stays the second line).
kode AS (
    SELECT p.opd_key, p.opd_nama, s.singkatan,
        coalesce(nullif(trim(regexp_replace(lower(coalesce(s.singkatan, p.opd_nama)), '[^a-z0-9]+', '-', 'g'), '-'), ''), 'opd') AS dasar
    FROM pilihan p LEFT JOIN singkatan s USING (opd_key)
)
SELECT opd_key, opd_nama, singkatan,
    dasar || CASE WHEN row_number() OVER (PARTITION BY dasar ORDER BY opd_key) > 1
        THEN '-' || row_number() OVER (PARTITION BY dasar ORDER BY opd_key) ELSE '' END AS opd_kode
FROM kode
ORDER BY opd_kode;
