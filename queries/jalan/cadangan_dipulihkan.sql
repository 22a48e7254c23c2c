-- name: jalan/cadangan_dipulihkan
-- description: in a database just restored from a backup, completes the row
-- of the backup run that made it: the export was taken while that row was
-- still open. Only the last row, and only when it is that open backup.
UPDATE jalan SET selesai = mulai, hasil = 'ok', catatan = 'cadangan ini dipulihkan'
WHERE jalan_id = (SELECT max(jalan_id) FROM jalan) AND tugas = 'backup' AND selesai IS NULL;
