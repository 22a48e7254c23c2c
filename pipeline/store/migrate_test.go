package store_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/queries"
)

// TestADatabaseOfTheLastReleaseGetsEmployeeKeys builds a database the way
// the release before schema 004 left it (migrations 001-003, rows holding
// only the NIP hash), opens it with the current code and checks that every
// per-person row now carries the pegawai_id registered for its hash.
func TestADatabaseOfTheLastReleaseGetsEmployeeKeys(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "lama.duckdb")
	old, err := sql.Open("duckdb", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := old.Exec(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`); err != nil {
		t.Fatal(err)
	}
	for _, q := range queries.Dir("schema") {
		stem := strings.TrimPrefix(q.Name, "schema/")
		if stem >= "004" {
			break
		}
		if _, err := old.Exec(q.SQL); err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		if _, err := old.Exec(`INSERT INTO schema_version (version, name) VALUES (?, ?)`, stem[:3], stem); err != nil {
			t.Fatal(err)
		}
	}
	// Employee b arrives in file 1 (training) before a (evaluation, file 2);
	// a appears in all three datasets.
	for _, s := range []string{
		`INSERT INTO pelatihan VALUES (1, '', 2, 'hash-b', 'Pelatihan', NULL, NULL, NULL, DATE '2025-03-01', 10)`,
		`INSERT INTO penilaian VALUES (2, '', 2, 'hash-a', NULL, NULL, 'PNS', 'X', 'X', NULL, NULL, 2025, 3, false, 'sesuai', 'sesuai', 'baik', false, NULL)`,
		`INSERT INTO skp VALUES (3, '', 2, 'hash-a', NULL, NULL, 'PNS', 'X', 'X', NULL, NULL, DATE '2025-01-01', DATE '2025-12-31', 'persetujuan', false)`,
		`INSERT INTO pelatihan VALUES (3, '', 3, 'hash-a', 'Pelatihan', NULL, NULL, NULL, DATE '2025-04-01', 8)`,
	} {
		if _, err := old.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // nothing opens it after the test
	want := map[string]int{"hash-b": 1, "hash-a": 2}
	for _, table := range []string{"penilaian", "skp", "pelatihan"} {
		rows, err := db.SQL().QueryContext(ctx, `SELECT nip_hash, pegawai_id FROM `+table)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rows.Next() {
			var hash string
			var id sql.NullInt64
			if err := rows.Scan(&hash, &id); err != nil {
				t.Fatal(err)
			}
			n++
			if !id.Valid || int(id.Int64) != want[hash] {
				t.Errorf("%s: %s has pegawai_id %v, want %d (numbered in the order of the first file)", table, hash, id, want[hash])
			}
		}
		if err := rows.Err(); err != nil {
			t.Fatal(err)
		}
		_ = rows.Close() // read-only, fully read
		if n == 0 {
			t.Errorf("%s: no rows after the migration", table)
		}
	}
	// A new employee continues the sequence.
	var next int
	if err := db.SQL().QueryRowContext(ctx, `INSERT INTO pegawai (nip_hash) VALUES ('hash-c') RETURNING pegawai_id`).Scan(&next); err != nil {
		t.Fatal(err)
	}
	if next != 3 {
		t.Errorf("next pegawai_id %d, want 3", next)
	}
}
