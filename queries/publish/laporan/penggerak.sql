-- name: publish/laporan/penggerak
-- description: the five OPDs whose headline KPIs rose most and the five that fell most in one month ($1, YYYY-MM), against the month before (banding bulan) and the same month a year earlier (banding tahun), from tren.
WITH s AS (
    SELECT indikator, 'bulan' AS banding, opd_kode, nilai, selisih_bulan_lalu AS selisih
    FROM tren WHERE periode = $1 AND opd_kode <> ''
    UNION ALL
    SELECT indikator, 'tahun', opd_kode, nilai, selisih_tahun_lalu
    FROM tren WHERE periode = $1 AND opd_kode <> ''
),
r AS (
    SELECT s.*, k.opd_nama, CASE WHEN selisih > 0 THEN 'naik' ELSE 'turun' END AS arah,
        row_number() OVER (PARTITION BY indikator, banding, selisih > 0 ORDER BY abs(selisih) DESC, k.opd_nama, s.opd_kode) AS urutan
    FROM s JOIN kpi_opd_bulanan k ON k.opd_kode = s.opd_kode AND k.periode = $1
    WHERE selisih IS NOT NULL AND selisih <> 0
      AND indikator IN ('cakupan_penilaian_persen', 'dinilai_tepat_waktu_persen', 'sangat_baik_persen',
                        'rata_capaian_iku_persen', 'persen_memenuhi_20jp')
)
SELECT indikator, banding, arah, urutan, opd_kode, opd_nama, nilai, selisih
FROM r WHERE urutan <= 5
ORDER BY indikator, banding, arah, urutan;
