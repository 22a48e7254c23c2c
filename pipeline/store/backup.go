package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/durable"
)

// Backup writes the whole database to the folder dir with EXPORT DATABASE:
// schema.sql (tables, views, macros, sequences at their current value),
// load.sql and one Parquet file per table. The export reads one snapshot, so
// it is consistent even with writers; kinerja takes the run lock anyway.
//
// The export is written to a temporary folder beside dir, checked (its
// schema is created in a scratch database, see orderViews) and renamed into
// place, so a folder named dir is always a complete backup that plain
// IMPORT DATABASE can read. dir must not exist.
//
// DuckDB quirks, each covered by the restore test:
//   - a bare EXPORT DATABASE also writes the session's TEMP tables (ingest's
//     staging tables) into load.sql but not into schema.sql, and the import
//     then fails; naming the database's own catalog leaves them out;
//   - views come out in alphabetical order (see orderViews);
//   - load.sql names the Parquet files by the absolute path of the folder
//     they were exported to, but IMPORT DATABASE reads them from the folder
//     it is given, so the rename (and a later move of the backup) is safe.
func (db *DB) Backup(ctx context.Context, dir string) error {
	if db.sandboxed {
		return errors.New("backing up: this connection ran analysts' SQL and cannot write files; open the database again")
	}
	if _, err := os.Lstat(dir); err == nil {
		return fmt.Errorf("backing up to %s: already exists", dir)
	}
	if err := os.MkdirAll(filepath.Dir(dir), 0o755); err != nil {
		return fmt.Errorf("creating backup folder %s: %w", filepath.Dir(dir), err)
	}
	tmp := filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+PartialSuffix)
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("clearing %s: %w", tmp, err)
	}
	// Everything committed into the file first: the export then reads the
	// checkpointed state, and a WAL left by a crash during the export holds
	// nothing of it.
	if err := db.Checkpoint(ctx); err != nil {
		return fmt.Errorf("backing up: %w", err)
	}
	var catalog string
	if err := db.sql.QueryRowContext(ctx, `SELECT current_database()`).Scan(&catalog); err != nil {
		return fmt.Errorf("backing up: %w", err)
	}
	q := fmt.Sprintf(`EXPORT DATABASE %s TO %s (FORMAT parquet, COMPRESSION zstd)`, quote(catalog), literal(tmp))
	if _, err := db.sql.ExecContext(ctx, q); err != nil {
		_ = os.RemoveAll(tmp) // best effort: a leftover is cleared by the next backup
		return fmt.Errorf("exporting database to %s: %w", tmp, err)
	}
	if err := orderViews(ctx, tmp); err != nil {
		_ = os.RemoveAll(tmp) // best effort: a leftover is cleared by the next backup
		return fmt.Errorf("checking backup %s: %w", dir, err)
	}
	if err := durable.SyncTree(tmp); err != nil {
		_ = os.RemoveAll(tmp) // best effort: a leftover is cleared by the next backup
		return fmt.Errorf("backing up to %s: %w", dir, err)
	}
	crash.Point("backup.exported")
	if err := durable.Rename(tmp, dir); err != nil {
		_ = os.RemoveAll(tmp) // best effort: a leftover is cleared by the next backup
		return fmt.Errorf("moving backup into place: %w", err)
	}
	return nil
}

// PartialSuffix ends the name of a backup folder still being written (it is
// hidden too). A process killed during a backup leaves one behind; it is not
// a backup and can be removed.
const PartialSuffix = ".sebagian"

// Restore creates the database file path from the backup folder from with
// IMPORT DATABASE. It never overwrites: path must not exist (move a damaged
// database aside first). The import runs into a temporary file beside path
// that is renamed into place only when complete. Migrations newer than the
// backup are applied by the next Open.
func Restore(ctx context.Context, from, path string) error {
	if _, err := os.Stat(filepath.Join(from, "schema.sql")); err != nil {
		return fmt.Errorf("restoring from %s: not a backup folder (no schema.sql): %w", from, err)
	}
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("restoring to %s: the file exists; move it aside first", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("creating folder of database %s: %w", path, err)
	}
	tmp := path + PartialSuffix
	// Best effort: a leftover is cleared by the next restore, and the
	// error that made it necessary is the one to report.
	cleanup := func() { _ = os.Remove(tmp); _ = os.Remove(tmp + ".wal") }
	cleanup()
	// Not Open: the migrations would create the tables the import creates.
	connector, err := duckdb.NewConnector(tmp, nil)
	if err != nil {
		return fmt.Errorf("creating database %s: %w", tmp, err)
	}
	h := sql.OpenDB(connector)
	_, err = h.ExecContext(ctx, `IMPORT DATABASE `+literal(from))
	if err == nil {
		// Write everything into the file, so that the rename moves a
		// complete database and no WAL is left beside the old name.
		_, err = h.ExecContext(ctx, `CHECKPOINT`)
	}
	err = errors.Join(err, h.Close(), connector.Close())
	if err != nil {
		cleanup()
		return fmt.Errorf("importing %s: %w", from, err)
	}
	if err := durable.SyncFile(tmp); err != nil {
		cleanup()
		return fmt.Errorf("syncing restored database: %w", err)
	}
	if err := durable.Rename(tmp, path); err != nil {
		cleanup()
		return fmt.Errorf("moving restored database into place: %w", err)
	}
	return nil
}

// schemaSep ends every statement of an export's schema.sql: the statement's
// own ";" and the one EXPORT DATABASE adds.
const schemaSep = ";;\n"

// orderViews rewrites schema.sql in the export folder dir so that every view
// and macro comes after the views and macros it uses.
//
// DuckDB quirk (duckdb/duckdb#22512, open in 1.5): EXPORT DATABASE writes the
// views and macros in alphabetical order, and IMPORT DATABASE then fails on
// one that uses another later in the alphabet (jp_pegawai_bulan reads
// pegawai_bulan; the macro alasan_kurva calls label_kelompok). The order is
// found by creating the schema in a scratch in-memory database, retrying the
// statements that fail until all apply, which also proves that the backup's
// schema can be restored.
func orderViews(ctx context.Context, dir string) error {
	path := filepath.Join(dir, "schema.sql")
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	parts := strings.Split(string(b), schemaSep)
	tail := parts[len(parts)-1] // what follows the last statement
	stmts := parts[:len(parts)-1]

	connector, err := duckdb.NewConnector("", nil)
	if err != nil {
		return err
	}
	scratch := sql.OpenDB(connector)
	scratch.SetMaxOpenConns(1)
	// A scratch in-memory database: nothing is lost if closing fails.
	defer func() { _ = scratch.Close(); _ = connector.Close() }()

	var ordered, pending []string
	for _, s := range stmts {
		if _, err := scratch.ExecContext(ctx, s); err != nil {
			pending = append(pending, s) // may use something created later
			continue
		}
		ordered = append(ordered, s)
	}
	for len(pending) > 0 {
		var left []string
		var lastErr error
		for _, s := range pending {
			if _, err := scratch.ExecContext(ctx, s); err != nil {
				left, lastErr = append(left, s), err
				continue
			}
			ordered = append(ordered, s)
		}
		if len(left) == len(pending) {
			return fmt.Errorf("schema statement does not apply: %d statements cannot be created in any order: %w", len(left), lastErr)
		}
		pending = left
	}
	text := strings.Join(ordered, schemaSep) + schemaSep + tail
	if len(ordered) == 0 {
		text = tail
	}
	return os.WriteFile(path, []byte(text), 0o644)
}

// literal quotes s as an SQL string literal.
func literal(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
