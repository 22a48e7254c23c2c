-- name: ingest/pegawai_simpan
-- description: registers the employees of a validated file before its rows
-- are stored: each NIP is hashed once (stg_pegawai, a session-only table) and
-- every hash not seen before gets the next pegawai_id.
CREATE OR REPLACE TEMP TABLE stg_pegawai AS
SELECT nip_n, nip_hash(nip_n) AS nip_hash
FROM (SELECT DISTINCT nip_n FROM stg_periksa WHERE nip_n IS NOT NULL);

-- Numbered in this transaction, not by the default nextval('pegawai_seq'):
-- DuckDB's sequences are not transactional, and a value drawn by a
-- transaction that a crash stopped may stay used, so a rerun would number
-- employees differently from a clean run.
INSERT INTO pegawai (pegawai_id, nip_hash)
SELECT (SELECT coalesce(max(pegawai_id), 0) FROM pegawai) + row_number() OVER (ORDER BY nip_hash), nip_hash
FROM stg_pegawai
WHERE nip_hash NOT IN (SELECT nip_hash FROM pegawai);

CREATE OR REPLACE TEMP TABLE stg_pegawai AS
SELECT s.nip_n, s.nip_hash, g.pegawai_id FROM stg_pegawai s JOIN pegawai g USING (nip_hash);
