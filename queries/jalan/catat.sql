-- name: jalan/catat
-- description: records a finished run (task, trigger, start, end, note) that
-- did not run under Track: a rebuild, which creates the database it is
-- recorded in.
INSERT INTO jalan (tugas, pemicu, mulai, selesai, hasil, berkas_diproses, baris_dimuat, catatan)
VALUES (?, ?, ?, ?, 'ok', 0, 0, ?);
