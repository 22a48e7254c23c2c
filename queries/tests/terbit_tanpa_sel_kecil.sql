-- name: tests/terbit_tanpa_sel_kecil
-- description: privacy: no published predikat count lies between 1 and the threshold minus one.
SELECT periode, opd_kode FROM terbit_kpi_opd_bulanan
WHERE list_has_any([sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang],
                   range(1, coalesce(getvariable('ambang_sensor'), 5)::BIGINT));
