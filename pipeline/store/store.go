// Package store is the only package that talks to DuckDB. It opens the
// database file, applies the numbered schema migrations of package queries,
// runs named SQL files and bulk-loads rows with DuckDB's Appender. Every other
// package depends on the small API here, so the driver can change in one place.
package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"

	"github.com/duckdb/duckdb-go/v2"

	"github.com/lampungprov/kinerja/queries"
)

// DB is an open kinerja database.
type DB struct {
	sql  *sql.DB
	conn *duckdb.Connector
	path string
	// sandboxed: the instance cannot reach files, the network or
	// extensions any more (see sandbox.go).
	sandboxed bool
}

func displayPath(path string) string {
	if path == "" {
		return "(in memory)"
	}
	return path
}

// Close closes the database.
func (db *DB) Close() error {
	err := db.sql.Close()
	return errors.Join(err, db.conn.Close())
}

// Path is the database file, empty for an in-memory database.
func (db *DB) Path() string { return db.path }

// Exec runs one or more statements.
func (db *DB) Exec(ctx context.Context, query string, args ...any) error {
	_, err := db.sql.ExecContext(ctx, query, args...)
	return classify(db.path, err)
}

// Run executes the embedded SQL file name (without ".sql").
func (db *DB) Run(ctx context.Context, name string, args ...any) error {
	q, err := queries.Get(name)
	if err != nil {
		return err
	}
	if _, err := db.sql.ExecContext(ctx, q.SQL, args...); err != nil {
		return classify(db.path, fmt.Errorf("running query %s: %w", name, err))
	}
	return nil
}

// Tx runs fn inside one transaction on one connection, committing when fn
// returns nil and rolling back otherwise.
func (db *DB) Tx(ctx context.Context, fn func(tx *Tx) error) (err error) {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	// Close returns the connection to the pool; the transaction's outcome is
	// decided by COMMIT or ROLLBACK before it.
	defer func() { _ = conn.Close() }()
	if _, err := conn.ExecContext(ctx, "BEGIN TRANSACTION"); err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_, rbErr := conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
			// A full disk or a damaged file says so, with the ways back.
			err = classify(db.path, errors.Join(err, rbErr))
		}
	}()
	if err := fn(&Tx{conn: conn, db: db}); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, "COMMIT")
	return err
}

// Tx is a transaction on a single connection.
type Tx struct {
	conn *sql.Conn
	db   *DB
}

// Query runs a query that returns rows. On a sandboxed database only a
// statement that reads is run (see sandbox.go), and DuckDB's refusals are
// worded for the analyst.
func (db *DB) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	if db.sandboxed {
		conn, err := db.sql.Conn(ctx)
		if err != nil {
			return nil, err
		}
		err = checkRead(ctx, conn, query)
		_ = conn.Close() // back to the pool of one
		if err != nil {
			return nil, err
		}
	}
	rows, err := db.sql.QueryContext(ctx, query, args...)
	if err != nil && db.sandboxed {
		return nil, explain(err)
	}
	return rows, err
}

// CheckRead refuses, on a sandboxed transaction, a statement that is not a
// read (see sandbox.go): what compute runs before an analyst's KPI.
func (tx *Tx) CheckRead(ctx context.Context, query string) error {
	if !tx.db.sandboxed {
		return errors.New("CheckRead needs a sandboxed transaction")
	}
	return checkRead(ctx, tx.conn, query)
}

// Exec runs a statement in the transaction.
func (tx *Tx) Exec(ctx context.Context, query string, args ...any) error {
	_, err := tx.conn.ExecContext(ctx, query, args...)
	if err != nil && tx.db.sandboxed {
		return explain(err)
	}
	return err
}

// ExecCount runs a statement in the transaction and returns the number of
// rows it changed.
func (tx *Tx) ExecCount(ctx context.Context, query string, args ...any) (int64, error) {
	r, err := tx.conn.ExecContext(ctx, query, args...)
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}

// Query runs a query in the transaction.
func (tx *Tx) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return tx.conn.QueryContext(ctx, query, args...)
}

// QueryRow runs a query returning one row in the transaction.
func (tx *Tx) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return tx.conn.QueryRowContext(ctx, query, args...)
}

// Append bulk-loads rows into table through DuckDB's Appender: the fast path
// for rows that Go has parsed (a row-by-row INSERT is hundreds of times
// slower). next is called until it returns false; each row must match the
// table's columns.
func (tx *Tx) Append(ctx context.Context, table string, next func() ([]driver.Value, bool, error)) (int, error) {
	n := 0
	err := tx.conn.Raw(func(dc any) error {
		schema, name := "main", table
		catalog := ""
		if strings.HasPrefix(table, "temp.") {
			catalog, name = "temp", strings.TrimPrefix(table, "temp.")
		}
		app, err := duckdb.NewAppender(dc.(driver.Conn), catalog, schema, name)
		if err != nil {
			return fmt.Errorf("appending to %s: %w", table, err)
		}
		for {
			if n%4096 == 0 && ctx.Err() != nil {
				_ = app.Close() // the transaction rolls back: the context error is the one to report
				return ctx.Err()
			}
			row, ok, err := next()
			if err != nil {
				_ = app.Close() // the transaction rolls back: next's error is the one to report
				return err
			}
			if !ok {
				break
			}
			if err := app.AppendRow(row...); err != nil {
				_ = app.Close() // the transaction rolls back: the append error is the one to report
				return fmt.Errorf("appending to %s: %w", table, err)
			}
			n++
		}
		if err := app.Close(); err != nil {
			return fmt.Errorf("appending to %s: %w", table, err)
		}
		return nil
	})
	return n, err
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
