-- name: ingest/iku_simpan
-- description: stores the validated rows of an iku file; $1 is the file's berkas_id.
INSERT INTO iku
SELECT $1, _lembar, _baris, tahun_n, bulan_n, opd_key, opd_nama, kode_n, indikator_n, satuan_n, polaritas_n,
       target_n, target_atas_n, realisasi_teks, realisasi_n, keterangan_n
FROM stg_periksa
ORDER BY _urut;
