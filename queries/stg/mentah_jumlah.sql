-- name: stg/mentah_jumlah
-- description: how many records DuckDB's CSV reader read (stg_mentah), to
-- compare with the count of the Go reader's scan.
SELECT count(*) FROM stg_mentah;
