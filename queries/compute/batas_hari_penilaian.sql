-- name: compute/batas_hari_penilaian
-- description: sets the variable batas_hari_penilaian (the day of the next
-- month by which a month's evaluations are due) again, INTEGER-typed for
-- make_timestamp.
SET VARIABLE batas_hari_penilaian = CAST(? AS INTEGER);
