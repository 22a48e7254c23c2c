-- name: compute/sidik_hitung
-- description: the fingerprint stored by the last committed compute, ''
-- before the first one (queries/compute/sidik_simpan.sql).
SELECT coalesce(any_value(sidik), '') FROM sidik_hitung;
