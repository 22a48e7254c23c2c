-- name: tests/berkas_relasi
-- description: relationships: every stored row points to an accepted file of its own dataset.
SELECT 'penilaian' AS tabel, p.berkas_id FROM penilaian p LEFT JOIN berkas b USING (berkas_id)
WHERE b.berkas_id IS NULL OR b.status <> 'diterima' OR b.dataset <> 'penilaian'
UNION ALL
SELECT 'skp', s.berkas_id FROM skp s LEFT JOIN berkas b USING (berkas_id)
WHERE b.berkas_id IS NULL OR b.status <> 'diterima' OR b.dataset <> 'skp'
UNION ALL
SELECT 'iku', i.berkas_id FROM iku i LEFT JOIN berkas b USING (berkas_id)
WHERE b.berkas_id IS NULL OR b.status <> 'diterima' OR b.dataset <> 'iku'
UNION ALL
SELECT 'pelatihan', l.berkas_id FROM pelatihan l LEFT JOIN berkas b USING (berkas_id)
WHERE b.berkas_id IS NULL OR b.status <> 'diterima' OR b.dataset <> 'pelatihan';
