-- name: tests/berkas_baris_lengkap
-- description: nothing lost: every accepted file stored every row it read.
SELECT berkas_id, nama, baris_dibaca, baris_dimuat FROM berkas
WHERE status = 'diterima' AND baris_dibaca <> baris_dimuat;
