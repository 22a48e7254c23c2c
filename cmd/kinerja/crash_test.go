package main

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// crashKillsEnv sets how many kills at random moments the crash test adds
// to its named points: KINERJA_CRASH_KILLS=200 is the long run (make crash).
const crashKillsEnv = "KINERJA_CRASH_KILLS"

// crashWorld is the province every trial starts from: part A (the 2025
// files) is loaded by a first clean run, part B (2026, with a big file, a
// rejected file and a duplicate) by the run that is killed.
type crashWorld struct {
	base   string // the folder after the clean run of A: data/, public/
	partB  string // the files of B, with their modification times
	namesB []string
	afterA state // the state after the clean run of A
	final  state // after the clean runs of A and then B
	runB   time.Duration
}

// kinerja runs the real command in its own process, in dir, armed to die
// at the crash point spec ("" for none).
func kinerja(dir, spec string, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), childEnv+"=1", "KINERJA_CRASH_AT="+spec, "KINERJA_LOG=warn")
	return cmd
}

// runOK runs kinerja in dir and fails the test unless it exits 0 or 3.
func runOK(t *testing.T, dir string, args ...string) {
	t.Helper()
	out, err := kinerja(dir, "", args...).CombinedOutput()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitRejected {
			t.Fatalf("kinerja %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

func newCrashWorld(t *testing.T) *crashWorld {
	t.Helper()
	w := &crashWorld{base: t.TempDir(), partB: t.TempDir()}
	demo := t.TempDir()
	if code, out, errOut := run(t, "demo", "--inbox", demo, "--pegawai", "3000", "--months", "22", "--end", "2026-10"); code != exitOK {
		t.Fatalf("demo: %d %s %s", code, out, errOut)
	}
	inbox := filepath.Join(w.base, "data", "inbox")
	if err := os.MkdirAll(inbox, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(demo)
	if err != nil {
		t.Fatal(err)
	}
	var namesA []string
	keep := func(n string) bool {
		for _, k := range []string{"_DISHUB.", "_BKD", "_DKP.", "opd.csv", "iku_2025.csv", "iku_2026.csv", "penilaian_2026_DISDIKBUD."} {
			if strings.Contains(n, k) {
				return true
			}
		}
		return false
	}
	for _, e := range entries {
		n := e.Name()
		if !keep(n) {
			continue
		}
		dst := w.partB
		if !strings.Contains(n, "2026") {
			dst = inbox
			namesA = append(namesA, n)
		} else {
			w.namesB = append(w.namesB, n)
		}
		if err := os.Rename(filepath.Join(demo, n), filepath.Join(dst, n)); err != nil {
			t.Fatal(err)
		}
	}
	// A file that is rejected and a resend of a file of A under another name.
	bad := "nip;skp_unor_induk;hasil_kerja;perilaku_kerja;hasil_akhir;tahun_skp;bulan_skp\n12345;DINAS PERHUBUNGAN;SESUAI EKSPEKTASI;SESUAI EKSPEKTASI;BAIK;2026;3\n"
	if err := os.WriteFile(filepath.Join(w.partB, "penilaian_2026_rusak.csv"), []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(inbox, "opd.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(w.partB, "opd_kirim_ulang.csv"), b, 0o644); err != nil {
		t.Fatal(err)
	}
	w.namesB = append(w.namesB, "penilaian_2026_rusak.csv", "opd_kirim_ulang.csv")
	sort.Strings(namesA)
	sort.Strings(w.namesB)
	epoch := time.Date(2026, 11, 1, 8, 0, 0, 0, time.UTC)
	setTimes(t, inbox, namesA, epoch)
	setTimes(t, w.partB, w.namesB, epoch.Add(time.Hour))

	// One NIP key for every trial: the hashes are in the tables compared.
	if err := os.WriteFile(filepath.Join(w.base, "data", "kunci-nip.key"), []byte(strings.Repeat("ab", 32)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	runOK(t, w.base, "run")
	w.afterA = snapshot(t, w.base)

	ref := t.TempDir()
	copyTree(t, w.base, ref)
	w.addB(t, ref)
	start := time.Now()
	runOK(t, ref, "run")
	w.runB = time.Since(start)
	w.final = snapshot(t, ref)
	if to := os.Getenv(crashKeepEnv); to != "" {
		copyTree(t, ref, filepath.Join(to, "reference"))
	}
	if len(w.final.Tables) == 0 || w.final.Tables["kpi_opd_bulanan"] == w.afterA.Tables["kpi_opd_bulanan"] {
		t.Fatalf("part B changed nothing: %v", w.final.Tables)
	}
	return w
}

// addB puts the files of part B into the inbox of dir.
func (w *crashWorld) addB(t *testing.T, dir string) {
	t.Helper()
	copyTree(t, w.partB, filepath.Join(dir, "data", "inbox"))
}

// trial is one kill: of which command, where, and what the state must be
// once the command has been run again.
type trial struct {
	name  string
	args  []string // the command killed and then run again
	spec  string   // crash point; "" with delay: a kill after delay
	delay time.Duration
	from  string // "empty", "afterA" (then B is added) or "final"
	// then, when set, is run after the rerun (e.g. `run` after a rebuild).
	then []string
}

func (w *crashWorld) trials(random int, seed uint64) []trial {
	run := []string{"run"}
	var ts []trial
	for _, p := range []string{"store.migrated#1", "store.migrated#5", "ingest.committed#2", "ingest.done", "site.swapped"} {
		ts = append(ts, trial{name: "new database, " + p, args: run, spec: p, from: "empty"})
	}
	for _, p := range []string{"ingest.staged#1", "ingest.staged#4", "ingest.rows#1", "ingest.rows#2", "ingest.committed#1",
		"ingest.committed#5", "ingest.manifested#3", "ingest.moved#2", "ingest.moved#6", "ingest.rejected#1", "ingest.done",
		"compute.models", "compute.committed", "site.written", "site.swapped", "report.written", "status.written"} {
		ts = append(ts, trial{name: p, args: run, spec: p, from: "afterA"})
	}
	ts = append(ts,
		trial{name: "backup, backup.exported", args: []string{"backup"}, spec: "backup.exported", from: "final"},
		trial{name: "rebuild, rebuild.loaded", args: []string{"rebuild"}, spec: "rebuild.loaded", from: "final", then: run},
		trial{name: "rebuild, rebuild.swapped", args: []string{"rebuild"}, spec: "rebuild.swapped", from: "final", then: run},
	)
	rng := rand.New(rand.NewPCG(seed, 2026))
	for i := range random {
		d := time.Duration(rng.Int64N(int64(w.runB)))
		ts = append(ts, trial{name: fmt.Sprintf("random kill %d after %s", i+1, d.Round(time.Millisecond)), args: run, delay: d, from: "afterA"})
	}
	return ts
}

// TestKillingARunAtAnyMomentEndsLikeACleanRun kills a real kinerja process
// (SIGKILL, as an OOM kill or a power cut stops it) at every named crash
// point of package crash and at seeded random moments, then runs the same
// command again: the database must always open, the site must be the old
// or the new one in between, and in the end every stored table, the inbox,
// its archive, the site and the report must equal those of a clean run.
func TestKillingARunAtAnyMomentEndsLikeACleanRun(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test: a few minutes")
	}
	random := 6
	if v := os.Getenv(crashKillsEnv); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Fatalf("%s=%q: want a number", crashKillsEnv, v)
		}
		random = n
	}
	seed := uint64(11)
	if v := os.Getenv("KINERJA_CRASH_SEED"); v != "" {
		n, err := strconv.ParseUint(v, 10, 64)
		if err != nil {
			t.Fatalf("KINERJA_CRASH_SEED=%q: want a number", v)
		}
		seed = n
	}
	w := newCrashWorld(t)
	trials := w.trials(random, seed)
	covered := map[string]bool{}
	for _, tr := range trials {
		name, _, _ := strings.Cut(tr.spec, "#")
		covered[name] = true
	}
	for _, p := range crash.Points {
		if !covered[p] {
			t.Errorf("crash point %s has no trial", p)
		}
	}
	t.Logf("%d kills: %d at named points, %d at random moments (a clean run of part B takes %s)",
		len(trials), len(trials)-random, random, w.runB.Round(time.Millisecond))
	killed := 0
	for _, tr := range trials {
		if w.try(t, tr) {
			killed++
		}
	}
	t.Logf("%d of %d processes were killed before they ended", killed, len(trials))
}

// try runs one trial; it reports whether the process was killed.
func (w *crashWorld) try(t *testing.T, tr trial) bool {
	t.Helper()
	dir := t.TempDir()
	var before, want state
	switch tr.from {
	case "empty":
		copyTree(t, w.base, dir)
		// The archive and the database of A go; the files of A back in the inbox.
		if err := os.RemoveAll(filepath.Join(dir, "data")); err != nil {
			t.Fatal(err)
		}
		if err := os.RemoveAll(filepath.Join(dir, "public")); err != nil {
			t.Fatal(err)
		}
		copyTree(t, filepath.Join(w.base, "data", "inbox", "_diterima"), filepath.Join(dir, "data", "inbox"))
		if err := os.Remove(filepath.Join(dir, "data", "inbox", "urutan.jsonl")); err != nil {
			t.Fatal(err)
		}
		key, err := os.ReadFile(filepath.Join(w.base, "data", "kunci-nip.key"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "data", "kunci-nip.key"), key, 0o600); err != nil {
			t.Fatal(err)
		}
		want = w.afterA
	case "afterA":
		copyTree(t, w.base, dir)
		w.addB(t, dir)
		before, want = w.afterA, w.final
	case "final":
		copyTree(t, w.base, dir)
		w.addB(t, dir)
		runOK(t, dir, "run")
		before, want = w.final, w.final
	}
	cmd := kinerja(dir, tr.spec, tr.args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if tr.spec == "" {
		timer := time.AfterFunc(tr.delay, func() { _ = cmd.Process.Signal(syscall.SIGKILL) })
		defer timer.Stop()
	}
	err := cmd.Wait()
	killed := false
	if ee, ok := err.(*exec.ExitError); ok {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			killed = true
		}
	}
	if tr.spec != "" && !killed {
		t.Errorf("%s: the process was not killed at its crash point (%v): the point is never reached", tr.name, err)
	}
	// In between: the database opens (snapshot fails otherwise) and the
	// site is whole, the old one or the new one (its stamp, written after
	// the swap, may be missing: the next run builds it again).
	mid := snapshot(t, dir)
	if d := diff("site file", withoutStamps(want.Site), withoutStamps(mid.Site)); d != "" &&
		diff("site file", withoutStamps(before.Site), withoutStamps(mid.Site)) != "" {
		t.Errorf("%s: after the kill the site is neither the old nor the new one:\n%s", tr.name, d)
	}
	runOK(t, dir, tr.args...)
	if tr.then != nil {
		runOK(t, dir, tr.then...)
	}
	got := snapshot(t, dir)
	if tr.from == "final" && tr.args[0] == "rebuild" {
		// A rebuild loads only the accepted files: compare what they give.
		got.Tables, want.Tables = kpiTables(got.Tables), kpiTables(want.Tables)
	}
	if d := got.diff(want); d != "" {
		t.Errorf("%s: killed and run again, the result differs from a clean run:\n%s", tr.name, d)
		keep(t, dir, tr.name)
	}
	if l := leftovers(t, dir); len(l) > 0 {
		t.Errorf("%s: left behind after the rerun: %v", tr.name, l)
	}
	if tr.args[0] == "backup" {
		checkBackups(t, dir, tr.name)
	}
	return killed
}

// kpiTables keeps the KPI tables of a table checksum map.
func kpiTables(all map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range all {
		if strings.HasPrefix(k, "kpi_") || strings.HasPrefix(k, "terbit_") || k == "iku_capaian" || k == "perhatian" ||
			k == "kurva_distribusi_tahunan" || k == "opd" || k == "bulan" {
			out[k] = v
		}
	}
	return out
}

// checkBackups: after a killed backup and a rerun there is exactly one
// complete backup, and it restores to the same tables.
func checkBackups(t *testing.T, dir, name string) {
	t.Helper()
	backups, err := filepath.Glob(filepath.Join(dir, "data", "cadangan", "kinerja-*"))
	if err != nil || len(backups) != 1 {
		t.Fatalf("%s: backups %v %v", name, backups, err)
	}
	target := filepath.Join(t.TempDir(), "pulih.duckdb")
	if err := store.Restore(context.Background(), backups[0], target); err != nil {
		t.Fatalf("%s: restore: %v", name, err)
	}
	db, err := store.Open(context.Background(), target)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	want := tableSums(t, filepath.Join(dir, "data", "kinerja.duckdb"))
	if d := diff("restored table", want, tableSums(t, target)); d != "" {
		t.Errorf("%s: the backup does not restore the database:\n%s", name, d)
	}
}

// crashKeepEnv names a folder where the crash test keeps the folder of a
// failed trial (and the reference), for a maintainer to look into.
const crashKeepEnv = "KINERJA_CRASH_KEEP"

func keep(t *testing.T, dir, name string) {
	t.Helper()
	to := os.Getenv(crashKeepEnv)
	if to == "" {
		return
	}
	target := filepath.Join(to, strings.NewReplacer(" ", "_", "/", "_", ",", "").Replace(name))
	copyTree(t, dir, target)
	t.Logf("kept the folder of %s in %s", name, target)
}
