-- name: ingest/penilaian_basi
-- description: a finding for each OPD and period in which the penilaian file
-- just stored ($1, its berkas_id) is an older snapshot than a file already
-- accepted there: it supersedes nothing (queries/kpi/01_penilaian_status.sql),
-- and the agency must know that its resend did not replace the correction.
-- The snapshot of a file in a slice is its latest waktu_dinilai there.
INSERT INTO temuan (berkas_id, lembar, baris, kolom, jenis, pesan)
WITH baru AS (
    SELECT opd_key, tahun, bulan, max(waktu_dinilai) AS snapshot
    FROM penilaian WHERE berkas_id = $1 GROUP BY ALL
),
lama AS (
    SELECT p.opd_key, p.tahun, p.bulan, max(p.waktu_dinilai) AS snapshot, max(p.berkas_id) AS berkas_id
    FROM penilaian p
    SEMI JOIN baru b ON b.opd_key = p.opd_key AND b.tahun = p.tahun AND b.bulan IS NOT DISTINCT FROM p.bulan
    WHERE p.berkas_id <> $1
    GROUP BY ALL
)
SELECT $1, '', NULL, 'waktu_dinilai', 'berkas_lebih_lama',
    'berkas lebih lama dari koreksi yang sudah diterima untuk ' || b.opd_key || ' '
        || CASE WHEN b.bulan IS NULL THEN b.tahun::VARCHAR ELSE printf('%04d-%02d', b.tahun, b.bulan) END
        || ': tidak menggantikan apa pun (penilaian terakhir di berkas ini '
        || coalesce(strftime(b.snapshot, '%Y-%m-%d %H:%M'), 'tanpa waktu') || ', di berkas yang sudah diterima '
        || strftime(l.snapshot, '%Y-%m-%d %H:%M') || ')'
FROM baru b JOIN lama l ON l.opd_key = b.opd_key AND l.tahun = b.tahun AND l.bulan IS NOT DISTINCT FROM b.bulan
WHERE l.snapshot IS NOT NULL AND (b.snapshot IS NULL OR b.snapshot < l.snapshot)
ORDER BY b.tahun, b.bulan, b.opd_key;
