package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/lampungprov/kinerja/pipeline/durable"
)

// replaceSuffix names the marker of a database replacement in progress,
// beside the database: it holds the name the old database is kept under.
const replaceSuffix = ".penggantian"

// Replace makes the closed, complete database file next the database at
// path, keeping the old one (file and WAL) under the name aside. The
// replacement is rolled forward when interrupted: a marker written first
// says what is being done, and the next Open of path finishes it, so a
// process killed at any step leaves either the old database at path or the
// new one, never the old file with another's WAL and never no database.
func Replace(path, next, aside string) error {
	if _, err := os.Stat(next + ".wal"); err == nil {
		return fmt.Errorf("replacing %s: %s still has a WAL: close it first", path, next)
	}
	if err := durable.SyncFile(next); err != nil {
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	if err := durable.WriteFile(path+replaceSuffix, []byte(next+"\n"+aside+"\n"), 0o644); err != nil {
		return fmt.Errorf("replacing %s: %w", path, err)
	}
	return finishReplace(path)
}

// finishReplace completes a replacement that a marker says is in progress;
// nothing when there is none. Each step is skipped when already done.
func finishReplace(path string) error {
	b, err := os.ReadFile(path + replaceSuffix)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading %s: %w", path+replaceSuffix, err)
	}
	parts := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	if len(parts) != 2 {
		return fmt.Errorf("%s is not a replacement marker: move it aside", path+replaceSuffix)
	}
	next, aside := parts[0], parts[1]
	_, nextErr := os.Stat(next)
	if nextErr == nil {
		// The old database, with its WAL, goes aside first: its WAL must
		// never sit beside the new file.
		if _, err := os.Lstat(path); err == nil && aside != "" {
			if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
				if err := os.Link(path, aside); err != nil {
					return fmt.Errorf("keeping the old database as %s: %w", aside, err)
				}
			}
		}
		if _, err := os.Lstat(path + ".wal"); err == nil {
			if aside == "" {
				aside = path + ".tanpa-basis-data"
			}
			if err := durable.Rename(path+".wal", aside+".wal"); err != nil {
				return fmt.Errorf("keeping the old WAL as %s.wal: %w", aside, err)
			}
		}
		if err := durable.Rename(next, path); err != nil {
			return fmt.Errorf("putting the new database in place: %w", err)
		}
	} else if _, err := os.Lstat(path); err != nil {
		return fmt.Errorf("replacing %s: neither the new database %s nor the old one is there", path, next)
	}
	if err := os.Remove(path + replaceSuffix); err != nil {
		return fmt.Errorf("removing %s: %w", path+replaceSuffix, err)
	}
	return durable.SyncDir(dirOf(path))
}

// CopyTables copies the rows of tables from the database file from (opened
// read-only, attached for the copy) into the same tables of db; a table
// from does not have is skipped. It returns the tables copied.
func (db *DB) CopyTables(ctx context.Context, from string, tables ...string) ([]string, error) {
	if err := db.Exec(ctx, `ATTACH `+literal(from)+` AS kinerja_lama (READ_ONLY)`); err != nil {
		return nil, fmt.Errorf("attaching %s: %w", from, err)
	}
	var copied []string
	err := db.Tx(ctx, func(tx *Tx) error {
		for _, t := range tables {
			var has bool
			if err := tx.QueryRow(ctx, `SELECT count(*) > 0 FROM duckdb_tables() WHERE database_name = 'kinerja_lama' AND schema_name = 'main' AND table_name = ?`, t).Scan(&has); err != nil {
				return err
			}
			if !has {
				continue
			}
			if err := tx.Exec(ctx, `INSERT INTO `+quote(t)+` BY NAME SELECT * FROM kinerja_lama.main.`+quote(t)); err != nil {
				return fmt.Errorf("copying %s: %w", t, err)
			}
			copied = append(copied, t)
		}
		return nil
	})
	return copied, errors.Join(err, db.Exec(context.WithoutCancel(ctx), `DETACH kinerja_lama`))
}
