-- name: berkas/temuan_lebih_lama
-- description: the findings of a penilaian file that is an older snapshot
-- than one already accepted for an OPD and period (ingest/penilaian_basi):
-- the result of the ingest lists them.
SELECT pesan FROM temuan WHERE berkas_id = ? AND jenis = 'berkas_lebih_lama';
