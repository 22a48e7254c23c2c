package ingest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// bknFile writes a BKN penilaian export of n rows: BOM, ";" and all 31
// columns, as e-Kinerja produces it.
func bknFile(b *testing.B, dir string, n int) string {
	b.Helper()
	var sb strings.Builder
	sb.WriteString("\ufeff" + bknHeader + "\r\n")
	ratings := []string{"DIATAS EKSPEKTASI", "SESUAI EKSPEKTASI", "DIBAWAH EKSPEKTASI"}
	for i := 0; i < n; i++ {
		nip := fmt.Sprintf("19%02d%02d%02d20%02d%02d%d%03d", 60+i%40, 1+i%12, 1+i%28, 5+i%20, 1+i%12, 1+i%2, 1+i%999)
		hk, pk := ratings[i%3], ratings[(i/3)%3]
		sb.WriteString(bknRow(nip, "DINAS PENDIDIKAN DAN KEBUDAYAAN", hk, pk, "BAIK",
			fmt.Sprintf("2026-%02d-0%d 10:00:00", 1+(i%12+1)%12, 1+i%5), "2026", fmt.Sprint(1+i%12)))
		sb.WriteString("\r\n")
	}
	p := filepath.Join(dir, "penilaian_100k.csv")
	if err := os.WriteFile(p, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	return p
}

// BenchmarkIngestBKN100k loads one 100,000-row BKN penilaian CSV into a
// database file: read, validate every row in SQL, hash the NIPs, store.
func BenchmarkIngestBKN100k(b *testing.B) {
	src := bknFile(b, b.TempDir(), 100_000)
	data, _ := os.ReadFile(src)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		inbox := filepath.Join(dir, "inbox")
		if err := os.Mkdir(inbox, 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(inbox, "penilaian_100k.csv"), data, 0o644); err != nil {
			b.Fatal(err)
		}
		db, err := store.Open(context.Background(), filepath.Join(dir, "k.duckdb"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := ingest.Inbox(context.Background(), db, inbox, ingest.Options{NIPKey: key})
		b.StopTimer()
		if err != nil || res.RowsLoaded() != 100_000 {
			b.Fatalf("loaded %d rows: %v %+v", res.RowsLoaded(), err, res.Files)
		}
		if err := db.Close(); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkCheckBKN100k is the NIP and row checks alone: `kinerja check` of
// the 100,000-row BKN file, DuckDB's read and the validation SQL of every
// row, in a transaction rolled back (nothing stored, nothing hashed).
func BenchmarkCheckBKN100k(b *testing.B) {
	src := bknFile(b, b.TempDir(), 100_000)
	st, err := os.Stat(src)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	db, err := store.Open(context.Background(), filepath.Join(b.TempDir(), "k.duckdb"))
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = db.Close() }() // the benchmark's own file
	for b.Loop() {
		res, err := ingest.Check(context.Background(), db, []string{src}, ingest.Options{NIPKey: key})
		if err != nil || len(res.Files) != 1 || res.Files[0].RowsRead != 100_000 || len(res.Files[0].Problems) > 0 {
			b.Fatalf("checked %+v: %v", res.Files, err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/100_000, "ns/row")
}
