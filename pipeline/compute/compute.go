// Package compute runs the KPI models of queries/kpi in order and then the
// data tests of queries/tests. The KPI definitions live in SQL; this package
// only supplies the configured thresholds and decides whether the result may
// be published.
package compute

import (
	"context"
	"database/sql/driver"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/queries"
)

// TestFailure is a data test that returned rows: the publish must stop.
type TestFailure struct {
	Test        string
	Description string
	Rows        []string // the first offending rows, formatted
	Count       int
}

// FailedTestsError lists the failed data tests.
type FailedTestsError struct{ Failures []TestFailure }

func (e *FailedTestsError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d data test(s) failed, nothing published:", len(e.Failures))
	for _, f := range e.Failures {
		fmt.Fprintf(&b, "\n  %s (%s): %d row(s)", f.Test, f.Description, f.Count)
		for _, r := range f.Rows {
			fmt.Fprintf(&b, "\n    %s", r)
		}
	}
	return b.String()
}

// Stats says what a compute did.
type Stats struct {
	Models    int
	Tests     int
	QueryTime time.Duration // the KPI models, built-in and analysts'
	TestTime  time.Duration // the data tests
	// ModelTimes is each model's query time, in the order run: what to look
	// at first when a compute gets slow.
	ModelTimes []ModelTime
}

// ModelTime is the query time of one KPI model.
type ModelTime struct {
	Name string
	Time time.Duration
}

// SetParameters makes the configured thresholds visible to SQL as DuckDB
// variables (getvariable) and stores them, with the curve rules, in the
// tables parameter and aturan_kurva so an analyst sees what was used; now is
// the compute time (variable waktu_hitung).
func SetParameters(ctx context.Context, db *store.Tx, k config.KPI, kurva []config.Aturan, now time.Time) error {
	params := []struct {
		name  string
		value float64
	}{
		{"batas_hari_penilaian", float64(k.DeadlineDay)},
		{"ambang_sensor", float64(k.SuppressBelow)},
		{"target_jp_tahunan", k.TrainingTargetJP},
		{"batas_atas_capaian", k.CapaianCap},
		{"peringatan_cakupan", k.CoverageAlert},
		{"peringatan_capaian_iku", k.CapaianAlert},
		{"peringatan_bulan_menurun", float64(k.FallingMonths)},
		{"batas_kesegaran_hari", float64(k.MaxDataAgeDays)},
	}
	if err := db.Exec(ctx, sqlOf("compute/parameter")); err != nil {
		return err
	}
	for _, p := range params {
		// Built here: SET VARIABLE names the variable, and the value is a
		// literal so that SQL sees the type it has always seen (5 an
		// INTEGER, 0.8 a DECIMAL), not the DOUBLE of a bound parameter.
		if err := db.Exec(ctx, fmt.Sprintf("SET VARIABLE %s = %v", p.name, p.value)); err != nil {
			return fmt.Errorf("setting %s: %w", p.name, err)
		}
		if err := db.Exec(ctx, sqlOf("compute/parameter_tambah"), p.name, p.value); err != nil {
			return err
		}
	}
	// The time of this compute, for the freshness test: UTC like the
	// berkas.diproses_pada it is compared with.
	at := now.UTC().Format("2006-01-02 15:04:05")
	if err := db.Exec(ctx, sqlOf("compute/waktu_hitung"), at); err != nil {
		return err
	}
	// Integer-typed days for make_timestamp.
	if err := db.Exec(ctx, sqlOf("compute/batas_hari_penilaian"), k.DeadlineDay); err != nil {
		return err
	}
	if err := db.Exec(ctx, sqlOf("compute/aturan_kurva")); err != nil {
		return err
	}
	i := 0
	_, err := db.Append(ctx, "aturan_kurva", func() ([]driver.Value, bool, error) {
		if i >= len(kurva) {
			return nil, false, nil
		}
		a := kurva[i]
		i++
		return []driver.Value{a.PredikatOrganisasi, a.Jenis, a.Predikat, a.Nilai}, true, nil
	})
	return err
}

// Run recomputes every KPI table and runs the data tests, all in one
// transaction: a failing model or data test (returned as *FailedTestsError)
// leaves the previous KPI tables in place, so nothing half-done is published.
func Run(ctx context.Context, db *store.DB, cfg config.Config, log *slog.Logger) (Stats, error) {
	return RunAt(ctx, db, cfg, time.Now(), log)
}

// RunAt is Run at a given time: the pipeline passes its clock, which the
// freshness data test compares the newest evaluation file with.
func RunAt(ctx context.Context, db *store.DB, cfg config.Config, now time.Time, log *slog.Logger) (Stats, error) {
	return RunStamped(ctx, db, cfg, now, "", log)
}

// RunStamped is RunAt that records stamp, the fingerprint of the inputs the
// tables are computed from (pipeline/fingerprint.go), in the transaction of
// the tables. Every compute records one: "" says that these tables vouch
// for no inputs, so that a run never takes them for current.
func RunStamped(ctx context.Context, db *store.DB, cfg config.Config, now time.Time, stamp string, log *slog.Logger) (Stats, error) {
	var st Stats
	err := db.Tx(ctx, func(tx *store.Tx) error {
		var err error
		st, err = run(ctx, tx, cfg, now)
		if err == nil {
			err = tx.Exec(ctx, sqlOf("compute/sidik_simpan"), stamp, now.UTC().Format("2006-01-02 15:04:05"))
		}
		if err == nil {
			crash.Point("compute.models")
		}
		return err
	})
	if err == nil {
		crash.Point("compute.committed")
		// The models replace tables, views and macros: DDL that must not
		// wait in the WAL for a crash (pipeline/store/open.go).
		err = db.Checkpoint(ctx)
	}
	if err == nil {
		log.Info("computed KPIs", "models", st.Models, "tests", st.Tests, "query_ms", st.QueryTime.Milliseconds(),
			"test_ms", st.TestTime.Milliseconds())
		for _, m := range st.ModelTimes {
			log.Debug("computed model", "model", m.Name, "ms", m.Time.Milliseconds())
		}
	}
	return st, err
}

func run(ctx context.Context, db *store.Tx, cfg config.Config, now time.Time) (Stats, error) {
	var st Stats
	if err := SetParameters(ctx, db, cfg.KPI, cfg.Kurva, now); err != nil {
		return st, fmt.Errorf("setting KPI parameters: %w", err)
	}
	start := time.Now()
	macros, err := queries.Get("macros/kpi")
	if err != nil {
		return st, err
	}
	if err := db.Exec(ctx, macros.SQL); err != nil {
		return st, fmt.Errorf("creating the macros of %s: %w", macros.Name, err)
	}
	for _, q := range queries.Dir("kpi") {
		if err := ctx.Err(); err != nil {
			return st, err
		}
		t := time.Now()
		if err := db.Exec(ctx, q.SQL); err != nil {
			return st, fmt.Errorf("computing %s: %w", q.Name, err)
		}
		st.ModelTimes = append(st.ModelTimes, ModelTime{q.Name, time.Since(t)})
		st.Models++
	}
	kpis, err := LoadAnalystKPIs(cfg.KPI.CustomQueriesDir)
	if err != nil {
		return st, err
	}
	if err := runAnalystKPIs(ctx, db, kpis, cfg.SQL.Timeout); err != nil {
		return st, err
	}
	st.Models += len(kpis)
	st.QueryTime = time.Since(start)
	start = time.Now()
	failures, err := RunTests(ctx, db)
	st.TestTime = time.Since(start)
	st.Tests = len(queries.Dir("tests"))
	if err != nil {
		return st, err
	}
	if len(failures) > 0 {
		return st, &FailedTestsError{Failures: failures}
	}
	return st, nil
}

// RunTests runs every data test; a test passes when it returns no rows.
func RunTests(ctx context.Context, db *store.Tx) ([]TestFailure, error) {
	var failures []TestFailure
	for _, q := range queries.Dir("tests") {
		rows, err := db.Query(ctx, q.SQL)
		if err != nil {
			return nil, fmt.Errorf("running data test %s: %w", q.Name, err)
		}
		cols, _ := rows.Columns()
		f := TestFailure{Test: strings.TrimPrefix(q.Name, "tests/"), Description: q.Header["description"]}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				_ = rows.Close() // read-only; the Scan error is the one to report
				return nil, err
			}
			f.Count++
			if len(f.Rows) < 5 {
				var parts []string
				for i, c := range cols {
					parts = append(parts, fmt.Sprintf("%s=%v", c, vals[i]))
				}
				f.Rows = append(f.Rows, strings.Join(parts, " "))
			}
		}
		err = rows.Err()
		_ = rows.Close() // read-only; its error, if any, is in rows.Err
		if err != nil {
			return nil, fmt.Errorf("running data test %s: %w", q.Name, err)
		}
		if f.Count > 0 {
			failures = append(failures, f)
		}
	}
	return failures, nil
}

// sqlOf is the text of the embedded statement name (queries/<name>.sql), to
// run with Tx.Exec or Tx.Query. Not db.Run or db.Named: they put the query's
// name before DuckDB's error, which would change the messages that compute
// has always given. Every file is embedded at build time, so a name that is
// not is a typo in this package, which its tests run into: it panics rather
// than return an error no caller could handle.
func sqlOf(name string) string {
	q, err := queries.Get(name)
	if err != nil {
		panic(err)
	}
	return q.SQL
}
