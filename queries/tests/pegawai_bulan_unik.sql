-- name: tests/pegawai_bulan_unik
-- description: unique: an employee counts in one OPD a month, once (jumlah_pegawai), even when a roster lists an SKP twice.
SELECT periode, pegawai_id, count(*) AS jumlah FROM pegawai_bulan GROUP BY ALL HAVING count(*) > 1;
