-- name: stg/galat_jenis
-- description: the problems of stg_galat after the first ones (the
-- parameter is how many were listed), counted by kind, most frequent first,
-- so that a file with millions of bad rows gives a short report. A kind is
-- the column and the message up to its first colon, with quoted values and
-- numbers elided: problemKind in pipeline/ingest/problems.go is the same in
-- Go, and the two must agree.
SELECT coalesce(kolom || ': ', '') || regexp_replace(regexp_replace(split_part(pesan, ':', 1), '"[^"]*"', '"…"', 'g'), '[0-9]+', 'N', 'g') AS jenis,
    count(*)
FROM stg_galat WHERE k > ? GROUP BY ALL ORDER BY 2 DESC, 1;
