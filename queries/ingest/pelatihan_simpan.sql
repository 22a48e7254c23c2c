-- name: ingest/pelatihan_simpan
-- description: stores the validated rows of a pelatihan file; $1 is the file's berkas_id.
-- Its employees were registered just before by ingest/pegawai_simpan (stg_pegawai).
-- Stored in the order the join gives, nearly the file's: (berkas_id, baris)
-- says where each row came from, and no query relies on the order of a
-- table. Sorting by the file's order took 15 of the 32 CPU seconds of
-- storing 10 million rows.
INSERT INTO pelatihan
SELECT $1, _lembar, _baris, g.nip_hash, nama_pelatihan_n,
       CASE WHEN jenis_n LIKE 'non%' THEN 'nonklasikal' ELSE jenis_n END, penyelenggara_n, mulai_n, selesai_n, jp_n, g.pegawai_id
FROM stg_periksa LEFT JOIN stg_pegawai g USING (nip_n);
