package store

import (
	"context"
	"database/sql"
	"fmt"
	"math/big"

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

// Row runs a query that returns one row, for Scan. On a sandboxed
// database it is refused like Query refuses it.
func (db *DB) Row(ctx context.Context, query string, args ...any) Row {
	rows, err := db.Query(ctx, query, args...)
	return Row{rows: rows, err: err}
}

// Row is the one row of a query (see DB.Row).
type Row struct {
	rows *sql.Rows
	err  error
}

// Scan copies the row's columns into dest; sql.ErrNoRows when the query
// returned none.
func (r Row) Scan(dest ...any) error {
	if r.err != nil {
		return r.err
	}
	defer func() { _ = r.rows.Close() }() // read to its end or abandoned: nothing to flush
	if !r.rows.Next() {
		if err := r.rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := r.rows.Scan(dest...); err != nil {
		return err
	}
	return r.rows.Close()
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

// Number is a numeric value of a Table as a float64; nil for NULL and for
// what is no number. DuckDB's integer sums are HUGEINT (*big.Int).
func Number(v any) *float64 {
	var f float64
	switch x := v.(type) {
	case float64:
		f = x
	case float32:
		f = float64(x)
	case int64:
		f = float64(x)
	case int32:
		f = float64(x)
	case int16:
		f = float64(x)
	case int8:
		f = float64(x)
	case uint64:
		f = float64(x)
	case uint32:
		f = float64(x)
	case *big.Int:
		if x == nil {
			return nil
		}
		f, _ = new(big.Float).SetInt(x).Float64()
	default:
		return nil
	}
	return &f
}
