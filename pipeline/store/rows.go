package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/lampungprov/kinerja/queries"
)

// Table is a query's whole result: its column names and its rows of the
// driver's values (nil for NULL). It is what the rest of kinerja reads from
// the database: no other package holds a *sql.DB.
type Table struct {
	Cols []string
	Rows [][]any
}

// Col is the position of column name; -1 when there is none.
func (t Table) Col(name string) int {
	for i, c := range t.Cols {
		if c == name {
			return i
		}
	}
	return -1
}

// Rows runs a query and returns all its rows.
func (db *DB) Rows(ctx context.Context, query string, args ...any) (Table, error) {
	rows, err := db.Query(ctx, query, args...)
	if err != nil {
		return Table{}, err
	}
	return scanTable(rows)
}

// Named runs the embedded query name (queries/<name>.sql) and returns all its
// rows.
func (db *DB) Named(ctx context.Context, name string, args ...any) (Table, error) {
	q, err := queries.Get(name)
	if err != nil {
		return Table{}, err
	}
	t, err := db.Rows(ctx, q.SQL, args...)
	if err != nil {
		return t, fmt.Errorf("running query %s: %w", name, err)
	}
	return t, nil
}

// Row runs a query that returns one row, for Scan.
func (db *DB) Row(ctx context.Context, query string, args ...any) *sql.Row {
	return db.sql.QueryRowContext(ctx, query, args...)
}

// Rows runs a query in the transaction and returns all its rows.
func (tx *Tx) Rows(ctx context.Context, query string, args ...any) (Table, error) {
	rows, err := tx.conn.QueryContext(ctx, query, args...)
	if err != nil {
		return Table{}, err
	}
	return scanTable(rows)
}

func scanTable(rows *sql.Rows) (Table, error) {
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	cols, err := rows.Columns()
	if err != nil {
		return Table{}, err
	}
	t := Table{Cols: cols}
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return t, err
		}
		t.Rows = append(t.Rows, vals)
	}
	return t, rows.Err()
}
