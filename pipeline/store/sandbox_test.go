package store_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/store"
)

// escapes are the ways out of the database that an analyst's SQL must not
// have (issue: an analyst could read the NIP key, the original exports with
// names and NIPs, or overwrite the database and the key). {dir} is the
// database's folder, holding the database, the key and an export.
var escapes = []struct{ name, sql string }{
	{"read a system file", `SELECT content FROM read_text('/etc/hostname')`},
	{"read the NIP key", `SELECT content FROM read_text('{dir}/kunci-nip.key')`},
	{"read the key as a table", `SELECT * FROM '{dir}/kunci-nip.key'`},
	{"read an original export", `SELECT * FROM read_csv('{dir}/_diterima/penilaian.csv')`},
	{"read a blob", `SELECT * FROM read_blob('{dir}/kunci-nip.key')`},
	{"list files", `SELECT * FROM glob('{dir}/*')`},
	{"sniff a file", `SELECT * FROM sniff_csv('{dir}/_diterima/penilaian.csv')`},
	{"read the network", `SELECT * FROM read_csv('https://example.org/x.csv')`},
	{"write a file", `COPY (SELECT 1) TO '{dir}/x.csv'`},
	{"overwrite the database", `COPY (SELECT 'x') TO '{dir}/k.duckdb' (FORMAT csv)`},
	{"overwrite the key", `COPY (SELECT 'x') TO '{dir}/kunci-nip.key' (FORMAT csv)`},
	{"export the database", `EXPORT DATABASE '{dir}/ekspor'`},
	{"attach a writable database", `ATTACH '{dir}/lain.duckdb' AS lain (READ_ONLY false)`},
	{"attach memory", `ATTACH ':memory:' AS m`},
	{"install an extension", `INSTALL httpfs`},
	{"load an extension", `LOAD httpfs`},
	{"switch external access back", `SET enable_external_access = true`},
	{"unlock the configuration", `SET lock_configuration = false`},
	{"raise the memory limit", `SET memory_limit = '100GB'`},
	{"profile into a file", `PRAGMA enable_profiling`},
	{"delete", `DELETE FROM penilaian`},
	{"a read then a write", `SELECT 1; COPY (SELECT 1) TO '{dir}/y.csv'`},
}

func sandboxFolder(t *testing.T) (dir, db string) {
	t.Helper()
	dir = t.TempDir()
	db = filepath.Join(dir, "k.duckdb")
	d, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Exec(context.Background(), `CREATE TABLE hasil AS SELECT 'dinkes' AS opd_kode, 42 AS nilai`); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{"kunci-nip.key": "rahasia\n", "_diterima/penilaian.csv": "nip;nama\n198501012010011001;Budi\n"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir, db
}

// untouched checks that no escape changed or created a file.
func untouched(t *testing.T, dir string) {
	t.Helper()
	if b, err := os.ReadFile(filepath.Join(dir, "kunci-nip.key")); err != nil || string(b) != "rahasia\n" {
		t.Errorf("the key file was changed: %q %v", b, err)
	}
	for _, p := range []string{"x.csv", "y.csv", "ekspor", "lain.duckdb"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err == nil {
			t.Errorf("%s was written", p)
		}
	}
}

func TestKinerjaSQLRefusesEveryEscapeAndStillReads(t *testing.T) {
	ctx := context.Background()
	dir, path := sandboxFolder(t)
	db, err := store.OpenSandboxed(ctx, path, "256MB")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // read-only
	for _, e := range escapes {
		t.Run(e.name, func(t *testing.T) {
			rows, err := db.Query(ctx, strings.ReplaceAll(e.sql, "{dir}", dir))
			if err == nil {
				for rows.Next() {
				}
				err = rows.Err()
				_ = rows.Close() // read-only
			}
			if err == nil {
				t.Fatalf("%s ran", e.sql)
			}
			msg := err.Error()
			if !strings.Contains(msg, "not allowed here") && !strings.Contains(msg, "only a query that reads") &&
				!strings.Contains(msg, "cannot be changed here") && !strings.Contains(msg, "does not exist") {
				t.Errorf("%s: unclear refusal %q", e.sql, msg)
			}
		})
	}
	untouched(t, dir)
	rows, err := db.Query(ctx, `SELECT opd_kode, nilai FROM hasil`)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = rows.Close() }() // read-only
	var kode string
	var nilai int
	if !rows.Next() || rows.Scan(&kode, &nilai) != nil || kode != "dinkes" || nilai != 42 {
		t.Errorf("a legitimate SELECT does not work: %s %d %v", kode, nilai, rows.Err())
	}
}

func TestASandboxedTransactionRefusesEveryEscapeAndStillReads(t *testing.T) {
	ctx := context.Background()
	dir, path := sandboxFolder(t)
	db, err := store.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // the test's own file
	err = db.Tx(ctx, func(tx *store.Tx) error {
		if err := tx.Sandbox(ctx); err != nil {
			return err
		}
		for _, e := range escapes {
			q := strings.ReplaceAll(e.sql, "{dir}", dir)
			err := tx.CheckRead(ctx, q)
			if err == nil {
				// A read: the engine must refuse what it reaches.
				err = tx.Exec(ctx, "CREATE OR REPLACE TEMP TABLE t AS "+q)
			}
			if err == nil {
				t.Errorf("%s: ran in the sandbox", e.name)
			}
		}
		if err := tx.CheckRead(ctx, `SELECT opd_kode, nilai FROM hasil`); err != nil {
			return err
		}
		return tx.Exec(ctx, `CREATE OR REPLACE TABLE analis_x AS SELECT opd_kode, nilai FROM hasil`)
	})
	if err != nil {
		t.Fatal(err)
	}
	untouched(t, dir)
	if err := db.Backup(ctx, filepath.Join(dir, "cadangan")); err == nil || !strings.Contains(err.Error(), "open the database again") {
		t.Errorf("a backup on a sandboxed connection: %v", err)
	}
}
