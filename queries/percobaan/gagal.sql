-- name: percobaan/gagal
-- description: records why an attempt at a file (the second parameter, its
-- sha256) failed: the first line of the error.
UPDATE percobaan SET pesan = ? WHERE sha256 = ?;
