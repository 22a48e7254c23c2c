-- name: ingest/pelatihan_simpan
-- description: stores the validated rows of a pelatihan file; $1 is the file's berkas_id.
-- Its employees were registered just before by ingest/pegawai_simpan (stg_pegawai).
INSERT INTO pelatihan
SELECT $1, _lembar, _baris, g.nip_hash, nama_pelatihan_n,
       CASE WHEN jenis_n LIKE 'non%' THEN 'nonklasikal' ELSE jenis_n END, penyelenggara_n, mulai_n, selesai_n, jp_n, g.pegawai_id
FROM stg_periksa LEFT JOIN stg_pegawai g USING (nip_n)
ORDER BY _urut;
