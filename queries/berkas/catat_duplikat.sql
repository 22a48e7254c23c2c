-- name: berkas/catat_duplikat
-- description: records a duplicate (name, sha256, size, time, archive path)
-- of the accepted file given last, with that file's dataset and format, and
-- returns its berkas_id and dataset.
-- Numbered max(berkas_id) + 1 in the statement, not by the default
-- nextval('berkas_seq'): DuckDB's sequences are not transactional, and a
-- value drawn by a transaction that a kill stopped can stay used after the
-- crash, so a rerun would number its files differently from a clean run
-- (found by the crash test). Ingest is the only writer, under the run lock.
-- The same holds for berkas/catat_diterima and berkas/catat_ditolak.
INSERT INTO berkas (berkas_id, nama, sha256, ukuran, dataset, format, status, duplikat_dari, pesan, diproses_pada, arsip)
SELECT (SELECT coalesce(max(berkas_id), 0) + 1 FROM berkas), ?, ?, ?, dataset, format, 'duplikat', berkas_id,
    'isi sama dengan berkas ' || nama || ' yang sudah dimuat; tidak dimuat lagi', ?, ?
FROM berkas WHERE berkas_id = ? RETURNING berkas_id, dataset;
