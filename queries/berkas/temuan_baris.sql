-- name: berkas/temuan_baris
-- description: stores the findings of the validated rows (stg_periksa) of
-- a file (the parameter is its berkas_id): what was accepted with a warning.
INSERT INTO temuan (berkas_id, lembar, baris, kolom, jenis, pesan)
SELECT ?, _lembar, _baris, t.kolom, t.jenis, t.pesan
FROM (SELECT _urut, _lembar, _baris, unnest(temuan) AS t FROM stg_periksa) ORDER BY _urut;
