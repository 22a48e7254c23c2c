-- name: pegawai_bulan
-- judul: Pegawai per OPD dan bulan
-- title: Employees per agency and month
-- definisi: NIP dengan SKP disetujui dan bukan Plt/Plh yang periodenya mencakup bulan itu; pegawai dengan SKP di dua OPD pada bulan yang sama dihitung di OPD yang SKP-nya mulai paling akhir.
-- definition: NIPs with an approved, non-acting SKP whose period overlaps the month; an employee with SKPs in two agencies that month counts in the one whose SKP starts latest.
-- unit: orang
-- sources: skp
-- A view, not a table: materialising this per-person step costs more than
-- reading it in the models that use it.
CREATE OR REPLACE VIEW pegawai_bulan AS
SELECT b.periode, b.tahun, b.bulan, s.nip_hash, s.opd_key
FROM bulan b
JOIN skp_berlaku s ON s.periode_awal <= b.hari_terakhir AND s.periode_akhir >= b.hari_pertama
QUALIFY row_number() OVER (PARTITION BY b.periode, s.nip_hash ORDER BY s.periode_awal DESC, s.opd_key DESC) = 1;
