-- name: macros/ingest_tutup
-- description: drops the keyed NIP hash at the end of an ingest. Its body holds the key's pads and duckdb_functions() shows a macro's body to whoever shares the connection: the analysts' KPIs that compute runs next in the same process must not read it.
DROP MACRO IF EXISTS nip_hash;
