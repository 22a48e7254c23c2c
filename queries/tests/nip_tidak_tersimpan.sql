-- name: tests/nip_tidak_tersimpan
-- description: privacy: every stored NIP is a 64-hex-digit keyed hash, never a number.
SELECT 'penilaian' AS tabel, nip_hash FROM penilaian WHERE NOT regexp_full_match(nip_hash, '[0-9a-f]{64}')
UNION ALL SELECT 'skp', nip_hash FROM skp WHERE NOT regexp_full_match(nip_hash, '[0-9a-f]{64}')
UNION ALL SELECT 'pelatihan', nip_hash FROM pelatihan WHERE NOT regexp_full_match(nip_hash, '[0-9a-f]{64}')
UNION ALL SELECT 'pegawai', nip_hash FROM pegawai WHERE NOT regexp_full_match(nip_hash, '[0-9a-f]{64}');
