-- name: percobaan/kurangi
-- description: takes back an attempt at a file (its sha256) that the run's
-- own stop (SIGINT, SIGTERM) ended: it is not the file's fault.
-- percobaan/hapus_habis then removes a row with no attempt left.
UPDATE percobaan SET kali = kali - 1 WHERE sha256 = ?;
