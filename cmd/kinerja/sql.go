package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/formula"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newSQLCmd() *command {
	var format string
	return &command{
		name:    "sql",
		usage:   "QUERY",
		summary: "run a read-only SQL query on the database (tables: penilaian, skp, iku, pelatihan, opd_ref,\nberkas, temuan, kpi_opd_bulanan, ...), sandboxed: no file, network, extension, ATTACH or setting change",
		// The analysts' SQL runs in the sandbox, never on the database as
		// the pipeline opens it.
		lock: lockSandbox,
		wait: 5 * time.Second,
		flags: func(fs *flag.FlagSet, c *config.Config) {
			dbFlag(fs, c)
			fs.StringVar(&format, "format", "table", "output `format`: table, csv, json or arrow (an Arrow IPC stream for pyarrow, polars, R)")
			fs.DurationVar(&c.SQL.Timeout, "timeout", c.SQL.Timeout, "stop the query after this `duration` (sql.timeout of the config)")
		},
		before: func(_ *env, args []string) error {
			if len(args) != 1 {
				return usageError{"give exactly one QUERY (quote it)"}
			}
			if format != "table" && format != "csv" && format != "json" && format != "arrow" {
				return usageError{fmt.Sprintf("--format %q: use table, csv, json or arrow", format)}
			}
			return nil
		},
		run: func(ctx context.Context, e *env, db *store.DB, args []string) (int, error) {
			qctx, cancel := context.WithTimeout(ctx, e.cfg.SQL.Timeout)
			defer cancel()
			var err error
			if format == "arrow" {
				_, err = db.QueryArrow(qctx, args[0], e.stdout)
			} else {
				err = printQuery(qctx, e, db, args[0], format)
			}
			if err != nil && qctx.Err() == context.DeadlineExceeded {
				return exitFailed, fmt.Errorf("the query was stopped after %s (--timeout, sql.timeout of the config)", e.cfg.SQL.Timeout)
			}
			return exitOK, err
		},
	}
}

func printQuery(ctx context.Context, e *env, db *store.DB, query, format string) error {
	rows, err := db.Query(ctx, query)
	if err != nil {
		return err
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		return err
	}
	switch format {
	case "csv":
		w := csv.NewWriter(e.stdout)
		if err := w.Write(cols); err != nil {
			return err
		}
		for _, r := range out {
			row := make([]string, len(r))
			for i, v := range r {
				if s, ok := v.(string); ok {
					row[i] = formula.Neutralize(s) // text, never a formula in a spreadsheet
				} else {
					row[i] = cellText(v)
				}
			}
			if err := w.Write(row); err != nil {
				return err
			}
		}
		w.Flush()
		return w.Error()
	case "json":
		var objs []map[string]any
		for _, r := range out {
			m := map[string]any{}
			for i, c := range cols {
				m[c] = r[i]
			}
			objs = append(objs, m)
		}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(objs)
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(cols, "\t"))
	for _, r := range out {
		row := make([]string, len(r))
		for i, v := range r {
			row[i] = cellText(v)
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	return tw.Flush()
}

// cellText is a value as the table and CSV outputs show it: a date without
// a time of day as a date.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 && x.Second() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format("2006-01-02 15:04:05")
	}
	return fmt.Sprint(v)
}
