-- name: kpi/04_pelatihan_berlaku
-- model: pelatihan_berlaku
-- judul: Pelatihan yang dihitung
-- title: Training rows counted
-- definisi: Setiap pelatihan seorang pegawai dihitung sekali, walau dikirim dalam beberapa berkas.
-- definition: Each training of an employee counts once, even when sent in several files.
-- unit: baris
-- higher_is_better: n/a
-- sources: pelatihan
-- The same training is the same employee, name (any case) and end date; the
-- row of the latest file counts. Only trainings sent more than once go
-- through the window that picks it. They are found on a hash of the name (an
-- integer key, no string copies): a collision only sends another training
-- through the window too, which partitions on the name itself.
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the models that use it.
CREATE OR REPLACE VIEW pelatihan_berlaku AS
WITH ganda AS (
    SELECT pegawai_id, hash(lower(nama_pelatihan)) AS nama_hash, tanggal_selesai
    FROM pelatihan GROUP BY ALL HAVING count(*) > 1
)
SELECT p.* FROM pelatihan p
ANTI JOIN ganda g ON g.pegawai_id = p.pegawai_id AND g.nama_hash = hash(lower(p.nama_pelatihan))
    AND g.tanggal_selesai = p.tanggal_selesai
UNION ALL
(SELECT p.* FROM pelatihan p
 SEMI JOIN ganda g ON g.pegawai_id = p.pegawai_id AND g.nama_hash = hash(lower(p.nama_pelatihan))
    AND g.tanggal_selesai = p.tanggal_selesai
 QUALIFY row_number() OVER (PARTITION BY pegawai_id, lower(nama_pelatihan), tanggal_selesai
     ORDER BY berkas_id DESC, baris) = 1);
