-- name: riwayat/daftar
-- description: every revision with the time of the publication that made it, newest first.
SELECT r.nomor, t.waktu, r.periode, r.opd_kode, r.opd_nama, r.kolom, r.lama, r.baru, r.alasan
FROM revisi r JOIN terbitan t USING (nomor) ORDER BY r.nomor DESC, r.periode DESC, r.opd_kode, r.kolom;
