-- name: schema/007_riwayat_terbitan
-- description: the public revision log (docs/kpi.md "Revision log"). Every
-- publication whose data files differ from the one before is an entry of an
-- append-only, hash-chained log (terbitan: the exact text whose SHA-256 is
-- the entry's hash, holding the hash of the entry before and of every
-- published data file); nilai_terbit holds the values the last publication
-- put out, and revisi every published value that a later publication
-- changed, with the files that explain it. Published values only: a
-- suppressed cell is NULL here as on the site.
CREATE TABLE terbitan (
    nomor  INTEGER NOT NULL,     -- 1, 2, 3, ... in publication order
    waktu  TIMESTAMP NOT NULL,   -- UTC
    teks   VARCHAR NOT NULL,     -- data/riwayat/NNNN.txt as published
    hash   VARCHAR NOT NULL      -- sha256 of teks
);
CREATE TABLE nilai_terbit (
    periode   VARCHAR NOT NULL,
    opd_kode  VARCHAR NOT NULL,  -- '' for the province
    kolom     VARCHAR NOT NULL,
    nilai     DOUBLE,
    nomor     INTEGER NOT NULL   -- the publication it is from
);
CREATE TABLE revisi (
    nomor     INTEGER NOT NULL,  -- the publication that changed it
    periode   VARCHAR NOT NULL,
    opd_kode  VARCHAR NOT NULL,
    opd_nama  VARCHAR NOT NULL,
    kolom     VARCHAR NOT NULL,
    lama      DOUBLE,
    baru      DOUBLE,
    alasan    VARCHAR NOT NULL   -- the files accepted since the publication before, by dataset, OPD and period
);
