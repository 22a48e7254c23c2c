-- name: tests/opd_kode_unik
-- description: unique, not_null: every OPD has its own page code.
SELECT opd_kode, count(*) FROM opd GROUP BY opd_kode HAVING count(*) > 1 OR opd_kode IS NULL OR opd_kode = '';
