-- name: percobaan/mulai
-- description: records that an attempt at a file (sha256, name, time)
-- starts, committed before the file is read, and returns how many attempts
-- have started without ending, this one included, and why the last one
-- failed (NULL when its process died).
INSERT INTO percobaan (sha256, nama, kali, terakhir) VALUES (?, ?, 1, ?)
ON CONFLICT (sha256) DO UPDATE SET kali = percobaan.kali + 1, terakhir = excluded.terakhir
RETURNING kali, pesan;
