-- name: publish/laporan/ambang
-- description: the attention thresholds of the last compute (table parameter, from [kpi] of kinerja.toml) that the report's charts draw as a line.
SELECT nama, nilai FROM parameter WHERE nama IN ('peringatan_cakupan', 'peringatan_capaian_iku') ORDER BY nama;
