-- name: berkas/catat_jumlah
-- description: records on an accepted file (the last parameter) how many rows
-- were stored and how many findings it has, once both are known.
UPDATE berkas SET baris_dimuat = ?, jumlah_temuan = ? WHERE berkas_id = ?;
