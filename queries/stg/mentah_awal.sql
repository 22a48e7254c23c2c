-- name: stg/mentah_awal
-- description: the first $1 records DuckDB's CSV reader read, in file order,
-- to compare with the Go reader's.
SELECT * EXCLUDE (_isi, _panjang, _tanpa_wajib) FROM stg_mentah WHERE rowid < $1 ORDER BY rowid;
