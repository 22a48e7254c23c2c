-- name: schema/003_jalan_pemicu_catatan
-- description: run history for the scheduler: who started a run (pemicu:
-- manual from the command line, jadwal from `kinerja schedule`) and a note
-- of what it produced (the backup folder, the report file, the OPDs late
-- with their evaluations). jalan.hasil gains 'dibatalkan' for a run stopped
-- by SIGINT/SIGTERM; a run whose process died keeps selesai and hasil NULL.
ALTER TABLE jalan ADD COLUMN pemicu VARCHAR;
ALTER TABLE jalan ADD COLUMN catatan VARCHAR;
