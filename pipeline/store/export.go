package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/lampungprov/kinerja/pipeline/formula"
)

// Export writes every table of the main schema to dir: the analysts'
// export. It holds no names and no NIPs, because the database holds none.
//
// As Parquet, a table with a month is partitioned Hive-style, one folder
// per month (dir/<table>/periode=YYYY-MM/data_0.parquet; a row of a whole
// year, bulan NULL, under periode=YYYY), so that an engine over object
// storage (DuckDB, Trino, Spark) reads the folder as it is, with
// hive_partitioning, and a reader of one month opens one file. The month is
// the table's periode column, or made from its tahun and bulan columns;
// other tables are one file each (dir/<table>.parquet). As CSV, every
// table is one file, for a spreadsheet.
func (db *DB) Export(ctx context.Context, dir, format string) (int, error) {
	if db.sandboxed {
		return 0, fmt.Errorf("exporting: this connection cannot write files; open the database again")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	t, err := db.Rows(ctx, `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT temporary ORDER BY table_name`)
	if err != nil {
		return 0, fmt.Errorf("listing tables: %w", err)
	}
	for _, r := range t.Rows {
		table := r[0].(string)
		cols, err := db.columns(ctx, table)
		if err != nil {
			return 0, fmt.Errorf("exporting %s: %w", table, err)
		}
		var q string
		switch {
		case format == "csv":
			// A CSV is opened in a spreadsheet: agency text in it must not
			// run as a formula (package formula).
			q = fmt.Sprintf(`COPY (%s) TO %s (FORMAT csv, HEADER true)`, neutralizedSelect(table, cols), literal(filepath.Join(dir, table+".csv")))
		case cols.types["periode"] != "":
			q = fmt.Sprintf(`COPY %s TO %s (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (periode), OVERWRITE true)`,
				quote(table), literal(filepath.Join(dir, table)))
		case cols.types["tahun"] != "" && cols.types["bulan"] != "":
			q = fmt.Sprintf(`COPY (SELECT *, CASE WHEN bulan IS NULL THEN printf('%%04d', tahun) ELSE printf('%%04d-%%02d', tahun, bulan) END AS periode FROM %s)
				TO %s (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (periode), OVERWRITE true)`, quote(table), literal(filepath.Join(dir, table)))
		default:
			q = fmt.Sprintf(`COPY %s TO %s (FORMAT parquet, COMPRESSION zstd)`, quote(table), literal(filepath.Join(dir, table+".parquet")))
		}
		if err := db.Exec(ctx, q); err != nil {
			return 0, fmt.Errorf("exporting %s: %w", table, err)
		}
	}
	return len(t.Rows), nil
}

// columns are a table's columns in order, with their types.
type columns struct {
	names []string
	types map[string]string
}

func (db *DB) columns(ctx context.Context, table string) (columns, error) {
	t, err := db.Rows(ctx, `SELECT column_name, data_type FROM duckdb_columns()
		WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index`, table)
	if err != nil {
		return columns{}, err
	}
	c := columns{types: map[string]string{}}
	for _, r := range t.Rows {
		c.names = append(c.names, r[0].(string))
		c.types[r[0].(string)] = r[1].(string)
	}
	return c, nil
}

func quote(ident string) string { return `"` + strings.ReplaceAll(ident, `"`, `""`) + `"` }

// neutralizedSelect selects every column of table in order, its text
// columns through formula.SQLExpr.
func neutralizedSelect(table string, cols columns) string {
	sel := make([]string, 0, len(cols.names))
	for _, name := range cols.names {
		c := quote(name)
		if cols.types[name] == "VARCHAR" {
			c = formula.SQLExpr(c) + " AS " + quote(name)
		}
		sel = append(sel, c)
	}
	return "SELECT " + strings.Join(sel, ", ") + " FROM " + quote(table)
}
