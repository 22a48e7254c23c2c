-- name: berkas/arsip_terpakai
-- description: whether an archive path (e.g. _diterima/x.csv) is already
-- recorded for a file, whose move may still be pending: ingest then picks
-- another name.
SELECT count(*) > 0 FROM berkas WHERE arsip = ?;
