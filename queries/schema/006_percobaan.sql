-- name: schema/006_percobaan
-- description: attempts at ingesting a file that have not ended yet. A row
-- is written (and committed) before a file is read and removed in the
-- transaction that records its outcome, so a row that stays says that an
-- attempt failed, timed out or was killed there. A file with two such
-- attempts is rejected with a report instead of being tried every round
-- (pipeline/ingest/attempts.go): one bad file must not block every later
-- ingest.
CREATE TABLE percobaan (
    sha256    VARCHAR PRIMARY KEY,
    nama      VARCHAR NOT NULL,
    kali      INTEGER NOT NULL,    -- attempts started and not ended
    terakhir  TIMESTAMP NOT NULL,  -- start of the last attempt
    pesan     VARCHAR              -- why the last attempt failed, when it did not die
);
