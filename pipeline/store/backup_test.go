package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// dump renders every table of the main schema, rows sorted, so that two
// databases can be compared whole: the KPI tables and everything they are
// computed from.
func dump(t *testing.T, db *store.DB) map[string]string {
	t.Helper()
	ctx := context.Background()
	rows, err := db.Query(ctx, `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	var tables []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		tables = append(tables, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	_ = rows.Close() // read-only, fully read
	out := map[string]string{}
	for _, tbl := range tables {
		rows, err := db.Query(ctx, fmt.Sprintf(`SELECT * FROM %q ORDER BY ALL`, tbl))
		if err != nil {
			t.Fatalf("%s: %v", tbl, err)
		}
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
			fmt.Fprintln(&b, vals...)
		}
		if err := rows.Err(); err != nil {
			t.Fatalf("%s: %v", tbl, err)
		}
		_ = rows.Close() // read-only, fully read
		out[tbl] = b.String()
	}
	return out
}

func TestARestoredBackupHasTheSameKPIs(t *testing.T) {
	ctx := context.Background()
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	dir := t.TempDir()
	backup := filepath.Join(dir, "kinerja-20260606-013000")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, backup); err == nil {
		t.Error("a second backup into the same folder overwrote it")
	}
	// Backups get moved (copied off the server, renamed): load.sql names
	// the old folder, and the import must not care.
	moved := filepath.Join(t.TempDir(), "dipindah")
	if err := os.Rename(backup, moved); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "pulih", "kinerja.duckdb")
	if err := store.Restore(ctx, moved, target); err != nil {
		t.Fatal(err)
	}
	restored, err := store.Open(ctx, target)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = restored.Close() }() // nothing opens it after the test

	want, got := dump(t, db), dump(t, restored)
	for _, kpi := range []string{"kpi_opd_bulanan", "kpi_provinsi_bulanan", "iku_capaian", "terbit_kpi_opd_bulanan"} {
		if want[kpi] == "" {
			t.Fatalf("fixture has no rows in %s", kpi)
		}
	}
	for tbl, rows := range want {
		if got[tbl] != rows {
			t.Errorf("table %s differs after restore:\nwant %s\ngot  %s", tbl, rows, got[tbl])
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d tables restored, want %d", len(got), len(want))
	}
	// The run history's sequence goes on where it was; files are numbered
	// from the stored rows (ingest), so a restored database goes on too.
	var next, maxID int
	if err := restored.Row(context.Background(), `SELECT nextval('jalan_seq'), (SELECT coalesce(max(jalan_id), 0) FROM jalan)`).Scan(&next, &maxID); err != nil {
		t.Fatal(err)
	}
	if next <= maxID {
		t.Errorf("jalan_seq restarted at %d, max jalan_id is %d", next, maxID)
	}
	inbox := t.TempDir()
	if err := os.WriteFile(filepath.Join(inbox, "opd_baru.csv"), []byte("opd;singkatan\nDINAS BARU;DB\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := ingest.Inbox(ctx, restored, inbox, ingest.Options{NIPKey: pipelinetest.Key})
	if err != nil || len(res.Files) != 1 {
		t.Fatal(res, err)
	}
	if err := restored.Row(context.Background(), `SELECT max(berkas_id) FROM berkas WHERE nama <> 'opd_baru.csv'`).Scan(&maxID); err != nil {
		t.Fatal(err)
	}
	if res.Files[0].BerkasID != maxID+1 {
		t.Errorf("the first file after the restore got berkas_id %d, want %d", res.Files[0].BerkasID, maxID+1)
	}
	if _, err := os.Stat(target + store.PartialSuffix); err == nil {
		t.Error("temporary database left beside the restored one")
	}
}

func TestRestoreNeverOverwritesADatabase(t *testing.T) {
	ctx := context.Background()
	db := pipelinetest.Load(t, pipelinetest.CopyFixture(t, nil))
	backup := filepath.Join(t.TempDir(), "b")
	if err := db.Backup(ctx, backup); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(t.TempDir(), "kinerja.duckdb")
	if err := os.WriteFile(target, []byte("data analis"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := store.Restore(ctx, backup, target); err == nil || !strings.Contains(err.Error(), "move it aside") {
		t.Errorf("err = %v, want a refusal", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "data analis" {
		t.Error("the existing file was changed")
	}
	if err := store.Restore(ctx, t.TempDir(), filepath.Join(t.TempDir(), "x.duckdb")); err == nil || !strings.Contains(err.Error(), "not a backup folder") {
		t.Errorf("restoring from an empty folder: %v", err)
	}
}
