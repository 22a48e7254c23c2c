-- name: riwayat/catat
-- description: records one publication of the revision log: its number, time, text and the text's SHA-256.
INSERT INTO terbitan VALUES ($1, $2, $3, $4);
