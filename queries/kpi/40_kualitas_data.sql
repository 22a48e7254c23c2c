-- name: kpi/40_kualitas_data
-- model: kualitas_data
-- judul: Kualitas data per OPD
-- title: Data quality per agency
-- definisi: Per OPD dan bulan: penilaian yang predikatnya tidak sesuai matriks PermenPAN-RB 6/2022, baris yang digantikan berkas koreksi atau penilaian ulang, penilaian terlambat, dan apakah OPD mengirim penilaian untuk bulan itu.
-- definition: Per agency and month: evaluations whose predikat disagrees with the PermenPAN-RB 6/2022 matrix, rows superseded by a corrected file or a re-evaluation, late evaluations, and whether the agency sent evaluations for the month.
-- unit: baris
-- higher_is_better: false
-- sources: penilaian, berkas, temuan
CREATE OR REPLACE TABLE kualitas_data AS
WITH status AS (
    SELECT opd_key, printf('%04d-%02d', tahun, bulan) AS periode,
        coalesce(sum(jumlah) FILTER (WHERE status = 'digantikan_berkas'), 0)::BIGINT AS digantikan_berkas,
        coalesce(sum(jumlah) FILTER (WHERE status = 'digantikan_penilaian_ulang'), 0)::BIGINT AS digantikan_penilaian_ulang,
        coalesce(sum(jumlah) FILTER (WHERE status = 'belum_dinilai'), 0)::BIGINT AS belum_dinilai,
        -- Late: counted but rated after the deadline, or with no time of rating.
        coalesce(sum(jumlah - tepat_waktu) FILTER (WHERE status = 'dihitung'), 0)::BIGINT AS terlambat
    FROM penilaian_rekap WHERE NOT tahunan GROUP BY opd_key, tahun, bulan
),
matriks AS (
    SELECT p.opd_key, printf('%04d-%02d', p.tahun, p.bulan) AS periode, count(*) AS tidak_sesuai_matriks
    FROM temuan t JOIN penilaian p ON p.berkas_id = t.berkas_id AND p.lembar = t.lembar AND p.baris = t.baris
    WHERE t.jenis = 'predikat_tak_sesuai_matriks' AND NOT p.tahunan
    GROUP BY ALL
)
SELECT k.periode, k.opd_kode, k.opd_nama,
    k.jumlah_dinilai > 0 AS mengirim_penilaian,
    coalesce(s.terlambat, 0) AS penilaian_terlambat,
    coalesce(m.tidak_sesuai_matriks, 0) AS predikat_tidak_sesuai_matriks,
    coalesce(s.digantikan_berkas, 0) AS baris_digantikan_berkas_koreksi,
    coalesce(s.digantikan_penilaian_ulang, 0) AS baris_digantikan_penilaian_ulang,
    coalesce(s.belum_dinilai, 0) AS belum_dinilai
FROM kpi_opd_bulanan k
LEFT JOIN status s ON s.opd_key = k.opd_key AND s.periode = k.periode
LEFT JOIN matriks m ON m.opd_key = k.opd_key AND m.periode = k.periode
ORDER BY k.periode, k.opd_kode;

-- Lineage: a file whose every OPD and period was covered again by a later
-- accepted file of the same dataset is superseded; it stays in storage.
CREATE OR REPLACE TABLE berkas_digantikan AS
WITH irisan AS (
    SELECT DISTINCT 'penilaian' AS dataset, berkas_id, opd_key, tahun, coalesce(bulan, 0) AS bulan FROM penilaian
    UNION ALL SELECT DISTINCT 'iku', berkas_id, opd_key, tahun, coalesce(bulan, 0) FROM iku
    UNION ALL SELECT DISTINCT 'skp', berkas_id, opd_key, year(periode_awal), 0 FROM skp
),
pengganti AS (
    SELECT a.dataset, a.berkas_id, a.opd_key, a.tahun, a.bulan, min(b.berkas_id) AS digantikan_oleh
    FROM irisan a LEFT JOIN irisan b ON b.dataset = a.dataset AND b.opd_key = a.opd_key AND b.tahun = a.tahun
        AND b.bulan = a.bulan AND b.berkas_id > a.berkas_id
    GROUP BY ALL
)
SELECT berkas_id, dataset, max(digantikan_oleh) AS digantikan_oleh,
    count(*) AS irisan, count(digantikan_oleh) AS irisan_digantikan,
    bool_and(digantikan_oleh IS NOT NULL) AS digantikan_seluruhnya
FROM pengganti
GROUP BY berkas_id, dataset
HAVING count(digantikan_oleh) > 0
ORDER BY berkas_id;
