-- name: percobaan/hapus_habis
-- description: removes the row of a file (its sha256) with no attempt left
-- after percobaan/kurangi.
DELETE FROM percobaan WHERE sha256 = ? AND kali <= 0;
