package reports_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/reports"
)

func TestReportShowsTheMonthsNumbersUnsuppressed(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	ctx := context.Background()
	month, err := reports.LatestMonth(ctx, db)
	if err != nil || month != "2026-02" {
		t.Fatalf("latest month %q, %v; want 2026-02", month, err)
	}
	path := filepath.Join(t.TempDir(), "laporan.html")
	if err := reports.Write(ctx, db, month, path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	s := string(b)
	// Province Feb: 4 employees, 3 evaluated = 75%; Jan was 75% too.
	for _, want := range []string{"Februari 2026", "4 / 3", "75,0%", "&#43;0,0 poin", "Badan Uji", "50,0%"} {
		if !strings.Contains(s, want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if err := reports.Write(ctx, db, "2030-01", path); err == nil {
		t.Error("a month without data must be an error")
	}
}
