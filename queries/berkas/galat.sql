-- name: berkas/galat
-- description: the problems that rejected a file, in the order of its
-- report, to write the report again when a killed run left the file in the
-- inbox.
SELECT lembar, coalesce(baris, 0), coalesce(kolom, ''), pesan
FROM galat WHERE berkas_id = ? ORDER BY rowid;
