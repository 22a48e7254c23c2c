package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/durable"
)

// Why migrations never run on the live database file
//
// DuckDB re-executes the DDL of its write-ahead log when it opens a file
// that was not closed cleanly, and some DDL fails on replay: an ALTER TABLE
// ADD COLUMN on a table whose key has DEFAULT nextval(...) (migration 003 on
// jalan) makes every later open fail with "Failure while replaying WAL file
// ...: Calling DatabaseManager::GetDefaultDatabase with no default database
// set" (DuckDB issues #19712, #20543, #22044, #22124; PR #21608), and the
// database is lost to every DuckDB client. A kill between the migration's
// commit and the next checkpoint is enough.
//
// So a migration is applied to a copy (migrationSuffix), each step followed
// by a CHECKPOINT that empties the copy's WAL; the copy is closed, fsynced
// and renamed over the database. A process killed at any moment leaves the
// old database untouched (and a leftover copy, removed by the next Open); a
// new database is born the same way, so its first DDL never sits in a WAL.
// Per-run SQL has no ALTER at all (queries_test checks), and each stage
// that creates tables ends with a CHECKPOINT (DB.Checkpoint).

// migrationSuffix names the copy of the database a migration runs on.
const migrationSuffix = ".migrasi"

// Open opens (creating when missing) the database at path and applies every
// pending migration, safely (see above). An empty path opens a private
// in-memory database, which tests use. A file that cannot be opened gives an
// *OpenError that names it, says what is wrong and the ways back.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		db, err := connect(ctx, "", false)
		if err != nil {
			return nil, err
		}
		if err := db.migrate(ctx, nil); err != nil {
			_ = db.Close() // in memory: the migration error is the one to report
			return nil, err
		}
		return db, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, classify(path, fmt.Errorf("creating folder of database: %w", err))
	}
	if err := finishReplace(path); err != nil {
		return nil, err
	}
	work := path + migrationSuffix
	if err := removeDB(work); err != nil {
		return nil, classify(path, fmt.Errorf("removing the leftover of an interrupted migration %s: %w", work, err))
	}
	if _, err := os.Lstat(path); errors.Is(err, os.ErrNotExist) {
		if _, err := os.Lstat(path + ".wal"); err == nil {
			return nil, &OpenError{Path: path, Kind: KindOrphanWAL}
		}
		if err := migrateCopy(ctx, "", work, path); err != nil {
			return nil, err
		}
	}
	db, err := connect(ctx, path, false)
	if err != nil {
		return nil, err
	}
	pending, err := db.pending(ctx)
	if err != nil || len(pending) == 0 {
		if err != nil {
			_ = db.Close() // the read error is the one to report
		}
		return db, err
	}
	// Closing checkpoints: the file then holds everything and has no WAL.
	if err := db.Close(); err != nil {
		return nil, classify(path, err)
	}
	if err := migrateCopy(ctx, path, work, path); err != nil {
		return nil, err
	}
	return connect(ctx, path, false)
}

// OpenReadOnly opens an existing database without writing to it, for ad-hoc
// analyst queries and the site build. Pending migrations are not applied:
// readers read what is there (the next writer migrates).
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if err := readable(path); err != nil {
		return nil, err
	}
	return connect(ctx, path, true)
}

// readable says why a reader cannot open the database at path, nil when
// it can try.
func readable(path string) error {
	if _, err := os.Stat(path + replaceSuffix); err == nil {
		return fmt.Errorf("database %s is being replaced (%s): a `kinerja rebuild` was interrupted; run it again, or any command that writes (it finishes the replacement)", path, path+replaceSuffix)
	}
	if _, err := os.Stat(path); err != nil {
		if _, werr := os.Lstat(path + ".wal"); werr == nil {
			return &OpenError{Path: path, Kind: KindOrphanWAL}
		}
		return fmt.Errorf("opening database %s: %w (run `kinerja ingest` first)", path, err)
	}
	return nil
}

// connect opens the DuckDB file at path (or memory) on one connection.
func connect(ctx context.Context, path string, readOnly bool) (*DB, error) {
	dsn := path
	if readOnly {
		dsn += "?access_mode=read_only"
	}
	connector, err := duckdb.NewConnector(dsn, nil)
	if err != nil {
		return nil, classify(path, err)
	}
	db := &DB{sql: openDB(connector), conn: connector, path: path}
	if err := db.sql.PingContext(ctx); err != nil {
		_ = db.Close() // the ping error is the one to report
		return nil, classify(path, err)
	}
	return db, nil
}

// migrateCopy creates work as a copy of from ("" for a new database),
// applies the pending migrations to it, each followed by a checkpoint,
// closes it and renames it over target: the one step that makes the
// migrated database live.
func migrateCopy(ctx context.Context, from, work, target string) (err error) {
	defer func() {
		if err != nil {
			_ = removeDB(work) // best effort: the next Open removes a leftover too
			err = classify(target, err)
		}
	}()
	if from != "" {
		if err := copyFile(from, work); err != nil {
			return fmt.Errorf("copying the database for its migration: %w", err)
		}
		if _, err := os.Stat(from + ".wal"); err == nil {
			// A clean close leaves no WAL; if one is there, it goes along.
			if err := copyFile(from+".wal", work+".wal"); err != nil {
				return fmt.Errorf("copying the database for its migration: %w", err)
			}
		}
	}
	db, err := connect(ctx, work, false)
	if err != nil {
		return err
	}
	if err := db.migrate(ctx, func() error {
		if err := db.Checkpoint(ctx); err != nil {
			return err
		}
		crash.Point("store.migrated")
		return nil
	}); err != nil {
		_ = db.Close() // the copy is thrown away: the migration error is the one to report
		return err
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("closing the migrated copy: %w", err)
	}
	if _, err := os.Stat(work + ".wal"); err == nil {
		return fmt.Errorf("the migrated copy %s still has a WAL after closing", work)
	}
	if err := durable.SyncFile(work); err != nil {
		return fmt.Errorf("syncing the migrated copy: %w", err)
	}
	if err := durable.Rename(work, target); err != nil {
		return fmt.Errorf("putting the migrated database in place: %w", err)
	}
	return nil
}

// copyFile copies from to a new file to and fsyncs it.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer func() { _ = in.Close() }() // read-only
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, in)
	if err == nil {
		err = out.Sync()
	}
	return errors.Join(err, out.Close())
}

// openDB is the database/sql handle of a connector, on one connection:
// DuckDB runs queries in parallel internally, and a single connection keeps
// temporary staging tables and transactions on the same session whatever
// database/sql's pool would do.
func openDB(c *duckdb.Connector) *sql.DB {
	h := sql.OpenDB(c)
	h.SetMaxOpenConns(1)
	return h
}

func dirOf(path string) string { return filepath.Dir(path) }

// removeDB removes a database file and its WAL, when present.
func removeDB(path string) error {
	var errs []error
	for _, p := range []string{path, path + ".wal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	return errors.Join(errs...)
}

// Checkpoint writes everything committed into the database file and empties
// its WAL. Every stage that created or replaced tables ends with one, so
// that no DDL waits in the WAL for a crash (see above).
func (db *DB) Checkpoint(ctx context.Context) error {
	if db.path == "" {
		return nil
	}
	if _, err := db.sql.ExecContext(ctx, "CHECKPOINT"); err != nil {
		return classify(db.path, fmt.Errorf("checkpoint: %w", err))
	}
	return nil
}

// Kinds of OpenError.
const (
	KindWAL        = "wal_rusak"        // the WAL cannot be replayed
	KindCorrupt    = "berkas_rusak"     // not a DuckDB file, truncated, bad checksum
	KindNewer      = "versi_lebih_baru" // written by a newer DuckDB
	KindPermission = "izin_ditolak"     // this user may not read or write it or its folder
	KindReadOnly   = "hanya_baca"       // read-only file system
	KindFull       = "disk_penuh"       // no space left
	KindLocked     = "dipakai_program_lain"
	KindOrphanWAL  = "wal_tanpa_basis_data" // a WAL without its database file
	KindOther      = "lainnya"
)

// OpenError is a database that cannot be opened or written: which file,
// what is wrong (Kind) and, in its message, the ways back.
type OpenError struct {
	Path   string
	Kind   string
	Detail string // DuckDB's or the system's first line
}

func (e *OpenError) Error() string {
	detail := ""
	if e.Detail != "" {
		detail = " (" + e.Detail + ")"
	}
	back := "Ways back: `kinerja rebuild` builds a new database from the archive of accepted files " +
		"(<inbox>/_diterima/, nothing accepted is lost), or `kinerja restore FOLDER` restores a backup " +
		"(changes since the backup are lost). The damaged file is left as it is; see docs/operasi.md."
	switch e.Kind {
	case KindWAL:
		return fmt.Sprintf("database %s cannot be opened: its write-ahead log %s.wal cannot be replayed%s. %s", e.Path, e.Path, detail, back)
	case KindCorrupt:
		return fmt.Sprintf("database %s cannot be opened: the file is damaged or not a DuckDB database%s. %s", e.Path, detail, back)
	case KindNewer:
		return fmt.Sprintf("database %s cannot be opened: it was written by a newer DuckDB than this kinerja%s. "+
			"Run the kinerja release that wrote it, or `kinerja rebuild` with this one.", e.Path, detail)
	case KindPermission:
		return fmt.Sprintf("database %s cannot be opened: this user (uid %d) may not read or write it or its folder %s%s. "+
			"Run kinerja as the service user (e.g. sudo -u kinerja), or give that user the file and folder (chown, chmod g+w).",
			e.Path, os.Getuid(), filepath.Dir(e.Path), detail)
	case KindReadOnly:
		return fmt.Sprintf("database %s cannot be written: its file system is read-only%s. "+
			"Remount it read-write, or use `kinerja sql`/`status`, which only read.", e.Path, detail)
	case KindFull:
		return fmt.Sprintf("database %s cannot be written: the disk is full%s. "+
			"Free space on the disk of %s (df -h %s) and run again: what was committed is kept, the rest is redone.",
			e.Path, detail, filepath.Dir(e.Path), filepath.Dir(e.Path))
	case KindLocked:
		return fmt.Sprintf("database %s is open in another program%s: DuckDB allows one writer. "+
			"Close it there (a DuckDB shell, a notebook) and try again.", e.Path, detail)
	case KindOrphanWAL:
		return fmt.Sprintf("database %s does not exist, but its write-ahead log %s.wal does: the database file was "+
			"moved or deleted without its log. Put the file back, or run `kinerja rebuild` (it keeps the log aside).", e.Path, e.Path)
	}
	return fmt.Sprintf("database %s cannot be opened%s", displayPath(e.Path), detail)
}

var storageVersion = regexp.MustCompile(`version number (\d+), but we can only read versions? (.*)`)

// classify turns an error of opening or writing the database at path into
// an *OpenError when it is one of the known ways a database file fails;
// other errors are returned as they are.
func classify(path string, err error) error {
	if err == nil || path == "" {
		return err
	}
	var oe *OpenError
	if errors.As(err, &oe) {
		return err
	}
	msg := err.Error()
	first := firstLine(msg)
	first = strings.TrimPrefix(first, "database/sql/driver: could not connect to database: ")
	lower := strings.ToLower(msg)
	kind := ""
	switch {
	case strings.Contains(msg, "replaying WAL"):
		kind = KindWAL
	case strings.Contains(lower, "no space left"), strings.Contains(lower, "file too large"), strings.Contains(lower, "disk quota"):
		kind = KindFull
	case strings.Contains(lower, "read-only file system"):
		kind = KindReadOnly
	case strings.Contains(lower, "permission denied"):
		kind = KindPermission
	case strings.Contains(msg, "Could not set lock on file"):
		kind = KindLocked
	case storageVersion.MatchString(msg) || strings.Contains(msg, "newer version of DuckDB"):
		kind = KindNewer
		if m := storageVersion.FindStringSubmatch(msg); m != nil {
			first = "storage version " + m[1] + "; this build reads " + strings.TrimSuffix(m[2], ".")
		}
	case strings.Contains(msg, "not a valid DuckDB database file"), strings.Contains(msg, "Corrupt database file"),
		strings.Contains(msg, "Could not read enough bytes"), strings.Contains(msg, "Serialization Error"),
		strings.Contains(msg, "INTERNAL Error") && strings.Contains(msg, "block"):
		kind = KindCorrupt
	}
	if kind == "" {
		return err
	}
	return &OpenError{Path: path, Kind: kind, Detail: first}
}
