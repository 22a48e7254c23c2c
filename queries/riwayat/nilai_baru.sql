-- name: riwayat/nilai_baru
-- description: the values a publication puts out, one row per month, OPD
-- ('' for the province) and column, from the temporary tables terbit_opd and
-- terbit_provinsi: the published files' own queries (publish/kpi_opd_bulanan,
-- publish/kpi_provinsi_bulanan), or, when a rebuild recovers the log of a lost
-- database, the published CSV files read back.
-- UNPIVOT leaves NULL cells out (INCLUDE NULLS needs the column list), and
-- a suppressed cell is NULL: NULL goes through as NaN and comes back.
CREATE OR REPLACE TEMP TABLE nilai_baru AS
WITH opd_bulan AS (
    SELECT periode, opd_kode, opd_nama, coalesce(COLUMNS(* EXCLUDE (periode, opd_kode, opd_nama))::DOUBLE, 'NaN'::DOUBLE)
    FROM terbit_opd
),
provinsi_bulan AS (
    SELECT periode, coalesce(COLUMNS(* EXCLUDE (periode))::DOUBLE, 'NaN'::DOUBLE) FROM terbit_provinsi
)
SELECT periode, opd_kode, opd_nama, kolom, CASE WHEN isnan(nilai) THEN NULL ELSE nilai END AS nilai
FROM (UNPIVOT opd_bulan ON COLUMNS(* EXCLUDE (periode, opd_kode, opd_nama)) INTO NAME kolom VALUE nilai)
UNION ALL
SELECT periode, '' AS opd_kode, 'Provinsi' AS opd_nama, kolom, CASE WHEN isnan(nilai) THEN NULL ELSE nilai END
FROM (UNPIVOT provinsi_bulan ON COLUMNS(* EXCLUDE (periode)) INTO NAME kolom VALUE nilai);

