package main

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/lock"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/queries"
)

func TestSQLAndRunDuringARunWaitBrieflyThenSayARunIsInProgress(t *testing.T) {
	t.Chdir(t.TempDir())
	inbox := pipelinetest.CopyFixture(t, nil)
	if code, out, errOut := run(t, "run", "--inbox", inbox, "--db", "kinerja.duckdb", "--out", "public"); code != exitOK {
		t.Fatalf("run: %d\n%s\n%s", code, out, errOut)
	}
	held, err := lock.Acquire(context.Background(), lock.ForDB("kinerja.duckdb"), lock.Exclusive, 0, "kinerja schedule, job ingest")
	if err != nil {
		t.Fatal(err)
	}
	tests := [][]string{
		{"sql", "--db", "kinerja.duckdb", "--wait", "200ms", "SELECT 1"},
		{"run", "--inbox", inbox, "--db", "kinerja.duckdb", "--out", "public", "--wait", "200ms"},
		{"compute", "--db", "kinerja.duckdb", "--wait", "0s"},
		{"build", "--db", "kinerja.duckdb", "--out", "public", "--wait", "0s"},
		{"ingest", "--inbox", inbox, "--db", "kinerja.duckdb", "--wait", "0s"},
	}
	for _, args := range tests {
		t.Run(args[0], func(t *testing.T) {
			code, _, errOut := run(t, args...)
			if code != exitFailed || !strings.Contains(errOut, "a run is in progress (kinerja schedule, job ingest, pid ") {
				t.Errorf("exit %d, stderr %q; want 1 naming the run in progress", code, errOut)
			}
		})
	}
	// Status still says what it can.
	code, out, _ := run(t, "status", "--db", "kinerja.duckdb", "--inbox", inbox, "--wait", "0s")
	if code != exitOK || !strings.Contains(out, "a run is in progress") || !strings.Contains(out, "next runs") {
		t.Errorf("status during a run: exit %d\n%s", code, out)
	}
	if err := held.Release(); err != nil {
		t.Fatal(err)
	}
	if code, out, _ := run(t, "sql", "--db", "kinerja.duckdb", "--format", "csv", "SELECT 1 AS x"); code != exitOK || out != "x\n1\n" {
		t.Errorf("sql after the run: exit %d %q", code, out)
	}
}

func TestStatusShowsLastAndNextRunsAndTheSitePublishesStatusJSON(t *testing.T) {
	t.Chdir(t.TempDir())
	inbox := pipelinetest.CopyFixture(t, nil)
	if err := os.WriteFile(filepath.Join(inbox, "rusak.csv"), []byte("nip,nama_pelatihan,tanggal_selesai,jp\n123,X,2026-01-01,-4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, "run", "--inbox", inbox, "--db", "kinerja.duckdb", "--out", "public"); code != exitRejected {
		t.Fatalf("run: exit %d", code)
	}
	if err := os.WriteFile(filepath.Join(inbox, "baru.csv"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "status", "--db", "kinerja.duckdb", "--inbox", inbox)
	if code != exitOK {
		t.Fatalf("status: exit %d\n%s", code, errOut)
	}
	for _, want := range [][]string{
		{"files waiting in " + inbox + ": 1"},
		{"next runs (Asia/Jakarta):"},
		{"ingest", "*/15 * * * *", "WIB"},
		{"report", "0 6 6 * *", "06:00 WIB"},
		{"backup", "30 1 * * *", "01:30 WIB"},
		{"freshness", "0 8 * * *", "08:00 WIB"},
		{"last runs:"},
		{"run", "manual", "ditolak_sebagian", " 6 "},
		{"last rejected files"},
		{"rusak.csv", "NIP harus 18 angka"},
		{"latest month of evaluations per OPD (due now:"},
		{"bu", "Badan Uji", "2026-02"},
	} {
		if !hasLine(out, want...) {
			t.Errorf("status lacks a line with %q:\n%s", want, out)
		}
	}

	b, err := os.ReadFile(filepath.Join("public", pipeline.StatusFile))
	if err != nil {
		t.Fatal(err)
	}
	var st pipeline.Status
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	if st.JalanTerakhir == nil || st.JalanTerakhir.Hasil != pipeline.OutcomeRejected || st.Berkas.Ditolak != 1 || st.Berkas.Diterima != 5 || len(st.OPD) != 2 {
		t.Errorf("status.json: %s", b)
	}
	// The file a monitor polls does not make the site look changed.
	if code, out, _ := run(t, "build", "--db", "kinerja.duckdb", "--out", "public"); code != exitOK || !strings.Contains(out, "site unchanged") {
		t.Errorf("build after run: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(filepath.Join("public", pipeline.StatusFile)); err != nil {
		t.Errorf("status.json gone after build: %v", err)
	}
}

func TestBackupAndRestoreCommandsGiveBackTheSameData(t *testing.T) {
	t.Chdir(t.TempDir())
	inbox := pipelinetest.CopyFixture(t, nil)
	if code, _, _ := run(t, "run", "--inbox", inbox, "--db", "kinerja.duckdb", "--out", "public"); code != exitOK {
		t.Fatalf("run: exit %d", code)
	}
	code, out, errOut := run(t, "backup", "--db", "kinerja.duckdb", "cadangan")
	if code != exitOK || !strings.HasPrefix(out, "backup written: cadangan/kinerja-") {
		t.Fatalf("backup: exit %d\n%s%s", code, out, errOut)
	}
	folder := strings.TrimSpace(strings.TrimPrefix(out, "backup written: "))
	if code, _, errOut := run(t, "restore", "--db", "kinerja.duckdb", folder); code != exitFailed || !strings.Contains(errOut, "move it aside") {
		t.Errorf("restore over the live database: exit %d %s", code, errOut)
	}
	if code, out, errOut := run(t, "restore", "--db", "pulih.duckdb", folder); code != exitOK {
		t.Fatalf("restore: exit %d\n%s%s", code, out, errOut)
	}
	query := "SELECT (SELECT count(*) FROM penilaian) AS p, (SELECT sum(jumlah_dinilai) FROM kpi_opd_bulanan) AS k"
	_, want, _ := run(t, "sql", "--db", "kinerja.duckdb", "--format", "csv", query)
	_, got, _ := run(t, "sql", "--db", "pulih.duckdb", "--format", "csv", query)
	if want != got || want == "" {
		t.Errorf("restored %q, want %q", got, want)
	}
	// The restored history: the backup finished, then the restore.
	_, hist, _ := run(t, "sql", "--db", "pulih.duckdb", "--format", "csv", "SELECT tugas, hasil FROM jalan ORDER BY jalan_id")
	if hist != "tugas,hasil\nrun,ok\nbackup,ok\nrestore,ok\n" {
		t.Errorf("restored history:\n%s", hist)
	}
}

// TestScheduleStopsOnSIGTERMDuringARunLeavingDatabaseAndSiteConsistent runs
// `kinerja schedule` as a real process, lets its first job start loading new
// files and sends SIGTERM: the process must exit 0, with the database and
// the site each either as before the run or complete, never half-written,
// and a later run must reach the same KPIs as an uninterrupted load.
func TestScheduleStopsOnSIGTERMDuringARunLeavingDatabaseAndSiteConsistent(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	inbox := pipelinetest.CopyFixture(t, nil)
	later := t.TempDir()
	for _, name := range []string{"iku_2026.csv", "pelatihan_2026.tsv"} {
		if err := os.Rename(filepath.Join(inbox, name), filepath.Join(later, name)); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errOut := run(t, "run", "--inbox", inbox, "--db", "kinerja.duckdb", "--out", "public"); code != exitOK {
		t.Fatalf("first run: %d\n%s%s", code, out, errOut)
	}
	before := siteFiles(t, "public")
	for _, name := range []string{"iku_2026.csv", "pelatihan_2026.tsv"} {
		if err := os.Rename(filepath.Join(later, name), filepath.Join(inbox, name)); err != nil {
			t.Fatal(err)
		}
	}
	// Should another job come due during the test (01:30 or 08:00 WIB), it
	// waits for the lock and is cancelled by the same SIGTERM: the checks
	// below hold all the same.
	cmd := exec.Command(os.Args[0], "schedule", "--inbox", inbox, "--db", "kinerja.duckdb", "--out", "public", "--settle", "10ms")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), childEnv+"=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// On timeout the Wait below fails the test; a Kill error changes nothing.
	timeout := time.AfterFunc(2*time.Minute, func() { _ = cmd.Process.Kill() })
	defer timeout.Stop()
	var logs strings.Builder
	signalled := false
	sc := bufio.NewScanner(stderr)
	for sc.Scan() {
		line := sc.Text()
		logs.WriteString(line + "\n")
		if !signalled && strings.Contains(line, `msg="file loaded"`) {
			// The run has committed one file and goes on with the next.
			if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
				t.Fatal(err)
			}
			signalled = true
		}
	}
	err = cmd.Wait()
	if !signalled || err != nil {
		t.Fatalf("daemon: signalled %v, exit %v\n%s", signalled, err, logs.String())
	}
	if !strings.Contains(logs.String(), `msg=stopped`) {
		t.Errorf("no clean stop logged:\n%s", logs.String())
	}

	db, err := store.OpenReadOnly(context.Background(), "kinerja.duckdb")
	if err != nil {
		t.Fatalf("database after SIGTERM: %v", err)
	}
	runs, err := pipeline.History(context.Background(), db, 1, time.UTC)
	if err != nil || len(runs) != 1 {
		t.Fatal(runs, err)
	}
	if r := runs[0]; r.Trigger != pipeline.TriggerSchedule || r.Outcome != pipeline.OutcomeCancelled || r.End.IsZero() {
		t.Errorf("the interrupted run was recorded as %+v, want a finished record of a cancelled run\n%s", r, logs.String())
	}
	// Every file is either loaded whole and moved, or untouched in the inbox.
	for _, name := range []string{"tests/berkas_baris_lengkap", "tests/berkas_relasi"} {
		q, _ := queries.Get(name)
		var n int
		if err := db.Row(context.Background(), "SELECT count(*) FROM ("+strings.TrimRight(strings.TrimSpace(q.SQL), ";")+")").Scan(&n); err != nil || n != 0 {
			t.Errorf("%s: %d rows, %v", name, n, err)
		}
	}
	loaded := map[string]bool{}
	rows, err := db.Query(context.Background(), `SELECT nama FROM berkas WHERE status = 'diterima'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		loaded[n] = true
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	_ = rows.Close() // read-only, fully read
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	archived, _ := filepath.Glob(filepath.Join(inbox, "_diterima", "*"))
	var moved []string // the archive's files, not its manifest
	for _, p := range archived {
		if filepath.Base(p) != ingest.ManifestName {
			moved = append(moved, p)
		}
	}
	waiting, _ := filepath.Glob(filepath.Join(inbox, "*.*"))
	if len(moved) != len(loaded) || len(moved)+len(waiting) != 5 {
		t.Errorf("%d files moved, %d still waiting, %d recorded as loaded: want moved = loaded and 5 in all", len(moved), len(waiting), len(loaded))
	}
	for _, p := range moved {
		if !loaded[filepath.Base(p)] {
			t.Errorf("%s moved to _diterima but not loaded", p)
		}
	}
	for _, p := range waiting {
		if loaded[filepath.Base(p)] {
			t.Errorf("%s loaded but left in the inbox", p)
		}
	}

	// The site is the old one, or a complete one for the data now stored.
	after := siteFiles(t, "public")
	if !sameFiles(after, before) {
		if code, _, _ := run(t, "build", "--db", "kinerja.duckdb", "--out", "rebuilt"); code != exitOK || !sameFiles(after, siteFiles(t, "rebuilt")) {
			t.Error("the site after SIGTERM is neither the old one nor the one of the data stored")
		}
	}
	if left, _ := filepath.Glob(".public.*"); len(left) > 0 {
		t.Errorf("half-built site left behind: %v", left)
	}
	var st pipeline.Status
	if b, err := os.ReadFile(filepath.Join("public", pipeline.StatusFile)); err != nil || json.Unmarshal(b, &st) != nil || st.JalanTerakhir.Hasil != pipeline.OutcomeCancelled {
		t.Errorf("status.json does not report the cancelled run: %v %+v", err, st.JalanTerakhir)
	}

	// A later run finishes the work and reaches the KPIs of an
	// uninterrupted load.
	if code, out, errOut := run(t, "run", "--inbox", inbox, "--db", "kinerja.duckdb", "--out", "public"); code != exitOK {
		t.Fatalf("run after SIGTERM: %d\n%s%s", code, out, errOut)
	}
	reference := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	final, err := store.OpenReadOnly(context.Background(), "kinerja.duckdb")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = final.Close() }() // read-only
	for _, table := range []string{"kpi_opd_bulanan", "kpi_provinsi_bulanan", "iku_capaian"} {
		if want, got := tableText(t, reference, table), tableText(t, final, table); want != got || want == "" {
			t.Errorf("%s after the interrupted and the later run:\n%s\nuninterrupted:\n%s", table, got, want)
		}
	}
}

// hasLine reports whether one line of out holds every part, in order.
func hasLine(out string, parts ...string) bool {
	for _, line := range strings.Split(out, "\n") {
		rest, ok := line, true
		for _, p := range parts {
			i := strings.Index(rest, p)
			if i < 0 {
				ok = false
				break
			}
			rest = rest[i+len(p):]
		}
		if ok {
			return true
		}
	}
	return false
}

// siteFiles hashes every file of a site except status.json, which says when
// it was written.
func siteFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == pipeline.StatusFile {
			return nil
		}
		b, err := os.ReadFile(p)
		sum := sha256.Sum256(b)
		out[rel] = hex.EncodeToString(sum[:])
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func tableText(t *testing.T, db *store.DB, table string) string {
	t.Helper()
	rows, err := db.Query(context.Background(), fmt.Sprintf(`SELECT * FROM %s ORDER BY ALL`, table))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err is checked below
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			// Sums of floats depend on the order DuckDB adds them in.
			if f, ok := v.(float64); ok {
				vals[i] = strconv.FormatFloat(f, 'g', 10, 64)
			}
		}
		fmt.Fprintln(&b, vals...)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}
