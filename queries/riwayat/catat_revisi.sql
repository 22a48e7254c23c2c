-- name: riwayat/catat_revisi
-- description: records one revision of a publication (number, period, OPD
-- code and name, column, old and new value, reason), when a rebuild recovers
-- the revision log from the published site's data/riwayat.json.
INSERT INTO revisi VALUES (?, ?, ?, ?, ?, ?, ?, ?);
