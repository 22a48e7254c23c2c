-- name: macros/ingest
-- description: parsing helpers shared by the ingest validation of every dataset,
-- created as TEMP macros on the ingest connection before staging.

-- Text of a cell: NULL when empty or "-" (e-Kinerja's "not yet").
CREATE OR REPLACE TEMP MACRO sel(s) AS
    CASE WHEN trim(coalesce(s, '')) IN ('', '-') THEN NULL
         -- The regular expression only where there is white space to collapse.
         WHEN contains(s, '  ') OR contains(s, chr(9)) OR contains(s, chr(10)) OR contains(s, chr(12)) OR contains(s, chr(13))
             THEN trim(regexp_replace(s, '\s+', ' ', 'g'))
         ELSE trim(s) END;

-- Whether a cell holds nothing but white space, as Go's strings.TrimSpace
-- sees it (Unicode White_Space): the rows DuckDB's CSV reader stages are
-- skipped or kept by the same rule as the rows of the Go readers
-- (pipeline/ingest/csvfast.go).
-- A cell that starts with a printable ASCII character, as nearly every cell
-- does, is not blank: no regular expression for it.
CREATE OR REPLACE TEMP MACRO kosong(s) AS
    CASE WHEN s IS NULL THEN true
         WHEN ascii(s) BETWEEN 33 AND 126 THEN false
         ELSE regexp_full_match(s, '[\s\v\x{0085}\x{00A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000}]*') END;

-- Whether a cell has more than n characters (NULL for NULL). Its bytes are
-- counted first, without reading it: a cell of at most n bytes has at most
-- n characters, and nearly every cell is short.
CREATE OR REPLACE TEMP MACRO panjang_lebih(s, n) AS
    CASE WHEN strlen(s) <= n THEN false ELSE length(s) > n END;

-- The OPD key of docs/datasets.md: trimmed, inner white space collapsed, upper case.
CREATE OR REPLACE TEMP MACRO kunci_opd(s) AS upper(sel(s));

-- Why an OPD name cannot name an agency (it becomes a page code and a key),
-- or NULL: it must hold a letter or a digit.
CREATE OR REPLACE TEMP MACRO opd_nama_salah(s) AS
    CASE WHEN regexp_matches(coalesce(s, ''), '[A-Za-z0-9]') THEN NULL -- a letter or digit stays one in the key
         WHEN kunci_opd(s) IS NOT NULL AND NOT regexp_matches(kunci_opd(s), '[A-Z0-9]')
        THEN 'nama OPD "' || kunci_opd(s) || '" tidak berisi huruf atau angka: isi nama OPD yang sebenarnya' END;

-- Why an abbreviation cannot be an OPD's page code (opd/<kode>/), or NULL:
-- letters and digits with spaces, dots, hyphens, "&", "/" or brackets
-- between, at most 40 characters, never a path such as ".." or "../x".
CREATE OR REPLACE TEMP MACRO singkatan_salah(s) AS
    CASE WHEN sel(s) IS NOT NULL AND NOT regexp_full_match(sel(s), '[A-Za-z0-9][A-Za-z0-9 ._&()/-]{0,39}')
        THEN 'singkatan "' || left(sel(s), 60) || '" tidak dapat menjadi kode halaman OPD: gunakan huruf dan angka (boleh dengan spasi, titik, tanda hubung), paling banyak 40 karakter, misalnya DISDIKBUD' END;

-- A number as Indonesian spreadsheets write it: "75,57", "1.234,5", "87,5%",
-- as well as "75.57" and "1,234.5". A single dot group ("1.234") reads as a
-- decimal point; thousands dots need a decimal comma or two groups.
CREATE OR REPLACE TEMP MACRO angka_bersih(s) AS regexp_replace(replace(coalesce(s, ''), '%', ''), '[\s\x{00A0}]', '', 'g');
CREATE OR REPLACE TEMP MACRO angka(s) AS
    CASE
        -- Most cells: digits with at most a decimal point, read as they are.
        WHEN regexp_full_match(coalesce(s, ''), '[0-9]{1,15}(\.[0-9]{1,15})?') THEN s::DOUBLE
        WHEN angka_bersih(s) IN ('', '-') THEN NULL
        WHEN regexp_full_match(angka_bersih(s), '[+-]?[0-9]{1,3}(\.[0-9]{3})+,[0-9]+')
          OR regexp_full_match(angka_bersih(s), '[+-]?[0-9]{1,3}(\.[0-9]{3}){2,}')
            THEN TRY_CAST(replace(replace(angka_bersih(s), '.', ''), ',', '.') AS DOUBLE)
        WHEN regexp_full_match(angka_bersih(s), '[+-]?[0-9]{1,3}(,[0-9]{3})+\.[0-9]+')
          OR regexp_full_match(angka_bersih(s), '[+-]?[0-9]{1,3}(,[0-9]{3}){2,}')
            THEN TRY_CAST(replace(angka_bersih(s), ',', '') AS DOUBLE)
        WHEN regexp_full_match(angka_bersih(s), '[+-]?[0-9]*,[0-9]+')
            THEN TRY_CAST(replace(angka_bersih(s), ',', '.') AS DOUBLE)
        ELSE TRY_CAST(angka_bersih(s) AS DOUBLE)
    END;

-- A whole number such as a year or a month; NULL when not one.
CREATE OR REPLACE TEMP MACRO bulat(s) AS
    CASE WHEN regexp_full_match(coalesce(s, ''), '[0-9]{1,15}') THEN s::BIGINT
         WHEN angka(s) = floor(angka(s)) THEN angka(s)::BIGINT END;

-- An Excel date serial (days since 1899-12-30) as a timestamp.
CREATE OR REPLACE TEMP MACRO dari_serial(x) AS
    TIMESTAMP '1899-12-30 00:00:00' + to_microseconds(round(x * 86400000000)::BIGINT);

-- A point in time as e-Kinerja and spreadsheets write it, WIB wall clock.
CREATE OR REPLACE TEMP MACRO waktu(s) AS
    CASE
        -- Most cells: e-Kinerja's own format, the first one tried below.
        WHEN regexp_full_match(coalesce(s, ''), '[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}')
             AND try_strptime(s, '%Y-%m-%d %H:%M:%S') IS NOT NULL THEN try_strptime(s, '%Y-%m-%d %H:%M:%S')
        WHEN sel(s) IS NULL THEN NULL
        WHEN regexp_full_match(sel(s), '[0-9]+(\.[0-9]+)?') AND TRY_CAST(sel(s) AS DOUBLE) BETWEEN 1 AND 2958465
            THEN dari_serial(TRY_CAST(sel(s) AS DOUBLE))
        ELSE try_strptime(sel(s), ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%Y-%m-%dT%H:%M:%SZ',
                                  '%Y-%m-%d %H:%M:%S.%f', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M', '%d-%m-%Y %H:%M:%S',
                                  '%d-%m-%Y %H:%M', '%Y-%m-%d', '%d/%m/%Y', '%d-%m-%Y'])
    END;

-- A calendar date.
CREATE OR REPLACE TEMP MACRO tanggal(s) AS waktu(s)::DATE;

-- The NIP as digits: spaces and a leading apostrophe stripped.
CREATE OR REPLACE TEMP MACRO nip_bersih(s) AS regexp_replace(coalesce(s, ''), '[\s\x{00A0}'']', '', 'g');

-- Why a NIP cell is not a NIP, or NULL when it is one.
CREATE OR REPLACE TEMP MACRO nip_salah(s) AS
    CASE
        -- Most cells: 18 digits and nothing else, decided by one expression.
        WHEN regexp_full_match(coalesce(s, ''), '[0-9]{18}') AND right(s, 3) <> '000' THEN NULL
        WHEN nip_bersih(s) = '' THEN 'NIP kosong: isi NIP 18 angka pegawai'
        WHEN regexp_full_match(nip_bersih(s), '[0-9](\.[0-9]+)?[eE]\+?[0-9]+')
          OR (regexp_full_match(nip_bersih(s), '[0-9]{18}') AND nip_bersih(s)[16:18] = '000')
          OR regexp_full_match(nip_bersih(s), '[0-9]{16,18}\.0+')
            THEN 'NIP tersimpan sebagai angka sehingga digit terakhirnya hilang (spreadsheet hanya menyimpan 15 digit): format kolom NIP sebagai Teks, ketik ulang atau salin NIP dari e-Kinerja, lalu kirim lagi'
        WHEN NOT regexp_full_match(nip_bersih(s), '[0-9]+')
            THEN 'NIP hanya boleh berisi angka (spasi dan tanda petik di depan diabaikan): periksa isinya'
        WHEN length(nip_bersih(s)) <> 18
            THEN 'NIP harus 18 angka, berisi ' || length(nip_bersih(s)) || ' angka: periksa NIP pegawai ini'
    END;

-- Sex and birth year from a PNS NIP (birth date YYYYMMDD, CPNS start YYYYMM,
-- sex digit, sequence). PPPK numbers have another layout: NULL.
CREATE OR REPLACE TEMP MACRO nip_jenis_kelamin(n, jenis) AS
    CASE WHEN upper(coalesce(jenis, 'PNS')) LIKE '%PPPK%' THEN NULL
         WHEN n[15] = '1' THEN 'L' WHEN n[15] = '2' THEN 'P' END;
CREATE OR REPLACE TEMP MACRO nip_tahun_lahir(n, jenis) AS
    CASE WHEN upper(coalesce(jenis, 'PNS')) LIKE '%PPPK%' THEN NULL
         WHEN TRY_CAST(n[1:4] AS SMALLINT) BETWEEN 1940 AND 2010 THEN TRY_CAST(n[1:4] AS SMALLINT) END;

-- A rating of work results or behaviour: di_atas, sesuai, di_bawah; NULL
-- when not rated yet; 'salah' when it is no rating.
CREATE OR REPLACE TEMP MACRO rating(s) AS
    CASE
        WHEN sel(s) IS NULL THEN NULL
        ELSE coalesce(MAP {'DIATASEKSPEKTASI': 'di_atas', 'SESUAIEKSPEKTASI': 'sesuai', 'DIBAWAHEKSPEKTASI': 'di_bawah'}
            [replace(upper(sel(s)), ' ', '')], 'salah')
    END;

-- The predikat of an employee; 'salah' when it is none of the five.
CREATE OR REPLACE TEMP MACRO predikat(s) AS
    CASE
        WHEN sel(s) IS NULL THEN NULL
        ELSE coalesce(MAP {'SANGAT BAIK': 'sangat_baik', 'BAIK': 'baik', 'BUTUH PERBAIKAN': 'butuh_perbaikan', 'SANGAT KURANG': 'sangat_kurang'}
                [upper(sel(s))],
            CASE WHEN upper(replace(sel(s), ' ', '')) IN ('KURANG', 'KURANG/MISCONDUCT', 'MISCONDUCT') THEN 'kurang' ELSE 'salah' END)
    END;

-- The predikat that the PermenPAN-RB 6/2022 matrix gives for two ratings.
-- A lookup, not a CASE: each argument appears once, so the macro does not
-- multiply the expressions it is given (rating() of a cell).
CREATE OR REPLACE TEMP MACRO predikat_matriks(hasil, perilaku) AS
    MAP {'di_bawah|di_bawah': 'sangat_kurang', 'di_bawah|sesuai': 'butuh_perbaikan', 'di_bawah|di_atas': 'butuh_perbaikan',
         'sesuai|di_bawah': 'kurang', 'di_atas|di_bawah': 'kurang', 'di_atas|di_atas': 'sangat_baik',
         'di_atas|sesuai': 'baik', 'sesuai|di_atas': 'baik', 'sesuai|sesuai': 'baik'}[hasil || '|' || perilaku];

-- A yes/no flag: 0/1, true/false, ya/tidak; NULL when empty; 'salah' otherwise.
CREATE OR REPLACE TEMP MACRO bendera(s) AS
    CASE
        WHEN sel(s) IS NULL THEN NULL
        WHEN lower(sel(s)) IN ('1', '1.0', 'true', 'ya', 'y', 'benar') THEN 'ya'
        WHEN lower(sel(s)) IN ('0', '0.0', 'false', 'tidak', 't', 'n', 'salah') THEN 'tidak'
        ELSE 'salah'
    END;

-- Polarity of an indicator: maksimal (higher is better) or minimal.
CREATE OR REPLACE TEMP MACRO polaritas(s) AS
    CASE
        WHEN lower(sel(s)) IN ('maksimal', 'maksimum', 'max', 'maks', 'naik', 'higher', 'positif') THEN 'maksimal'
        WHEN lower(sel(s)) IN ('minimal', 'minimum', 'min', 'turun', 'lower', 'negatif') THEN 'minimal'
    END;

-- The organisation's own rating (predikat organisasi).
CREATE OR REPLACE TEMP MACRO predikat_organisasi(s) AS
    CASE
        WHEN sel(s) IS NULL THEN NULL
        WHEN upper(sel(s)) = 'ISTIMEWA' THEN 'istimewa'
        WHEN upper(sel(s)) = 'BAIK' THEN 'baik'
        WHEN upper(sel(s)) IN ('BUTUH PERBAIKAN', 'CUKUP') THEN 'butuh_perbaikan'
        WHEN upper(sel(s)) = 'KURANG' THEN 'kurang'
        WHEN upper(sel(s)) = 'SANGAT KURANG' THEN 'sangat_kurang'
        ELSE 'salah'
    END;

-- One problem of a row: NULL when cond is false, so list_filter keeps only
-- real ones.
CREATE OR REPLACE TEMP MACRO masalah(cond, kolom, pesan) AS
    CASE WHEN cond THEN {'kolom': kolom, 'pesan': pesan} END;

-- One warning of a row, kept as a data-quality finding of kind jenis.
CREATE OR REPLACE TEMP MACRO catat(cond, jenis, kolom, pesan) AS
    CASE WHEN cond THEN {'jenis': jenis, 'kolom': kolom, 'pesan': pesan} END;
