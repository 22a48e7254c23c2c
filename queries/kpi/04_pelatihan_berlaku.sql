-- name: pelatihan_berlaku
-- judul: Pelatihan yang dihitung
-- title: Training rows counted
-- definisi: Setiap pelatihan seorang pegawai dihitung sekali, walau dikirim dalam beberapa berkas.
-- definition: Each training of an employee counts once, even when sent in several files.
-- unit: baris
-- higher_is_better: n/a
-- sources: pelatihan
-- The same training is the same employee, name (any case) and end date; the
-- row of the latest file counts. Only trainings sent more than once go
-- through the window that picks it.
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the models that use it.
CREATE OR REPLACE VIEW pelatihan_berlaku AS
WITH kunci AS (
    SELECT *, lower(nama_pelatihan) AS nama_kunci FROM pelatihan
),
ganda AS (
    -- The few trainings sent more than once.
    SELECT pegawai_id, nama_kunci, tanggal_selesai FROM kunci GROUP BY ALL HAVING count(*) > 1
)
SELECT k.* EXCLUDE (nama_kunci) FROM kunci k ANTI JOIN ganda g USING (pegawai_id, nama_kunci, tanggal_selesai)
UNION ALL
(SELECT k.* EXCLUDE (nama_kunci) FROM kunci k SEMI JOIN ganda g USING (pegawai_id, nama_kunci, tanggal_selesai)
 QUALIFY row_number() OVER (PARTITION BY pegawai_id, nama_kunci, tanggal_selesai ORDER BY berkas_id DESC, baris) = 1);
