package ingest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/store"
)

// csvShapes are CSV files in the shapes agencies send, each with what
// makes it different: the seeds of FuzzDuckDBReadsCSVLikeTheGoReader, and
// the files TestDuckDBReadsPlainCSVFiles expects DuckDB's reader to take.
func csvShapes() map[string]string {
	head := "jenis;nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;tahun_skp;bulan_skp;waktu_dinilai\n"
	row := func(nip, opd, bulan string) string {
		return "BULANAN;" + nip + ";" + opd + ";SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026;" + bulan + ";2026-02-03 10:00:00\n"
	}
	rows := row("198501012010011001", "DINAS KESEHATAN", "1") + row("198601022011012002", "DINAS PENDIDIKAN", "1")
	long := strings.Repeat("X", 1200)
	var many strings.Builder
	many.WriteString(head + rows)
	for range maxEmptyRequired + 5 {
		many.WriteString("BULANAN;;;;;;;;\n")
	}
	return map[string]string{
		"plain":            head + rows,
		"crlf":             strings.ReplaceAll(head+rows, "\n", "\r\n"),
		"title rows":       "LAPORAN PENILAIAN KINERJA\nPeriode Januari 2026\n\n" + head + rows,
		"blank lines":      head + row("198501012010011001", "DINAS A", "1") + "\n\n" + row("198601022011012002", "DINAS B", "2") + "\n",
		"empty rows":       head + ";;;;;;;;\n" + row("198501012010011001", "DINAS A", "1") + "  ; ;\u00a0;;;;;;\n" + row("198601022011012002", "DINAS B", "2"),
		"quoted":           head + `BULANAN;"198501012010011001";"DINAS ""A""; B";SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026;1;` + "\n",
		"multi-line":       head + "BULANAN;198501012010011001;\"DINAS\nA\";SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026;x;\n" + row("19860102201101200", "DINAS B", "13"),
		"short and long":   head + "BULANAN;198501012010011001;DINAS A\n" + strings.TrimSuffix(row("198601022011012002", "DINAS B", "2"), "\n") + ";lebih;lagi\n",
		"long cells":       head + row("198501012010011001", long, "1") + row(long, "DINAS B", long),
		"bad rows":         head + row("1985010120100110", "DINAS A", "14") + row("1.98501012010011E+17", "", "0"),
		"mixed newlines":   head + strings.TrimSuffix(row("198501012010011001", "DINAS A", "1"), "\n") + "\r\n" + rows + "\r\n\n",
		"many blank lines": head + strings.Repeat(row("198501012010011001", "DINAS A", "1")+"\n", maxCaseJumps+3) + "\"a\nb\";" + rows,
		"no final LF":      strings.TrimSuffix(head+rows, "\n"),
		"bom":              "\ufeff" + head + rows,
		"windows-1252":     head + row("198501012010011001", "DINAS KOPERASI \xc9", "1"),
		"comma":            strings.ReplaceAll(head+rows, ";", ","),
		"tab":              strings.ReplaceAll(head+rows, ";", "\t"),
		"only header":      head,
		"unknown column":   strings.Replace(head, "\n", ";catatan\n", 1) + strings.Replace(rows, "\n", ";-\n", 1),
		"opd":              "opd;singkatan\nDINAS X;DX\n\nDINAS Y;\n",
		"empty required":   many.String(),
		// Every column of each dataset (DuckDB's reader stores whole only
		// those the validation reads), and an over-long cell in a column
		// the validation does not read (stored only when over-long).
		"every penilaian column":             everyColumn("penilaian", "", ""),
		"every skp column":                   everyColumn("skp", "", ""),
		"every iku column":                   everyColumn("iku", "", ""),
		"every pelatihan column":             everyColumn("pelatihan", "", ""),
		"every opd column":                   everyColumn("opd", "", ""),
		"long cell in an unvalidated column": everyColumn("penilaian", "pegawai_atasan_nama", long),
	}
}

// everyColumn is a file of dataset with every one of its columns, in
// reverse order, and three plausible rows, the third with text in column
// long.
func everyColumn(dataset, long, text string) string {
	d, _ := DatasetByName(dataset)
	plausible := map[string]string{
		"nip": "198501012010011001", "jenis": "BULANAN", "skp_unor_induk": "DINAS KESEHATAN", "opd": "DINAS KESEHATAN",
		"hasil_kerja": "SESUAI EKSPEKTASI", "perilaku_kerja": "DIATAS EKSPEKTASI", "hasil_akhir": "BAIK",
		"tahun_skp": "2026", "bulan_skp": "2", "tahun": "2026", "bulan": "3", "waktu_dinilai": "2026-03-04 10:00:00",
		"is_skp_plt_plh_pjb": "0", "is_plt_plh": "1", "golru": "III/a", "jenis_pegawai": "PNS", "skp_status": "DISETUJUI",
		"periode_awal": "2026-01-01", "periode_akhir": "2026-12-31", "polaritas": "maksimal", "target": "80",
		"realisasi": "75,5", "target_atas": "", "kode_indikator": "IKU-1", "indikator": "Indeks kepuasan",
		"tanggal_mulai": "2026-02-01", "tanggal_selesai": "2026-02-03", "jp": "24", "nama_pelatihan": "Pelatihan SIG",
		"singkatan": "DINKES", "predikat_organisasi": "Baik",
	}
	cols := slices.Clone(d.Columns)
	slices.Reverse(cols)
	var b strings.Builder
	b.WriteString(strings.Join(cols, ";") + "\n")
	for r := range 3 {
		cells := make([]string, len(cols))
		for i, c := range cols {
			v, ok := plausible[c]
			if !ok {
				v = fmt.Sprintf("%s %d", c, r)
			}
			if r == 2 && c == long {
				v = text
			}
			cells[i] = v
		}
		b.WriteString(strings.Join(cells, ";") + "\n")
	}
	return b.String()
}

func TestDuckDBReadsPlainCSVFiles(t *testing.T) {
	for name, text := range csvShapes() {
		t.Run(name, func(t *testing.T) {
			fast, _, why := stageBothWays(t, []byte(text))
			if fast == nil {
				t.Fatalf("the Go reader read it: %s", why)
			}
		})
	}
}

// FuzzDuckDBReadsCSVLikeTheGoReader: whatever CSV DuckDB's reader stages,
// it stages as the Go reader does: the same problems on the same rows and
// columns, the same rows read and the same validated rows.
func FuzzDuckDBReadsCSVLikeTheGoReader(f *testing.F) {
	for _, text := range csvShapes() {
		f.Add([]byte(text))
	}
	f.Add([]byte("a;\"b\nc;d\n"))
	f.Add([]byte("nip;x\n1;ab\"c\n"))
	f.Add([]byte("nip;x\n1;\"ab\"c\n"))
	f.Add([]byte("nip;x\r1;2\r"))
	f.Add([]byte("nip;" + strings.Repeat("x;", maxDuckDBFields) + "\n1;2\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		fast, slow, _ := stageBothWays(t, b)
		if fast == nil {
			return // DuckDB's reader declined it
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatalf("DuckDB's reader staged\n%s\nthe Go reader\n%s", fast, slow)
		}
	})
}

// staged is what validating a file left: its result and the validated rows.
type staged struct {
	problems []Problem
	more     []ProblemCount
	total    int
	rowsRead int
	dataset  string
	rows     []string
}

func (s *staged) String() string {
	return fmt.Sprintf("problems %v (+%v, total %d), %d rows read, dataset %q\n%s", s.problems, s.more, s.total,
		s.rowsRead, s.dataset, strings.Join(s.rows, "\n"))
}

// stageBothWays validates the CSV text with DuckDB's reader and with the Go
// reader; fast is nil, with why, when DuckDB's reader declined it.
func stageBothWays(t *testing.T, b []byte) (fast, slow *staged, why string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // in memory
	opt := Options{NIPKey: []byte("kunci-uji-yang-cukup-panjang")}
	if err := prepareSession(ctx, db, opt.NIPKey); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "berkas.csv")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	sc, err := scanFile(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	slow = stageOnce(t, db, sc, nil)
	if !sc.csv.ok {
		return nil, slow, sc.csv.why
	}
	header, err := readCSVWithDuckDB(ctx, db, sc, "berkas.csv")
	if errors.Is(err, errGoReader) {
		return nil, slow, err.Error()
	} else if err != nil {
		t.Fatal(err)
	}
	fast = stageOnce(t, db, sc, &header)
	if fast == nil {
		return nil, slow, "declined after reading"
	}
	return fast, slow, ""
}

// stageOnce validates sc read by the Go reader, or by DuckDB's reader when
// it found the header.
func stageOnce(t *testing.T, db *store.DB, sc scanned, header *located) *staged {
	t.Helper()
	ctx := context.Background()
	var out *staged
	rollback := errors.New("rollback")
	err := db.Tx(ctx, func(tx *store.Tx) error {
		fr, err := validate(ctx, tx, sc, "berkas.csv", Options{}, header, nil)
		if err != nil {
			return err
		}
		out = &staged{problems: fr.Problems, more: fr.MoreProblems, total: fr.TotalProblems, rowsRead: fr.RowsRead, dataset: fr.Dataset}
		validated, err := tx.Rows(ctx, "SELECT * EXCLUDE (_urut) FROM stg_periksa ORDER BY _urut")
		if err != nil {
			return rollback // not validated: a problem before the SQL
		}
		for _, r := range validated.Rows {
			out.rows = append(out.rows, fmt.Sprint(r...))
		}
		return rollback
	})
	if errors.Is(err, errGoReader) && header != nil {
		return nil
	}
	if err != nil && !errors.Is(err, rollback) {
		t.Fatal(err)
	}
	return out
}

// TestDuckDBReadsAFileAfterOneTheGoReaderRejected: what a rejected file left
// in the session (its staging table) does not stop the next file, read by
// DuckDB's reader, from loading.
func TestDuckDBReadsAFileAfterOneTheGoReaderRejected(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // in memory
	inbox := t.TempDir()
	shapes := csvShapes()
	// A quote inside an unquoted field: the Go reader reads it, and stops
	// after a thousand rows without their required columns.
	stopped := strings.Replace(shapes["empty required"], "BULANAN;;", "BULA\"NAN;;", 1)
	for name, text := range map[string]string{"a_berhenti.csv": stopped, "b_biasa.csv": shapes["plain"], "c_kosong.csv": shapes["blank lines"]} {
		if err := os.WriteFile(filepath.Join(inbox, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Inbox(ctx, db, inbox, Options{NIPKey: []byte("kunci-uji-yang-cukup-panjang")})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range res.Files {
		got[f.Name] = f.Status
	}
	for _, f := range res.Failed {
		got[f.Name] = "failed: " + f.Err.Error()
	}
	want := map[string]string{"a_berhenti.csv": StatusRejected, "b_biasa.csv": StatusAccepted, "c_kosong.csv": StatusAccepted}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}
