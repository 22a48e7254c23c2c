-- name: berkas/duplikat_dari
-- description: the first accepted file with the same content (sha256) as the
-- one being ingested, 0 when none: a file sent again is recorded as a
-- duplicate and not loaded twice.
SELECT coalesce(min(berkas_id), 0) FROM berkas WHERE sha256 = ? AND status = 'diterima';
