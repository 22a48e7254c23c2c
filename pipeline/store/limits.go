package store

import (
	"context"
	"fmt"
	"os"
)

// Limits bound what DuckDB may take of the machine, so that a big load
// spills to disk instead of growing until the server kills it. Empty
// fields keep DuckDB's defaults (80% of the memory; <database>.tmp beside
// the file).
type Limits struct {
	MemoryLimit   string // e.g. "2GB"
	TempDirectory string // where operators that do not fit spill
	Threads       int    // 0: one per core
}

// Limit applies l to the database (DuckDB settings are per database, not
// per connection).
func (db *DB) Limit(ctx context.Context, l Limits) error {
	if l.MemoryLimit != "" {
		if err := db.Exec(ctx, "SET memory_limit = "+literal(l.MemoryLimit)); err != nil {
			return fmt.Errorf("setting memory_limit %q: %w", l.MemoryLimit, err)
		}
	}
	if l.TempDirectory != "" {
		if err := os.MkdirAll(l.TempDirectory, 0o755); err != nil {
			return fmt.Errorf("creating temp_directory: %w", err)
		}
		if err := db.Exec(ctx, "SET temp_directory = "+literal(l.TempDirectory)); err != nil {
			return fmt.Errorf("setting temp_directory %q: %w", l.TempDirectory, err)
		}
	}
	if l.Threads > 0 {
		if err := db.Exec(ctx, fmt.Sprintf("SET threads = %d", l.Threads)); err != nil {
			return fmt.Errorf("setting threads: %w", err)
		}
	}
	return nil
}
