-- name: schema/002_model_per_orang_sebagai_view
-- description: the per-person steps of the KPI model became views (they cost
-- more to store than to read); drop the tables of databases computed before.
DROP TABLE IF EXISTS penilaian_status;
DROP TABLE IF EXISTS skp_berlaku;
DROP TABLE IF EXISTS pelatihan_berlaku;
DROP TABLE IF EXISTS pegawai_bulan;
DROP TABLE IF EXISTS jp_pegawai_bulan;
