-- name: jalan/selesai
-- description: completes the row of run jalan_id (the last parameter) with
-- its end, outcome, counts, error and note; an empty error or note is NULL.
UPDATE jalan SET selesai = ?, hasil = ?,
    berkas_diproses = ?, baris_dimuat = ?, galat = nullif(?, ''), catatan = nullif(?, '')
WHERE jalan_id = ?;
