package main

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	_ "github.com/duckdb/duckdb-go/v2" // the driver the kinerja binary links too (go.mod)
)

// measured is what one child process cost.
type measured struct {
	Load1m     float64 // 1-minute load average as the child started
	Seconds    float64 // wall clock, from start to exit
	CPUSeconds float64 // user + system of the child
	MaxRSSKiB  int64   // the child's peak resident set, from wait4's rusage
	Stdout     string
	Code       int
}

// runChild runs one step as its own process, so that its peak RSS is its
// own and not the benchmark's: the kernel keeps ru_maxrss per process.
// stdout is kept (the step's summary line is parsed from it); stdout and
// stderr are also appended to log.
func runChild(ctx context.Context, dir string, log io.Writer, name string, args ...string) (measured, error) {
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "KINERJA_LOG=warn")
	var out bytes.Buffer
	cmd.Stdout = io.MultiWriter(&out, log)
	cmd.Stderr = log
	fmt.Fprintf(log, "\n$ %s %s\n", name, strings.Join(args, " "))
	load, _ := strconv.ParseFloat(loadAvg(), 64)
	start := time.Now()
	err := cmd.Run()
	m := measured{Load1m: load, Seconds: time.Since(start).Seconds(), Stdout: out.String()}
	if cmd.ProcessState == nil {
		return m, err
	}
	m.Code = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.MaxRSSKiB = ru.Maxrss // KiB on Linux
		m.CPUSeconds = tv(ru.Utime) + tv(ru.Stime)
	}
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		err = nil // the caller judges the exit code
	}
	return m, err
}

func tv(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }

// machine describes where the numbers were measured; a number without it
// cannot be compared with another run's.
type machine struct {
	CPU       string `json:"cpu"`
	NProc     int    `json:"nproc"`
	MemKiB    int64  `json:"mem_total_kib"`
	Kernel    string `json:"kernel"`
	Go        string `json:"go"`
	DuckDB    string `json:"duckdb"`
	GoOSArch  string `json:"goos_goarch"`
	Hostname  string `json:"hostname,omitempty"`
	LoadStart string `json:"loadavg_1m_at_start,omitempty"`
	LoadEnd   string `json:"loadavg_1m_at_end,omitempty"`
}

func describeMachine() machine {
	m := machine{NProc: runtime.NumCPU(), Go: runtime.Version(), GoOSArch: runtime.GOOS + "/" + runtime.GOARCH}
	m.CPU = procField("/proc/cpuinfo", "model name")
	if kb, err := strconv.ParseInt(strings.Fields(procField("/proc/meminfo", "MemTotal") + " 0")[0], 10, 64); err == nil {
		m.MemKiB = kb
	}
	if b, err := os.ReadFile("/proc/sys/kernel/osrelease"); err == nil {
		m.Kernel = strings.TrimSpace(string(b))
	}
	m.LoadStart = loadAvg()
	m.Hostname, _ = os.Hostname()
	m.DuckDB = duckdbVersion()
	return m
}

// loadAvg is the 1-minute load average of /proc/loadavg.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	return strings.Fields(string(b) + " ")[0]
}

// procField returns the value of the first "key: value" line of a /proc file.
func procField(path, key string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer func() { _ = f.Close() }()
	s := bufio.NewScanner(f)
	for s.Scan() {
		k, v, ok := strings.Cut(s.Text(), ":")
		if ok && strings.TrimSpace(k) == key {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

func duckdbVersion() string {
	db, err := sql.Open("duckdb", "")
	if err != nil {
		return ""
	}
	defer func() { _ = db.Close() }()
	var v, id string
	if err := db.QueryRow(`SELECT version(), source_id FROM pragma_version()`).Scan(&v, &id); err != nil {
		return ""
	}
	return v + " (" + id + ")"
}

// duckdbCSV is the child mode `kinerja-bench duckdb-csv CSV DB`: DuckDB's own
// CSV reader loading the same file into a fresh database file, the floor
// that kinerja's ingest is compared with. Same driver and DuckDB version as
// the kinerja binary, default settings, the table written to disk and
// checkpointed on close as kinerja's ingest is.
func duckdbCSV(args []string) error {
	if len(args) != 2 {
		return errors.New("usage: kinerja-bench duckdb-csv CSV DB")
	}
	db, err := sql.Open("duckdb", args[1])
	if err != nil {
		return err
	}
	q := fmt.Sprintf(`CREATE TABLE t AS SELECT * FROM read_csv(%s, delim=';', header=true, all_varchar=true)`, sqlString(args[0]))
	if _, err := db.Exec(q); err != nil {
		_ = db.Close()
		return err
	}
	var n int64
	if err := db.QueryRow(`SELECT count(*) FROM t`).Scan(&n); err != nil {
		_ = db.Close()
		return err
	}
	if err := db.Close(); err != nil {
		return err
	}
	return json.NewEncoder(os.Stdout).Encode(map[string]int64{"rows": n})
}

func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
