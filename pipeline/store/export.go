package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/lampungprov/kinerja/pipeline/formula"
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
		from := quote(t)
		if format == "csv" {
			// A CSV is opened in a spreadsheet: agency text in it must not
			// run as a formula (package formula).
			sel, err := db.neutralizedSelect(ctx, t)
			if err != nil {
				return 0, fmt.Errorf("exporting %s: %w", t, err)
			}
			from = "(" + sel + ")"
		}
		q := fmt.Sprintf(`COPY %s TO '%s' %s`, from, strings.ReplaceAll(target, "'", "''"), opts)
		if _, err := db.sql.ExecContext(ctx, q); err != nil {
			return 0, fmt.Errorf("exporting %s: %w", t, err)
		}
	}
	return len(tables), nil
}

func quote(ident string) string { return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"` }

// neutralizedSelect selects every column of table, its text columns
// through formula.SQLExpr.
func (db *DB) neutralizedSelect(ctx context.Context, table string) (string, error) {
	rows, err := db.sql.QueryContext(ctx, `SELECT column_name, data_type FROM duckdb_columns()
		WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index`, table)
	if err != nil {
		return "", err
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	var cols []string
	for rows.Next() {
		var name, typ string
		if err := rows.Scan(&name, &typ); err != nil {
			return "", err
		}
		c := quote(name)
		if typ == "VARCHAR" {
			c = formula.SQLExpr(c) + " AS " + quote(name)
		}
		cols = append(cols, c)
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	return "SELECT " + strings.Join(cols, ", ") + " FROM " + quote(table), nil
}
