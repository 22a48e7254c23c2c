-- name: berkas/silsilah
-- description: the lineage that `kinerja rebuild` replays: the accepted files
-- and duplicates in the order they were taken, with where each was archived.
-- Databases of releases before schema/005_berkas_arsip have no arsip column:
-- the union by name with an empty relation that has one makes it NULL there
-- (and '' here), and rebuild finds those files by their sha256.
SELECT coalesce(arsip, ''), nama, sha256, status, coalesce(dataset, ''), diproses_pada
FROM (FROM berkas UNION ALL BY NAME SELECT NULL::VARCHAR AS arsip WHERE false)
WHERE status IN ('diterima', 'duplikat') ORDER BY berkas_id;
