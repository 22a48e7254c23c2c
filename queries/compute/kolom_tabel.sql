-- name: compute/kolom_tabel
-- description: the columns and types of a table (the parameter is its
-- name), in order: the shape of an analyst's KPI is checked from them.
SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position;
