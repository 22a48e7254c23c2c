-- name: tests/pegawai_unik
-- description: unique: one pegawai_id per NIP hash and one NIP hash per pegawai_id.
SELECT 'pegawai_id' AS kunci, pegawai_id::VARCHAR AS nilai, count(*) AS jumlah FROM pegawai GROUP BY pegawai_id HAVING count(*) > 1
UNION ALL
SELECT 'nip_hash', nip_hash, count(*) FROM pegawai GROUP BY nip_hash HAVING count(*) > 1;
