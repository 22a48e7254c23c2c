package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/lampungprov/kinerja/queries"
)

// migrate applies the numbered files of queries/schema in order, each in its
// own transaction, recording the version reached in schema_version. A file is
// never edited once released; a change is a new file.
func (db *DB) migrate(ctx context.Context) error {
	if err := db.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_version (
		version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)`); err != nil {
		return fmt.Errorf("creating schema_version: %w", err)
	}
	var current int
	if err := db.sql.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_version`).Scan(&current); err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	for _, q := range queries.Dir("schema") {
		stem := strings.TrimPrefix(q.Name, "schema/")
		num, _, _ := strings.Cut(stem, "_")
		version, err := strconv.Atoi(num)
		if err != nil {
			return fmt.Errorf("migration %s: name must start with a number", q.Name)
		}
		if version <= current {
			continue
		}
		err = db.Tx(ctx, func(tx *Tx) error {
			if err := tx.Exec(ctx, q.SQL); err != nil {
				return err
			}
			return tx.Exec(ctx, `INSERT INTO schema_version (version, name) VALUES (?, ?)`, version, stem)
		})
		if err != nil {
			return fmt.Errorf("applying migration %s: %w", q.Name, err)
		}
	}
	return nil
}
