package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/lampungprov/kinerja/queries"
)

// migration is one numbered file of queries/schema.
type migration struct {
	version int
	stem    string
	sql     string
}

func migrations() ([]migration, error) {
	var out []migration
	for _, q := range queries.Dir("schema") {
		stem := strings.TrimPrefix(q.Name, "schema/")
		num, _, _ := strings.Cut(stem, "_")
		version, err := strconv.Atoi(num)
		if err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", q.Name)
		}
		out = append(out, migration{version, stem, q.SQL})
	}
	return out, nil
}

// version is the schema version reached, 0 for a new database.
func (db *DB) version(ctx context.Context) (int, error) {
	var exists bool
	if err := db.sql.QueryRowContext(ctx, `SELECT count(*) > 0 FROM duckdb_tables()
		WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'schema_version'`).Scan(&exists); err != nil {
		return 0, fmt.Errorf("reading schema version: %w", err)
	}
	if !exists {
		return 0, nil
	}
	var v int
	if err := db.sql.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&v); err != nil {
		return 0, fmt.Errorf("reading schema version: %w", err)
	}
	return v, nil
}

// pending lists the migrations the database has not had yet.
func (db *DB) pending(ctx context.Context) ([]migration, error) {
	current, err := db.version(ctx)
	if err != nil {
		return nil, err
	}
	all, err := migrations()
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, m := range all {
		if m.version > current {
			out = append(out, m)
		}
	}
	return out, nil
}

// migrate applies the pending files of queries/schema in order, each in its
// own transaction, recording the version reached in schema_version, and
// calls after (when not nil) after each: Open passes a checkpoint. A file is
// never edited once released; a change is a new file. Run it only on a
// copy of the database (see migrateCopy) or in memory.
func (db *DB) migrate(ctx context.Context, after func() error) error {
	if err := db.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`); err != nil {
		return fmt.Errorf("creating schema_version: %w", err)
	}
	pending, err := db.pending(ctx)
	if err != nil {
		return err
	}
	for _, m := range pending {
		err = db.Tx(ctx, func(tx *Tx) error {
			if err := tx.Exec(ctx, m.sql); err != nil {
				return err
			}
			return tx.Exec(ctx, `INSERT INTO schema_version (version, name) VALUES (?, ?)`, m.version, m.stem)
		})
		if err != nil {
			return fmt.Errorf("applying migration schema/%s: %w", m.stem, err)
		}
		if after != nil {
			if err := after(); err != nil {
				return fmt.Errorf("after migration schema/%s: %w", m.stem, err)
			}
		}
	}
	return nil
}
