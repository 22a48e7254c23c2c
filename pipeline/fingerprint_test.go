package pipeline_test

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// rerunWorld is the fixture province after one complete run, on a database
// file, with the clock at start.
type rerunWorld struct {
	db    *store.DB
	cfg   config.Config
	start time.Time
}

func newRerunWorld(t *testing.T) *rerunWorld {
	t.Helper()
	cfg := pipelinetest.Config(t, t.TempDir())
	db, err := store.Open(context.Background(), cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	w := &rerunWorld{db: db, cfg: cfg, start: time.Now()}
	t.Cleanup(func() { _ = w.db.Close() }) // the test's own file
	if res := w.run(t, w.start, false); res.Skipped.Compute || res.Skipped.Site || res.ReportPath == "" {
		t.Fatalf("the first run skipped a stage or wrote no report: %+v", res.Skipped)
	}
	return w
}

func (w *rerunWorld) run(t *testing.T, now time.Time, force bool) pipeline.Result {
	t.Helper()
	res, err := pipeline.RunWith(context.Background(), w.db, w.cfg, pipeline.Options{
		Now: func() time.Time { return now }, Trigger: pipeline.TriggerManual, Force: force})
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	w.reopen(t)
	return res
}

// reopen opens the database again, as the next `kinerja run` process (or
// the scheduler's next run) does: a compute with analysts' KPIs leaves its
// instance sandboxed (pipeline/store/sandbox.go).
func (w *rerunWorld) reopen(t *testing.T) {
	t.Helper()
	if err := w.db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err := store.Open(context.Background(), w.cfg.DB)
	if err != nil {
		t.Fatal(err)
	}
	w.db = db
}

// did names the stages a run did, for messages.
func did(r pipeline.Result) [3]bool {
	return [3]bool{!r.Skipped.Compute, !r.Skipped.Site, !r.Skipped.Report}
}

// TestARunWithNothingNewDoesNothing: after a complete run, a run with no
// new file, setting, SQL or date fact skips compute, the site and the
// report, leaves every output file as it was and says so in the history.
func TestARunWithNothingNewDoesNothing(t *testing.T) {
	w := newRerunWorld(t)
	site := filepath.Join(w.cfg.Out, "index.html")
	before := modTimes(t, site, w.reportPath(t))
	res := w.run(t, w.start.Add(time.Minute), false)
	if did(res) != [3]bool{} {
		t.Fatalf("stages done (compute, site, report): %v, want none", did(res))
	}
	if !res.Current() {
		t.Error("Result.Current() is false")
	}
	if after := modTimes(t, site, w.reportPath(t)); after != before {
		t.Errorf("outputs rewritten: %v, then %v", before, after)
	}
	h, err := pipeline.History(context.Background(), w.db, 1, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 1 || h[0].Outcome != pipeline.OutcomeOK || h[0].Note != "sudah terkini: tidak ada masukan baru" {
		t.Errorf("history of the run: %+v", h)
	}
	if res := w.run(t, w.start.Add(2*time.Minute), true); did(res) != [3]bool{true, true, true} {
		t.Errorf("with Force the run did %v, want every stage", did(res))
	}
}

func (w *rerunWorld) reportPath(t *testing.T) string {
	t.Helper()
	m, err := pipeline.LatestCompleteMonth(context.Background(), w.db, w.cfg, w.start)
	if err != nil || m == "" {
		t.Fatalf("no report month: %v", err)
	}
	return filepath.Join(w.cfg.Reports, publish.ReportFile(m, ""))
}

func modTimes(t *testing.T, paths ...string) [2]time.Time {
	t.Helper()
	var out [2]time.Time
	for i, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		out[i] = st.ModTime()
	}
	return out
}

// TestEveryInputOfARunMakesItDoTheWorkAgain changes one input of a
// complete run at a time: the stages that depend on it are done again,
// and only those.
func TestEveryInputOfARunMakesItDoTheWorkAgain(t *testing.T) {
	all, siteOnly, reportOnly := [3]bool{true, true, true}, [3]bool{false, true, false}, [3]bool{false, false, true}
	tests := []struct {
		name   string
		change func(t *testing.T, w *rerunWorld) time.Time // returns the clock of the rerun
		want   [3]bool
	}{
		{"a rejected file in the inbox", func(t *testing.T, w *rerunWorld) time.Time {
			write(t, filepath.Join(w.cfg.Inbox, "rusak.csv"), "nip,nama_pelatihan,tanggal_selesai,jp\n123,X,2026-01-01,-4\n")
			return w.start
		}, all},
		{"a file loaded by an ingest that was killed before compute", func(t *testing.T, w *rerunWorld) time.Time {
			b, err := os.ReadFile(filepath.Join(pipelinetest.FixtureDir(), "opd.csv"))
			if err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(w.cfg.Inbox, "opd-baru.csv"), string(b)+"DINAS BARU,DB,2026,Baik\n")
			key, err := w.cfg.NIPKey()
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ingest.Inbox(context.Background(), w.db, w.cfg.Inbox, ingest.Options{NIPKey: key}); err != nil {
				t.Fatal(err)
			}
			return w.start
		}, all},
		{"a KPI threshold", func(t *testing.T, w *rerunWorld) time.Time {
			w.cfg.KPI.CoverageAlert = 75
			return w.start
		}, all},
		{"the site's address", func(t *testing.T, w *rerunWorld) time.Time {
			w.cfg.Site.BaseURL = "https://kinerja.lampungprov.go.id/"
			return w.start
		}, all},
		{"an analyst's KPI", func(t *testing.T, w *rerunWorld) time.Time {
			if err := os.MkdirAll(w.cfg.KPI.CustomQueriesDir, 0o755); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(w.cfg.KPI.CustomQueriesDir, "rasio_dinilai.sql"), "-- judul: Rasio dinilai\n-- title: Evaluated ratio\n"+
				"-- definisi: Jumlah dinilai dibagi jumlah pegawai.\n-- definition: Evaluated over headcount.\n-- unit: rasio\n-- higher_is_better: true\n"+
				"SELECT periode, opd_kode, jumlah_dinilai / nullif(jumlah_pegawai, 0) AS nilai FROM kpi_opd_bulanan;")
			return w.start
		}, all},
		{"the next month", func(t *testing.T, w *rerunWorld) time.Time {
			return w.start.AddDate(0, 1, 0)
		}, all},
		{"the site deleted", func(t *testing.T, w *rerunWorld) time.Time {
			if err := os.RemoveAll(w.cfg.Out); err != nil {
				t.Fatal(err)
			}
			return w.start
		}, siteOnly},
		{"the site's index.html edited", func(t *testing.T, w *rerunWorld) time.Time {
			write(t, filepath.Join(w.cfg.Out, "index.html"), "<p>diganti</p>")
			return w.start
		}, siteOnly},
		{"the report deleted", func(t *testing.T, w *rerunWorld) time.Time {
			if err := os.Remove(w.reportPath(t)); err != nil {
				t.Fatal(err)
			}
			return w.start
		}, reportOnly},
		{"the report's index edited", func(t *testing.T, w *rerunWorld) time.Time {
			write(t, filepath.Join(w.cfg.Reports, "index.html"), "<p>diganti</p>")
			return w.start
		}, reportOnly},
		{"the KPI tables computed with other settings", func(t *testing.T, w *rerunWorld) time.Time {
			other := w.cfg
			other.KPI.CoverageAlert = 60
			if _, err := compute.RunAt(context.Background(), w.db, other, w.start, slog.New(slog.DiscardHandler)); err != nil {
				t.Fatal(err)
			}
			return w.start
		}, all},
		{"the site built by hand from the same inputs", func(t *testing.T, w *rerunWorld) time.Time {
			if _, err := pipeline.Build(context.Background(), w.db, w.cfg, pipeline.Options{Now: func() time.Time { return w.start }}); err != nil {
				t.Fatal(err)
			}
			return w.start
		}, [3]bool{}},
		{"the KPIs computed by hand from the same inputs", func(t *testing.T, w *rerunWorld) time.Time {
			if _, err := pipeline.Compute(context.Background(), w.db, w.cfg, w.start, slog.New(slog.DiscardHandler)); err != nil {
				t.Fatal(err)
			}
			return w.start
		}, [3]bool{}},
		{"a report written by hand over the run's", func(t *testing.T, w *rerunWorld) time.Time {
			m, _ := pipeline.LatestCompleteMonth(context.Background(), w.db, w.cfg, w.start)
			if _, err := pipeline.WriteReport(context.Background(), w.db, w.cfg, m, pipeline.ReportOptions{}); err != nil {
				t.Fatal(err)
			}
			return w.start
		}, reportOnly},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newRerunWorld(t)
			if res := w.run(t, w.start, false); did(res) != [3]bool{} {
				t.Fatalf("a rerun before the change did %v", did(res))
			}
			now := tt.change(t, w)
			res := w.run(t, now, false)
			if got := did(res); got != tt.want {
				t.Errorf("stages done (compute, site, report): %v, want %v", got, tt.want)
			}
			if res := w.run(t, now, false); did(res) != [3]bool{} {
				t.Errorf("the run after did %v, want nothing", did(res))
			}
		})
	}
}

// TestARunAfterTheDataWentStaleComputesAndFails: the freshness data test
// depends on the date; the first run past the limit must not skip it.
func TestARunAfterTheDataWentStaleComputesAndFails(t *testing.T) {
	w := newRerunWorld(t)
	late := w.start.AddDate(0, 0, w.cfg.KPI.MaxDataAgeDays+1)
	_, err := pipeline.RunWith(context.Background(), w.db, w.cfg, pipeline.Options{Now: func() time.Time { return late }})
	var failed *compute.FailedTestsError
	if !errors.As(err, &failed) || len(failed.Failures) != 1 || failed.Failures[0].Test != "penilaian_segar" {
		t.Fatalf("run %d days later: %v, want the freshness test to fail", w.cfg.KPI.MaxDataAgeDays+1, err)
	}
}

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
