-- name: jp_pegawai_bulan
-- judul: JP pelatihan per pegawai sampai akhir bulan
-- title: Training hours per employee up to the end of a month
-- definisi: Jumlah JP pelatihan yang selesai pada tahun kalender yang sama dan tidak setelah hari terakhir bulan itu, untuk setiap pegawai yang dihitung pada bulan itu (0 bila tidak ada).
-- definition: Sum of JP of trainings finished in the same calendar year and not after the month's last day, for every employee counted that month (0 when none).
-- unit: JP
-- higher_is_better: true
-- sources: pelatihan, skp
CREATE OR REPLACE TABLE jp_pegawai_bulan AS
WITH per_bulan AS (
    SELECT nip_hash, year(tanggal_selesai) AS tahun, month(tanggal_selesai) AS bulan, sum(jp) AS jp
    FROM pelatihan_berlaku GROUP BY ALL
),
kumulatif AS (
    SELECT nip_hash, tahun, bulan,
        sum(jp) OVER (PARTITION BY nip_hash, tahun ORDER BY bulan) AS jp_kumulatif
    FROM per_bulan
)
SELECT p.periode, p.opd_key, p.nip_hash, coalesce(k.jp_kumulatif, 0) AS jp
FROM pegawai_bulan p
ASOF LEFT JOIN kumulatif k
    ON k.nip_hash = p.nip_hash AND k.tahun = p.tahun AND p.bulan >= k.bulan;
