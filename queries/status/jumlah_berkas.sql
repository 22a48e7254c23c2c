-- name: status/jumlah_berkas
-- description: how many files were accepted, rejected and recorded as
-- duplicates, over all time, for status.json.
SELECT count(*) FILTER (WHERE status = 'diterima'),
    count(*) FILTER (WHERE status = 'ditolak'), count(*) FILTER (WHERE status = 'duplikat')
FROM berkas;
