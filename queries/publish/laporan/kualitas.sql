-- name: publish/laporan/kualitas
-- description: data quality per OPD for one month ($1, YYYY-MM): accepted files that carry the month's data and how many of them arrived after the deadline, files rejected in the month's submission window (after the deadline of the month before, up to this month's) attributed by the OPD code in their name, findings on the OPD's rows of the month, and late evaluations (kualitas_data); a last row without OPD counts the rejected files whose name names none.
WITH batas AS (
    -- Deadline of month M: 23:59:59 WIB (UTC+7) on day batas_hari_penilaian of M+1;
    -- berkas.diproses_pada is the UTC wall clock.
    SELECT strptime($1 || '-01', '%Y-%m-%d') + to_days(hari - 1) + INTERVAL 86399 SECOND - INTERVAL 7 HOUR AS sebelumnya,
           strptime($1 || '-01', '%Y-%m-%d') + INTERVAL 1 MONTH + to_days(hari - 1) + INTERVAL 86399 SECOND - INTERVAL 7 HOUR AS bulan_ini
    FROM (SELECT coalesce((SELECT nilai FROM parameter WHERE nama = 'batas_hari_penilaian'), 5)::INTEGER AS hari)
),
diterima AS (
    SELECT o.opd_key, count(*) AS berkas_diterima,
        count(*) FILTER (WHERE b.diproses_pada > batas.bulan_ini) AS berkas_terlambat
    FROM berkas b CROSS JOIN unnest(b.opd) AS o(opd_key) CROSS JOIN batas
    WHERE b.status = 'diterima' AND list_contains(b.periode, $1)
    GROUP BY o.opd_key
),
ditolak AS (
    -- A rejected file stores no OPD: it is attributed when its name holds
    -- an OPD's code as a word (penilaian_2026-05_DINKES.csv), as agencies
    -- name their exports.
    SELECT b.berkas_id, o.opd_key
    FROM berkas b CROSS JOIN batas
    LEFT JOIN opd o ON regexp_matches(lower(b.nama), '(^|[^a-z0-9])' || o.opd_kode || '([^a-z0-9]|$)')
    WHERE b.status = 'ditolak' AND b.diproses_pada > batas.sebelumnya AND b.diproses_pada <= batas.bulan_ini
),
baris AS (
    -- The month compared as numbers: formatting every stored row to
    -- compare it with $1 took 0.1 s of the report's 0.3 s at 10M rows.
    SELECT berkas_id, lembar, baris, opd_key FROM penilaian
    WHERE NOT tahunan AND tahun = CAST(left($1, 4) AS INTEGER) AND bulan = CAST(right($1, 2) AS INTEGER)
    UNION ALL
    SELECT berkas_id, lembar, baris, opd_key FROM iku
    WHERE bulan IS NOT NULL AND tahun = CAST(left($1, 4) AS INTEGER) AND bulan = CAST(right($1, 2) AS INTEGER)
),
temuan_opd AS (
    SELECT r.opd_key, count(*) AS temuan
    FROM temuan t JOIN baris r ON r.berkas_id = t.berkas_id AND r.lembar = t.lembar AND r.baris = t.baris
    GROUP BY r.opd_key
)
SELECT * FROM (
    SELECT q.opd_kode, q.opd_nama, q.mengirim_penilaian,
        coalesce(d.berkas_diterima, 0) AS berkas_diterima,
        coalesce(d.berkas_terlambat, 0) AS berkas_terlambat,
        (SELECT count(*) FROM ditolak x WHERE x.opd_key = k.opd_key) AS berkas_ditolak,
        coalesce(t.temuan, 0) AS temuan,
        q.penilaian_terlambat
    FROM kualitas_data q
    JOIN kpi_opd_bulanan k ON k.opd_kode = q.opd_kode AND k.periode = q.periode
    LEFT JOIN diterima d ON d.opd_key = k.opd_key
    LEFT JOIN temuan_opd t ON t.opd_key = k.opd_key
    WHERE q.periode = $1
      AND (k.jumlah_pegawai > 0 OR d.berkas_diterima > 0 OR t.temuan > 0
           OR EXISTS (SELECT 1 FROM ditolak x WHERE x.opd_key = k.opd_key))
    UNION ALL
    SELECT NULL, NULL, NULL, 0, 0, count(*), 0, 0
    FROM ditolak WHERE opd_key IS NULL
    HAVING count(*) > 0
)
ORDER BY opd_kode IS NULL, opd_nama, opd_kode;
