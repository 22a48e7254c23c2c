package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// The analysts' Parquet export is partitioned by month, Hive-style, so that
// another engine reads it as it is: read back with hive_partitioning it
// holds the same rows as the tables.
func TestParquetExportIsPartitionedByMonthAndReadsBack(t *testing.T) {
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	ctx := context.Background()
	dir := t.TempDir()
	n, err := db.Export(ctx, dir, "parquet")
	if err != nil || n < 10 {
		t.Fatalf("exported %d tables: %v", n, err)
	}
	// A second export into the same folder replaces the first.
	if _, err := db.Export(ctx, dir, "parquet"); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ table, sum, partition string }{
		{"penilaian", "sum(bulan) + sum(tahun)", "periode=2026-01"},   // by tahun and bulan
		{"kpi_opd_bulanan", "sum(jumlah_dinilai)", "periode=2026-02"}, // by its periode
	} {
		if _, err := os.Stat(filepath.Join(dir, c.table, c.partition)); err != nil {
			t.Errorf("%s is not partitioned by month: %v", c.table, err)
		}
		glob := strings.ReplaceAll(filepath.Join(dir, c.table, "*", "*.parquet"), "'", "''")
		var want, got string
		q := `SELECT count(*) || ' ' || coalesce((%s)::VARCHAR, '') FROM %s`
		if err := db.Row(ctx, fmt.Sprintf(q, c.sum, c.table)).Scan(&want); err != nil {
			t.Fatal(err)
		}
		if err := db.Row(ctx, fmt.Sprintf(q, c.sum, "read_parquet('"+glob+"', hive_partitioning = true)")).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want || strings.HasPrefix(want, "0 ") {
			t.Errorf("%s read back: %s rows and sum, want %s", c.table, got, want)
		}
	}
	// A table without a month is one file.
	if _, err := os.Stat(filepath.Join(dir, "opd.parquet")); err != nil {
		t.Errorf("opd is not one file: %v", err)
	}
}

func TestLimitsAreDuckDBsSettings(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }()
	tmp := filepath.Join(t.TempDir(), "tumpahan")
	if err := db.Limit(ctx, store.Limits{MemoryLimit: "512MB", TempDirectory: tmp, Threads: 1}); err != nil {
		t.Fatal(err)
	}
	var mem, dir string
	var threads int64
	if err := db.Row(ctx, `SELECT current_setting('memory_limit'), current_setting('temp_directory'), current_setting('threads')`).Scan(&mem, &dir, &threads); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(mem, "MiB") || dir != tmp || threads != 1 {
		t.Errorf("memory_limit %q, temp_directory %q, threads %d", mem, dir, threads)
	}
	if err := db.Limit(ctx, store.Limits{MemoryLimit: "lots"}); err == nil {
		t.Error("a memory limit that is no size must be refused")
	}
}
