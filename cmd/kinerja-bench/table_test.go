package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func sample() report {
	return report{
		Date:      "2026-12-04 01:00 UTC",
		Machine:   machine{CPU: "Test CPU", NProc: 2, MemKiB: 24 << 20, Kernel: "6.1", Go: "go1.26", DuckDB: "v1.5.6"},
		Generator: genVersion, Rows: 1_200_000,
		Data: []dataInfo{{Format: "csv", Rows: 1_200_000, Bytes: 700 << 20, Cached: true}},
		Steps: []step{
			{Name: "csv_ingest", Label: "CSV ingest, kinerja ingest", Rows: 120_000, Seconds: 10, RowsPerSec: 12_000, MaxRSSKiB: 300 << 10},
			{Name: "csv_duckdb", Label: "CSV load, DuckDB read_csv", Rows: 120_000, Seconds: 1, RowsPerSec: 120_000, MaxRSSKiB: 100 << 10},
			{Name: "csv_ingest", Label: "CSV ingest, kinerja ingest", Rows: 1_200_000, Seconds: 100, RowsPerSec: 12_000, MaxRSSKiB: 3 << 20},
			{Name: "csv_duckdb", Label: "CSV load, DuckDB read_csv", Rows: 1_200_000, Seconds: 4, RowsPerSec: 300_000, MaxRSSKiB: 1 << 20},
			{Name: "build", Label: "site build, kinerja build", Seconds: 5, MaxRSSKiB: 200 << 10, Pages: 100, MsPerPage: 50, Note: "100 pages, 50 ms/page"},
		},
		Ratios:        []ratio{{Rows: 1_200_000, Ratio: 25, CPU: 20}},
		PipelineRows:  1_200_000,
		ExportExample: "export/penilaian/periode=2025-01/data_0.parquet",
		Parts:         map[string]float64{"go_bench": 200, "data": 0, "steps": 120, "total": 330},
		Targets:       map[string]float64{"ratio_max": targetRatio},
	}
}

func TestTableIsFixedWidth(t *testing.T) {
	r := sample()
	r.Projections = []projection{project(r.Steps, 1_200_000), project(r.Steps, 53_000_000)}
	var b bytes.Buffer
	writeTable(&b, r)
	out := b.String()
	for _, want := range []string{
		"machine: Test CPU, 2 CPUs, 24.0 GiB RAM",
		"data: csv 1,200,000 rows, 700 MiB (generator 1, cached)",
		"CSV ingest, kinerja ingest         1,200,000     100.0     12,000   3.0 GiB     0.0   0.0",
		"kinerja ingest / DuckDB read_csv at 1,200,000 rows: 25.0x the time, 20.0x the CPU (target <= 2.0)",
		"peak RSS of the CSV ingest at 1,200,000 rows: 3.0 GiB (target <= 1.0 GiB)",
		"  1,200,000 m",
		"build, run, rerun and export ran on the 1,200,000-row database; export layout: export/penilaian/periode=2025-01/data_0.parquet",
		" 53,000,000 e",
		"time: go bench 200 s, data 0 s, steps 120 s, total 330 s",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	// Every step line has its rows and seconds columns at the same place.
	var cols []int
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "CSV ingest,") || strings.HasPrefix(l, "CSV load,") || strings.HasPrefix(l, "site ") {
			cols = append(cols, strings.Index(l[32:], ".")+32)
		}
	}
	if len(cols) != 5 {
		t.Fatalf("%d step lines:\n%s", len(cols), out)
	}
	for _, c := range cols {
		if c != cols[0] {
			t.Errorf("seconds columns at %v:\n%s", cols, out)
			break
		}
	}
}

func TestProjectionFitsTheMeasuredLine(t *testing.T) {
	p := project(sample().Steps, 53_000_000)
	// Through (120k, 10 s) and (1.2M, 100 s): 1 s per 12,000 rows.
	if p.Measured || p.IngestSeconds < 4416 || p.IngestSeconds > 4418 {
		t.Errorf("projection %+v", p)
	}
	if one := fitLine([]float64{10}, []float64{5}); one.at(20) != 10 {
		t.Errorf("one point: %+v", one)
	}
}

func TestJSONIsWrittenTwiceAndReadsBack(t *testing.T) {
	dir := t.TempDir()
	paths, err := writeJSON(dir, "2026-12-04T010000Z", sample())
	if err != nil || len(paths) != 2 || filepath.Base(paths[1]) != "terakhir.json" {
		t.Fatalf("%v %v", paths, err)
	}
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var r report
		if err := json.Unmarshal(b, &r); err != nil {
			t.Fatal(err)
		}
		if r.Rows != 1_200_000 || len(r.Steps) != 5 || r.Steps[2].MaxRSSKiB != 3<<20 || r.Machine.NProc != 2 {
			t.Errorf("%s read back as %+v", p, r)
		}
	}
}

func TestGoBenchOutputIsParsed(t *testing.T) {
	out := "goos: linux\npkg: github.com/lampungprov/kinerja/pipeline\n" +
		"BenchmarkComputeDefaultDemo-2   1  12776960007 ns/op  2916 cold_query_ms  255216 B/op  2407 allocs/op\nPASS\n"
	got := parseGoBench(strings.NewReader(out))
	if len(got) != 1 || got[0].Package != "github.com/lampungprov/kinerja/pipeline" || got[0].Metrics["cold_query_ms"] != 2916 || got[0].Metrics["ns/op"] != 12776960007 {
		t.Errorf("%+v", got)
	}
}

func TestFormatting(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1_200_000: "1,200,000", -53_000_000: "-53,000,000"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q", n, got)
		}
	}
	for k, want := range map[int64]string{0: "-", 512: "512 KiB", 300 << 10: "300 MiB", 3 << 20: "3.0 GiB"} {
		if got := kib(k); got != want {
			t.Errorf("kib(%d) = %q", k, got)
		}
	}
	if s, err := sizes("120000, 1200000,5000000", 1_200_000); err != nil || len(s) != 2 || s[0] != 120_000 {
		t.Errorf("sizes = %v %v", s, err)
	}
}

// The generated NIPs have the PNS layout, never repeat and never end in 000
// (docs/datasets.md, "NIP").
func TestNIPsAreValidAndUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range []int{0, 1, 7, 999, nipSpace - 1, nipSpace, 3 * nipSpace, 4_400_000} {
		seen[nip(e)] = false
	}
	for e := 0; e < 50_000; e++ {
		seen[nip(e)] = false
	}
	if len(seen) != 50_000+4 { // 0, 1, 7, 999 are among the first 50,000
		t.Errorf("%d distinct NIPs", len(seen))
	}
	for n := range seen {
		if len(n) != 18 || strings.HasSuffix(n, "000") || strings.Trim(n, "0123456789") != "" {
			t.Fatalf("bad NIP %q", n)
		}
		if y := n[:4]; y < "1962" || y > "1990" || n[8:12] > "2024" || (n[14] != '1' && n[14] != '2') {
			t.Fatalf("NIP %q has no PNS layout", n)
		}
	}
}

func TestRowsFollowTheHeaderAndTheMatrix(t *testing.T) {
	g := newGenerator([]string{"DINAS A", "DINAS B"}, 240)
	n := 0
	err := g.each(func(f []string) error {
		if len(f) != len(bknHeader) {
			t.Fatalf("%d cells", len(f))
		}
		if f[12] != "" && f[14] != "BAIK" && f[14] != predikatOf(f[12], f[13]) {
			t.Errorf("row %d: %s x %s = %s", n, f[12], f[13], f[14])
		}
		if len(f[1]) != 36 || f[24] != "2025" {
			t.Errorf("row %d: %v", n, f)
		}
		n++
		return nil
	})
	if err != nil || n != 240 {
		t.Errorf("%d rows, %v", n, err)
	}
}

func predikatOf(hk, pk string) string {
	idx := func(s string) int {
		for i, r := range ratings {
			if r == s {
				return i
			}
		}
		return -1
	}
	return matrix[idx(hk)][idx(pk)]
}
