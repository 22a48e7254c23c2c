-- name: jp_pegawai_bulan
-- judul: JP pelatihan per pegawai sampai akhir bulan
-- title: Training hours per employee up to the end of a month
-- definisi: Jumlah JP pelatihan yang selesai pada tahun kalender yang sama dan tidak setelah hari terakhir bulan itu, untuk setiap pegawai yang dihitung pada bulan itu (0 bila tidak ada).
-- definition: Sum of JP of trainings finished in the same calendar year and not after the month's last day, for every employee counted that month (0 when none).
-- unit: JP
-- higher_is_better: true
-- sources: pelatihan, skp
-- A plain join on the employee and year with the months up to this one:
-- each employee has a handful of training months a year, so this is small
-- (an ASOF join here was a hundred times slower on DuckDB 1.5).
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the models that use it.
CREATE OR REPLACE VIEW jp_pegawai_bulan AS
WITH per_bulan AS (
    SELECT nip_hash, year(tanggal_selesai) AS tahun, month(tanggal_selesai) AS bulan, sum(jp) AS jp
    FROM pelatihan_berlaku GROUP BY ALL
)
SELECT p.periode, p.opd_key, p.nip_hash, coalesce(sum(k.jp), 0) AS jp
FROM pegawai_bulan p
LEFT JOIN per_bulan k ON k.nip_hash = p.nip_hash AND k.tahun = p.tahun AND k.bulan <= p.bulan
GROUP BY p.periode, p.opd_key, p.nip_hash;
