-- name: stg/jumlah
-- description: how many rows were staged (stg), for a Parquet file, which
-- DuckDB reads in one statement.
SELECT count(*) FROM stg;
