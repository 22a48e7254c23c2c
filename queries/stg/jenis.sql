-- name: stg/jenis
-- description: what the staging relation stg of the session is now, a TABLE
-- (the Go readers append to it) or a VIEW (over DuckDB's CSV reader), or no
-- row when there is none: it is dropped before the next file is staged.
SELECT 'VIEW' FROM duckdb_views() WHERE temporary AND view_name = 'stg'
UNION ALL
SELECT 'TABLE' FROM duckdb_tables() WHERE temporary AND table_name = 'stg';
