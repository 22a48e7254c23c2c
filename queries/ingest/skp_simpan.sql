-- name: ingest/skp_simpan
-- description: stores the validated rows of an skp file; $1 is the file's berkas_id.
-- Its employees were registered just before by ingest/pegawai_simpan (stg_pegawai).
INSERT INTO skp
SELECT $1, _lembar, _baris, g.nip_hash, nip_jenis_kelamin(nip_n, jenis_pegawai_n),
       nip_tahun_lahir(nip_n, jenis_pegawai_n), jenis_pegawai_n, opd_key, opd_nama, jenis_jabatan, golru_n,
       awal_n, akhir_n, status_n, coalesce(plt_n = 'ya', false), g.pegawai_id
FROM stg_periksa LEFT JOIN stg_pegawai g USING (nip_n)
ORDER BY _urut;
