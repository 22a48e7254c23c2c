-- name: berkas/catat_diterima
-- description: records an accepted file (name, sha256, size, dataset,
-- format, time, archive path) with the OPDs and periods its validated rows
-- (stg_periksa) cover and how many rows were read, and returns its
-- berkas_id. Numbered max(berkas_id) + 1, not by nextval (see
-- berkas/catat_duplikat).
INSERT INTO berkas (berkas_id, nama, sha256, ukuran, dataset, format, status, opd, periode, baris_dibaca, diproses_pada, arsip)
SELECT (SELECT coalesce(max(berkas_id), 0) + 1 FROM berkas), ?, ?, ?, ?, ?, 'diterima',
       list(DISTINCT _opd_key ORDER BY _opd_key) FILTER (WHERE _opd_key IS NOT NULL),
       list(DISTINCT _periode ORDER BY _periode) FILTER (WHERE _periode IS NOT NULL), count(*), ?, ?
FROM stg_periksa RETURNING berkas_id;
