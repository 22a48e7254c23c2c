-- name: compute/kpi_analis
-- description: creates the register of the analysts' KPIs of this compute,
-- with their headers and SQL, which the site reads to give each one a page.
CREATE OR REPLACE TABLE kpi_analis (nama VARCHAR, berkas VARCHAR, judul VARCHAR, title VARCHAR,
    definisi VARCHAR, definition VARCHAR, unit VARCHAR, higher_is_better BOOLEAN, sql VARCHAR);
