-- name: status/dihitung
-- description: whether the KPIs were ever computed (the table opd exists):
-- before the first compute there is no OPD to report on.
SELECT count(*) > 0 FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = 'opd';
