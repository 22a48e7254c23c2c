-- name: schema/008_sidik_hitung
-- description: the fingerprint of the inputs the KPI tables were last
-- computed from (the files, configuration, program and date facts of
-- pipeline/fingerprint.go): one row, '' until a compute records one,
-- updated by compute in the transaction of its tables. A run whose inputs
-- have the same fingerprint has nothing to recompute.
CREATE TABLE sidik_hitung (
    sidik          VARCHAR NOT NULL,
    dihitung_pada  TIMESTAMP           -- UTC; NULL before the first compute
);
INSERT INTO sidik_hitung VALUES ('', NULL);
