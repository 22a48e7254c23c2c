-- name: kpi/03_iku_berlaku
-- model: iku_berlaku
-- judul: IKU yang berlaku dan capaiannya
-- title: Indicator rows in force and their achievement
-- definisi: Capaian satu indikator: maksimal realisasi/target x 100, minimal (2 - realisasi/target) x 100; dalam rentang target 100; tidak dihitung bila target 0 atau kosong, atau realisasi bukan angka.
-- definition: Achievement of one indicator: higher-is-better realisation/target x 100, lower-is-better (2 - realisation/target) x 100; 100 inside a target range; not computed for a zero or missing target or a non-numeric realisation.
-- unit: persen
-- higher_is_better: true
-- sources: iku
-- The latest file for an OPD and period wins; within it the last row of an indicator.
CREATE OR REPLACE TABLE iku_berlaku AS
WITH berkas_terakhir AS (
    SELECT opd_key, tahun, coalesce(bulan, 0) AS bulan0, max(berkas_id) AS berkas_id FROM iku GROUP BY ALL
),
baris AS (
    SELECT i.*
    FROM iku i
    JOIN berkas_terakhir t ON t.opd_key = i.opd_key AND t.tahun = i.tahun AND t.bulan0 = coalesce(i.bulan, 0)
        AND t.berkas_id = i.berkas_id
    QUALIFY row_number() OVER (PARTITION BY i.opd_key, i.tahun, coalesce(i.bulan, 0), i.kode_indikator
                               ORDER BY i.lembar DESC, i.baris DESC) = 1
)
SELECT *, capaian_iku(polaritas, target, target_atas, realisasi) AS capaian_persen
FROM baris;
