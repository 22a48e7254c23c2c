-- name: kpi/02_skp_berlaku
-- model: skp_berlaku
-- judul: SKP yang berlaku
-- title: SKP roster rows in force
-- definisi: Baris SKP yang disetujui, bukan Plt/Plh, dari berkas terbaru untuk OPD dan tahun itu.
-- definition: Approved, non-acting SKP rows from the latest file for their OPD and year.
-- unit: baris
-- higher_is_better: n/a
-- sources: skp
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the models that use it.
CREATE OR REPLACE VIEW skp_berlaku AS
WITH berkas_terakhir AS (
    SELECT opd_key, year(periode_awal) AS tahun, max(berkas_id) AS berkas_id FROM skp GROUP BY ALL
)
SELECT s.*
FROM skp s
JOIN berkas_terakhir t ON t.opd_key = s.opd_key AND t.tahun = year(s.periode_awal) AND t.berkas_id = s.berkas_id
WHERE NOT s.plt AND s.skp_status = 'persetujuan';
