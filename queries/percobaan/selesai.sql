-- name: percobaan/selesai
-- description: closes the attempts at a file (its sha256), run with the
-- statement that records the file's outcome: accepted, rejected or
-- duplicate.
DELETE FROM percobaan WHERE sha256 = ?;
