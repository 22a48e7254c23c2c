-- name: stg/kolom_lain
-- description: creates, for the file being staged, the session-only table
-- of its columns that are not columns of its dataset (sheet, column): they
-- are ignored and recorded as findings (berkas/temuan_kolom_lain).
CREATE OR REPLACE TEMP TABLE stg_kolom_lain (_lembar VARCHAR, kolom VARCHAR);
