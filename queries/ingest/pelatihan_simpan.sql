-- name: ingest/pelatihan_simpan
-- description: stores the validated rows of a pelatihan file; $1 is the file's berkas_id.
INSERT INTO pelatihan
SELECT $1, _lembar, _baris, nip_hash(nip_n), nama_pelatihan_n,
       CASE WHEN jenis_n LIKE 'non%' THEN 'nonklasikal' ELSE jenis_n END, penyelenggara_n, mulai_n, selesai_n, jp_n
FROM stg_periksa
ORDER BY _urut;
