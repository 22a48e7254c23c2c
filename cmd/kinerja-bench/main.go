// Command kinerja-bench measures kinerja at scale: it generates a BKN
// e-Kinerja penilaian export of N rows (cached under data/bench/), runs the
// real kinerja binary on it step by step, each step a child process whose
// time and peak RSS are its own, next to DuckDB's bare read_csv of the same
// file, and prints a table and writes it as JSON (data/bench/terakhir.json).
// `make bench` runs it; docs/skala.md explains the numbers. It is a program,
// not a test: `make test` never runs it.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "duckdb-csv" {
		if err := duckdbCSV(os.Args[2:]); err != nil {
			fmt.Fprintln(os.Stderr, "kinerja-bench duckdb-csv:", err)
			os.Exit(1)
		}
		return
	}
	var o options
	fs := flag.NewFlagSet("kinerja-bench", flag.ExitOnError)
	fs.IntVar(&o.rows, "rows", 1_200_000, "penilaian rows of the main size (a province's year is about 1.2M)")
	fs.StringVar(&o.curve, "curve", "120000,400000,1200000", "smaller sizes also ingested, for the fitted line (those below -rows)")
	fs.IntVar(&o.xlsxRows, "xlsx-rows", 100_000, "rows of the XLSX ingest; 0 skips it")
	fs.StringVar(&o.bin, "bin", "bin/kinerja", "the kinerja binary to measure")
	fs.StringVar(&o.dir, "dir", "data/bench", "cache and results folder")
	fs.Float64Var(&o.maxRSSGiB, "max-rss-gib", 16, "skip a size whose CSV ingest extrapolates above this peak RSS")
	fs.StringVar(&o.goBench, "go-bench", "", "output of `go test -bench` to include in the JSON")
	fs.Float64Var(&o.goBenchSecs, "go-bench-seconds", 0, "how long the Go benchmarks took")
	fs.BoolVar(&o.keep, "keep", false, "keep the work folder (databases, sites) after the run")
	_ = fs.Parse(os.Args[1:])
	if err := run(context.Background(), o, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "kinerja-bench:", err)
		os.Exit(1)
	}
}

type options struct {
	rows, xlsxRows  int
	curve, bin, dir string
	goBench         string
	maxRSSGiB       float64
	goBenchSecs     float64
	keep            bool
	self, work      string
}

// sizes returns the curve's sizes below rows, then rows, ascending.
func sizes(curve string, rows int) ([]int, error) {
	out := []int{rows}
	for _, f := range strings.Split(curve, ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		n, err := strconv.Atoi(f)
		if err != nil || n <= 0 {
			return nil, fmt.Errorf("-curve: %q is not a row count", f)
		}
		if n < rows {
			out = append(out, n)
		}
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

func run(ctx context.Context, o options, stdout io.Writer) error {
	start := time.Now()
	var err error
	if o.self, err = os.Executable(); err != nil {
		return err
	}
	if o.bin, err = filepath.Abs(o.bin); err != nil {
		return err
	}
	if _, err := os.Stat(o.bin); err != nil {
		return fmt.Errorf("%w: build it first (make bin/kinerja)", err)
	}
	if o.dir, err = filepath.Abs(o.dir); err != nil {
		return err
	}
	all, err := sizes(o.curve, o.rows)
	if err != nil {
		return err
	}
	stamp := start.UTC().Format("2006-01-02T150405Z")
	o.work = filepath.Join(o.dir, "kerja-"+stamp)
	if err := os.MkdirAll(o.work, 0o755); err != nil {
		return err
	}
	logFile, err := os.Create(filepath.Join(o.dir, "log-"+stamp+".txt"))
	if err != nil {
		return err
	}
	defer func() { _ = logFile.Close() }()

	r := report{Date: start.UTC().Format("2006-01-02 15:04 UTC"), Machine: describeMachine(), Generator: genVersion,
		Rows: o.rows, Parts: map[string]float64{}, Targets: map[string]float64{"ratio_max": targetRatio, "rss_max_kib": targetRSSKiB}}
	if o.goBench != "" {
		if f, err := os.Open(o.goBench); err == nil {
			r.GoBench = parseGoBench(f)
			_ = f.Close()
		}
		r.Parts["go_bench"] = o.goBenchSecs
	}
	progress := func(format string, a ...any) {
		fmt.Fprintf(os.Stderr, "[%6.0fs] %s\n", time.Since(start).Seconds(), fmt.Sprintf(format, a...))
	}
	var dataSecs, stepSecs float64
	last, largest := "", 0
	for _, n := range all {
		if p := project(r.Steps, n); len(r.Steps) > 0 && float64(p.IngestRSSKiB) > o.maxRSSGiB*(1<<20) {
			r.Skipped = append(r.Skipped, fmt.Sprintf("%s rows: the CSV ingest extrapolates to %s peak RSS, above the %.0f GiB allowed (-max-rss-gib)",
				thousands(n), kib(p.IngestRSSKiB), o.maxRSSGiB))
			break
		}
		progress("data: %s rows (CSV)", thousands(n))
		d, err := dataFiles(ctx, filepath.Join(o.dir, "data"), "csv", n)
		if err != nil {
			return fmt.Errorf("generating %d rows: %w", n, err)
		}
		dataSecs += d.Seconds
		r.Data = append(r.Data, dataInfo{Format: "csv", Rows: n, Bytes: d.Bytes, Cached: d.Cached, Seconds: d.Seconds, Path: rel(d.CSV)})
		dir := filepath.Join(o.work, fmt.Sprintf("csv-%d", n))
		progress("DuckDB read_csv of %s rows", thousands(n))
		m, err := runChild(ctx, o.work, logFile, o.self, "duckdb-csv", d.CSV, filepath.Join(o.work, fmt.Sprintf("duckdb-%d.duckdb", n)))
		if err = check(m, err, `"rows":`+strconv.Itoa(n)+`}`); err != nil {
			return fmt.Errorf("DuckDB read_csv: %w", err)
		}
		duck := newStep("csv_duckdb", "CSV load, DuckDB read_csv", n, m)
		duckFile := filepath.Join(o.work, fmt.Sprintf("duckdb-%d.duckdb", n))
		duck.DBBytes, duck.Note = dbSize(duckFile)
		_ = os.Remove(duckFile)
		progress("kinerja ingest of %s rows", thousands(n))
		ing, err := ingestStep(ctx, o, logFile, dir, "csv_ingest", "CSV ingest, kinerja ingest", n, d)
		if err != nil {
			return err
		}
		progress("kinerja compute of %s rows", thousands(n))
		comp, err := kinerjaStep(ctx, o, logFile, dir, "compute", "compute, kinerja compute", n, "compute")
		if err != nil {
			return err
		}
		r.Steps = append(r.Steps, ing, duck, comp)
		r.Ratios = append(r.Ratios, ratio{Rows: n, Ratio: ing.Seconds / duck.Seconds, CPU: ing.CPUSeconds / duck.CPUSeconds})
		stepSecs += ing.Seconds + duck.Seconds + comp.Seconds
		last, largest = dir, n
	}
	r.PipelineRows = largest
	for _, s := range []struct{ name, label, cmd string }{
		{"build", "site build, kinerja build", "build"},
		// The first run after compute and build writes the leadership
		// report; the rerun after it has nothing new at all.
		{"run", "run, writes the report, kinerja run", "run"},
		{"rerun", "rerun, nothing new, kinerja run", "run"},
		{"export", "Parquet export, kinerja export", "export"},
	} {
		progress("kinerja %s at %s rows", s.cmd, thousands(largest))
		args := []string{s.cmd}
		if s.cmd == "export" {
			args = append(args, "--out", "export")
		}
		st, err := kinerjaStep(ctx, o, logFile, last, s.name, s.label, 0, args...)
		if err != nil {
			return err
		}
		switch s.name {
		case "build":
			if g := regexp.MustCompile(`(\d+) pages`).FindStringSubmatch(st.stdout); g != nil {
				st.Pages, _ = strconv.Atoi(g[1])
				st.MsPerPage = st.Seconds * 1000 / float64(st.Pages)
				st.Note = fmt.Sprintf("%d pages, %.0f ms/page", st.Pages, st.MsPerPage)
			}
		case "rerun":
			if !strings.Contains(st.stdout, "KPIs current") {
				return fmt.Errorf("the rerun with nothing new computed again:\n%s", st.stdout)
			}
		case "export":
			st.Note, r.ExportExample = exportNote(filepath.Join(last, "export"))
		}
		r.Steps = append(r.Steps, st)
		stepSecs += st.Seconds
	}
	if o.xlsxRows > 0 {
		progress("data: %s rows (XLSX)", thousands(o.xlsxRows))
		d, err := dataFiles(ctx, filepath.Join(o.dir, "data"), "xlsx", o.xlsxRows)
		if err != nil {
			return fmt.Errorf("generating the XLSX: %w", err)
		}
		dataSecs += d.Seconds
		r.Data = append(r.Data, dataInfo{Format: "xlsx", Rows: o.xlsxRows, Bytes: d.Bytes, Cached: d.Cached, Seconds: d.Seconds, Path: rel(d.CSV)})
		progress("kinerja ingest of the XLSX")
		st, err := ingestStep(ctx, o, logFile, filepath.Join(o.work, "xlsx"), "xlsx_ingest", "XLSX ingest, kinerja ingest", o.xlsxRows, d)
		if err != nil {
			return err
		}
		r.Steps = append(r.Steps, st)
		stepSecs += st.Seconds
	}
	for _, n := range []int{1_200_000, 10_000_000, 53_000_000} {
		r.Projections = append(r.Projections, project(r.Steps, n))
	}
	r.Parts["data"], r.Parts["steps"] = dataSecs, stepSecs
	r.Parts["total"] = time.Since(start).Seconds() + o.goBenchSecs
	r.Machine.LoadEnd = loadAvg()
	writeTable(stdout, r)
	paths, err := writeJSON(o.dir, stamp, r)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "\nwritten: %s; log: %s\n", strings.Join(mapRel(paths), ", "), rel(logFile.Name()))
	if !o.keep {
		return os.RemoveAll(o.work)
	}
	fmt.Fprintf(stdout, "work folder kept: %s\n", rel(o.work))
	return nil
}

// ingestStep runs `kinerja ingest` on a fresh inbox (hard links to the
// cached files, which the ingest moves to _diterima/ without touching the
// cache; a copy where links cannot be made) and a fresh database.
func ingestStep(ctx context.Context, o options, log io.Writer, dir, name, label string, rows int, d dataset) (step, error) {
	inbox := filepath.Join(dir, "inbox")
	if err := os.MkdirAll(inbox, 0o755); err != nil {
		return step{}, err
	}
	for _, f := range []string{d.OPD, d.CSV} {
		if err := linkOrCopy(f, filepath.Join(inbox, filepath.Base(f))); err != nil {
			return step{}, err
		}
	}
	// opd.csv first: the inbox is taken oldest first (docs/cli.md).
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(inbox, "opd.csv"), old, old); err != nil {
		return step{}, err
	}
	if err := writeConfig(dir); err != nil {
		return step{}, err
	}
	m, err := runChild(ctx, dir, log, o.bin, "ingest", "--config", "kinerja.toml")
	if err = check(m, err, "2 accepted"); err != nil {
		return step{}, fmt.Errorf("kinerja ingest of %s: %w", d.CSV, err)
	}
	st := newStep(name, label, rows, m)
	st.DBBytes, st.Note = dbSize(filepath.Join(dir, "kinerja.duckdb"))
	return st, nil
}

// dbSize is the size of a database file after a load, for the disk a
// deployment needs.
func dbSize(path string) (int64, string) {
	st, err := os.Stat(path)
	if err != nil {
		return 0, ""
	}
	return st.Size(), "database " + kib(st.Size()/1024)
}

// kinerjaStep runs one kinerja command in dir, on the database an earlier
// ingestStep left there.
func kinerjaStep(ctx context.Context, o options, log io.Writer, dir, name, label string, rows int, args ...string) (step, error) {
	m, err := runChild(ctx, dir, log, o.bin, append(args, "--config", "kinerja.toml")...)
	if err = check(m, err, ""); err != nil {
		return step{}, fmt.Errorf("kinerja %s: %w", args[0], err)
	}
	return newStep(name, label, rows, m), nil
}

// exportNote says how big the analysts' export is, and names one file of
// penilaian to show its Hive-style layout (pipeline/store/export.go).
func exportNote(dir string) (string, string) {
	var files int
	var bytes int64
	example := ""
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".parquet") {
			return nil
		}
		if info, err := d.Info(); err == nil {
			files, bytes = files+1, bytes+info.Size()
		}
		if r, _ := filepath.Rel(filepath.Dir(dir), p); example == "" && strings.HasPrefix(r, filepath.Join("export", "penilaian")+string(filepath.Separator)) {
			example = r
		}
		return nil
	})
	return fmt.Sprintf("%d Parquet files, %s", files, kib(bytes/1024)), example
}

func newStep(name, label string, rows int, m measured) step {
	s := step{Name: name, Label: label, Rows: rows, Seconds: m.Seconds, MaxRSSKiB: m.MaxRSSKiB, CPUSeconds: m.CPUSeconds,
		Load1m: m.Load1m, stdout: m.Stdout}
	if rows > 0 && m.Seconds > 0 {
		s.RowsPerSec = float64(rows) / m.Seconds
	}
	return s
}

// check turns a child's failure, or a summary line without want, into an
// error that quotes the end of its output.
func check(m measured, err error, want string) error {
	if err != nil {
		return err
	}
	if m.Code != 0 || !strings.Contains(m.Stdout, want) {
		tail := m.Stdout
		if len(tail) > 2000 {
			tail = tail[len(tail)-2000:]
		}
		return fmt.Errorf("exit %d, output %q (see the log in data/bench/)", m.Code, tail)
	}
	return nil
}

// benchKey is the NIP hash key of every bench database: fixed, so two runs
// hash the same NIPs the same way. It protects nothing: the NIPs are made up.
const benchKey = "6b696e65726a612d62656e63682d6b6579206f6e6c792d666f722d64617461"

// writeConfig writes the kinerja.toml of one step's folder; the child runs
// in that folder, so every path in it is relative to it. The per-file time
// limit is off, so a large size is measured rather than cut at 30 minutes.
func writeConfig(dir string) error {
	if err := os.WriteFile(filepath.Join(dir, "kunci-nip.key"), []byte(benchKey+"\n"), 0o600); err != nil {
		return err
	}
	conf := `# written by cmd/kinerja-bench: one benchmark step's configuration
db       = "kinerja.duckdb"
inbox    = "inbox"
out      = "public"
reports  = "laporan"
key_file = "kunci-nip.key"

[ingest]
batas_waktu_berkas = "0s"
`
	return os.WriteFile(filepath.Join(dir, "kinerja.toml"), []byte(conf), 0o644)
}

func linkOrCopy(src, dst string) error {
	if err := os.Link(src, dst); err == nil {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer func() { _ = in.Close() }()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		_ = out.Close()
		return err
	}
	return out.Close()
}

// rel shows a path relative to the current folder when it is inside it.
func rel(p string) string {
	wd, err := os.Getwd()
	if err != nil {
		return p
	}
	if r, err := filepath.Rel(wd, p); err == nil && !strings.HasPrefix(r, "..") {
		return r
	}
	return p
}

func mapRel(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = rel(p)
	}
	return out
}
