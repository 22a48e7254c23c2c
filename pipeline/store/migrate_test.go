package store_test

import (
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/lampungprov/kinerja/pipeline/crash"
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
		rows, err := db.Query(ctx, `SELECT nip_hash, pegawai_id FROM `+table)
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
	if err := db.Row(ctx, `INSERT INTO pegawai (nip_hash) VALUES ('hash-c') RETURNING pegawai_id`).Scan(&next); err != nil {
		t.Fatal(err)
	}
	if next != 3 {
		t.Errorf("next pegawai_id %d, want 3", next)
	}
}

// migrateChildEnv makes the test binary open the database at its value
// with store.Open, killed at crash point store.migrated#n when
// migrateCrashEnv is n, or exiting without closing when it is "0".
const (
	migrateChildEnv = "KINERJA_TEST_MIGRATE_DB"
	migrateCrashEnv = "KINERJA_TEST_MIGRATE_CRASH"
)

func TestMain(m *testing.M) {
	if path := os.Getenv(migrateChildEnv); path != "" {
		if n := os.Getenv(migrateCrashEnv); n != "0" {
			crash.Arm("store.migrated#" + n)
		}
		if _, err := store.Open(context.Background(), path); err != nil {
			os.Exit(2)
		}
		os.Exit(0) // without Close, as a kill after the migrations would
	}
	os.Exit(m.Run())
}

// openInChild runs store.Open on path in a child process that dies after
// migration n (0: after Open, without closing); it reports whether the
// child was killed.
func openInChild(t *testing.T, path string, n int) bool {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), migrateChildEnv+"="+path, migrateCrashEnv+"="+strconv.Itoa(n))
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return true
		}
		t.Fatalf("child: %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return false
}

func latestVersion(t *testing.T) int {
	t.Helper()
	all := queries.Dir("schema")
	v, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(all[len(all)-1].Name, "schema/"), "_", 2)[0])
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func schemaVersion(t *testing.T, path string) int {
	t.Helper()
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopening after the kill: %v", err)
	}
	defer func() { _ = db.Close() }() // nothing opens it after the test
	var v int
	if err := db.Row(context.Background(), `SELECT max(version) FROM schema_version`).Scan(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// TestAKillDuringAnyMigrationOfANewDatabaseLeavesOneThatOpens kills the
// process after each migration of a new database (the moment a migration
// sits committed but not yet live), and once after Open without closing:
// the next Open always works and reaches the latest schema.
func TestAKillDuringAnyMigrationOfANewDatabaseLeavesOneThatOpens(t *testing.T) {
	latest := latestVersion(t)
	for n := 0; n <= len(queries.Dir("schema")); n++ {
		path := filepath.Join(t.TempDir(), "baru.duckdb")
		if killed := openInChild(t, path, n); killed != (n > 0) {
			t.Fatalf("after migration %d: killed %v", n, killed)
		}
		if n > 0 {
			if _, err := os.Stat(path); err == nil {
				t.Errorf("after migration %d: a half-migrated database is live", n)
			}
		}
		if v := schemaVersion(t, path); v != latest {
			t.Errorf("after a kill at migration %d: schema %d, want %d", n, v, latest)
		}
		if left, _ := filepath.Glob(path + ".*"); len(left) > 1 || len(left) == 1 && !strings.HasSuffix(left[0], ".wal") {
			t.Errorf("after migration %d: left behind %v", n, left)
		}
	}
}

// TestAKillDuringTheUpgradeOfAnOldDatabaseLeavesItAsItWas: a database of
// the release before schema 005 (migrations 001-004, with rows) is opened
// by this release and killed right after the new migration is applied to
// its copy: the old file is untouched, and the next Open upgrades it with
// every row kept.
func TestAKillDuringTheUpgradeOfAnOldDatabaseLeavesItAsItWas(t *testing.T) {
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
		if stem >= "005" {
			break
		}
		if _, err := old.Exec(q.SQL); err != nil {
			t.Fatalf("%s: %v", q.Name, err)
		}
		if _, err := old.Exec(`INSERT INTO schema_version (version, name) VALUES (?, ?)`, stem[:3], stem); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.Exec(`INSERT INTO berkas (nama, sha256, ukuran, format, status, diproses_pada) VALUES ('a.csv', 'x', 1, 'csv', 'diterima', now());
		INSERT INTO jalan (tugas, mulai, pemicu) VALUES ('run', now(), 'manual')`); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !openInChild(t, path, 1) {
		t.Fatal("the child was not killed after migration 005")
	}
	if after, err := os.ReadFile(path); err != nil || string(after) != string(before) {
		t.Fatalf("the old database changed while its copy was migrated: %v", err)
	}
	if v := schemaVersion(t, path); v != latestVersion(t) {
		t.Errorf("schema %d after the upgrade", v)
	}
	db, err := store.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // nothing opens it after the test
	var files, runs int
	if err := db.Row(context.Background(), `SELECT (SELECT count(*) FROM berkas WHERE arsip IS NULL), (SELECT count(*) FROM jalan)`).Scan(&files, &runs); err != nil || files != 1 || runs != 1 {
		t.Errorf("rows after the upgrade: %d files, %d runs, %v", files, runs, err)
	}
}
