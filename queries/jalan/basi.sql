-- name: jalan/basi
-- description: whether files were accepted after the end of the last
-- complete run (ok or ditolak_sebagian), or ever when no run completed: the
-- KPIs and the site may not show them yet.
SELECT coalesce(
    (SELECT max(diproses_pada) FROM berkas WHERE status = 'diterima') >
    (SELECT max(selesai) FROM jalan WHERE tugas = 'run' AND hasil IN ('ok', 'ditolak_sebagian')),
    (SELECT count(*) > 0 FROM berkas WHERE status = 'diterima'));
