package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Export writes every table of the main schema to dir as Parquet or CSV, one
// file per table: the analysts' export. It holds no names and no NIPs,
// because the database holds none.
func (db *DB) Export(ctx context.Context, dir, format string) (int, error) {
	if db.sandboxed {
		return 0, fmt.Errorf("exporting: this connection cannot write files; open the database again")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	rows, err := db.sql.QueryContext(ctx, `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name`)
	if err != nil {
		return 0, fmt.Errorf("listing tables: %w", err)
	}
	var tables []string
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			_ = rows.Close() // read-only; the Scan error is the one to report
			return 0, err
		}
		tables = append(tables, t)
	}
	err = rows.Err()
	_ = rows.Close() // read-only; its error, if any, is in rows.Err
	if err != nil {
		return 0, fmt.Errorf("listing tables: %w", err)
	}
	opts := "(FORMAT parquet, COMPRESSION zstd)"
	if format == "csv" {
		opts = "(FORMAT csv, HEADER true)"
	}
	for _, t := range tables {
		target := filepath.Join(dir, t+"."+format)
		q := fmt.Sprintf(`COPY %s TO '%s' %s`, quote(t), strings.ReplaceAll(target, "'", "''"), opts)
		if _, err := db.sql.ExecContext(ctx, q); err != nil {
			return 0, fmt.Errorf("exporting %s: %w", t, err)
		}
	}
	return len(tables), nil
}

func quote(ident string) string { return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"` }
