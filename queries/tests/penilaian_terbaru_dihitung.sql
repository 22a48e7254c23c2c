-- name: tests/penilaian_terbaru_dihitung
-- description: the latest evaluation counts: no counted row has an older waktu_dinilai than another stored, non-superseded row of the same NIP and period (docs/datasets.md "Corrections of penilaian").
SELECT c.pegawai_id, c.tahun, c.bulan, c.berkas_id, c.waktu_dinilai, o.berkas_id AS berkas_lebih_baru, o.waktu_dinilai AS waktu_lebih_baru
FROM penilaian_status c
JOIN penilaian_status o ON o.pegawai_id = c.pegawai_id AND o.tahun = c.tahun AND o.bulan IS NOT DISTINCT FROM c.bulan
WHERE c.status = 'dihitung' AND o.status IN ('dihitung', 'digantikan_penilaian_ulang')
  AND o.waktu_dinilai IS NOT NULL AND (c.waktu_dinilai IS NULL OR o.waktu_dinilai > c.waktu_dinilai);
