-- name: jalan/daftar
-- description: the last runs (the parameter is how many), newest first,
-- with every column of jalan: they are read by name, since a database that
-- no run has migrated yet may lack the newer ones.
SELECT * FROM jalan ORDER BY mulai DESC, jalan_id DESC LIMIT ?;
