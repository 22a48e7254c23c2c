// Package demo writes a believable province into an inbox: the exports the
// agencies (OPD) of Pemerintah Provinsi Lampung send, for all five datasets
// of docs/datasets.md (penilaian, skp, iku, pelatihan, opd), in the formats they
// really arrive in. It exists so that the whole pipeline — ingest, compute,
// the public site and the leadership report — can be run, demonstrated and
// tested end to end without real personnel data.
//
// # The province
//
// 47 agencies with their e-Kinerja names and abbreviations (DISDIKBUD,
// DINKES, RSUDAM, BAPPEDA, BKD, BPKAD, the biro of the Sekretariat Daerah,
// ...). Sizes follow the real shape: the education office (teachers of the
// SMA, SMK and SLB) holds about half of all employees, then the hospitals
// and health; a biro has a few dozen people. Options.Pegawai scales every
// agency; small agencies keep a minimum so that the stories stay visible,
// so very small values give somewhat more employees than asked for.
//
// Each agency has a head, units (bidang, bagian, UPTD, instalasi; for
// education regional branches and schools) with unit heads, and staff with
// positions of their sector. Employees have valid, unique 18-digit NIPs
// (PPPK numbers carry "21" in place of the appointment month), Indonesian
// names with academic titles, golongan ruang from education and years of
// service. Some join during the window (new CPNS, with Pelatihan Dasar),
// some retire at the BUP age.
//
// # The stories
//
// A dashboard built on these files must show:
//
//   - DISHUB rates almost everyone Sangat Baik while the organisation is
//     only "Baik" (rating inflation: a breach of the distribution curve);
//     DISNAKKESWAN is rated "Butuh Perbaikan" as an organisation in the
//     first year while its staff ratings stay ordinary;
//   - DISHUT's evaluation coverage slides over the last six months, from
//     about 98% to about 70%, while other agencies stay at 95-100%;
//   - RSUDAM and DBMBK rate about 45% of evaluations after day 5 of the
//     following month (the deadline); elsewhere almost all are on time;
//   - DKP has not sent the latest month at all;
//   - BKD sent a corrected export for the month before the latest
//     (penilaian_YYYY_MM_BKD_koreksi.csv): the same rows again, about one in
//     five re-evaluated with another predikat and a later waktu_dinilai;
//   - Plt and Plh episodes: DINSOS and DISPAREKRAF lose their head (who
//     becomes Penjabat Bupati elsewhere), the Sekretaris acts (Plt) until a
//     new head arrives; in BPBD and DLH the Sekretaris stands in (Plh) for a
//     month or two. They appear in skp (is_plt_plh = 1) and in penilaian
//     (is_skp_plt_plh_pjb = 1);
//   - mutasi: a few staff move to another agency mid-year (two SKP rows);
//   - training hours grow through the year; most employees reach 20 JP by
//     December, in SATPOL PP, DISPERKIMCIPTA, DISNAKKESWAN and RSJD fewer do;
//   - some rows not rated yet (mostly in the latest month), and about 0.1%
//     of predikat that disagree with the PermenPAN-RB 6/2022 matrix.
//
// # The files
//
// penilaian one file per agency and year: about 60% BKN CSV (";", all 31
// columns in BKN's order, some with a byte-order mark, CRLF, trailing empty
// rows and columns, NIPs written '19850101 201001 1 001, DD/MM/YYYY times,
// one file in Windows-1252 with names ASCII cannot hold), 30% XLSX (title
// rows, the header on row 4 to 6, sometimes one sheet a month "jan".."des"
// plus "tahunan", NIPs as Text cells, waktu_dinilai as date serials) and 10%
// JSON (an array or NDJSON). skp per agency and year as CSV ("," or ";") or
// XLSX; pelatihan as CSV, TSV or XLSX; iku a few files, some written by a
// spreadsheet set to Indonesian (decimal commas, thousands dots, "%");
// opd.csv the reference list with predikat_organisasi. Column names vary in
// case and spacing but always normalise to the canonical names.
//
// # Determinism
//
// Every decision is drawn from a PCG stream of math/rand/v2 keyed by the seed
// and by what is decided (an employee and a month, a file), never the clock
// or map order, so the same Options give byte-identical files whatever the
// order the files are written in (they are written in parallel). XLSX
// document properties take their time from the window, and workbook entries
// are zipped in name order (excelize's own order of streamed sheets is not
// stable). Each file is written under a hidden temporary name in the inbox
// and renamed into place.
package demo
