-- name: kpi/30_tren
-- model: tren
-- judul: Tren indikator per OPD dan provinsi
-- title: Indicator trends per agency and province
-- definisi: Untuk setiap indikator utama per OPD (dan provinsi, opd_kode kosong) dan bulan: nilai, perubahan dari bulan lalu dan dari bulan yang sama tahun lalu, rata-rata bergulir 3 bulan, dan peringkat di antara OPD (1 = terbaik).
-- definition: For each headline indicator per agency (and the province, empty opd_kode) and month: value, change from the previous month and from the same month a year earlier, 3-month rolling mean, and rank among agencies (1 = best).
-- unit: sesuai indikator
-- higher_is_better: true untuk setiap indikator yang diperingkat; sangat_baik_persen tidak diperingkat (lebih banyak bukan lebih baik)
-- sources: skp, penilaian, iku, pelatihan
CREATE OR REPLACE TABLE tren AS
WITH panjang AS (
    UNPIVOT (
        SELECT periode, opd_kode, cakupan_penilaian_persen, dinilai_tepat_waktu_persen, sangat_baik_persen,
            rata_capaian_iku_persen, rata_jp_per_pegawai, persen_memenuhi_20jp
        FROM kpi_opd_bulanan
        UNION ALL
        SELECT periode, '' AS opd_kode, cakupan_penilaian_persen, dinilai_tepat_waktu_persen, sangat_baik_persen,
            rata_capaian_iku_persen, rata_jp_per_pegawai, persen_memenuhi_20jp
        FROM kpi_provinsi_bulanan
    ) ON cakupan_penilaian_persen, dinilai_tepat_waktu_persen, sangat_baik_persen, rata_capaian_iku_persen,
        rata_jp_per_pegawai, persen_memenuhi_20jp
    INTO NAME indikator VALUE nilai
),
arah AS (
    -- Higher is better for every ranked indicator; the share of Sangat Baik
    -- is not ranked: more is not better (rating inflation).
    SELECT *, indikator <> 'sangat_baik_persen' AS diperingkat FROM panjang
),
w AS (
    SELECT a.*,
        b1.nilai AS nilai_bulan_lalu,
        b12.nilai AS nilai_tahun_lalu,
        avg(a.nilai) OVER (PARTITION BY a.opd_kode, a.indikator ORDER BY a.periode ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS rata_3_bulan,
        count(a.nilai) OVER (PARTITION BY a.opd_kode, a.indikator ORDER BY a.periode ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS n_3_bulan
    FROM arah a
    LEFT JOIN arah b1 ON b1.opd_kode = a.opd_kode AND b1.indikator = a.indikator
        AND b1.periode = strftime(strptime(a.periode || '-01', '%Y-%m-%d') - INTERVAL 1 MONTH, '%Y-%m')
    LEFT JOIN arah b12 ON b12.opd_kode = a.opd_kode AND b12.indikator = a.indikator
        AND b12.periode = strftime(strptime(a.periode || '-01', '%Y-%m-%d') - INTERVAL 12 MONTH, '%Y-%m')
)
SELECT periode, opd_kode, indikator, nilai, nilai_bulan_lalu, round(nilai - nilai_bulan_lalu, 2) AS selisih_bulan_lalu,
    nilai_tahun_lalu, round(nilai - nilai_tahun_lalu, 2) AS selisih_tahun_lalu,
    CASE WHEN n_3_bulan = 3 THEN round(rata_3_bulan, 2) END AS rata_3_bulan,
    CASE WHEN opd_kode <> '' AND diperingkat AND nilai IS NOT NULL
        THEN rank() OVER (PARTITION BY periode, indikator, opd_kode <> '' AND diperingkat AND nilai IS NOT NULL ORDER BY nilai DESC)
    END AS peringkat
FROM w
ORDER BY indikator, opd_kode, periode;
