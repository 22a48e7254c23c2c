-- name: riwayat/revisi
-- description: records a publication in the revision log (variables
-- terbitan_nomor, its number, and terbitan_sebelumnya, the time of the one
-- before), from nilai_baru (riwayat/nilai_baru, run just before): every published value of
-- the monthly KPI files that differs from what the last publication put out
-- becomes a revisi row, explained by the files accepted after that
-- publication for the OPD and period; then nilai_terbit becomes the values
-- of this publication. Values compare rounded to 6 decimals (float noise is
-- no revision). A month or OPD published for the first time is no revision.
INSERT INTO revisi
WITH berubah AS (
    SELECT coalesce(n.periode, o.periode) AS periode, coalesce(n.opd_kode, o.opd_kode) AS opd_kode,
        coalesce(n.opd_nama, (SELECT opd_nama FROM opd WHERE opd_kode = o.opd_kode), o.opd_kode) AS opd_nama,
        coalesce(n.kolom, o.kolom) AS kolom, o.nilai AS lama, n.nilai AS baru
    FROM nilai_baru n
    FULL JOIN nilai_terbit o ON o.periode = n.periode AND o.opd_kode = n.opd_kode AND o.kolom = n.kolom
    WHERE o.periode IS NOT NULL AND round(o.nilai, 6) IS DISTINCT FROM round(n.nilai, 6)
),
sebab AS (
    -- The files accepted since the publication before, per OPD and period.
    SELECT x.dataset, k.opd_kode, x.periode
    FROM (SELECT dataset, opd_key, unnest(periode) AS periode
          FROM (SELECT dataset, unnest(opd) AS opd_key, periode FROM berkas WHERE status = 'diterima' AND diproses_pada > getvariable('terbitan_sebelumnya'))) x
    JOIN opd k ON k.opd_key = x.opd_key
),
alasan AS (
    SELECT r.periode, r.opd_kode,
        string_agg(DISTINCT s.dataset || ' ' || s.opd_kode || ' ' || s.periode, ', ' ORDER BY s.dataset || ' ' || s.opd_kode || ' ' || s.periode) AS alasan
    FROM (SELECT DISTINCT periode, opd_kode FROM berubah) r
    JOIN sebab s ON (s.periode = r.periode OR s.periode = left(r.periode, 4)) AND (r.opd_kode = '' OR s.opd_kode = r.opd_kode)
    GROUP BY ALL
)
SELECT getvariable('terbitan_nomor'), b.periode, b.opd_kode, b.opd_nama, b.kolom, b.lama, b.baru,
    coalesce('berkas yang diterima: ' || a.alasan, 'dihitung ulang (aturan atau data acuan berubah)')
FROM berubah b LEFT JOIN alasan a ON a.periode = b.periode AND a.opd_kode = b.opd_kode
ORDER BY b.periode, b.opd_kode, b.kolom;

DELETE FROM nilai_terbit;
INSERT INTO nilai_terbit SELECT periode, opd_kode, kolom, nilai, getvariable('terbitan_nomor') FROM nilai_baru;
