-- name: compute/kpi_analis_tambah
-- description: registers one analyst's KPI (name, file, judul, title,
-- definisi, definition, unit, higher_is_better, SQL) in kpi_analis.
INSERT INTO kpi_analis VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);
