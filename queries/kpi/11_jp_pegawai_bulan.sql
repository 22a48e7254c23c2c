-- name: jp_pegawai_bulan
-- judul: JP pelatihan per pegawai sampai akhir bulan
-- title: Training hours per employee up to the end of a month
-- definisi: Jumlah JP pelatihan yang selesai pada tahun kalender yang sama dan tidak setelah hari terakhir bulan itu, untuk setiap pegawai yang dihitung pada bulan itu (0 bila tidak ada).
-- definition: Sum of JP of trainings finished in the same calendar year and not after the month's last day, for every employee counted that month (0 when none).
-- unit: JP
-- higher_is_better: true
-- sources: pelatihan, skp
-- One running total per employee and year over their trainings and their
-- roster months together, read off at each roster month: a single sort of
-- about 650,000 rows on the default demo, faster than joining the months to
-- the trainings (a range join or an ASOF join, tried on DuckDB 1.5).
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the model that uses it.
CREATE OR REPLACE VIEW jp_pegawai_bulan AS
WITH urutan AS (
    -- A training finished in a month counts for that month: it sorts before the roster row.
    SELECT NULL AS periode, NULL AS opd_key, pegawai_id, year(tanggal_selesai)::SMALLINT AS tahun,
        month(tanggal_selesai)::TINYINT AS bulan, 0 AS jenis, jp
    FROM pelatihan_berlaku
    UNION ALL
    SELECT periode, opd_key, pegawai_id, tahun, bulan, 1 AS jenis, 0 AS jp FROM pegawai_bulan
),
berjalan AS (
    SELECT periode, opd_key, pegawai_id, jenis,
        sum(jp) OVER (PARTITION BY pegawai_id, tahun ORDER BY bulan, jenis ROWS UNBOUNDED PRECEDING) AS jp
    FROM urutan
)
SELECT periode, opd_key, pegawai_id, jp FROM berjalan WHERE jenis = 1;
