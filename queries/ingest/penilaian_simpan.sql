-- name: ingest/penilaian_simpan
-- description: stores the validated rows of a penilaian file; $1 is the file's berkas_id.
-- Its employees were registered just before by ingest/pegawai_simpan (stg_pegawai).
-- Stored in the file's order, so that the same files give the same table
-- (and the same exports) however DuckDB's threads ran the join. Without
-- the sort DuckDB inserts without batches: measured at 10M rows, no faster.
INSERT INTO penilaian
SELECT $1, _lembar, _baris, g.nip_hash, nip_jenis_kelamin(nip_n, jenis_pegawai_n),
       nip_tahun_lahir(nip_n, jenis_pegawai_n), jenis_pegawai_n, opd_key, opd_nama, jenis_jabatan, golru_n,
       tahun_n, CASE WHEN tahunan THEN NULL ELSE bulan_n END, tahunan, hasil_kerja_n, perilaku_kerja_n,
       predikat_n, coalesce(plt_n = 'ya', false), waktu_n, g.pegawai_id
FROM stg_periksa LEFT JOIN stg_pegawai g USING (nip_n)
ORDER BY _urut;
