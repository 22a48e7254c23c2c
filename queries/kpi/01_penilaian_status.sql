-- name: penilaian_status
-- judul: Status setiap baris penilaian
-- title: Status of every stored evaluation row
-- definisi: Setiap baris penilaian yang tersimpan dengan alasan dihitung atau tidak: Plt/Plh, belum dinilai, digantikan berkas koreksi, atau digantikan penilaian ulang yang lebih baru.
-- definition: Every stored evaluation row with why it counts or not: acting position, not rated yet, superseded by a corrected file, or superseded by a later re-evaluation.
-- sources: penilaian
-- A corrected file for the same OPD and period supersedes the rows of earlier
-- files for that OPD and period; then, per NIP and period, the row with the
-- latest waktu_dinilai counts (datasets.md "Duplicates").
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the models that use it.
CREATE OR REPLACE VIEW penilaian_status AS
WITH berkas_terakhir AS (
    SELECT opd_key, tahun, coalesce(bulan, 0) AS bulan0, tahunan, max(berkas_id) AS berkas_id
    FROM penilaian GROUP BY ALL
),
bertanda AS (
    SELECT p.berkas_id, p.lembar, p.baris, p.nip_hash, p.opd_key, p.tahun, p.bulan, p.tahunan, p.predikat,
        p.waktu_dinilai,
        CASE
            WHEN p.berkas_id < t.berkas_id THEN 'digantikan_berkas'
            WHEN p.plt THEN 'plt'
            WHEN p.predikat IS NULL THEN 'belum_dinilai'
        END AS alasan_awal
    FROM penilaian p
    JOIN berkas_terakhir t ON t.opd_key = p.opd_key AND t.tahun = p.tahun
        AND t.bulan0 = coalesce(p.bulan, 0) AND t.tahunan = p.tahunan
)
-- Only the columns the KPIs need: this table is rebuilt on every compute.
SELECT * EXCLUDE (alasan_awal),
    coalesce(alasan_awal, CASE WHEN row_number() OVER (
            PARTITION BY nip_hash, tahun, coalesce(bulan, 0), tahunan, alasan_awal IS NULL
            ORDER BY waktu_dinilai DESC NULLS LAST, berkas_id DESC, baris DESC) > 1
        THEN 'digantikan_penilaian_ulang' ELSE 'dihitung' END) AS status
FROM bertanda;
