-- name: compute/sidik_simpan
-- description: the fingerprint of the inputs the KPI tables were just
-- computed from ($1, '' when the caller has none) and the time ($2, UTC),
-- in the compute's own transaction: it never vouches for tables that were
-- not committed (pipeline/fingerprint.go).
UPDATE sidik_hitung SET sidik = $1, dihitung_pada = $2::TIMESTAMP;
