-- name: compute/waktu_hitung
-- description: the time of this compute (the parameter, 'YYYY-MM-DD
-- HH:MM:SS' in UTC like the berkas.diproses_pada it is compared with) as the
-- TIMESTAMP variable waktu_hitung, for the freshness data test.
SET VARIABLE waktu_hitung = CAST(? AS TIMESTAMP);
