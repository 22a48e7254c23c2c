-- name: tests/penilaian_dihitung_unik
-- description: unique: after duplicates are resolved, one counted evaluation per NIP and month (or year).
SELECT pegawai_id, tahun, bulan, count(*) AS jumlah FROM penilaian_status
WHERE status = 'dihitung' GROUP BY pegawai_id, tahun, bulan HAVING count(*) > 1;
