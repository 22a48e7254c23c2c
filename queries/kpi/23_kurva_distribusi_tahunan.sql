-- name: kpi/23_kurva_distribusi_tahunan
-- model: kurva_distribusi_tahunan
-- judul: Sebaran predikat terhadap kurva distribusi
-- title: Predikat distribution against the distribution curve
-- definisi: Dari penilaian tahunan: apakah sebaran predikat pegawai OPD mengikuti kurva yang ditetapkan predikat organisasinya (PermenPAN-RB 6/2022); aturan kurva adalah konfigurasi (tabel aturan_kurva).
-- definition: From annual evaluations: whether an agency's employee predikat shares follow the curve set by its organisation rating (PermenPAN-RB 6/2022); the curve rules are configuration (table aturan_kurva).
-- unit: ya/tidak
-- higher_is_better: true
-- sources: penilaian, opd
-- Two tables: kurva_aturan holds every rule checked for an agency and year
-- (its group, limit, count, share and whether it holds), from which the
-- publish step words the reasons with the suppressed values left out;
-- kurva_distribusi_tahunan is one row per agency and year, with the reasons
-- in Indonesian (alasan) and English (alasan_en).
CREATE OR REPLACE TABLE kurva_aturan AS
WITH dinilai AS (
    -- One counted annual row per NIP and year (data test penilaian_dihitung_unik).
    SELECT opd_key, tahun, jumlah AS jumlah_dinilai, sangat_baik, baik, butuh_perbaikan, kurang, sangat_kurang
    FROM penilaian_rekap WHERE status = 'dihitung' AND tahunan
),
organisasi AS (
    SELECT opd_key, tahun, arg_max(predikat_organisasi, (berkas_id, baris)) AS predikat_organisasi
    FROM opd_ref WHERE tahun IS NOT NULL AND predikat_organisasi IS NOT NULL
    GROUP BY ALL
),
uji AS (
    SELECT d.*, g.predikat_organisasi, a.jenis, a.predikat AS kelompok, a.nilai,
        jumlah_kelompok(a.predikat, d.sangat_baik, d.baik, d.butuh_perbaikan, d.kurang, d.sangat_kurang) AS jumlah_kelompok,
        greatest(d.sangat_baik, d.baik, d.butuh_perbaikan, d.kurang, d.sangat_kurang) AS terbanyak
    FROM dinilai d
    LEFT JOIN organisasi g USING (opd_key, tahun)
    LEFT JOIN aturan_kurva a ON a.predikat_organisasi = g.predikat_organisasi
)
SELECT * EXCLUDE (terbanyak),
    round(100.0 * jumlah_kelompok / nullif(jumlah_dinilai, 0), 1) AS persen_kelompok,
    patuh_kurva(jenis, jumlah_kelompok, terbanyak, jumlah_dinilai, nilai) AS patuh
FROM uji
ORDER BY tahun, opd_key, jenis, kelompok;

CREATE OR REPLACE TABLE kurva_distribusi_tahunan AS
SELECT h.tahun, o.opd_kode, o.opd_nama,
    any_value(h.predikat_organisasi) AS predikat_organisasi,
    any_value(h.jumlah_dinilai) AS jumlah_dinilai,
    any_value(h.sangat_baik) AS sangat_baik, any_value(h.baik) AS baik,
    any_value(h.butuh_perbaikan) AS butuh_perbaikan, any_value(h.kurang) AS kurang,
    any_value(h.sangat_kurang) AS sangat_kurang,
    CASE WHEN any_value(h.predikat_organisasi) IS NULL OR count(h.jenis) = 0 THEN NULL ELSE bool_and(h.patuh) END AS sesuai_kurva,
    CASE WHEN any_value(h.predikat_organisasi) IS NULL THEN 'predikat organisasi tahun ini belum ada'
    ELSE string_agg(CASE WHEN NOT h.patuh THEN alasan_kurva('id', h.jenis, h.kelompok, h.persen_kelompok, h.jumlah_kelompok, h.nilai) END,
        '; ' ORDER BY h.jenis, h.kelompok) END AS alasan,
    CASE WHEN any_value(h.predikat_organisasi) IS NULL THEN 'no organisation rating for this year yet'
    ELSE string_agg(CASE WHEN NOT h.patuh THEN alasan_kurva('en', h.jenis, h.kelompok, h.persen_kelompok, h.jumlah_kelompok, h.nilai) END,
        '; ' ORDER BY h.jenis, h.kelompok) END AS alasan_en,
    h.opd_key
FROM kurva_aturan h JOIN opd o USING (opd_key)
GROUP BY h.tahun, o.opd_kode, o.opd_nama, h.opd_key
ORDER BY h.tahun, o.opd_kode;
