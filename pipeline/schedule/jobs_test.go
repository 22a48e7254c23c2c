package schedule

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/lock"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

var wib = time.FixedZone("WIB", 7*3600)

// newRunner returns a runner on a fresh copy of the fixture province, every
// path in a temporary folder, with pauses short enough for a test.
func newRunner(t *testing.T, now time.Time) (*Runner, *pipelinetest.SyncBuffer) {
	t.Helper()
	dir := t.TempDir()
	cfg := pipelinetest.Config(t, dir)
	cfg.Schedule.BackupDir = filepath.Join(dir, "cadangan")
	log, buf := testLog()
	clock := now
	return &Runner{
		Cfg: cfg, Log: log, Now: func() time.Time { return clock },
		LockWait: time.Millisecond, Retries: []time.Duration{time.Millisecond},
		Settle: time.Millisecond, SettleRounds: 3,
		Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() },
	}, buf
}

// template is a database with the fixture province loaded by one ingest
// round, made once for the tests that start from loaded data.
var template struct {
	once sync.Once
	dir  string
	err  error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if template.dir != "" {
		_ = os.RemoveAll(template.dir) // best effort: a leftover is only a temporary folder
	}
	os.Exit(code)
}

// loadedRunner is newRunner on a copy of the template database: the fixture
// province loaded by the ingest job, the inbox empty.
func loadedRunner(t *testing.T, now time.Time) (*Runner, *pipelinetest.SyncBuffer) {
	t.Helper()
	template.once.Do(func() {
		template.dir, template.err = os.MkdirTemp("", "kinerja-schedule-test-")
		if template.err != nil {
			return
		}
		// Before every test's clock, so that the tests' runs come last in
		// the history.
		r, _ := newRunner(t, time.Date(2026, 3, 1, 0, 0, 0, 0, wib))
		r.Cfg.DB = filepath.Join(template.dir, "kinerja.duckdb")
		r.Cfg.KeyFile = filepath.Join(template.dir, "kunci.key")
		template.err = r.Ingest(context.Background())
	})
	if template.err != nil {
		t.Fatal(template.err)
	}
	r, logs := newRunner(t, now)
	for _, f := range []struct{ from, to string }{
		{filepath.Join(template.dir, "kinerja.duckdb"), r.Cfg.DB},
		{filepath.Join(template.dir, "kunci.key"), r.Cfg.KeyFile},
	} {
		b, err := os.ReadFile(f.from)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(f.to, b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	r.Cfg.Inbox = t.TempDir()
	return r, logs
}

// history reads the run history of the runner's database.
func history(t *testing.T, r *Runner) []pipeline.Entry {
	t.Helper()
	if _, err := os.Stat(r.Cfg.DB); err != nil {
		return nil
	}
	db, err := store.OpenReadOnly(context.Background(), r.Cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // read-only
	runs, err := pipeline.History(context.Background(), db, 100, wib)
	if err != nil {
		t.Fatal(err)
	}
	return runs
}

func TestIngestWaitsUntilAFileBeingCopiedStopsGrowing(t *testing.T) {
	tests := []struct {
		name   string
		grows  int // pauses during which the copy goes on (the check has 3)
		loaded bool
	}{
		{"copy ends during the check: loaded whole", 1, true},
		{"copy still going after the last check: round skipped", 3, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, logs := newRunner(t, time.Date(2026, 3, 6, 6, 0, 0, 0, wib))
			whole, err := os.ReadFile(filepath.Join(r.Cfg.Inbox, "opd.csv"))
			if err != nil {
				t.Fatal(err)
			}
			// An agency's copy of a file, arriving in tt.grows more pieces.
			copying := filepath.Join(r.Cfg.Inbox, "opd-salinan.csv")
			pieces := splitInto(whole, tt.grows+1)
			if err := os.WriteFile(copying, pieces[0], 0o644); err != nil {
				t.Fatal(err)
			}
			next := 1
			r.Sleep = func(ctx context.Context, d time.Duration) error {
				if next < len(pieces) {
					f, err := os.OpenFile(copying, os.O_APPEND|os.O_WRONLY, 0)
					if err != nil {
						return err
					}
					_, err = f.Write(pieces[next])
					if cerr := f.Close(); err == nil {
						err = cerr
					}
					if err != nil {
						return err
					}
					next++
				}
				return nil
			}
			if err := r.Ingest(context.Background()); err != nil {
				t.Fatal(err)
			}
			runs := history(t, r)
			if !tt.loaded {
				if len(runs) != 0 {
					t.Errorf("ran while a file was still being copied: %+v", runs)
				}
				if !strings.Contains(logs.String(), "still being copied") || !strings.Contains(logs.String(), "opd-salinan.csv") {
					t.Errorf("the waiting file is not named in the log:\n%s", logs)
				}
				if _, err := os.Stat(copying); err != nil {
					t.Error("the file being copied was moved")
				}
				return
			}
			if len(runs) != 1 || runs[0].Outcome != pipeline.OutcomeOK {
				t.Fatalf("runs %+v, want one ok run", runs)
			}
			// Loaded whole: the complete copy has the same content as
			// opd.csv, so it is recognised as a resend of it.
			db, err := store.OpenReadOnly(context.Background(), r.Cfg.DB)
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = db.Close() }() // read-only
			var status string
			var size int
			err = db.Row(context.Background(), `SELECT status, ukuran FROM berkas WHERE nama = 'opd-salinan.csv'`).Scan(&status, &size)
			if err != nil || status != ingest.StatusDuplicate || size != len(whole) {
				t.Errorf("opd-salinan.csv: %s, %d bytes (%v); want duplikat of %d bytes", status, size, err, len(whole))
			}
		})
	}
}

func splitInto(b []byte, n int) [][]byte {
	var out [][]byte
	size := len(b)/n + 1
	for len(b) > 0 {
		k := min(size, len(b))
		out = append(out, b[:k])
		b = b[k:]
	}
	return out
}

func TestIngestRunsWhenFilesArriveOrWereLoadedAfterTheLastRun(t *testing.T) {
	ctx := context.Background()
	r, _ := newRunner(t, time.Date(2026, 3, 6, 6, 0, 0, 0, wib))
	clock := time.Date(2026, 3, 6, 6, 0, 0, 0, wib)
	r.Now = func() time.Time { clock = clock.Add(time.Second); return clock }
	aside := filepath.Join(t.TempDir(), "opd.csv")
	if err := os.Rename(filepath.Join(r.Cfg.Inbox, "opd.csv"), aside); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name   string
		before func()
		runs   int
	}{
		{"new files: runs", nil, 1},
		{"nothing new: does nothing", nil, 1},
		{"a manual ingest loaded a file: runs again", func() {
			if err := os.Rename(aside, filepath.Join(r.Cfg.Inbox, "opd.csv")); err != nil {
				t.Fatal(err)
			}
			db, err := store.Open(ctx, r.Cfg.DB)
			if err != nil {
				t.Fatal(err)
			}
			defer func() {
				// The runner opens the database again after this step.
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
			}()
			key, _ := r.Cfg.NIPKey()
			if _, err := ingest.Inbox(ctx, db, r.Cfg.Inbox, ingest.Options{NIPKey: key, Now: r.Now}); err != nil {
				t.Fatal(err)
			}
		}, 2},
		{"then nothing new again", nil, 2},
	}
	for _, s := range steps {
		if s.before != nil {
			s.before()
		}
		if err := r.Ingest(ctx); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		runs := history(t, r)
		if len(runs) != s.runs {
			t.Fatalf("%s: %d runs, want %d", s.name, len(runs), s.runs)
		}
		if runs[0].Trigger != pipeline.TriggerSchedule || runs[0].Outcome != pipeline.OutcomeOK {
			t.Errorf("%s: last run %+v", s.name, runs[0])
		}
	}
	if _, err := os.Stat(filepath.Join(r.Cfg.Out, pipeline.StatusFile)); err != nil {
		t.Errorf("no status.json in the site: %v", err)
	}
}

func TestAFailedIngestRoundPausesLongerEachTime(t *testing.T) {
	ctx := context.Background()
	r, _ := newRunner(t, time.Date(2026, 3, 6, 6, 0, 0, 0, wib))
	r.Cfg.KeyFile = filepath.Join(r.Cfg.Inbox, "opd.csv", "kunci.key") // cannot be created: every run fails
	clock := time.Date(2026, 3, 6, 6, 0, 0, 0, wib)
	r.Now = func() time.Time { return clock }
	r.FailurePause, r.MaxFailurePause = 15*time.Minute, time.Hour
	steps := []struct {
		advance  time.Duration
		runs     int
		errorHas string // "" no error: paused
	}{
		{0, 1, "failure 1 in a row; next attempt after 2026-03-06 06:15"},
		{10 * time.Minute, 1, ""},
		{5 * time.Minute, 2, "failure 2 in a row; next attempt after 2026-03-06 06:45"},
		{30 * time.Minute, 3, "failure 3 in a row; next attempt after 2026-03-06 07:45"},
		{time.Hour, 4, "failure 4 in a row; next attempt after 2026-03-06 08:45"}, // capped at an hour
	}
	for i, s := range steps {
		clock = clock.Add(s.advance)
		err := r.Ingest(ctx)
		if s.errorHas == "" && err != nil || s.errorHas != "" && (err == nil || !strings.Contains(err.Error(), s.errorHas)) {
			t.Errorf("step %d: err = %v, want %q", i, err, s.errorHas)
		}
		if runs := history(t, r); len(runs) != s.runs || runs[0].Outcome != pipeline.OutcomeFailed {
			t.Fatalf("step %d: runs %+v, want %d failed", i, runs, s.runs)
		}
	}
}

func TestRareJobsWaitOutABusyDatabase(t *testing.T) {
	tests := []struct {
		name        string
		releaseAt   int // the pause at which the other run ends; 0 never
		retries     int
		wantRetries int
		wantBusy    bool
	}{
		{"the other run ends: job done", 1, 3, 1, false},
		{"it never ends: reported busy", 0, 2, 2, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			r, _ := loadedRunner(t, time.Date(2026, 3, 6, 8, 0, 0, 0, wib))
			other, err := lock.Acquire(ctx, lock.ForDB(r.Cfg.DB), lock.Exclusive, 0, "kinerja run")
			if err != nil {
				t.Fatal(err)
			}
			defer func() { _ = other.Release() }() // cleanup; a no-op when Sleep released it
			r.Retries = make([]time.Duration, tt.retries)
			pauses := 0
			r.Sleep = func(ctx context.Context, d time.Duration) error {
				pauses++
				if pauses == tt.releaseAt {
					if err := other.Release(); err != nil {
						return err
					}
				}
				return nil
			}
			err = r.Freshness(ctx)
			var busy *lock.BusyError
			if errors.As(err, &busy) != tt.wantBusy {
				t.Fatalf("err = %v, want busy %v", err, tt.wantBusy)
			}
			if tt.wantBusy && !strings.Contains(err.Error(), "a run is in progress (kinerja run, pid") {
				t.Errorf("message does not name the run: %v", err)
			}
			if pauses != tt.wantRetries {
				t.Errorf("%d retries, want %d", pauses, tt.wantRetries)
			}
		})
	}
}

func TestReportWritesTheMonthJustClosedOrSaysWhyNot(t *testing.T) {
	tests := []struct {
		now     time.Time
		month   string
		outcome string
	}{
		{time.Date(2026, 3, 6, 6, 0, 0, 0, wib), "2026-02", pipeline.OutcomeOK},
		{time.Date(2026, 7, 6, 6, 0, 0, 0, wib), "2026-06", pipeline.OutcomeFailed},
	}
	for _, tt := range tests {
		t.Run(tt.month, func(t *testing.T) {
			ctx := context.Background()
			r, _ := loadedRunner(t, tt.now)
			err := r.Report(ctx)
			path := filepath.Join(r.Cfg.Reports, "laporan-"+tt.month+".html")
			runs := history(t, r)
			if runs[0].Task != pipeline.TaskReport || runs[0].Outcome != tt.outcome {
				t.Fatalf("last run %+v", runs[0])
			}
			if tt.outcome == pipeline.OutcomeOK {
				if err != nil {
					t.Fatal(err)
				}
				if _, err := os.Stat(path); err != nil || runs[0].Note != "laporan "+path {
					t.Errorf("report %s: %v, note %q", path, err, runs[0].Note)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), "no KPIs for "+tt.month) {
				t.Errorf("err = %v, want the missing month named", err)
			}
		})
	}
}

func TestFreshnessListsTheOPDsThatHaveNotSentTheMonthDue(t *testing.T) {
	tests := []struct {
		now  time.Time
		note string
	}{
		{time.Date(2026, 3, 8, 8, 0, 0, 0, wib), "semua OPD sudah mengirim 2026-02"},
		{time.Date(2026, 3, 5, 8, 0, 0, 0, wib), "semua OPD sudah mengirim 2026-01"},
		{time.Date(2026, 4, 8, 8, 0, 0, 0, wib), "2 OPD belum mengirim 2026-03: bu, dc"},
	}
	for _, tt := range tests {
		t.Run(tt.now.Format("2006-01-02"), func(t *testing.T) {
			ctx := context.Background()
			r, logs := loadedRunner(t, tt.now)
			if err := r.Freshness(ctx); err != nil {
				t.Fatal(err)
			}
			runs := history(t, r)
			if runs[0].Task != pipeline.TaskFreshness || runs[0].Note != tt.note {
				t.Errorf("recorded %+v, want note %q", runs[0], tt.note)
			}
			late := strings.Contains(tt.note, "belum")
			if late != strings.Contains(logs.String(), `level=WARN msg="OPDs have not sent their evaluations"`) {
				t.Errorf("warning logged = %v, want %v:\n%s", !late, late, logs)
			}
		})
	}
}

func TestBackupKeepsTheLastNAndClearsHalfWrittenOnes(t *testing.T) {
	ctx := context.Background()
	r, _ := loadedRunner(t, time.Date(2026, 3, 6, 1, 30, 0, 0, wib))
	r.Cfg.Schedule.BackupsKept = 2
	dir := r.Cfg.Schedule.BackupDir
	// What a backup killed half-way leaves behind.
	partial := filepath.Join(dir, ".kinerja-20260301-013000"+store.PartialSuffix)
	if err := os.MkdirAll(partial, 0o755); err != nil {
		t.Fatal(err)
	}
	// Not ours: never touched.
	if err := os.MkdirAll(filepath.Join(dir, "salinan-manual"), 0o755); err != nil {
		t.Fatal(err)
	}
	for day := 6; day <= 8; day++ {
		now := time.Date(2026, 3, day, 1, 30, 0, 0, wib)
		r.Now = func() time.Time { return now }
		if err := r.Backup(ctx); err != nil {
			t.Fatal(err)
		}
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if got := strings.Join(names, " "); got != "kinerja-20260307-013000 kinerja-20260308-013000 salinan-manual" {
		t.Errorf("backup folder holds %s", got)
	}
	runs := history(t, r)
	if runs[0].Task != pipeline.TaskBackup || runs[0].Note != "cadangan "+filepath.Join(dir, "kinerja-20260308-013000") {
		t.Errorf("last run %+v", runs[0])
	}
}

// TestADamagedDatabaseKeepsTheLastSiteAndSaysSoInStatusJSON: when the
// database cannot be opened the ingest job fails without touching the
// published site, and status.json says what is wrong (no path, no message).
func TestADamagedDatabaseKeepsTheLastSiteAndSaysSoInStatusJSON(t *testing.T) {
	r, _ := newRunner(t, time.Date(2026, 4, 10, 9, 0, 0, 0, wib))
	if err := r.Ingest(context.Background()); err != nil {
		t.Fatal(err)
	}
	before := map[string][]byte{}
	err := filepath.WalkDir(r.Cfg.Out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || d.Name() == pipeline.StatusFile {
			return err
		}
		b, err := os.ReadFile(p)
		before[p] = b
		return err
	})
	if err != nil || len(before) < 10 {
		t.Fatalf("site of the first run: %d files, %v", len(before), err)
	}
	if err := os.WriteFile(r.Cfg.DB, []byte(strings.Repeat("bukan basis data ", 1000)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(r.Cfg.Inbox, "opd_baru.csv"), []byte("opd;singkatan\nDINAS BARU;DB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = r.Ingest(context.Background())
	var oe *store.OpenError
	if !errors.As(err, &oe) || oe.Kind != store.KindCorrupt || !strings.Contains(err.Error(), r.Cfg.DB) {
		t.Fatalf("ingest on a damaged database: %v, want an OpenError naming the file", err)
	}
	for p, b := range before {
		if got, err := os.ReadFile(p); err != nil || string(got) != string(b) {
			t.Errorf("%s changed while the database could not be opened", p)
		}
	}
	var st pipeline.Status
	b, err := os.ReadFile(filepath.Join(r.Cfg.Out, pipeline.StatusFile))
	if err != nil || json.Unmarshal(b, &st) != nil {
		t.Fatalf("status.json: %v", err)
	}
	if st.GalatBasisData == nil || st.GalatBasisData.Jenis != store.KindCorrupt || st.JalanTerakhir == nil {
		t.Errorf("status.json does not report the damaged database beside the last run: %s", b)
	}
	if strings.Contains(string(b), r.Cfg.DB) {
		t.Errorf("status.json names a path: %s", b)
	}
}
