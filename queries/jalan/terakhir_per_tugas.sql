-- name: jalan/terakhir_per_tugas
-- description: the latest run of every task, by task, for status.json and
-- `kinerja status`.
SELECT * FROM jalan
QUALIFY row_number() OVER (PARTITION BY tugas ORDER BY mulai DESC, jalan_id DESC) = 1
ORDER BY tugas;
