-- name: berkas/belum_dipindah
-- description: the recorded files with the sha256 and name of a file of the
-- inbox, newest first: one whose archive path does not exist yet was
-- committed by a run killed before it moved the file, and its move is
-- finished instead of loading it again (pipeline/ingest/archive.go).
SELECT berkas_id, status, arsip, coalesce(dataset, ''), format,
    baris_dibaca, baris_dimuat, jumlah_temuan, diproses_pada
FROM berkas WHERE sha256 = ? AND nama = ? AND arsip IS NOT NULL ORDER BY berkas_id DESC;
