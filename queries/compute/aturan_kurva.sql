-- name: compute/aturan_kurva
-- description: creates the table of the configured distribution-curve rules
-- (organisation rating, kind, ratings, value), filled by compute, so that an
-- analyst sees what was used.
CREATE OR REPLACE TABLE aturan_kurva (
    predikat_organisasi VARCHAR, jenis VARCHAR, predikat VARCHAR[], nilai DOUBLE);
