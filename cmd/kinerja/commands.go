package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lampungprov/kinerja/demo"
	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/formula"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/lock"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/site"
)

func init() {
	var seed int64
	var months, pegawai int
	var end string
	register(command{
		name:    "demo",
		summary: "write realistic exports of all five datasets for Pemerintah Provinsi Lampung into the inbox\n(same seed and --end, same bytes)",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			inboxFlag(fs, c)
			fs.Int64Var(&seed, "seed", 1, "random `seed`")
			fs.IntVar(&months, "months", 24, "number of `months` covered")
			fs.StringVar(&end, "end", "", "last month covered, `YYYY-MM` (default: the last complete month)")
			fs.IntVar(&pegawai, "pegawai", 20000, "approximate `number` of employees")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (int, error) {
			if fs.NArg() > 0 {
				return exitUsage, usageError{"demo takes no arguments"}
			}
			endMonth := e.now().In(e.cfg.Location()).AddDate(0, -1, 0)
			if end != "" {
				t, err := time.Parse("2006-01", end)
				if err != nil {
					return exitUsage, usageError{fmt.Sprintf("--end %q: want YYYY-MM", end)}
				}
				endMonth = t
			}
			if months < 1 || pegawai < 50 {
				return exitUsage, usageError{"--months must be at least 1 and --pegawai at least 50"}
			}
			sum, err := demo.Write(ctx, demo.Options{Dir: e.cfg.Inbox, Seed: seed, Months: months, End: endMonth, Pegawai: pegawai})
			if err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "wrote %d files for %d OPDs and %d employees into %s\n", len(sum.Files), sum.OPD, sum.Pegawai, e.cfg.Inbox)
			return exitOK, nil
		},
	})

	register(command{
		name:    "check",
		usage:   "FILE...",
		summary: "validate files exactly as ingest would, without loading them; prints every problem\n(exit 3 when any file would be rejected)",
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (int, error) {
			if fs.NArg() == 0 {
				return exitUsage, usageError{"name at least one file"}
			}
			db, err := store.Open(ctx, "")
			if err != nil {
				return exitFailed, err
			}
			// In memory and thrown away: nothing is lost if closing fails.
			defer func() { _ = db.Close() }()
			// A throwaway key: check stores nothing, so the hash is never kept.
			res, err := ingest.Check(ctx, db, fs.Args(), ingest.Options{NIPKey: []byte("kinerja-check-does-not-store"), Log: e.log})
			if err != nil {
				return exitFailed, err
			}
			for _, f := range res.Files {
				if f.Status == ingest.StatusRejected {
					fmt.Fprintf(e.stdout, "%s: DITOLAK (%s), %d masalah\n", f.Name, orUnknown(f.Dataset), f.ProblemTotal())
					for _, p := range f.ReportLines() {
						fmt.Fprintf(e.stdout, "  %s\n", p)
					}
				} else {
					fmt.Fprintf(e.stdout, "%s: OK (%s), %d baris\n", f.Name, f.Dataset, f.RowsRead)
				}
			}
			if res.Rejected() > 0 {
				return exitRejected, nil
			}
			return exitOK, nil
		},
	})

	ingestLock := &runLock{mode: lock.Exclusive, def: 2 * time.Minute}
	register(command{
		name:    "ingest",
		summary: "load every new file of the inbox into the database; accepted files go to _diterima/,\nrejected ones to _ditolak/ with a .galat.txt report",
		flags:   flagsOf(inboxFlag, dbFlag, ingestLock.flag),
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			if fs.NArg() > 0 {
				return exitUsage, usageError{"ingest takes no arguments"}
			}
			db, done, err := ingestLock.open(ctx, e, "ingest")
			if err != nil {
				return exitFailed, err
			}
			defer finish(done, &code, &err)
			res, err := ingestInbox(ctx, e, db)
			if err != nil {
				return exitFailed, err
			}
			if res.Incomplete() > 0 {
				return exitRejected, nil
			}
			return exitOK, nil
		},
	})

	computeLock := &runLock{mode: lock.Exclusive, def: 2 * time.Minute}
	register(command{
		name:    "compute",
		summary: "(re)compute the KPI tables and run the data tests",
		flags:   flagsOf(dbFlag, computeLock.flag),
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			db, done, err := computeLock.open(ctx, e, "compute")
			if err != nil {
				return exitFailed, err
			}
			defer finish(done, &code, &err)
			st, err := compute.RunAt(ctx, db, e.cfg, e.now(), e.log)
			if err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "computed %d KPI models in %d ms of queries; %d data tests passed in %d ms\n", st.Models, st.QueryTime.Milliseconds(), st.Tests, st.TestTime.Milliseconds())
			return exitOK, nil
		},
	})

	buildLock := &runLock{mode: lock.Exclusive, def: 2 * time.Minute}
	register(command{
		name:    "build",
		summary: "write the public static site from the computed KPIs",
		flags:   flagsOf(dbFlag, outFlag, buildLock.flag),
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			db, done, err := buildLock.open(ctx, e, "build")
			if err != nil {
				return exitFailed, err
			}
			defer finish(done, &code, &err)
			st, err := pipeline.Build(ctx, db, e.cfg, pipeline.Options{Log: e.log, Now: e.now})
			if err != nil {
				return exitFailed, err
			}
			printBuilt(e, st)
			return exitOK, nil
		},
	})

	runLk := &runLock{mode: lock.Exclusive, def: 2 * time.Minute}
	register(command{
		name:    "run",
		summary: "ingest, compute and build: the whole pipeline",
		flags:   flagsOf(inboxFlag, dbFlag, outFlag, runLk.flag),
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			db, done, err := runLk.open(ctx, e, "run")
			if err != nil {
				return exitFailed, err
			}
			defer finish(done, &code, &err)
			if err := os.MkdirAll(e.cfg.Inbox, 0o755); err != nil {
				return exitFailed, err
			}
			r, err := pipeline.RunWith(ctx, db, e.cfg, pipeline.Options{Log: e.log, Now: e.now, Trigger: pipeline.TriggerManual})
			printIngest(e, r.Ingest)
			if err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "computed %d KPI models, %d data tests passed\n", r.Compute.Models, r.Compute.Tests)
			printBuilt(e, r.Site)
			if r.ReportPath != "" {
				fmt.Fprintf(e.stdout, "leadership report of %s: %s\n", r.Month, r.ReportPath)
			}
			res := r.Ingest
			if res.Incomplete() > 0 {
				return exitRejected, nil
			}
			return exitOK, nil
		},
	})

	var reportMonth, reportOut string
	reportLock := &runLock{mode: lock.Shared, def: 5 * time.Second}
	register(command{
		name:    "report",
		summary: "write the leadership report of a month (internal: not suppressed, no names, no NIPs)",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			dbFlag(fs, c)
			reportLock.flag(fs, c)
			fs.StringVar(&reportMonth, "month", "", "`YYYY-MM` of the report (default: the latest month with data)")
			fs.StringVar(&reportOut, "out", "", "output `file` (default: <reports>/laporan-YYYY-MM.html)")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			if reportMonth != "" {
				if _, err := time.Parse("2006-01", reportMonth); err != nil {
					return exitUsage, usageError{fmt.Sprintf("--month %q: want YYYY-MM", reportMonth)}
				}
			}
			db, done, err := reportLock.open(ctx, e, "report")
			if err != nil {
				return exitFailed, err
			}
			defer finish(done, &code, &err)
			month := reportMonth
			if month == "" {
				if month, err = pipeline.LatestReportMonth(ctx, db); err != nil || month == "" {
					return exitFailed, fmt.Errorf("no month with data: run `kinerja run` first")
				}
			}
			path := reportOut
			if path == "" {
				path = filepath.Join(e.cfg.Reports, "laporan-"+month+".html")
			}
			if err := pipeline.Report(ctx, db, month, path); err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "leadership report of %s: %s\n", month, path)
			return exitOK, nil
		},
	})

	var addr string
	register(command{
		name:    "serve",
		summary: "serve the built site for preview (gzip-compressed, like a production web server)",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			outFlag(fs, c)
			fs.StringVar(&addr, "addr", "127.0.0.1:8080", "`address` to listen on")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (int, error) {
			if _, err := os.Stat(filepath.Join(e.cfg.Out, "index.html")); err != nil {
				return exitFailed, fmt.Errorf("no site in %s: run `kinerja run` or `kinerja build` first", e.cfg.Out)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return exitFailed, err
			}
			// Bounded: a preview server on a shared network must not be held
			// open or flooded by one client.
			srv := &http.Server{Handler: site.Handler(e.cfg.Out), ReadHeaderTimeout: 10 * time.Second,
				ReadTimeout: 30 * time.Second, WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 16 << 10}
			fmt.Fprintf(e.stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", e.cfg.Out, ln.Addr())
			stopped := make(chan error, 1)
			go func() {
				<-ctx.Done()
				shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				stopped <- srv.Shutdown(shutdown)
			}()
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return exitFailed, err
			}
			// Serve returns as soon as Shutdown starts: wait for the requests
			// in flight to end (or the timeout).
			if err := <-stopped; err != nil {
				return exitFailed, fmt.Errorf("shutting down: %w", err)
			}
			return exitOK, nil
		},
	})

	var format string
	sqlLock := &runLock{mode: lock.Shared, def: 5 * time.Second}
	register(command{
		name:    "sql",
		usage:   "QUERY",
		summary: "run a read-only SQL query on the database (tables: penilaian, skp, iku, pelatihan, opd_ref,\nberkas, temuan, kpi_opd_bulanan, ...), sandboxed: no file, network, extension, ATTACH or setting change",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			dbFlag(fs, c)
			sqlLock.flag(fs, c)
			fs.StringVar(&format, "format", "table", "output `format`: table, csv, json or arrow (an Arrow IPC stream for pyarrow, polars, R)")
			fs.DurationVar(&c.SQL.Timeout, "timeout", c.SQL.Timeout, "stop the query after this `duration` (sql.timeout of the config)")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			if fs.NArg() != 1 {
				return exitUsage, usageError{"give exactly one QUERY (quote it)"}
			}
			if format != "table" && format != "csv" && format != "json" && format != "arrow" {
				return exitUsage, usageError{fmt.Sprintf("--format %q: use table, csv, json or arrow", format)}
			}
			db, done, err := pipeline.OpenForAnalysts(ctx, e.cfg.DB, sqlLock.wait, "kinerja sql", e.cfg.SQL.MemoryLimit)
			if err != nil {
				return exitFailed, err
			}
			defer finish(done, &code, &err)
			qctx, cancel := context.WithTimeout(ctx, e.cfg.SQL.Timeout)
			defer cancel()
			if format == "arrow" {
				_, err = db.QueryArrow(qctx, fs.Arg(0), e.stdout)
			} else {
				err = printQuery(qctx, e, db, fs.Arg(0), format)
			}
			if err != nil && qctx.Err() == context.DeadlineExceeded {
				return exitFailed, fmt.Errorf("the query was stopped after %s (--timeout, sql.timeout of the config)", e.cfg.SQL.Timeout)
			}
			return exitOK, err
		},
	})

	var exportFormat, exportOut string
	exportLock := &runLock{mode: lock.Shared, def: 5 * time.Second}
	register(command{
		name:    "export",
		summary: "analyst exports of every table (not suppressed; no names, no NIPs) as Parquet or CSV",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			dbFlag(fs, c)
			exportLock.flag(fs, c)
			fs.StringVar(&exportFormat, "format", "parquet", "`format`: parquet or csv")
			fs.StringVar(&exportOut, "out", "", "output `folder` (required)")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			if exportOut == "" {
				return exitUsage, usageError{"--out is required"}
			}
			if exportFormat != "parquet" && exportFormat != "csv" {
				return exitUsage, usageError{fmt.Sprintf("--format %q: use parquet or csv", exportFormat)}
			}
			db, done, err := exportLock.open(ctx, e, "export")
			if err != nil {
				return exitFailed, err
			}
			defer finish(done, &code, &err)
			n, err := db.Export(ctx, exportOut, exportFormat)
			if err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "exported %d tables to %s\n", n, exportOut)
			return exitOK, nil
		},
	})

	statusLock := &runLock{mode: lock.Shared, def: 2 * time.Second}
	register(command{
		name:    "status",
		summary: "last runs, next runs, files waiting and rejected, and each OPD's latest month received",
		flags:   flagsOf(dbFlag, inboxFlag, statusLock.flag),
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (code int, err error) {
			list, _ := ingest.Scan(e.cfg.Inbox)
			fmt.Fprintf(e.stdout, "files waiting in %s: %d\n", e.cfg.Inbox, len(list.Files))
			for _, name := range stillWritten(list.Files, 300*time.Millisecond) {
				list.Skipped = append(list.Skipped, ingest.Skipped{Name: name,
					Reason: "still being written (its size changes): it is read once the copy has finished"})
			}
			printSkipped(e, list.Skipped)
			if err := printSchedule(e); err != nil {
				return exitFailed, err
			}
			db, done, err := statusLock.open(ctx, e, "status")
			if busyNote(e, err) {
				return exitOK, nil
			}
			if err != nil {
				return exitFailed, err
			}
			defer finish(done, &code, &err)
			if err := printHistory(ctx, e, db); err != nil {
				return exitFailed, err
			}
			fmt.Fprintln(e.stdout, "\nfiles by status:")
			if err := printQuery(ctx, e, db, `SELECT status, dataset, count(*) AS berkas, sum(baris_dimuat) AS baris
				FROM berkas GROUP BY ALL ORDER BY status, dataset`, "table"); err != nil {
				return exitFailed, err
			}
			if err := printRejected(ctx, e, db); err != nil {
				return exitFailed, err
			}
			if err := printFreshness(ctx, e, db); err != nil {
				return exitFailed, err
			}
			return exitOK, nil
		},
	})
}

func orUnknown(s string) string {
	if s == "" {
		return "dataset tidak dikenali"
	}
	return s
}

func ingestInbox(ctx context.Context, e *env, db *store.DB) (ingest.Result, error) {
	if err := os.MkdirAll(e.cfg.Inbox, 0o755); err != nil {
		return ingest.Result{}, err
	}
	key, err := e.cfg.NIPKey()
	if err != nil {
		return ingest.Result{}, err
	}
	res, err := ingest.Inbox(ctx, db, e.cfg.Inbox, ingest.Options{NIPKey: key, Log: e.log, Now: e.now, FileTimeout: e.cfg.Ingest.FileTimeout})
	if err != nil {
		return res, err
	}
	printIngest(e, res)
	return res, nil
}

func printIngest(e *env, res ingest.Result) {
	fmt.Fprintf(e.stdout, "ingested %d files: %d accepted (%d rows), %d already loaded, %d rejected\n",
		len(res.Files), res.Count(ingest.StatusAccepted), res.RowsLoaded(), res.Count(ingest.StatusDuplicate), res.Rejected())
	for _, f := range res.Files {
		if f.Status == ingest.StatusRejected {
			fmt.Fprintf(e.stdout, "  rejected %s: %d problem(s), see %s.galat.txt\n", f.Name, f.ProblemTotal(), f.MovedTo)
		}
	}
	for _, f := range res.Files {
		for _, m := range f.Stale {
			fmt.Fprintf(e.stdout, "  %s: %s\n", f.Name, m)
		}
	}
	for _, f := range res.Failed {
		fmt.Fprintf(e.stdout, "  not loaded %s (left in the inbox; a second failure rejects it): %s\n", f.Name, cleanError(f.Err))
	}
	printSkipped(e, res.Skipped)
}

// stillWritten names the files among paths whose size or time changes
// across pause: copies still in progress.
func stillWritten(paths []string, pause time.Duration) []string {
	if len(paths) == 0 {
		return nil
	}
	type st struct {
		size int64
		mod  time.Time
	}
	look := func() map[string]st {
		m := map[string]st{}
		for _, p := range paths {
			if fi, err := os.Stat(p); err == nil {
				m[p] = st{fi.Size(), fi.ModTime()}
			}
		}
		return m
	}
	before := look()
	time.Sleep(pause)
	after := look()
	var out []string
	for _, p := range paths {
		if before[p] != after[p] {
			out = append(out, filepath.Base(p))
		}
	}
	return out
}

// printSkipped lists what the inbox holds that ingest does not read.
func printSkipped(e *env, skipped []ingest.Skipped) {
	if len(skipped) == 0 {
		return
	}
	fmt.Fprintf(e.stdout, "not read from the inbox (%d):\n", len(skipped))
	for _, s := range skipped {
		fmt.Fprintf(e.stdout, "  %s: %s\n", s.Name, s.Reason)
	}
}

func printBuilt(e *env, st site.Stats) {
	abs, _ := filepath.Abs(e.cfg.Out)
	if st.Changed {
		fmt.Fprintf(e.stdout, "site written: %d pages, %d files in %s\n", st.Pages, st.Files, abs)
	} else {
		fmt.Fprintf(e.stdout, "site unchanged (same data): %s\n", abs)
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
	text := func(v any) string {
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
					row[i] = text(v)
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
			row[i] = text(v)
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	return tw.Flush()
}
