-- name: tests/penilaian_dihitung_unik
-- description: unique: after duplicates are resolved, one counted evaluation per NIP and month (or year).
SELECT nip_hash, tahun, bulan, count(*) AS jumlah FROM penilaian_status
WHERE status = 'dihitung' GROUP BY nip_hash, tahun, bulan, tahunan HAVING count(*) > 1;
