-- name: tests/nip_tidak_tersimpan
-- description: privacy: every stored NIP is a 64-hex-digit keyed hash, never a number.
-- The per-person tables hold the hash registered in pegawai for their
-- pegawai_id (data test pegawai_relasi), so checking pegawai checks them all.
SELECT 'pegawai' AS tabel, pegawai_id, nip_hash FROM pegawai
WHERE NOT regexp_full_match(nip_hash, '[0-9a-f]{64}');
