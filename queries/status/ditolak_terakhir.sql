-- name: status/ditolak_terakhir
-- description: the last $1 rejected files with their first problem, newest first, for `kinerja status`.
SELECT diproses_pada, nama, coalesce(pesan, '') AS pesan FROM berkas
WHERE status = 'ditolak' ORDER BY diproses_pada DESC, berkas_id DESC LIMIT $1;
