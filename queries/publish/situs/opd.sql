-- name: publish/situs/opd
-- description: every OPD with its page code and name, for a page each.
SELECT opd_kode, opd_nama FROM opd ORDER BY opd_nama;
