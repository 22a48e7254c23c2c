package publish_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/publish"
)

func TestReportShowsTheMonthsNumbersUnsuppressed(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	ctx := context.Background()
	month, err := publish.LatestMonth(ctx, db)
	if err != nil || month != "2026-02" {
		t.Fatalf("latest month %q, %v; want 2026-02", month, err)
	}
	r, err := publish.LoadReport(ctx, db, month)
	if err != nil {
		t.Fatal(err)
	}
	// Province Feb: 4 employees, 3 evaluated = 75%; Jan was 75% too.
	if r.Province.Pegawai == nil || *r.Province.Pegawai != 4 || *r.Province.Dinilai != 3 || *r.Province.Cakupan != 75 {
		t.Errorf("province of %s: %+v", month, r.Province)
	}
	if r.Previous.Cakupan == nil || *r.Previous.Cakupan != 75 {
		t.Errorf("the month before: %+v", r.Previous)
	}
	if r.YearAgo.Pegawai != nil {
		t.Errorf("the fixture has no month a year before, got %+v", r.YearAgo)
	}
	path := filepath.Join(t.TempDir(), "laporan.html")
	if err := publish.Report(ctx, db, month, path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	for _, want := range []string{"Februari 2026", "4 / 3", "75,0%", "&#43;0,0 poin", "Badan Uji", "50,0%"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("report lacks %q", want)
		}
	}
	if err := publish.Report(ctx, db, "2030-01", path); err == nil {
		t.Error("a month without data must be an error")
	}
}
