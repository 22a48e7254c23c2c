-- name: stg/baris
-- description: the line each record of a CSV file starts on (stg_baris),
-- from its line jumps (stg/loncat): a narrow table, so that the wide
-- records are joined to it by rowid rather than sorted for an ASOF join.
CREATE OR REPLACE TEMP TABLE stg_baris AS
SELECT m.rowid AS record, j.line + m.rowid - j.record AS line
FROM (SELECT rowid FROM stg_mentah) m ASOF JOIN stg_loncat j ON m.rowid >= j.record;
