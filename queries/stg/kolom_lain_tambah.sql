-- name: stg/kolom_lain_tambah
-- description: adds one column that is not a column of the dataset (sheet,
-- '' unless the workbook has several data sheets, and column) to
-- stg_kolom_lain.
INSERT INTO stg_kolom_lain VALUES (?, ?);
