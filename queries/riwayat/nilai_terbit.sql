-- name: riwayat/nilai_terbit
-- description: when a rebuild recovers the revision log from the published
-- site, the values of its last publication (the parameter is its number),
-- read back from the published files into nilai_baru (riwayat/nilai_baru),
-- become nilai_terbit: what the next publication is compared with.
INSERT INTO nilai_terbit SELECT periode, opd_kode, kolom, nilai, ? FROM nilai_baru;
