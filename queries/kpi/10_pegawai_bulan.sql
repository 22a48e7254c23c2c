-- name: kpi/10_pegawai_bulan
-- model: pegawai_bulan
-- judul: Pegawai per OPD dan bulan
-- title: Employees per agency and month
-- definisi: NIP dengan SKP disetujui dan bukan Plt/Plh yang periodenya mencakup bulan itu; pegawai dengan SKP di dua OPD pada bulan yang sama dihitung di OPD yang SKP-nya mulai paling akhir.
-- definition: NIPs with an approved, non-acting SKP whose period overlaps the month; an employee with SKPs in two agencies that month counts in the one whose SKP starts latest.
-- unit: orang
-- higher_is_better: n/a
-- sources: skp
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the model that uses it. Most employees have one SKP at a
-- time; only those with overlapping SKPs go through the (costly) window that
-- picks the agency, which took this step from about 160 ms to 40 ms on the
-- default demo.
CREATE OR REPLACE VIEW pegawai_bulan AS
WITH skp_bulan AS (
    SELECT b.periode, b.tahun, b.bulan, s.pegawai_id, s.opd_key, s.periode_awal
    FROM bulan b
    JOIN skp_berlaku s ON s.periode_awal <= b.hari_terakhir AND s.periode_akhir >= b.hari_pertama
),
-- Employees with two SKPs that share a month (a transfer, a new SKP before
-- the old one ended): only their months need the choice of an agency.
pindah AS (
    SELECT DISTINCT a.pegawai_id
    FROM skp_berlaku a JOIN skp_berlaku b ON b.pegawai_id = a.pegawai_id
        AND (a.periode_awal, a.opd_key) < (b.periode_awal, b.opd_key)
        AND date_trunc('month', b.periode_awal) <= a.periode_akhir
)
-- DISTINCT: a roster that lists the same SKP twice (same NIP, OPD and
-- start) must not count the employee twice.
SELECT DISTINCT periode, tahun, bulan, pegawai_id, opd_key
FROM skp_bulan WHERE pegawai_id NOT IN (SELECT pegawai_id FROM pindah)
UNION ALL
(SELECT periode, tahun, bulan, pegawai_id, opd_key
 FROM skp_bulan WHERE pegawai_id IN (SELECT pegawai_id FROM pindah)
 QUALIFY row_number() OVER (PARTITION BY periode, pegawai_id ORDER BY periode_awal DESC, opd_key DESC) = 1);
