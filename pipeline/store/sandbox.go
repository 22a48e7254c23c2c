package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// SQL that people other than kinerja's developers write (`kinerja sql`,
// the analysts' KPIs of kpi-analis/, anything a configuration can inject)
// runs in a sandbox: a DuckDB instance that cannot reach the file system or
// the network (enable_external_access = false: no read_csv/read_text/glob,
// no COPY ... TO, no EXPORT, no ATTACH of a file, no replacement scan of a
// path or URL), cannot install or load extensions, and whose configuration
// is locked (lock_configuration = true), so a query cannot switch any of it
// back. On top, only statements that read (SELECT and its forms: WITH,
// FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) are run. Every escape is tested
// in sandbox_test.go against the DuckDB of go.mod; DuckDB's "Securing
// DuckDB" guide lists these settings.

// sandboxSettings are set on a sandboxed instance, lock_configuration last.
var sandboxSettings = [][2]string{
	{"enable_external_access", "false"},
	{"autoinstall_known_extensions", "false"},
	{"autoload_known_extensions", "false"},
	{"allow_community_extensions", "false"},
}

// OpenSandboxed opens the database at path read-only in a sandbox, with
// memoryLimit (a DuckDB size such as "1GB"; "" for DuckDB's default) as the
// most the instance may use: for `kinerja sql`.
func OpenSandboxed(ctx context.Context, path, memoryLimit string) (*DB, error) {
	if err := readable(path); err != nil {
		return nil, err // the same checks and messages as any reader
	}
	q := url.Values{}
	q.Set("access_mode", "read_only")
	for _, s := range sandboxSettings {
		q.Set(s[0], s[1])
	}
	if memoryLimit != "" {
		q.Set("memory_limit", memoryLimit)
	}
	q.Set("lock_configuration", "true")
	connector, err := duckdb.NewConnector(path+"?"+q.Encode(), nil)
	if err != nil {
		return nil, classify(path, err)
	}
	db := &DB{sql: openDB(connector), conn: connector, path: path, sandboxed: true}
	if err := db.sql.PingContext(ctx); err != nil {
		_ = db.Close() // read-only; the ping error is the one to report
		return nil, classify(path, err)
	}
	return db, nil
}

// Sandbox closes this instance to the file system, the network and
// extensions, for good: what compute does before it runs the analysts'
// KPIs. Nothing that needs a file (a Parquet ingest, a backup, an export)
// can run on it afterwards; open the database again for that.
func (tx *Tx) Sandbox(ctx context.Context) error {
	for _, s := range sandboxSettings {
		if err := tx.Exec(ctx, "SET "+s[0]+" = "+s[1]); err != nil {
			return fmt.Errorf("sandboxing the analysts' SQL: %w", err)
		}
	}
	if err := tx.Exec(ctx, "SET lock_configuration = true"); err != nil {
		return fmt.Errorf("sandboxing the analysts' SQL: %w", err)
	}
	tx.db.sandboxed = true
	return nil
}

// readStatements are the statement types a sandboxed query may be.
var readStatements = map[duckdb.StmtType]bool{
	duckdb.STATEMENT_TYPE_SELECT:  true,
	duckdb.STATEMENT_TYPE_EXPLAIN: true,
}

var statementNames = map[duckdb.StmtType]string{
	duckdb.STATEMENT_TYPE_INSERT: "INSERT", duckdb.STATEMENT_TYPE_UPDATE: "UPDATE", duckdb.STATEMENT_TYPE_DELETE: "DELETE",
	duckdb.STATEMENT_TYPE_CREATE: "CREATE", duckdb.STATEMENT_TYPE_ALTER: "ALTER", duckdb.STATEMENT_TYPE_DROP: "DROP",
	duckdb.STATEMENT_TYPE_COPY: "COPY", duckdb.STATEMENT_TYPE_EXPORT: "EXPORT", duckdb.STATEMENT_TYPE_ATTACH: "ATTACH",
	duckdb.STATEMENT_TYPE_DETACH: "DETACH", duckdb.STATEMENT_TYPE_SET: "SET", duckdb.STATEMENT_TYPE_VARIABLE_SET: "SET VARIABLE",
	duckdb.STATEMENT_TYPE_LOAD: "INSTALL/LOAD", duckdb.STATEMENT_TYPE_PRAGMA: "PRAGMA", duckdb.STATEMENT_TYPE_CALL: "CALL",
	duckdb.STATEMENT_TYPE_TRANSACTION: "a transaction", duckdb.STATEMENT_TYPE_CREATE_FUNC: "CREATE MACRO",
	duckdb.STATEMENT_TYPE_VACUUM: "VACUUM", duckdb.STATEMENT_TYPE_ANALYZE: "ANALYZE", duckdb.STATEMENT_TYPE_PREPARE: "PREPARE",
	duckdb.STATEMENT_TYPE_EXECUTE: "EXECUTE", duckdb.STATEMENT_TYPE_MULTI: "several statements",
}

// ErrNotARead is a sandboxed query that is not a read.
var ErrNotARead = errors.New("only a query that reads (SELECT, WITH, FROM, DESCRIBE, SHOW, SUMMARIZE, EXPLAIN) runs here")

// checkRead refuses, on a sandboxed instance, a statement that is not a
// read: DuckDB prepares it (one statement only) and says what it is.
func checkRead(ctx context.Context, conn interface {
	Raw(func(any) error) error
}, query string) error {
	return conn.Raw(func(dc any) error {
		c, ok := dc.(driver.Conn)
		if !ok {
			return fmt.Errorf("the DuckDB driver cannot prepare statements")
		}
		// Prepare, not PrepareContext: the driver's PrepareContext runs
		// every statement but the last of a multi-statement text while it
		// prepares; Prepare refuses more than one without running any.
		st, err := c.Prepare(query)
		if err != nil {
			if n, _ := countStatements(query); n > 1 {
				return fmt.Errorf("%w; write one statement", ErrNotARead)
			}
			return explain(err)
		}
		defer func() { _ = st.Close() }() // only prepared
		ds, ok := st.(*duckdb.Stmt)
		if !ok {
			return fmt.Errorf("the DuckDB driver returned a %T", st)
		}
		t, err := ds.StatementType()
		if err != nil {
			return err
		}
		if !readStatements[t] {
			what := statementNames[t]
			if what == "" {
				what = fmt.Sprintf("statement type %d", t)
			}
			return fmt.Errorf("%w; this is %s", ErrNotARead, what)
		}
		return nil
	})
}

// countStatements counts the statements of query the way DuckDB's parser
// splits them, roughly: semicolons outside quotes and comments.
func countStatements(query string) (int, error) {
	n, inStmt := 0, false
	var quote byte
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '\'' || c == '"':
			quote, inStmt = c, true
		case c == '-' && i+1 < len(query) && query[i+1] == '-':
			for i < len(query) && query[i] != '\n' {
				i++
			}
		case c == ';':
			if inStmt {
				n++
			}
			inStmt = false
		case c != ' ' && c != '\t' && c != '\n' && c != '\r':
			inStmt = true
		}
	}
	if inStmt {
		n++
	}
	return n, nil
}

// explain words DuckDB's refusals of the sandbox for the analyst.
func explain(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	switch {
	case strings.Contains(msg, "disabled by configuration"), strings.Contains(msg, "external extensions is disabled"):
		return fmt.Errorf("the query reaches outside the database (a file, the network or an extension), which is not allowed here: %s", firstLine(msg))
	case strings.Contains(msg, "configuration has been locked"):
		return fmt.Errorf("settings cannot be changed here: %s", firstLine(msg))
	case strings.Contains(msg, "Cannot prepare multiple statements"):
		return fmt.Errorf("%w; write one statement", ErrNotARead)
	}
	return err
}
