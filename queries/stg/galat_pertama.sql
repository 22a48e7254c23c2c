-- name: stg/galat_pertama
-- description: the first problems of stg_galat, as many as the parameter,
-- in the order of the file: the ones the report lists.
SELECT _lembar, _baris, kolom, pesan FROM stg_galat WHERE k <= ? ORDER BY k;
