package ingest

// Fuzz targets for every parser of the ingest: encoding and delimiter
// sniffing, the CSV, XLSX and JSON readers, header matching, and the SQL
// parsers of numbers, dates, NIPs and periods. `go test` runs their seed
// corpora (testdata/fuzz/, written from the test fixtures by
// TestWriteFuzzSeeds -update-fuzz-seeds, plus every input a fuzz run found
// failing); `make fuzz` runs each for FUZZTIME. Each checks a property,
// not only that nothing panics.

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/lampungprov/kinerja/pipeline/store"
)

var updateFuzzSeeds = flag.Bool("update-fuzz-seeds", false, "write the seed corpora of the fuzz targets from the test fixtures")

// fixtureFiles are the fixture province's files and the ingest tests' own
// XLSX templates: the seeds of the file readers.
func fixtureFiles(t testing.TB) map[string][]byte {
	t.Helper()
	dir := filepath.Join("..", "testdata", "provinsi-kecil")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = b
	}
	for _, d := range Datasets {
		b, err := Template(d.Name, "xlsx")
		if err != nil {
			t.Fatal(err)
		}
		out["templat_"+d.Name+".xlsx"] = b
	}
	return out
}

// TestWriteFuzzSeeds writes testdata/fuzz/<target>/ from the fixtures when
// run with -update-fuzz-seeds; without it, it checks that they are there.
func TestWriteFuzzSeeds(t *testing.T) {
	files := fixtureFiles(t)
	seeds := map[string][]string{}
	for name, b := range files {
		entry := fmt.Sprintf("go test fuzz v1\n[]byte(%q)\n", b)
		switch {
		case strings.HasSuffix(name, ".xlsx"):
			seeds["FuzzReadXLSX"] = append(seeds["FuzzReadXLSX"], entry)
		default:
			for _, target := range []string{"FuzzDecodeAndSniff", "FuzzReadCSV", "FuzzCheckAgreesWithIngest"} {
				seeds[target] = append(seeds[target], entry)
			}
		}
	}
	for target, entries := range seeds {
		dir := filepath.Join("testdata", "fuzz", target)
		if !*updateFuzzSeeds {
			if got, _ := filepath.Glob(filepath.Join(dir, "seed-*")); len(got) < len(entries) {
				t.Errorf("%s has %d seeds, want %d: run go test ./pipeline/ingest -run TestWriteFuzzSeeds -update-fuzz-seeds", dir, len(got), len(entries))
			}
			continue
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for i, e := range entries {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("seed-%02d", i)), []byte(e), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func FuzzDecodeAndSniff(f *testing.F) {
	f.Add([]byte("nip;nama\n1;x\n"))
	f.Add([]byte("\xef\xbb\xbfa,b\n"))
	f.Add([]byte("\xff\xfea\x00;\x00b\x00"))
	f.Add([]byte("caf\xe9;x\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		text, enc, err := decodeText(b)
		if err != nil {
			return
		}
		if !utf8.Valid(text) {
			t.Fatalf("decodeText (%s) gave invalid UTF-8", enc)
		}
		if d := sniffDelimiter(text); !strings.ContainsRune(";,\t|", d) {
			t.Fatalf("delimiter %q", d)
		}
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("a;b\n1;2\n\"x;y\";3\n"))
	f.Add([]byte("\"unterminated\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		blocks, _, err := readCSV(b)
		if err != nil {
			return
		}
		last := 0
		for n := 0; n < 100_000; n++ {
			line, cells, ok, err := blocks[0].next()
			if err != nil || !ok {
				return
			}
			if line <= last {
				t.Fatalf("row number %d after %d", line, last)
			}
			last = line
			for _, c := range cells {
				if !utf8.ValidString(c) {
					t.Fatalf("invalid UTF-8 cell %q", c)
				}
			}
		}
	})
}

func FuzzReadXLSX(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, b []byte) {
		blocks, done, err := readXLSX(b)
		if err != nil {
			return
		}
		defer done()
		for _, bl := range blocks {
			last := 0
			for n := 0; n < 10_000; n++ {
				line, _, ok, err := bl.next()
				if err != nil || !ok {
					break
				}
				if line <= last {
					t.Fatalf("sheet %s: row %d after %d", bl.sheet, line, last)
				}
				last = line
			}
		}
	})
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`[{"nip": "1", "jp": 2}, {"nama": null}]`))
	f.Add([]byte("{\"a\": 1}\n{\"b\": \"x\"}\n"))
	f.Add([]byte(strings.Repeat("[", 1000)))
	f.Fuzz(func(t *testing.T, b []byte) {
		blocks, err := readJSON(b)
		if err != nil {
			return
		}
		_, header, ok, err := blocks[0].next()
		if err != nil || !ok {
			t.Fatalf("no header row: %v", err)
		}
		for n := 0; n < 100_000; n++ {
			_, cells, ok, err := blocks[0].next()
			if err != nil || !ok {
				return
			}
			if len(cells) != len(header) {
				t.Fatalf("%d cells under a header of %d", len(cells), len(header))
			}
		}
	})
}

func FuzzRecognise(f *testing.F) {
	for _, d := range Datasets {
		f.Add(strings.Join(d.Columns, "\x00"))
		f.Add(strings.Join(d.Required, "\x00"))
	}
	f.Add("NIP \x00 Skp-Unor.Induk\x00\ufeffhasil_kerja")
	f.Fuzz(func(t *testing.T, s string) {
		header := strings.Split(s, "\x00")
		for _, h := range header {
			if n := NormalizeHeader(h); NormalizeHeader(n) != n {
				t.Fatalf("NormalizeHeader is not idempotent on %q: %q", h, n)
			}
		}
		m, ok := recognise(header)
		if ok != m.complete() {
			t.Fatalf("ok %v but missing %v", ok, m.missing)
		}
		for i, at := range m.index {
			if at >= len(header) || at >= 0 && NormalizeHeader(header[at]) != m.dataset.Columns[i] {
				t.Fatalf("column %s mapped to header cell %d", m.dataset.Columns[i], at)
			}
		}
	})
}

// macros is an in-memory database with the ingest's parsing macros, shared
// by the fuzz targets of the SQL parsers.
var macros struct {
	once sync.Once
	db   *store.DB
	err  error
}

func macroDB(t testing.TB) *store.DB {
	t.Helper()
	macros.once.Do(func() {
		macros.db, macros.err = store.Open(context.Background(), "")
		if macros.err == nil {
			macros.err = prepareSession(context.Background(), macros.db, []byte("kunci-fuzz-yang-cukup-panjang"))
		}
	})
	if macros.err != nil {
		t.Fatal(macros.err)
	}
	return macros.db
}

// indonesian writes x with thousands dots and a decimal comma, as
// spreadsheets set to Indonesian do.
func indonesian(x float64) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', 2, 64)
	whole, frac, _ := strings.Cut(s, ".")
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "." + whole[i:]
	}
	sign := ""
	if x < 0 {
		sign = "-"
	}
	return sign + whole + "," + frac
}

func FuzzNumber(f *testing.F) {
	for _, s := range []string{"75,57", "1.234,5", "87,5%", "75.57", "1,234.5", "-", "", "1.234", "1e3", "١٢"} {
		f.Add(s, 1234.5)
	}
	f.Fuzz(func(t *testing.T, s string, x float64) {
		if !utf8.ValidString(s) {
			return // the readers hand the SQL only UTF-8 (decodeText)
		}
		db := macroDB(t)
		var got sql.NullFloat64
		if err := db.Row(context.Background(), `SELECT angka(?)`, s).Scan(&got); err != nil {
			t.Fatalf("angka(%q) failed: %v", s, err)
		}
		if math.IsNaN(x) || math.IsInf(x, 0) || math.Abs(x) > 1e12 {
			return
		}
		x = math.Round(x*100) / 100
		for _, text := range []string{indonesian(x), strconv.FormatFloat(x, 'f', -1, 64), indonesian(x) + "%"} {
			if err := db.Row(context.Background(), `SELECT angka(?)`, text).Scan(&got); err != nil || !got.Valid || math.Abs(got.Float64-x) > 1e-9*math.Max(1, math.Abs(x)) {
				t.Fatalf("angka(%q) = %v, %v; want %v", text, got, err, x)
			}
		}
	})
}

func FuzzDate(f *testing.F) {
	f.Add("2026-02-03 10:11:12", int64(1_770_000_000))
	f.Add("45000.5", int64(0))
	f.Add("31/02/2026 10:00", int64(-1))
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		if !utf8.ValidString(s) {
			return // the readers hand the SQL only UTF-8 (decodeText)
		}
		db := macroDB(t)
		var got sql.NullTime
		if err := db.Row(context.Background(), `SELECT waktu(?)`, s).Scan(&got); err != nil {
			t.Fatalf("waktu(%q) failed: %v", s, err)
		}
		// A time between 1990 and 2100, to the second, in each accepted
		// way of writing it, parses back to itself.
		at := time.Unix(946684800+(unix%3_155_760_000+3_155_760_000)%3_155_760_000, 0).UTC()
		for _, layout := range []string{"2006-01-02 15:04:05", "02/01/2006 15:04:05", "2006-01-02T15:04:05", "02-01-2006 15:04:05"} {
			text := at.Format(layout)
			if err := db.Row(context.Background(), `SELECT waktu(?)`, text).Scan(&got); err != nil || !got.Valid || !got.Time.Equal(at) {
				t.Fatalf("waktu(%q) = %v, %v; want %v", text, got, err, at)
			}
		}
		// As an Excel serial (days since 1899-12-30).
		serial := float64(at.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC))) / float64(24*time.Hour)
		text := strconv.FormatFloat(serial, 'f', -1, 64)
		if err := db.Row(context.Background(), `SELECT waktu(?)`, text).Scan(&got); err != nil || !got.Valid || got.Time.Sub(at).Abs() > time.Millisecond {
			t.Fatalf("waktu(%q) = %v, %v; want %v", text, got, err, at)
		}
	})
}

func FuzzNIP(f *testing.F) {
	for _, s := range []string{"198501012010011001", "'19850101 201001 1 001", "1.98501012010011E+17", "198501012010011000", "abc", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the readers hand the SQL only UTF-8 (decodeText)
		}
		db := macroDB(t)
		var clean string
		var wrong sql.NullString
		if err := db.Row(context.Background(), `SELECT nip_bersih(?), nip_salah(?)`, s, s).Scan(&clean, &wrong); err != nil {
			t.Fatalf("nip(%q): %v", s, err)
		}
		if !wrong.Valid {
			if len(clean) != 18 || strings.Trim(clean, "0123456789") != "" {
				t.Fatalf("%q accepted as NIP %q", s, clean)
			}
			// The same NIP as people write it is the same NIP.
			spaced := "'" + clean[:8] + " " + clean[8:14] + " " + clean[14:15] + " " + clean[15:]
			var again string
			var w2 sql.NullString
			if err := db.Row(context.Background(), `SELECT nip_bersih(?), nip_salah(?)`, spaced, spaced).Scan(&again, &w2); err != nil || w2.Valid || again != clean {
				t.Fatalf("%q gives %q (%v), want %q", spaced, again, w2, clean)
			}
		}
	})
}

func FuzzPeriod(f *testing.F) {
	for _, s := range []string{"2026", "2026.0", "12", "1,0", "13", "-", "2026,5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // the readers hand the SQL only UTF-8 (decodeText)
		}
		db := macroDB(t)
		var whole sql.NullInt64
		var num sql.NullFloat64
		if err := db.Row(context.Background(), `SELECT bulat(?), angka(?)`, s, s).Scan(&whole, &num); err != nil {
			t.Fatalf("bulat(%q): %v", s, err)
		}
		if whole.Valid && (!num.Valid || float64(whole.Int64) != num.Float64) {
			t.Fatalf("bulat(%q) = %d but angka = %v", s, whole.Int64, num)
		}
	})
}

// FuzzCheckAgreesWithIngest: a file that `kinerja check` accepts is
// accepted by ingest, and one it rejects is rejected.
func FuzzCheckAgreesWithIngest(f *testing.F) {
	f.Add([]byte("opd;singkatan\nDINAS X;DX\n"))
	f.Add([]byte("nip,nama_pelatihan,tanggal_selesai,jp\n198501012010011001,X,2026-01-01,4\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		ctx := context.Background()
		db, err := store.Open(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = db.Close() }() // in memory
		inbox := t.TempDir()
		path := filepath.Join(inbox, "berkas.csv")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		opt := Options{NIPKey: []byte("kunci-fuzz-yang-cukup-panjang")}
		checked, err := Check(ctx, db, []string{path}, opt)
		if err != nil {
			t.Fatal(err)
		}
		loaded, err := Inbox(ctx, db, inbox, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(loaded.Files) != 1 || (checked.Files[0].Status == StatusRejected) != (loaded.Files[0].Status == StatusRejected) {
			t.Fatalf("check says %s, ingest says %+v", checked.Files[0].Status, loaded.Files)
		}
	})
}
