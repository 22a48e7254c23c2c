-- name: stg/galat
-- description: numbers the problems that the validation of a file found
-- (the galat lists of stg_periksa, one row per problem) in the order of the
-- file, into the session-only table stg_galat, so that only the first ones
-- are read and the rest counted by kind.
CREATE OR REPLACE TEMP TABLE stg_galat AS
SELECT row_number() OVER (ORDER BY _urut, i) AS k, _lembar, _baris, g.kolom AS kolom, g.pesan AS pesan
FROM (SELECT _urut, _lembar, _baris, unnest(galat) AS g, generate_subscripts(galat, 1) AS i FROM stg_periksa);
