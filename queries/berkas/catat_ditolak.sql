-- name: berkas/catat_ditolak
-- description: records a rejected file (name, sha256, size, dataset or NULL,
-- format, rows read, number of problems, the first problem, time, archive
-- path) and returns its berkas_id. Numbered max(berkas_id) + 1, not by
-- nextval (see berkas/catat_duplikat).
INSERT INTO berkas (berkas_id, nama, sha256, ukuran, dataset, format, status, baris_dibaca, jumlah_galat, pesan, diproses_pada, arsip)
VALUES ((SELECT coalesce(max(berkas_id), 0) + 1 FROM berkas), ?, ?, ?, ?, ?, 'ditolak', ?, ?, ?, ?, ?) RETURNING berkas_id;
