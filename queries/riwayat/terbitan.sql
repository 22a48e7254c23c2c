-- name: riwayat/terbitan
-- description: the entries of the revision log, oldest first.
SELECT nomor, waktu, teks, hash FROM terbitan ORDER BY nomor;
