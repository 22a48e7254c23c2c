-- name: pelatihan_berlaku
-- judul: Pelatihan yang dihitung
-- title: Training rows counted
-- definisi: Setiap pelatihan seorang pegawai dihitung sekali, walau dikirim dalam beberapa berkas.
-- definition: Each training of an employee counts once, even when sent in several files.
-- sources: pelatihan
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the models that use it.
CREATE OR REPLACE VIEW pelatihan_berlaku AS
SELECT *
FROM pelatihan
QUALIFY row_number() OVER (PARTITION BY nip_hash, lower(nama_pelatihan), tanggal_selesai ORDER BY berkas_id DESC, baris) = 1;
