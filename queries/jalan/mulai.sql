-- name: jalan/mulai
-- description: records that a run starts (task, trigger, start time) before
-- it does anything and returns its jalan_id, so that a run whose process
-- dies stays in the history as unfinished (Track in pipeline/history.go).
INSERT INTO jalan (tugas, pemicu, mulai) VALUES (?, ?, ?) RETURNING jalan_id;
