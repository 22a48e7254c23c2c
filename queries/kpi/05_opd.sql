-- name: opd
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
)
SELECT p.opd_key, p.opd_nama, s.singkatan,
    trim(regexp_replace(lower(coalesce(s.singkatan, p.opd_nama)), '[^a-z0-9]+', '-', 'g'), '-') AS opd_kode
FROM pilihan p LEFT JOIN singkatan s USING (opd_key)
ORDER BY opd_kode;
