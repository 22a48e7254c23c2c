-- name: ingest/opd_simpan
-- description: stores the validated rows of an opd reference file; $1 is the file's berkas_id.
INSERT INTO opd_ref
SELECT $1, _lembar, _baris, opd_key, opd_nama, singkatan_n, tahun_n, predikat_n
FROM stg_periksa
ORDER BY _urut;
