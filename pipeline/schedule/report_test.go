package schedule

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/publish"
)

// TestTheRunReportsTheLatestMonthThatHasEnded: on 20 February the
// fixture's February evaluations are in, but the month is still running:
// the run's report is January's; in March it is February's. The archive
// lists both.
func TestTheRunReportsTheLatestMonthThatHasEnded(t *testing.T) {
	r, _ := newRunner(t, time.Date(2026, 2, 20, 9, 0, 0, 0, wib))
	if err := r.Ingest(context.Background()); err != nil {
		t.Fatal(err)
	}
	jan := filepath.Join(r.Cfg.Reports, "laporan-2026-01.html")
	if runs := history(t, r); runs[0].Note != "laporan "+jan {
		t.Errorf("run of 20 February: note %q, want January's report", runs[0].Note)
	}
	march := time.Date(2026, 3, 6, 6, 0, 0, 0, wib)
	r.Now = func() time.Time { return march }
	if err := r.Report(context.Background()); err != nil {
		t.Fatal(err)
	}
	idx, err := os.ReadFile(filepath.Join(r.Cfg.Reports, publish.IndexFile))
	if err != nil {
		t.Fatal(err)
	}
	s := string(idx)
	if feb, j := strings.Index(s, `href="laporan-2026-02.html"`), strings.Index(s, `href="laporan-2026-01.html"`); feb < 0 || j < feb {
		t.Errorf("archive after the report job:\n%s", s)
	}
}

// TestAReportJobWhosePDFFailsStillWritesTheHTML: [laporan] pdf = true
// without a browser: the job fails, saying how to get Chromium, and the
// HTML report is written.
func TestAReportJobWhosePDFFailsStillWritesTheHTML(t *testing.T) {
	r, _ := loadedRunner(t, time.Date(2026, 3, 6, 6, 0, 0, 0, wib))
	r.Cfg.Laporan.PDF, r.Cfg.Laporan.Chromium = true, filepath.Join(t.TempDir(), "tidak-ada")
	err := r.Report(context.Background())
	if err == nil || !strings.Contains(err.Error(), "apt-get install chromium") {
		t.Fatalf("err = %v, want the PDF's failure and its fix", err)
	}
	path := filepath.Join(r.Cfg.Reports, "laporan-2026-02.html")
	if _, err := os.Stat(path); err != nil {
		t.Error(err)
	}
	runs := history(t, r)
	if runs[0].Task != pipeline.TaskReport || runs[0].Outcome != pipeline.OutcomeFailed || runs[0].Note != "laporan "+path {
		t.Errorf("report run %+v", runs[0])
	}
}
