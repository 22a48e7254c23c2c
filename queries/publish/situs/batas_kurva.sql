-- name: publish/situs/batas_kurva
-- description: the single-predikat limits of the curve rules the last compute used, drawn on the curve charts.
SELECT predikat_organisasi, predikat[1] AS predikat, jenis = 'maks_persen' AS maksimal, nilai
FROM aturan_kurva WHERE jenis IN ('maks_persen', 'min_persen') AND len(predikat) = 1;
