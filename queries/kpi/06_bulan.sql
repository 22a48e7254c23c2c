-- name: kpi/06_bulan
-- model: bulan
-- judul: Bulan yang dilaporkan
-- title: Months reported
-- definisi: Setiap bulan dari bulan penilaian bulanan pertama sampai terakhir di data.
-- definition: Every month from the first to the last month with monthly evaluations in the data.
-- batas_penilaian is the month's deadline for evaluations: day batas_hari_penilaian
-- of the next month, 23:59:59 WIB (docs/kpi.md, on-time rate).
-- unit: bulan
-- higher_is_better: n/a
-- sources: penilaian
CREATE OR REPLACE TABLE bulan AS
WITH batas AS (
    SELECT min(make_date(tahun, bulan, 1)) AS awal, max(make_date(tahun, bulan, 1)) AS akhir
    FROM penilaian WHERE NOT tahunan
)
SELECT strftime(b, '%Y-%m') AS periode, year(b)::SMALLINT AS tahun, month(b)::TINYINT AS bulan,
    b::DATE AS hari_pertama, last_day(b)::DATE AS hari_terakhir,
    make_timestamp(year(b + INTERVAL 1 MONTH), month(b + INTERVAL 1 MONTH),
                   getvariable('batas_hari_penilaian'), 23, 59, 59) AS batas_penilaian
FROM batas, generate_series(batas.awal, batas.akhir, INTERVAL 1 MONTH) AS g(b)
WHERE batas.awal IS NOT NULL
ORDER BY periode;
