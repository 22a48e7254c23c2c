-- name: ingest/skp_simpan
-- description: stores the validated rows of an skp file; $1 is the file's berkas_id.
INSERT INTO skp
SELECT $1, _lembar, _baris, nip_hash(nip_n), nip_jenis_kelamin(nip_n, jenis_pegawai_n),
       nip_tahun_lahir(nip_n, jenis_pegawai_n), jenis_pegawai_n, opd_key, opd_nama, jenis_jabatan, golru_n,
       awal_n, akhir_n, status_n, coalesce(plt_n = 'ya', false)
FROM stg_periksa
ORDER BY _urut;
