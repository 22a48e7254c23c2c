-- name: ingest/penilaian_periksa
-- description: types and validates the staged rows of a penilaian file. Each row
-- gets its typed values, the list of problems that reject the file (galat)
-- and the list of warnings kept as findings (temuan).
CREATE OR REPLACE TEMP TABLE stg_periksa AS
WITH t AS (
    SELECT
        _urut, _lembar, _baris,
        nip_bersih(nip) AS nip_n,
        nip_salah(nip) AS nip_masalah,
        sel(jenis_pegawai) AS jenis_pegawai_n,
        kunci_opd(skp_unor_induk) AS opd_key,
        sel(skp_unor_induk) AS opd_nama,
        sel(skp_jenis_jabatan) AS jenis_jabatan,
        sel(golru) AS golru_n,
        bulat(tahun_skp) AS tahun_n,
        bulat(bulan_skp) AS bulan_n,
        upper(coalesce(jenis, '')) LIKE '%TAHUNAN%' OR sel(bulan_skp) IS NULL AS tahunan,
        rating(hasil_kerja) AS hasil_kerja_n,
        rating(perilaku_kerja) AS perilaku_kerja_n,
        predikat(hasil_akhir) AS predikat_n,
        bendera(is_skp_plt_plh_pjb) AS plt_n,
        waktu(waktu_dinilai) AS waktu_n,
        tahun_skp AS tahun_asli, bulan_skp AS bulan_asli, hasil_kerja AS hk_asli, perilaku_kerja AS pk_asli,
        hasil_akhir AS ha_asli, waktu_dinilai AS waktu_asli, is_skp_plt_plh_pjb AS plt_asli
    FROM stg
)
SELECT
    -- The cells as sent are needed only for the messages below.
    * EXCLUDE (tahun_asli, bulan_asli, hk_asli, pk_asli, ha_asli, waktu_asli, plt_asli),
    opd_key AS _opd_key,
    CASE WHEN tahunan THEN tahun_n::VARCHAR ELSE printf('%04d-%02d', tahun_n, bulan_n) END AS _periode,
    list_filter([
        masalah(nip_masalah IS NOT NULL, 'nip', nip_masalah),
        masalah(opd_key IS NULL, 'skp_unor_induk', 'nama OPD kosong: isi nama OPD (unit organisasi induk)'),
        masalah(opd_nama_salah(opd_nama) IS NOT NULL, 'skp_unor_induk', opd_nama_salah(opd_nama)),
        masalah(tahun_n IS NULL OR tahun_n NOT BETWEEN 2000 AND 2100, 'tahun_skp',
            'tahun "' || coalesce(tahun_asli, '') || '" bukan tahun: isi tahun 4 angka, misalnya 2026'),
        masalah(NOT tahunan AND (bulan_n IS NULL OR bulan_n NOT BETWEEN 1 AND 12), 'bulan_skp',
            'bulan "' || coalesce(bulan_asli, '') || '" di luar 1-12: isi nomor bulan 1 sampai 12, atau kosongkan untuk penilaian tahunan'),
        masalah(hasil_kerja_n = 'salah', 'hasil_kerja',
            'rating "' || hk_asli || '" tidak dikenal: gunakan DIATAS EKSPEKTASI, SESUAI EKSPEKTASI atau DIBAWAH EKSPEKTASI'),
        masalah(perilaku_kerja_n = 'salah', 'perilaku_kerja',
            'rating "' || pk_asli || '" tidak dikenal: gunakan DIATAS EKSPEKTASI, SESUAI EKSPEKTASI atau DIBAWAH EKSPEKTASI'),
        masalah(predikat_n = 'salah', 'hasil_akhir',
            'predikat "' || ha_asli || '" tidak dikenal: gunakan SANGAT BAIK, BAIK, BUTUH PERBAIKAN, KURANG/MISCONDUCT atau SANGAT KURANG'),
        masalah(plt_n = 'salah', 'is_skp_plt_plh_pjb',
            'nilai "' || plt_asli || '" tidak dikenal: isi 1 untuk jabatan Plt/Plh, 0 untuk definitif'),
        masalah(sel(waktu_asli) IS NOT NULL AND waktu_n IS NULL, 'waktu_dinilai',
            'waktu "' || waktu_asli || '" tidak dapat dibaca: gunakan YYYY-MM-DD HH:MM:SS atau DD/MM/YYYY HH:MM')
    ], x -> x IS NOT NULL) AS galat,
    list_filter([
        catat(predikat_n NOT IN ('salah') AND predikat_matriks(hasil_kerja_n, perilaku_kerja_n) IS NOT NULL
                AND predikat_n <> predikat_matriks(hasil_kerja_n, perilaku_kerja_n), 'predikat_tak_sesuai_matriks', 'hasil_akhir',
            'predikat ' || predikat_n || ' tidak sesuai matriks PermenPAN-RB 6/2022 (' || hasil_kerja_n || ' x ' || perilaku_kerja_n
            || ' = ' || predikat_matriks(hasil_kerja_n, perilaku_kerja_n) || '); disimpan sesuai kiriman')
    ], x -> x IS NOT NULL) AS temuan
FROM t;
