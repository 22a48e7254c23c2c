package schedule

import (
	"context"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
)

// every is a fake schedule firing every d: cron's own expressions stop at
// seconds, and these tests should take milliseconds.
type every time.Duration

func (e every) Next(t time.Time) time.Time { return t.Add(time.Duration(e)) }

// at fires once, at t.
type at time.Time

func (a at) Next(t time.Time) time.Time {
	if t.Before(time.Time(a)) {
		return time.Time(a)
	}
	return time.Time{}
}

func testLog() (*slog.Logger, *pipelinetest.SyncBuffer) {
	var buf pipelinetest.SyncBuffer
	return slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})), &buf
}

// daemon runs jobs in the background and returns a stop function that
// cancels the daemon's context and waits for Run to return.
func daemon(t *testing.T, jobs []Job, opt Options) (stop func()) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		Run(ctx, jobs, time.UTC, opt)
		close(done)
	}()
	stopped := false
	stop = func() {
		if stopped {
			return
		}
		stopped = true
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("the daemon did not stop")
		}
	}
	t.Cleanup(stop)
	return stop
}

// waitFor polls cond until it holds, failing the test after a generous
// deadline. It asserts that something happens, never how fast.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestJobsFireInTheOrderOfTheirSchedules(t *testing.T) {
	var mu sync.Mutex
	var fired []string
	record := func(name string) func(context.Context) error {
		return func(context.Context) error {
			mu.Lock()
			fired = append(fired, name)
			mu.Unlock()
			return nil
		}
	}
	start := time.Now()
	// Added in another order than they are due.
	jobs := []Job{
		{Name: "backup", Schedule: at(start.Add(300 * time.Millisecond)), Run: record("backup")},
		{Name: "ingest", Schedule: at(start.Add(100 * time.Millisecond)), Run: record("ingest")},
		{Name: "report", Schedule: at(start.Add(200 * time.Millisecond)), Run: record("report")},
	}
	log, _ := testLog()
	daemon(t, jobs, Options{Log: log})
	count := func() int { mu.Lock(); defer mu.Unlock(); return len(fired) }
	waitFor(t, "three jobs", func() bool { return count() == 3 })
	mu.Lock()
	defer mu.Unlock()
	if got := strings.Join(fired, ","); got != "ingest,report,backup" {
		t.Errorf("fired %s, want ingest,report,backup", got)
	}
}

func TestASlowJobIsSkippedNotStacked(t *testing.T) {
	var running, maxRunning, runs atomic.Int32
	release := make(chan struct{})
	job := Job{Name: "ingest", Schedule: every(10 * time.Millisecond), Run: func(ctx context.Context) error {
		n := running.Add(1)
		defer running.Add(-1)
		for {
			m := maxRunning.Load()
			if n <= m || maxRunning.CompareAndSwap(m, n) {
				break
			}
		}
		if runs.Add(1) == 1 {
			<-release // the first run is slow: many ticks pass meanwhile
		}
		return nil
	}}
	log, buf := testLog()
	daemon(t, []Job{job}, Options{Log: log})
	waitFor(t, "ticks skipped while the first run is busy", func() bool {
		return strings.Count(buf.String(), "this turn skipped") >= 3
	})
	if runs.Load() != 1 {
		t.Errorf("%d runs started while the first was still running", runs.Load())
	}
	close(release)
	waitFor(t, "the job to run again once the slow run ended", func() bool { return runs.Load() >= 3 })
	if maxRunning.Load() != 1 {
		t.Errorf("up to %d runs at once, want 1", maxRunning.Load())
	}
}

func TestAPanicIsRecoveredAndTheJobRunsAgain(t *testing.T) {
	var runs atomic.Int32
	var others atomic.Int32
	jobs := []Job{
		{Name: "report", Schedule: every(20 * time.Millisecond), Run: func(context.Context) error {
			if runs.Add(1) == 1 {
				panic("report template broke")
			}
			return nil
		}},
		{Name: "ingest", Schedule: every(20 * time.Millisecond), Run: func(context.Context) error {
			others.Add(1)
			return nil
		}},
	}
	log, buf := testLog()
	daemon(t, jobs, Options{Log: log})
	// A second and third run prove the skip guard got its token back after
	// the panic (see the order of the chain in Run).
	waitFor(t, "the panicking job to run again", func() bool { return runs.Load() >= 3 })
	waitFor(t, "the other job to go on", func() bool { return others.Load() >= 3 })
	logs := buf.String()
	if !strings.Contains(logs, "job panicked") || !strings.Contains(logs, "report template broke") || !strings.Contains(logs, "job=report") {
		t.Errorf("panic not logged with the job's name:\n%s", logs)
	}
}

func TestStopCancelsTheRunningJobAndWaitsForIt(t *testing.T) {
	started := make(chan struct{})
	var finished atomic.Bool
	job := Job{Name: "ingest", Schedule: every(time.Hour), Run: func(ctx context.Context) error {
		close(started)
		<-ctx.Done()
		time.Sleep(50 * time.Millisecond) // cleaning up: rolling back, closing the database
		finished.Store(true)
		return ctx.Err()
	}}
	log, buf := testLog()
	stop := daemon(t, []Job{job}, Options{Log: log, AtStart: []string{"ingest"}})
	<-started
	stop()
	if !finished.Load() {
		t.Error("Run returned before the cancelled job finished")
	}
	if !strings.Contains(buf.String(), "job cancelled") {
		t.Errorf("cancellation not logged:\n%s", buf.String())
	}
}

func TestAtStartRunsAJobOnceRightAway(t *testing.T) {
	var runs atomic.Int32
	job := Job{Name: "ingest", Schedule: at(time.Now().Add(time.Hour)), Run: func(context.Context) error {
		runs.Add(1)
		return nil
	}}
	log, _ := testLog()
	stop := daemon(t, []Job{job}, Options{Log: log, AtStart: []string{"ingest"}})
	waitFor(t, "the start run", func() bool { return runs.Load() == 1 })
	time.Sleep(50 * time.Millisecond)
	stop()
	if runs.Load() != 1 {
		t.Errorf("%d runs, want exactly one", runs.Load())
	}
}

func TestAFailingJobIsLoggedAndTheDaemonGoesOn(t *testing.T) {
	var runs atomic.Int32
	job := Job{Name: "backup", Schedule: every(20 * time.Millisecond), Run: func(context.Context) error {
		runs.Add(1)
		return context.DeadlineExceeded
	}}
	log, buf := testLog()
	daemon(t, []Job{job}, Options{Log: log})
	waitFor(t, "a second run", func() bool { return runs.Load() >= 2 })
	if !strings.Contains(buf.String(), `level=ERROR msg="job failed" job=backup`) {
		t.Errorf("failure not logged at error level:\n%s", buf.String())
	}
}

func TestNextRunsAreInTheConfiguredZoneWhateverTheServerZone(t *testing.T) {
	// The server's zone is what time.Local is when the expressions are
	// parsed; make it one far from Jakarta for the length of the test.
	saved := time.Local
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	time.Local = ny
	defer func() { time.Local = saved }()

	cfg := config.Default() // Asia/Jakarta, the default expressions
	jkt := cfg.Location()
	tests := []struct {
		name string
		now  time.Time
		want map[string]string // job -> next run, Jakarta time
	}{
		{"just after the report", time.Date(2026, 6, 5, 23, 30, 0, 0, time.UTC), map[string]string{ // 06:30 WIB on the 6th
			JobIngest: "2026-06-06 06:45", JobReport: "2026-07-06 06:00", JobBackup: "2026-06-07 01:30", JobFreshness: "2026-06-06 08:00",
		}},
		{"just before the report", time.Date(2026, 6, 5, 22, 59, 0, 0, time.UTC), map[string]string{ // 05:59 WIB on the 6th
			JobIngest: "2026-06-06 06:00", JobReport: "2026-06-06 06:00", JobBackup: "2026-06-07 01:30", JobFreshness: "2026-06-06 08:00",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			plans, err := NextRuns(cfg, tt.now)
			if err != nil {
				t.Fatal(err)
			}
			if len(plans) != len(tt.want) {
				t.Fatalf("plans %v", plans)
			}
			for _, p := range plans {
				if p.Next.Location().String() != jkt.String() {
					t.Errorf("%s: next run in %v, want %v", p.Job, p.Next.Location(), jkt)
				}
				if got := p.Next.Format("2006-01-02 15:04"); got != tt.want[p.Job] {
					t.Errorf("%s (%s): next %s, want %s", p.Job, p.Spec, got, tt.want[p.Job])
				}
			}
		})
	}
}

func TestJobsRejectABadExpressionAndLeaveOutAnEmptyOne(t *testing.T) {
	cfg := config.Default()
	cfg.Schedule.Backup = ""
	jobs, err := (&Runner{Cfg: cfg}).Jobs()
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, j := range jobs {
		names = append(names, j.Name)
	}
	if got := strings.Join(names, ","); got != "ingest,report,freshness" {
		t.Errorf("jobs %s, want backup left out", got)
	}
	cfg.Schedule.Report = "0 6 32 * *"
	if _, err := (&Runner{Cfg: cfg}).Jobs(); err == nil || !strings.Contains(err.Error(), "schedule.report") {
		t.Errorf("err = %v, want the bad expression named", err)
	}
}
