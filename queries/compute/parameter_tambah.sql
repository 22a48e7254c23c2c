-- name: compute/parameter_tambah
-- description: records one configured threshold (name, value) in parameter.
INSERT INTO parameter VALUES (?, ?);
