package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// Targets of issue 14: ingest within twice DuckDB's own CSV load, in at most
// 1 GiB. They are printed beside the measured numbers, never used to pass or
// fail the run: the benchmark reports, it does not judge.
const (
	targetRatio  = 2.0
	targetRSSKiB = 1 << 20
)

// step is one measured child process.
type step struct {
	Name       string  `json:"name"` // stable key: csv_ingest, csv_duckdb, xlsx_ingest, compute, build, run, rerun
	Label      string  `json:"label"`
	Rows       int     `json:"rows"`
	Seconds    float64 `json:"seconds"`
	RowsPerSec float64 `json:"rows_per_s,omitempty"`
	MaxRSSKiB  int64   `json:"max_rss_kib"`
	CPUSeconds float64 `json:"cpu_seconds"`
	Pages      int     `json:"pages,omitempty"`
	MsPerPage  float64 `json:"ms_per_page,omitempty"`
	DBBytes    int64   `json:"db_bytes,omitempty"` // the database file after a load
	// Load1m is the 1-minute load average as the step started: the machine
	// is shared, and a number measured under load says so.
	Load1m float64 `json:"loadavg_1m"`
	Note   string  `json:"note,omitempty"`
	stdout string  // the child's output, for the caller to parse
}

// dataInfo describes one input file.
type dataInfo struct {
	Format  string  `json:"format"`
	Rows    int     `json:"rows"`
	Bytes   int64   `json:"bytes"`
	Cached  bool    `json:"cached"`
	Seconds float64 `json:"seconds_to_write,omitempty"`
	Path    string  `json:"path"`
}

// ratio is kinerja's ingest time over DuckDB's bare load of the same file;
// CPU is the same ratio of CPU seconds, which other processes on a shared
// machine disturb less than the wall clock.
type ratio struct {
	Rows  int     `json:"rows"`
	Ratio float64 `json:"ratio"`
	CPU   float64 `json:"cpu_ratio"`
}

// projection is a row count's ingest cost read off the straight line fitted
// through the measured CSV ingests; Measured says it was not extrapolated.
type projection struct {
	Rows          int     `json:"rows"`
	IngestSeconds float64 `json:"ingest_seconds"`
	IngestRSSKiB  int64   `json:"ingest_max_rss_kib"`
	DuckDBSeconds float64 `json:"duckdb_seconds"`
	DuckDBRSSKiB  int64   `json:"duckdb_max_rss_kib"`
	// Compute is kinerja compute on the database of that many rows.
	ComputeSeconds float64 `json:"compute_seconds"`
	ComputeRSSKiB  int64   `json:"compute_max_rss_kib"`
	Measured       bool    `json:"measured"`
}

// goBench is one line of `go test -bench` output.
type goBench struct {
	Package    string             `json:"package"`
	Name       string             `json:"name"`
	Iterations int                `json:"iterations"`
	Metrics    map[string]float64 `json:"metrics"` // unit -> value: ns/op, B/op, allocs/op and custom ones
}

// report is everything one run measured; data/bench/terakhir.json holds the
// latest, data/bench/hasil-<date>.json each run, so runs can be compared.
type report struct {
	Date        string       `json:"date"`
	Machine     machine      `json:"machine"`
	Generator   int          `json:"generator_version"`
	Rows        int          `json:"rows"`
	Data        []dataInfo   `json:"data"`
	Steps       []step       `json:"steps"`
	Ratios      []ratio      `json:"ratios"`
	Projections []projection `json:"projections"`
	Skipped     []string     `json:"skipped,omitempty"`
	// PipelineRows is the size of the database that build, rerun and export
	// ran on: the largest size measured.
	PipelineRows  int                `json:"pipeline_rows"`
	ExportExample string             `json:"export_example,omitempty"`
	Parts         map[string]float64 `json:"parts_seconds"`
	GoBench       []goBench          `json:"go_bench,omitempty"`
	Targets       map[string]float64 `json:"targets"`
}

// fit is y = A + B*rows by least squares; with one point it is the line
// through the origin, which for memory that grows with the file is the
// cautious reading.
type fit struct{ A, B float64 }

func fitLine(xs, ys []float64) fit {
	switch len(xs) {
	case 0:
		return fit{}
	case 1:
		return fit{B: ys[0] / xs[0]}
	}
	var sx, sy, sxx, sxy float64
	for i := range xs {
		sx, sy, sxx, sxy = sx+xs[i], sy+ys[i], sxx+xs[i]*xs[i], sxy+xs[i]*ys[i]
	}
	n := float64(len(xs))
	b := (n*sxy - sx*sy) / (n*sxx - sx*sx)
	return fit{A: (sy - b*sx) / n, B: b}
}

func (f fit) at(x float64) float64 { return math.Max(0, f.A+f.B*x) }

// project extrapolates the CSV steps named in steps to rows.
func project(steps []step, rows int) projection {
	p := projection{Rows: rows}
	line := func(name string, y func(s step) float64) fit {
		var xs, ys []float64
		for _, s := range steps {
			if s.Name == name {
				xs, ys = append(xs, float64(s.Rows)), append(ys, y(s))
			}
		}
		return fitLine(xs, ys)
	}
	secs := func(s step) float64 { return s.Seconds }
	rss := func(s step) float64 { return float64(s.MaxRSSKiB) }
	x := float64(rows)
	p.IngestSeconds = line("csv_ingest", secs).at(x)
	p.IngestRSSKiB = int64(line("csv_ingest", rss).at(x))
	p.DuckDBSeconds = line("csv_duckdb", secs).at(x)
	p.DuckDBRSSKiB = int64(line("csv_duckdb", rss).at(x))
	p.ComputeSeconds = line("compute", secs).at(x)
	p.ComputeRSSKiB = int64(line("compute", rss).at(x))
	for _, s := range steps {
		if s.Name == "csv_ingest" && s.Rows == rows {
			p.Measured = true
		}
	}
	return p
}

// writeTable prints the report as fixed-width text, what `make bench` shows
// and what README.md and docs/skala.md quote.
func writeTable(w io.Writer, r report) {
	m := r.Machine
	fmt.Fprintf(w, "kinerja scale benchmark, %s\n", r.Date)
	fmt.Fprintf(w, "machine: %s, %d CPUs, %s RAM, Linux %s, %s, DuckDB %s\n",
		m.CPU, m.NProc, kib(m.MemKiB), m.Kernel, m.Go, m.DuckDB)
	if m.LoadStart != "" {
		fmt.Fprintf(w, "load average (1 min) at start %s, at end %s (the machine is shared: see the load column)\n", m.LoadStart, m.LoadEnd)
	}
	for _, d := range r.Data {
		c := "written in " + strconv.FormatFloat(d.Seconds, 'f', 1, 64) + " s"
		if d.Cached {
			c = "cached"
		}
		fmt.Fprintf(w, "data: %s %s rows, %s (generator %d, %s)\n", d.Format, thousands(d.Rows), kib(d.Bytes/1024), r.Generator, c)
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "%-32s %11s %9s %10s %9s %7s %5s  %s\n", "step", "rows", "seconds", "rows/s", "peak RSS", "CPU s", "load", "note")
	for _, s := range r.Steps {
		rate := ""
		if s.RowsPerSec > 0 {
			rate = thousands(int(math.Round(s.RowsPerSec)))
		}
		rows := ""
		if s.Rows > 0 {
			rows = thousands(s.Rows)
		}
		line := fmt.Sprintf("%-32s %11s %9.1f %10s %9s %7.1f %5.1f  %s", s.Label, rows, s.Seconds, rate, kib(s.MaxRSSKiB), s.CPUSeconds, s.Load1m, s.Note)
		fmt.Fprintln(w, strings.TrimRight(line, " "))
	}
	if r.PipelineRows > 0 {
		fmt.Fprintf(w, "build, run, rerun and export ran on the %s-row database", thousands(r.PipelineRows))
		if r.ExportExample != "" {
			fmt.Fprintf(w, "; export layout: %s", r.ExportExample)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w)
	for _, q := range r.Ratios {
		fmt.Fprintf(w, "kinerja ingest / DuckDB read_csv at %s rows: %.1fx the time, %.1fx the CPU (target <= %.1f)\n", thousands(q.Rows), q.Ratio, q.CPU, targetRatio)
	}
	for _, s := range r.Steps {
		if s.Name == "csv_ingest" && s.Rows == r.Rows {
			fmt.Fprintf(w, "peak RSS of the CSV ingest at %s rows: %s (target <= %s)\n", thousands(s.Rows), kib(s.MaxRSSKiB), kib(targetRSSKiB))
		}
	}
	if len(r.Projections) > 0 {
		fmt.Fprintf(w, "\nstraight line through the measured sizes (m = measured, e = extrapolated):\n")
		fmt.Fprintf(w, "%13s %10s %11s %10s %11s %10s %11s\n", "rows", "ingest s", "ingest RSS", "DuckDB s", "DuckDB RSS", "compute s", "compute RSS")
		for _, p := range r.Projections {
			tag := "e"
			if p.Measured {
				tag = "m"
			}
			fmt.Fprintf(w, "%11s %s %10.0f %11s %10.0f %11s %10.1f %11s\n", thousands(p.Rows), tag, p.IngestSeconds, kib(p.IngestRSSKiB),
				p.DuckDBSeconds, kib(p.DuckDBRSSKiB), p.ComputeSeconds, kib(p.ComputeRSSKiB))
		}
	}
	for _, s := range r.Skipped {
		fmt.Fprintf(w, "skipped: %s\n", s)
	}
	if len(r.Parts) > 0 {
		var parts []string
		for _, k := range []string{"go_bench", "data", "steps", "total"} {
			if v, ok := r.Parts[k]; ok {
				parts = append(parts, fmt.Sprintf("%s %.0f s", strings.ReplaceAll(k, "_", " "), v))
			}
		}
		fmt.Fprintf(w, "\ntime: %s\n", strings.Join(parts, ", "))
	}
}

// writeJSON writes the report to dir/hasil-<date>.json and dir/terakhir.json.
func writeJSON(dir, stamp string, r report) ([]string, error) {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, err
	}
	b = append(b, '\n')
	var paths []string
	for _, name := range []string{"hasil-" + stamp + ".json", "terakhir.json"} {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p+".tmp", b, 0o644); err != nil {
			return nil, err
		}
		if err := os.Rename(p+".tmp", p); err != nil {
			return nil, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}

// parseGoBench reads `go test -bench` output: "pkg:" lines name the package
// of the benchmark lines after them.
func parseGoBench(rd io.Reader) []goBench {
	var out []goBench
	pkg := ""
	s := bufio.NewScanner(rd)
	for s.Scan() {
		f := strings.Fields(s.Text())
		if len(f) == 2 && f[0] == "pkg:" {
			pkg = f[1]
			continue
		}
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") {
			continue
		}
		n, err := strconv.Atoi(f[1])
		if err != nil {
			continue
		}
		b := goBench{Package: pkg, Name: f[0], Iterations: n, Metrics: map[string]float64{}}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				b.Metrics[f[i+1]] = v
			}
		}
		out = append(out, b)
	}
	return out
}

// thousands writes n with "," between groups of three digits.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// kib writes a size given in KiB in the largest binary unit below it.
func kib(k int64) string {
	switch {
	case k <= 0:
		return "-"
	case k >= 1<<20:
		return fmt.Sprintf("%.1f GiB", float64(k)/(1<<20))
	case k >= 1<<10:
		return fmt.Sprintf("%.0f MiB", float64(k)/(1<<10))
	default:
		return fmt.Sprintf("%d KiB", k)
	}
}
