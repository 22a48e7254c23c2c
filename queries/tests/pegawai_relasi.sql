-- name: tests/pegawai_relasi
-- description: not_null and relationships: every per-person row carries the pegawai_id registered for its NIP hash.
SELECT 'penilaian' AS tabel, p.berkas_id, p.baris, p.pegawai_id
FROM penilaian p LEFT JOIN pegawai g USING (pegawai_id) WHERE g.nip_hash IS DISTINCT FROM p.nip_hash
UNION ALL
SELECT 'skp', s.berkas_id, s.baris, s.pegawai_id
FROM skp s LEFT JOIN pegawai g USING (pegawai_id) WHERE g.nip_hash IS DISTINCT FROM s.nip_hash
UNION ALL
SELECT 'pelatihan', l.berkas_id, l.baris, l.pegawai_id
FROM pelatihan l LEFT JOIN pegawai g USING (pegawai_id) WHERE g.nip_hash IS DISTINCT FROM l.nip_hash;
