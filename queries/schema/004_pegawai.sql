-- name: schema/004_pegawai
-- description: an integer key for each employee. The per-person steps of the
-- KPI model join and partition hundreds of thousands of rows by employee; on
-- a 64-character keyed hash that was most of the compute time, on an INTEGER
-- it is a fraction. Ingest gives each new nip_hash the next pegawai_id; the
-- hash stays on every row, so nothing that reads it changes.
-- No PRIMARY KEY or UNIQUE index: maintaining DuckDB's ART indexes on the
-- 64-character hash made ingest about 30% slower. Ingest is the only writer
-- (the run lock) and registers only hashes it has not seen; the data test
-- pegawai_unik checks both keys after every compute.
CREATE SEQUENCE pegawai_seq START 1;
CREATE TABLE pegawai (
    pegawai_id  INTEGER NOT NULL DEFAULT nextval('pegawai_seq'),
    nip_hash    VARCHAR NOT NULL
);
-- Existing databases: number the employees in the order their first file arrived.
INSERT INTO pegawai (nip_hash)
SELECT nip_hash FROM (
    SELECT nip_hash, berkas_id FROM penilaian
    UNION ALL SELECT nip_hash, berkas_id FROM skp
    UNION ALL SELECT nip_hash, berkas_id FROM pelatihan
)
GROUP BY nip_hash ORDER BY min(berkas_id), nip_hash;

ALTER TABLE penilaian ADD COLUMN pegawai_id INTEGER;
ALTER TABLE skp ADD COLUMN pegawai_id INTEGER;
ALTER TABLE pelatihan ADD COLUMN pegawai_id INTEGER;
UPDATE penilaian SET pegawai_id = g.pegawai_id FROM pegawai g WHERE g.nip_hash = penilaian.nip_hash;
UPDATE skp SET pegawai_id = g.pegawai_id FROM pegawai g WHERE g.nip_hash = skp.nip_hash;
UPDATE pelatihan SET pegawai_id = g.pegawai_id FROM pegawai g WHERE g.nip_hash = pelatihan.nip_hash;
