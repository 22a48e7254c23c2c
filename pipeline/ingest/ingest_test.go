package ingest_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

var key = []byte("kunci-uji-yang-cukup-panjang")

const bknHeader = "jenis;id;nip;nama;periode_awal_skp;periode_akhir_skp;skp_unor_id;skp_unor;skp_unor_induk;skp_jabatan;skp_jenis_jabatan;is_skp_plt_plh_pjb;hasil_kerja;perilaku_kerja;hasil_akhir;pegawai_atasan_id;pegawai_atasan_nip;pegawai_atasan_nama;pegawai_atasan_unor_id;pegawai_atasan_unor;pegawai_atasan_jabatan;pegawai_atasan_golru;waktu_dinilai;pegawai_penilai_id;tahun_skp;skp_id;periode_id;skp_penilaian_id;golru;jenis_pegawai;bulan_skp"

// bknRow writes one row of BKN's 31-column penilaian export.
func bknRow(nip, opd, hk, pk, ha, waktu, tahun, bulan string) string {
	cols := strings.Split(bknHeader, ";")
	v := map[string]string{"jenis": "PERIODIK", "nip": nip, "nama": "Nama Pegawai", "skp_unor_induk": opd,
		"is_skp_plt_plh_pjb": "0", "hasil_kerja": hk, "perilaku_kerja": pk, "hasil_akhir": ha,
		"waktu_dinilai": waktu, "tahun_skp": tahun, "bulan_skp": bulan, "jenis_pegawai": "PNS"}
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = v[c]
	}
	return strings.Join(out, ";")
}

func openDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() }) // in memory: nothing to lose
	return db
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ingestDir(t *testing.T, db *store.DB, inbox string) ingest.Result {
	t.Helper()
	res, err := ingest.Inbox(context.Background(), db, inbox, ingest.Options{NIPKey: key})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func count(t *testing.T, db *store.DB, q string) int {
	t.Helper()
	var n int
	if err := db.Row(context.Background(), q).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

const good1 = "198501012010011001"
const good2 = "198602022011012002"

func TestThreeBadRowsAreAllReportedAndTheFileRejectedWhole(t *testing.T) {
	db := openDB(t)
	inbox := t.TempDir()
	lines := []string{
		bknHeader,
		bknRow(good1, "DINAS A", "DIATAS EKSPEKTASI", "DIATAS EKSPEKTASI", "SANGAT BAIK", "2026-02-03 10:00:00", "2026", "1"),
		bknRow("19850101201001100", "DINAS A", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "2026-02-03 10:00:00", "2026", "1"),
		bknRow(good2, "DINAS A", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "2026-02-03 10:00:00", "2026", "1"),
		bknRow(good2, "DINAS A", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "LUAR BIASA", "2026-02-03 10:00:00", "2026", "2"),
		bknRow(good1, "DINAS A", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "kemarin", "2026", "13"),
	}
	write(t, inbox, "penilaian.csv", []byte(strings.Join(lines, "\n")+"\n"))
	res := ingestDir(t, db, inbox)
	if res.Rejected() != 1 {
		t.Fatalf("want the file rejected, got %+v", res.Files)
	}
	galat, err := os.ReadFile(filepath.Join(inbox, "_ditolak", "penilaian.csv.galat.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(galat)
	for _, want := range []string{
		"penilaian.csv:3:nip: NIP harus 18 angka, berisi 17 angka",
		"penilaian.csv:5:hasil_akhir: predikat \"LUAR BIASA\" tidak dikenal",
		"penilaian.csv:6:waktu_dinilai:",
		"penilaian.csv:6:bulan_skp:",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("galat.txt lacks %q:\n%s", want, text)
		}
	}
	if n := count(t, db, "SELECT count(*) FROM penilaian"); n != 0 {
		t.Errorf("%d rows of a rejected file were loaded", n)
	}
	if _, err := os.Stat(filepath.Join(inbox, "_ditolak", "penilaian.csv")); err != nil {
		t.Error("rejected file not kept in _ditolak/")
	}
	if n := count(t, db, "SELECT count(*) FROM galat"); n != 4 {
		t.Errorf("galat table has %d problems, want 4", n)
	}
}

func TestXLSXWithTitleRowsAndANIPStoredAsANumber(t *testing.T) {
	db := openDB(t)
	inbox := t.TempDir()
	f := excelize.NewFile()
	sh := "Sheet1"
	set := func(cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "LAPORAN PENILAIAN SKP TAHUN 2026")
	set("A2", "DINAS A")
	set("A4", "Dicetak 2026-03-01 10:00")
	header := strings.Split(bknHeader, ";")
	for i, h := range header {
		cell, _ := excelize.CoordinatesToCellName(i+1, 6)
		set(cell, h)
	}
	put := func(row int, col string, v any) {
		for i, h := range header {
			if h == col {
				cell, _ := excelize.CoordinatesToCellName(i+1, row)
				set(cell, v)
			}
		}
	}
	for row, nip := range map[int]any{7: good1, 8: 198602022011012002.0} {
		put(row, "nip", nip)
		put(row, "skp_unor_induk", "DINAS A")
		put(row, "hasil_kerja", "SESUAI EKSPEKTASI")
		put(row, "perilaku_kerja", "SESUAI EKSPEKTASI")
		put(row, "hasil_akhir", "BAIK")
		put(row, "waktu_dinilai", 46056.5) // 2026-02-03 12:00 as an Excel serial
		put(row, "tahun_skp", 2026)
		put(row, "bulan_skp", 1)
	}
	if err := f.SaveAs(filepath.Join(inbox, "penilaian.xlsx")); err != nil {
		t.Fatal(err)
	}
	res := ingestDir(t, db, inbox)
	if len(res.Files) != 1 || res.Files[0].Status != ingest.StatusRejected {
		t.Fatalf("want rejected, got %+v", res.Files)
	}
	p := res.Files[0].Problems
	if len(p) != 1 || p[0].Row != 8 || p[0].Column != "nip" || !strings.Contains(p[0].Text, "sebagai Teks") {
		t.Errorf("want one problem at row 8, column nip, saying to format as Text; got %v", p)
	}
}

func TestXLSXWithASheetPerMonthLoadsSerialDates(t *testing.T) {
	db := openDB(t)
	inbox := t.TempDir()
	f := excelize.NewFile()
	set := func(sheet, cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	header := strings.Split(bknHeader, ";")
	for m, sheet := range []string{"jan", "feb"} {
		if m == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			t.Fatal(err)
		}
		set(sheet, "A1", "LAPORAN PENILAIAN SKP")
		for i, h := range header {
			cell, _ := excelize.CoordinatesToCellName(i+1, 3)
			set(sheet, cell, strings.ToUpper(h))
		}
		vals := map[string]any{"nip": "'" + good1, "skp_unor_induk": "Dinas  A ", "hasil_kerja": "di atas ekspektasi",
			"perilaku_kerja": "DIATAS EKSPEKTASI", "hasil_akhir": "sangat baik", "waktu_dinilai": 46056.5 + float64(m*28),
			"tahun_skp": 2026, "bulan_skp": m + 1}
		for i, h := range header {
			if v, ok := vals[h]; ok {
				cell, _ := excelize.CoordinatesToCellName(i+1, 4)
				set(sheet, cell, v)
			}
		}
	}
	if err := f.SaveAs(filepath.Join(inbox, "penilaian_2026.xlsx")); err != nil {
		t.Fatal(err)
	}
	res := ingestDir(t, db, inbox)
	if res.Rejected() != 0 {
		t.Fatalf("rejected: %v", res.Files[0].Problems)
	}
	var waktu string
	var opd string
	err := db.Row(context.Background(), `SELECT strftime(waktu_dinilai, '%Y-%m-%d %H:%M'), opd_key FROM penilaian WHERE bulan = 1`).Scan(&waktu, &opd)
	if err != nil {
		t.Fatal(err)
	}
	if waktu != "2026-02-03 12:00" || opd != "DINAS A" {
		t.Errorf("got %s %q; want 2026-02-03 12:00 \"DINAS A\"", waktu, opd)
	}
	if n := count(t, db, "SELECT count(*) FROM penilaian WHERE lembar IN ('jan', 'feb') AND baris = 4"); n != 2 {
		t.Errorf("rows should keep their sheet and row number, got %d", n)
	}
}

func TestResentFileIsRecognisedAndNotCountedTwice(t *testing.T) {
	db := openDB(t)
	inbox := t.TempDir()
	content := []byte(bknHeader + "\n" + bknRow(good1, "DINAS A", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "2026-02-03 10:00:00", "2026", "1") + "\n")
	write(t, inbox, "penilaian.csv", content)
	ingestDir(t, db, inbox)
	write(t, inbox, "penilaian (1).csv", content)
	res := ingestDir(t, db, inbox)
	if len(res.Files) != 1 || res.Files[0].Status != ingest.StatusDuplicate {
		t.Fatalf("want a duplicate, got %+v", res.Files)
	}
	if n := count(t, db, "SELECT count(*) FROM penilaian"); n != 1 {
		t.Errorf("%d rows stored, want 1", n)
	}
	if _, err := os.Stat(filepath.Join(inbox, "_diterima", "penilaian (1).csv")); err != nil {
		t.Error("the resent file must be kept, not deleted")
	}
}

func TestFilesThatCannotBeReadAreRejectedWithAReason(t *testing.T) {
	cases := []struct {
		name, file string
		content    []byte
		want       string
	}{
		{"empty", "kosong.csv", nil, "berkas kosong"},
		{"no dataset", "lain.csv", []byte("a,b,c\n1,2,3\n"), "baris judul kolom tidak dikenali"},
		{"missing column", "skp.csv", []byte("nip,skp_unor_induk,periode_awal,periode_akhir\n" + good1 + ",DINAS A,2026-01-01,2026-12-31\n"), "kolom wajib tidak ada: skp_status"},
		{"truncated xlsx", "potong.xlsx", []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00"), "XLSX rusak atau terpotong"},
		{"header only", "iku.csv", []byte("tahun,opd,kode_indikator,indikator,polaritas,target,realisasi\n"), "tidak berisi baris data"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			db := openDB(t)
			inbox := t.TempDir()
			write(t, inbox, c.file, c.content)
			res := ingestDir(t, db, inbox)
			if res.Rejected() != 1 || !strings.Contains(res.Files[0].Problems[0].String(), c.want) {
				t.Errorf("want rejection saying %q, got %+v", c.want, res.Files)
			}
			if _, err := os.Stat(filepath.Join(inbox, "_ditolak", c.file+".galat.txt")); err != nil {
				t.Error("no .galat.txt")
			}
		})
	}
}

func TestIKUWithDecimalCommasInWindows1252(t *testing.T) {
	db := openDB(t)
	inbox := t.TempDir()
	text := "tahun;bulan;opd;kode_indikator;indikator;satuan;polaritas;target;target_atas;realisasi;keterangan\n" +
		"2026;3;Dinas A;K1;Indeks kepuasan – layanan;%;maksimal;75,5;;1.234,5;\n" +
		"2026;3;Dinas A;K2;Opini BPK;;naik;1;;WTP;\n" +
		"2026;3;Dinas A;K3;Angka kejadian;%;turun;7;;6,5%;\n"
	enc, err := charmap.Windows1252.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	write(t, inbox, "iku.csv", []byte(enc))
	res := ingestDir(t, db, inbox)
	if res.Rejected() != 0 {
		t.Fatalf("rejected: %v", res.Files[0].Problems)
	}
	var target, realisasi float64
	var indikator string
	if err := db.Row(context.Background(), `SELECT target, realisasi, indikator FROM iku WHERE kode_indikator = 'K1'`).Scan(&target, &realisasi, &indikator); err != nil {
		t.Fatal(err)
	}
	if target != 75.5 || realisasi != 1234.5 || indikator != "Indeks kepuasan – layanan" {
		t.Errorf("got %v %v %q", target, realisasi, indikator)
	}
	if n := count(t, db, "SELECT count(*) FROM iku WHERE realisasi IS NULL AND realisasi_teks = 'WTP' AND polaritas = 'maksimal'"); n != 1 {
		t.Error("text realisasi WTP must be kept with no number")
	}
	if n := count(t, db, "SELECT count(*) FROM temuan WHERE jenis = 'realisasi_bukan_angka'"); n != 1 {
		t.Error("text realisasi must be a finding")
	}
}

func TestJSONArrayNDJSONAndParquetLoadLikeCSV(t *testing.T) {
	db := openDB(t)
	inbox := t.TempDir()
	write(t, inbox, "pelatihan.json", []byte(`[{"nip":"`+good1+`","nama":"X","nama_pelatihan":"Manajemen Waktu","tanggal_selesai":"2026-01-20","jp":12},
{"nip":"`+good2+`","nama_pelatihan":"Komunikasi Efektif","tanggal_selesai":"20/02/2026","jp":"8"}]`))
	write(t, inbox, "pelatihan2.ndjson", []byte(`{"nip":"`+good1+`","nama_pelatihan":"Pelayanan Publik","tanggal_selesai":"2026-03-01","jp":4}`+"\n"))
	pq := filepath.Join(t.TempDir(), "p.parquet")
	if err := db.Exec(context.Background(), `COPY (SELECT '`+good2+`' AS nip, 'Literasi Digital' AS nama_pelatihan,
		DATE '2026-04-01' AS tanggal_selesai, 6 AS jp, 'x' AS kolom_lain) TO '`+pq+`' (FORMAT parquet)`); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(pq)
	write(t, inbox, "pelatihan3.parquet", b)
	res := ingestDir(t, db, inbox)
	if res.Rejected() != 0 {
		t.Fatalf("rejected: %+v", res.Files)
	}
	if n := count(t, db, "SELECT sum(jp)::INTEGER FROM pelatihan"); n != 30 {
		t.Errorf("sum of JP %d, want 30", n)
	}
	if n := count(t, db, "SELECT count(*) FROM temuan WHERE jenis = 'kolom_tak_dikenal' AND kolom = 'kolom_lain'"); n != 1 {
		t.Error("unknown parquet column not recorded as a finding")
	}
}

func TestNIPIsStoredOnlyAsItsKeyedHash(t *testing.T) {
	db := openDB(t)
	inbox := t.TempDir()
	write(t, inbox, "penilaian.csv", []byte(bknHeader+"\n"+bknRow("'19850101 201001 1 001", "DINAS A", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "2026-02-03 10:00:00", "2026", "1")+"\n"))
	ingestDir(t, db, inbox)
	var hash, sex string
	var year int
	if err := db.Row(context.Background(), `SELECT nip_hash, jenis_kelamin, tahun_lahir FROM penilaian`).Scan(&hash, &sex, &year); err != nil {
		t.Fatal(err)
	}
	if hash != ingest.NIPHash(key, good1) || sex != "L" || year != 1985 {
		t.Errorf("got %s %s %d; want HMAC of the cleaned NIP, L, 1985", hash, sex, year)
	}
	// The key's pads are in the hash macro's body, which duckdb_functions()
	// shows to whatever runs next on the connection (an analyst's KPI in
	// compute): the macro ends with the ingest.
	var macros int
	if err := db.Row(context.Background(), `SELECT count(*) FROM duckdb_functions() WHERE function_name = 'nip_hash' OR macro_definition LIKE '%from_hex%'`).Scan(&macros); err != nil || macros != 0 {
		t.Errorf("%d macros with the key remain after ingest (%v)", macros, err)
	}
	out := filepath.Join(t.TempDir(), "x")
	if _, err := db.Export(context.Background(), out, "csv"); err != nil {
		t.Fatal(err)
	}
	err := filepath.WalkDir(out, func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if strings.Contains(string(b), good1) || strings.Contains(string(b), "Nama Pegawai") {
			t.Errorf("%s holds a NIP or a name", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestEachEmployeeGetsOneKeyAcrossFiles: the same NIP, written two ways in
// two datasets and two runs, is one pegawai_id; another NIP is another.
func TestEachEmployeeGetsOneKeyAcrossFiles(t *testing.T) {
	db := openDB(t)
	inbox := t.TempDir()
	write(t, inbox, "penilaian.csv", []byte(bknHeader+"\n"+
		bknRow("'19850101 201001 1 001", "DINAS A", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "2026-02-03 10:00:00", "2026", "1")+"\n"+
		bknRow(good2, "DINAS A", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "2026-02-03 10:00:00", "2026", "1")+"\n"))
	ingestDir(t, db, inbox)
	write(t, inbox, "pelatihan.csv", []byte("nip,nama_pelatihan,tanggal_selesai,jp\n"+good1+",Komunikasi Efektif,2026-02-20,8\n"))
	ingestDir(t, db, inbox)
	if n := count(t, db, "SELECT count(*) FROM pegawai"); n != 2 {
		t.Errorf("%d employees registered, want 2", n)
	}
	if n := count(t, db, `SELECT count(*) FROM pelatihan l JOIN penilaian p USING (pegawai_id)
		WHERE l.nip_hash = p.nip_hash`); n != 1 {
		t.Errorf("the training and the evaluation of one NIP share %d keys, want 1", n)
	}
	if n := count(t, db, "SELECT count(DISTINCT pegawai_id) FROM penilaian WHERE pegawai_id IS NOT NULL"); n != 2 {
		t.Errorf("two NIPs got %d keys, want 2", n)
	}
}

func TestEveryInputRowIsLoadedOrReported(t *testing.T) {
	db := openDB(t)
	inbox := t.TempDir()
	good := []string{bknHeader}
	for i := 0; i < 5; i++ {
		good = append(good, bknRow(good1, "DINAS A", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "2026-02-03 10:00:00", "2026", string(rune('1'+i))))
	}
	write(t, inbox, "a.csv", []byte(strings.Join(good, "\n")+"\n;;;;\n"))
	bad := []string{bknHeader,
		bknRow("123", "DINAS B", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "", "2026", "1"),
		bknRow(good2, "DINAS B", "SESUAI EKSPEKTASI", "SESUAI EKSPEKTASI", "BAIK", "", "2026", "1")}
	write(t, inbox, "b.csv", []byte(strings.Join(bad, "\n")+"\n"))
	res := ingestDir(t, db, inbox)
	read, loaded, reported := 0, 0, 0
	for _, f := range res.Files {
		read += f.RowsRead
		loaded += f.RowsLoaded
		if f.Status == ingest.StatusRejected {
			reported += f.RowsRead // the whole file waits in _ditolak/ with its report
		}
	}
	if read != 7 || loaded != 5 || loaded+reported != read {
		t.Errorf("read %d, loaded %d, in rejected files %d; want 7 = 5 + 2", read, loaded, reported)
	}
	if n := count(t, db, "SELECT sum(baris_dibaca) FROM berkas"); n != 7 {
		t.Errorf("lineage counts %d rows read, want 7", n)
	}
	if n := count(t, db, "SELECT count(*) FROM penilaian p JOIN berkas b USING (berkas_id) WHERE b.nama = 'a.csv' AND p.baris BETWEEN 2 AND 6"); n != 5 {
		t.Errorf("stored rows must point to their file and row, got %d", n)
	}
}

func TestTemplatesAreRecognisedAndEmpty(t *testing.T) {
	for _, d := range ingest.Datasets {
		for _, format := range []string{"csv", "xlsx"} {
			t.Run(d.Name+"."+format, func(t *testing.T) {
				b, err := ingest.Template(d.Name, format)
				if err != nil {
					t.Fatal(err)
				}
				dir := t.TempDir()
				p := write(t, dir, "templat_"+d.Name+"."+format, b)
				res, err := ingest.Check(context.Background(), openDB(t), []string{p}, ingest.Options{NIPKey: key})
				if err != nil {
					t.Fatal(err)
				}
				f := res.Files[0]
				// An empty template is the right dataset with no data rows yet.
				if f.Dataset != d.Name || len(f.Problems) != 1 || !strings.Contains(f.Problems[0].Text, "tidak berisi baris data") {
					t.Errorf("template checked as %q with %v", f.Dataset, f.Problems)
				}
			})
		}
	}
}

// TestAFileThatFailsTwiceIsRejectedAndTheOthersLoad: a file whose reading
// fails (here: it times out) stays in the inbox for one more round while
// the other files load; the second failure rejects it with a report, and a
// file whose earlier attempts died (no error recorded) is rejected too.
func TestAFileThatFailsTwiceIsRejectedAndTheOthersLoad(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // in memory
	inbox := t.TempDir()
	var big strings.Builder
	big.WriteString("nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;tahun_skp;bulan_skp\n")
	for i := range 600_000 {
		fmt.Fprintf(&big, "19850101201001%04d;DINAS CONTOH;SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026;%d\n", i%9000+1000, i%12+1)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(inbox, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("penilaian_besar.csv", big.String())
	opt := ingest.Options{NIPKey: []byte("kunci-uji-yang-cukup-panjang"), FileTimeout: 400 * time.Millisecond}
	for round := 1; round <= 2; round++ {
		write(fmt.Sprintf("opd_%d.csv", round), fmt.Sprintf("opd;singkatan\nDINAS %d;D%d\n", round, round))
		res, err := ingest.Inbox(ctx, db, inbox, opt)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if res.Count(ingest.StatusAccepted) != 1 {
			t.Errorf("round %d: the small file beside the failing one was not loaded: %+v", round, res.Files)
		}
		_, stays := os.Stat(filepath.Join(inbox, "penilaian_besar.csv"))
		switch round {
		case 1:
			if len(res.Failed) != 1 || stays != nil || !strings.Contains(res.Failed[0].Err.Error(), "took longer") {
				t.Errorf("round 1: failed %v, file in the inbox: %v", res.Failed, stays == nil)
			}
		case 2:
			galat, err := os.ReadFile(filepath.Join(inbox, "_ditolak", "penilaian_besar.csv.galat.txt"))
			if res.Rejected() != 1 || err != nil || !strings.Contains(string(galat), "2 kali gagal") {
				t.Errorf("round 2: rejected %d, report %q %v", res.Rejected(), galat, err)
			}
		}
	}
	// Two attempts that died (a kill leaves the attempt open): the third
	// start rejects the file without reading it.
	write("penilaian_mati.csv", "nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;tahun_skp;bulan_skp\n")
	sum := sha256.Sum256([]byte("nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;tahun_skp;bulan_skp\n"))
	if err := db.Exec(ctx, `INSERT INTO percobaan VALUES (?, 'penilaian_mati.csv', 2, now(), NULL)`, hex.EncodeToString(sum[:])); err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Inbox(ctx, db, inbox, ingest.Options{NIPKey: opt.NIPKey})
	if err != nil || res.Rejected() != 1 || !strings.Contains(res.Files[0].Problems[0].Text, "prosesnya berhenti") {
		t.Fatalf("a file whose attempts died: %+v %+v %v", res.Files, res.Failed, err)
	}
	var open int
	if err := db.Row(context.Background(), `SELECT count(*) FROM percobaan`).Scan(&open); err != nil || open != 0 {
		t.Errorf("%d attempts left open, %v", open, err)
	}
}
