-- name: publish/laporan/tren
-- description: the province's headline KPIs over the months after $1 up to $2 (YYYY-MM: the 12 months of the report's charts), with the value a year before and the changes, from tren as the site's charts.
SELECT indikator, periode, nilai, nilai_tahun_lalu, selisih_bulan_lalu, selisih_tahun_lalu
FROM tren
WHERE opd_kode = '' AND periode > $1 AND periode <= $2
  AND indikator IN ('cakupan_penilaian_persen', 'dinilai_tepat_waktu_persen', 'sangat_baik_persen',
                    'rata_capaian_iku_persen', 'persen_memenuhi_20jp')
ORDER BY indikator, periode;
