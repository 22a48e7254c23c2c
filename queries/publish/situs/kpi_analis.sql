-- name: publish/situs/kpi_analis
-- description: the analysts' KPIs of the last compute with their headers.
SELECT nama, judul, title, definisi, definition, unit FROM kpi_analis ORDER BY nama;
