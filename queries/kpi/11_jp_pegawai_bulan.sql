-- name: kpi/11_jp_pegawai_bulan
-- model: jp_pegawai_bulan
-- judul: JP pelatihan per pegawai sampai akhir bulan
-- title: Training hours per employee up to the end of a month
-- definisi: Jumlah JP pelatihan yang selesai pada tahun kalender yang sama dan tidak setelah hari terakhir bulan itu, untuk setiap pegawai yang dihitung pada bulan itu (0 bila tidak ada).
-- definition: Sum of JP of trainings finished in the same calendar year and not after the month's last day, for every employee counted that month (0 when none).
-- unit: JP
-- higher_is_better: true
-- sources: pelatihan, skp
-- The employee's trainings of the year as a short list, summed up to the
-- month by a list comprehension: a hash join on the integer pegawai_id and
-- no sort, faster on DuckDB 1.5 than a running-total window, a range join
-- or an ASOF join (each tried on the default demo).
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the model that uses it.
CREATE OR REPLACE VIEW jp_pegawai_bulan AS
WITH pelatihan_tahun AS (
    SELECT pegawai_id, year(tanggal_selesai)::SMALLINT AS tahun,
        list({'bulan': month(tanggal_selesai), 'jp': jp}) AS pelatihan
    FROM pelatihan_berlaku GROUP BY ALL
)
SELECT p.periode, p.opd_key, p.pegawai_id,
    coalesce(list_sum([l.jp FOR l IN t.pelatihan IF l.bulan <= p.bulan]), 0) AS jp
FROM pegawai_bulan p
LEFT JOIN pelatihan_tahun t ON t.pegawai_id = p.pegawai_id AND t.tahun = p.tahun;
