-- name: berkas/temuan_kolom_lain
-- description: stores a finding for every column of a file that is not a
-- column of its dataset (stg_kolom_lain): it was ignored. The parameter is
-- the file's berkas_id.
INSERT INTO temuan (berkas_id, lembar, baris, kolom, jenis, pesan)
SELECT ?, _lembar, NULL, kolom, 'kolom_tak_dikenal', 'kolom tambahan "' || kolom || '" tidak dikenal: diabaikan'
FROM stg_kolom_lain;
