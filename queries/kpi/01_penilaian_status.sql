-- name: kpi/01_penilaian_status
-- model: penilaian_status
-- judul: Status setiap baris penilaian
-- title: Status of every stored evaluation row
-- definisi: Setiap baris penilaian yang tersimpan dengan alasan dihitung atau tidak (Plt/Plh, belum dinilai, digantikan berkas yang lebih baru, atau digantikan penilaian ulang yang lebih baru) dan berkas yang menggantikannya.
-- definition: Every stored evaluation row with why it counts or not (acting position, not rated yet, superseded by a newer file, or superseded by a later re-evaluation) and the file that superseded it.
-- unit: baris
-- higher_is_better: n/a
-- sources: penilaian
-- Corrections (docs/datasets.md "Corrections of penilaian"): per OPD and
-- period (a slice), each file is a snapshot whose time is its latest
-- waktu_dinilai there. Only the files holding the newest snapshot of a slice
-- count; the others are superseded by it (digantikan_berkas), whatever the
-- order the files arrived in, so a stale resend after its correction
-- supersedes nothing and is superseded itself, while a correction that drops
-- an employee still drops them. Then, per NIP and period, the row with the
-- latest waktu_dinilai counts (digantikan_penilaian_ulang for the others).
-- Ties and rows without waktu_dinilai:
--   * files with the same snapshot time all count (a re-saved copy of one
--     export); their rows of one NIP are then a re-evaluation tie, which the
--     later-arriving file wins (berkas_id, then row);
--   * a file without any waktu_dinilai in a slice has no snapshot time: it
--     is newer than no file that has one, and among files without any, the
--     last to arrive is the newest (what the agency sent last);
--   * a row without waktu_dinilai loses to every row of the same NIP and
--     period that has one.
-- A view, not a table: penilaian_rekap reads it once per compute and every
-- model counts from that summary; an analyst can still trace any row here,
-- with the file that superseded it (digantikan_oleh, a berkas_id).
-- Only the few NIP-periods with more than one candidate row (ulang) go
-- through the window that picks the latest evaluation; the rest count as
-- they are.
CREATE OR REPLACE VIEW penilaian_status AS
WITH irisan AS (
    -- Each file's snapshot of each slice: its latest waktu_dinilai there.
    SELECT berkas_id, opd_key, tahun, bulan, max(waktu_dinilai) AS snapshot
    FROM penilaian GROUP BY ALL
),
peringkat AS (
    SELECT *, max(snapshot) OVER irisan_sama AS snapshot_terbaru, max(berkas_id) OVER irisan_sama AS berkas_terakhir
    FROM irisan WINDOW irisan_sama AS (PARTITION BY opd_key, tahun, bulan)
),
berlaku AS (
    -- The files holding the newest snapshot of their slice: the latest time,
    -- or, when no file of the slice has one, the last file to arrive.
    SELECT *, CASE WHEN snapshot_terbaru IS NULL THEN berkas_id = berkas_terakhir
                   ELSE snapshot IS NOT DISTINCT FROM snapshot_terbaru END AS terbaru
    FROM peringkat
),
digantikan AS (
    SELECT berkas_id, opd_key, tahun, bulan, berkas_pengganti
    FROM (SELECT *, max(CASE WHEN terbaru THEN berkas_id END) OVER (PARTITION BY opd_key, tahun, bulan) AS berkas_pengganti FROM berlaku)
    WHERE NOT terbaru
),
-- Not materialised: read three times, it is cheaper to recompute than to
-- copy every column of every row.
bertanda AS NOT MATERIALIZED (
    SELECT p.berkas_id, p.lembar, p.baris, p.pegawai_id, p.opd_key, p.tahun, p.bulan, p.tahunan, p.predikat,
        p.waktu_dinilai, d.berkas_pengganti AS pengganti_berkas,
        CASE
            WHEN d.berkas_id IS NOT NULL THEN 'digantikan_berkas'
            WHEN p.plt THEN 'plt'
            WHEN p.predikat IS NULL THEN 'belum_dinilai'
        END AS alasan_awal
    FROM penilaian p
    LEFT JOIN digantikan d ON d.berkas_id = p.berkas_id AND d.opd_key = p.opd_key AND d.tahun = p.tahun
        AND d.bulan IS NOT DISTINCT FROM p.bulan
),
ulang AS (
    -- NIP-periods with more than one row that could count: re-evaluations.
    SELECT pegawai_id, tahun, bulan FROM bertanda WHERE alasan_awal IS NULL GROUP BY ALL HAVING count(*) > 1
),
dipilih AS (
    SELECT b.*, row_number() OVER w AS urutan, first_value(b.berkas_id) OVER w AS berkas_dihitung
    FROM bertanda b SEMI JOIN ulang u ON u.pegawai_id = b.pegawai_id AND u.tahun = b.tahun AND u.bulan IS NOT DISTINCT FROM b.bulan
    WINDOW w AS (PARTITION BY b.pegawai_id, b.tahun, b.bulan, b.alasan_awal IS NULL
                 ORDER BY b.waktu_dinilai DESC NULLS LAST, b.berkas_id DESC, b.baris DESC)
)
SELECT b.* EXCLUDE (alasan_awal, pengganti_berkas), coalesce(b.alasan_awal, 'dihitung') AS status,
    b.pengganti_berkas AS digantikan_oleh
FROM bertanda b ANTI JOIN ulang u ON u.pegawai_id = b.pegawai_id AND u.tahun = b.tahun AND u.bulan IS NOT DISTINCT FROM b.bulan
UNION ALL
SELECT d.* EXCLUDE (alasan_awal, pengganti_berkas, urutan, berkas_dihitung),
    coalesce(d.alasan_awal, CASE WHEN d.urutan > 1 THEN 'digantikan_penilaian_ulang' ELSE 'dihitung' END) AS status,
    CASE WHEN d.alasan_awal = 'digantikan_berkas' THEN d.pengganti_berkas
         WHEN d.alasan_awal IS NULL AND d.urutan > 1 THEN d.berkas_dihitung END AS digantikan_oleh
FROM dipilih d;
