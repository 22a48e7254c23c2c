-- name: stg/buang_mentah
-- description: drops what DuckDB's CSV reader staged once the file is
-- validated (stg_periksa holds it from then on): its memory is freed before
-- the rows are stored.
DROP VIEW IF EXISTS stg_csv;
DROP TABLE IF EXISTS stg_mentah;
DROP TABLE IF EXISTS stg_baris;
