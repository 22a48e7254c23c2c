-- name: stg/kolom_parquet
-- description: the column names of a Parquet file (the parameter is its
-- path), to recognise its dataset before it is staged; an error says the
-- file cannot be read as Parquet.
SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet(?));
