package pipeline_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

var wib = time.FixedZone("WIB", 7*3600)

func openDB(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() }) // in memory: nothing to lose
	return db
}

func TestDueMonthFollowsTheEvaluationDeadline(t *testing.T) {
	tests := []struct {
		now  time.Time
		want string
	}{
		{time.Date(2026, 6, 5, 23, 59, 0, 0, wib), "2026-04"}, // May still due until the 5th, 23:59:59
		{time.Date(2026, 6, 6, 0, 0, 0, 0, wib), "2026-05"},
		{time.Date(2026, 1, 20, 8, 0, 0, 0, wib), "2025-12"},
		{time.Date(2026, 1, 2, 8, 0, 0, 0, wib), "2025-11"},
	}
	for _, tt := range tests {
		t.Run(tt.now.Format(time.DateTime), func(t *testing.T) {
			if got := pipeline.DueMonth(tt.now, 5); got != tt.want {
				t.Errorf("DueMonth = %s, want %s", got, tt.want)
			}
		})
	}
}

func TestTrackRecordsEveryOutcome(t *testing.T) {
	tests := []struct {
		name      string
		entry     pipeline.Entry
		err       error
		cancelled bool // the context is cancelled while fn runs
		outcome   string
	}{
		{"ok", pipeline.Entry{Files: 3, Rows: 10}, nil, false, pipeline.OutcomeOK},
		{"some files rejected", pipeline.Entry{Files: 3, Outcome: pipeline.OutcomeRejected}, nil, false, pipeline.OutcomeRejected},
		{"failed", pipeline.Entry{}, errors.New("computing kpi/20: boom"), false, pipeline.OutcomeFailed},
		{"cancelled by SIGTERM", pipeline.Entry{}, context.Canceled, true, pipeline.OutcomeCancelled},
		{"query interrupted by SIGTERM", pipeline.Entry{Files: 1}, errors.New("INTERRUPT Error: Interrupted!"), true, pipeline.OutcomeCancelled},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db := openDB(t)
			start := time.Date(2026, 6, 6, 6, 0, 0, 0, wib)
			clock := start
			now := func() time.Time { clock = clock.Add(time.Second); return clock }
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			err := pipeline.Track(ctx, db, pipeline.TaskRun, pipeline.TriggerSchedule, now,
				func(ctx context.Context) (pipeline.Entry, error) {
					if tt.cancelled {
						cancel()
					}
					return tt.entry, tt.err
				})
			if !errors.Is(err, tt.err) {
				t.Fatalf("Track returned %v, want %v", err, tt.err)
			}
			runs, err := pipeline.History(context.Background(), db, 5, wib)
			if err != nil || len(runs) != 1 {
				t.Fatalf("history: %v %v", runs, err)
			}
			r := runs[0]
			if r.Outcome != tt.outcome || r.Task != "run" || r.Trigger != "jadwal" || r.Files != tt.entry.Files || r.Rows != tt.entry.Rows {
				t.Errorf("recorded %+v", r)
			}
			if !r.Start.Equal(start.Add(time.Second)) || !r.End.Equal(start.Add(2*time.Second)) {
				t.Errorf("times %v..%v, want the clock's", r.Start, r.End)
			}
			if (tt.err != nil) != (r.Error != "") {
				t.Errorf("error recorded %q for %v", r.Error, tt.err)
			}
		})
	}
}

func TestARunWhoseProcessDiedStaysUnfinished(t *testing.T) {
	db := openDB(t)
	// What a killed process leaves: the start row, nothing else.
	if err := db.Exec(context.Background(), `INSERT INTO jalan (tugas, pemicu, mulai) VALUES ('run', 'jadwal', ?)`, time.Now()); err != nil {
		t.Fatal(err)
	}
	runs, err := pipeline.History(context.Background(), db, 5, wib)
	if err != nil || len(runs) != 1 || !runs[0].End.IsZero() || runs[0].Outcome != "" {
		t.Errorf("history = %+v, %v; want one unfinished run", runs, err)
	}
}

func TestHistoryReadsADatabaseFromBeforeTheSchedulerColumns(t *testing.T) {
	db := openDB(t)
	// A database that only read-only commands have opened since the
	// upgrade: migration 003 not applied yet.
	err := db.Exec(context.Background(), `ALTER TABLE jalan DROP COLUMN pemicu; ALTER TABLE jalan DROP COLUMN catatan;
		INSERT INTO jalan (tugas, mulai, selesai, hasil, berkas_diproses) VALUES ('run', ?, ?, 'ok', 4)`, time.Now(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	runs, err := pipeline.History(context.Background(), db, 5, wib)
	if err != nil || len(runs) != 1 || runs[0].Outcome != "ok" || runs[0].Files != 4 || runs[0].Trigger != "" {
		t.Errorf("history = %+v, %v", runs, err)
	}
}

func TestStaleWhenFilesWereLoadedAfterTheLastCompleteRun(t *testing.T) {
	ctx := context.Background()
	db := openDB(t)
	accept := func(at time.Time) {
		t.Helper()
		err := db.Exec(ctx, `INSERT INTO berkas (nama, sha256, ukuran, format, status, diproses_pada) VALUES ('a.csv', 'x', 1, 'csv', 'diterima', ?)`, at)
		if err != nil {
			t.Fatal(err)
		}
	}
	run := func(at time.Time, err error) {
		t.Helper()
		got := pipeline.Track(ctx, db, pipeline.TaskRun, pipeline.TriggerManual, func() time.Time { return at },
			func(context.Context) (pipeline.Entry, error) { return pipeline.Entry{}, err })
		if !errors.Is(got, err) {
			t.Fatalf("Track: %v, want the run's own error %v", got, err)
		}
	}
	stale := func() bool {
		t.Helper()
		s, err := pipeline.Stale(ctx, db)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	t0 := time.Date(2026, 6, 6, 6, 0, 0, 0, wib)
	if stale() {
		t.Error("an empty database is stale")
	}
	accept(t0)
	if !stale() {
		t.Error("files loaded and never run: not stale")
	}
	run(t0.Add(time.Minute), nil)
	if stale() {
		t.Error("stale right after a complete run")
	}
	accept(t0.Add(2 * time.Minute)) // a manual `kinerja ingest`
	run(t0.Add(3*time.Minute), context.Canceled)
	if !stale() {
		t.Error("files loaded after the last complete run (the later one was cancelled): not stale")
	}
}

func TestStatusJSONHoldsOutcomesAndMonthsButNoPersonalData(t *testing.T) {
	ctx := context.Background()
	inbox := pipelinetest.CopyFixture(t, nil)
	db := pipelinetest.Load(t, inbox)
	cfg := config.Default()
	cfg.Out = t.TempDir()
	cfg.Inbox = t.TempDir()
	if err := os.WriteFile(filepath.Join(cfg.Inbox, "baru.csv"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 2, 6, 6, 0, 0, 0, wib)
	err := pipeline.Track(ctx, db, pipeline.TaskRun, pipeline.TriggerSchedule, func() time.Time { return now },
		func(context.Context) (pipeline.Entry, error) {
			return pipeline.Entry{Error: "Pegawai 0 198501012010011001"}, nil
		})
	if err != nil {
		t.Fatal(err)
	}
	if err := pipeline.WriteStatus(ctx, db, cfg, now); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(cfg.Out, pipeline.StatusFile))
	if err != nil {
		t.Fatal(err)
	}
	var st pipeline.Status
	if err := json.Unmarshal(b, &st); err != nil {
		t.Fatal(err)
	}
	if st.JalanTerakhir == nil || st.JalanTerakhir.Hasil != "ok" || st.JalanTerakhir.Selesai == nil {
		t.Errorf("last run: %+v", st.JalanTerakhir)
	}
	if st.Berkas.Diterima != 5 || st.Berkas.Menunggu != 1 {
		t.Errorf("files: %+v, want 5 accepted, 1 waiting", st.Berkas)
	}
	if st.BulanWajib != "2026-01" || len(st.OPD) == 0 {
		t.Fatalf("due %s, OPDs %v", st.BulanWajib, st.OPD)
	}
	for _, o := range st.OPD {
		if o.Kode == "" || o.Terlambat != (o.BulanTerakhir < "2026-01") {
			t.Errorf("OPD %+v", o)
		}
	}
	for _, personal := range []string{"1985010120", "Pegawai", "nip", "baru.csv"} {
		if strings.Contains(string(b), personal) {
			t.Errorf("status.json holds %q:\n%s", personal, b)
		}
	}
	if _, err := os.Stat(filepath.Join(cfg.Out, "."+pipeline.StatusFile+".baru")); err == nil {
		t.Error("temporary file left in the site")
	}
}
