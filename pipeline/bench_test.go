package pipeline_test

import (
	"cmp"
	"context"
	"log/slog"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/demo"
	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/site"
)

var (
	defaultOnce sync.Once
	defaultDB   string
	defaultErr  error
)

// defaultDemoDB writes the default demo province (20,000 employees, 24
// months) and ingests it once per benchmark run; the ingest time is logged.
func defaultDemoDB(b *testing.B) string {
	defaultOnce.Do(func() {
		dir, err := filepathTemp()
		if err != nil {
			defaultErr = err
			return
		}
		ctx := context.Background()
		inbox := filepath.Join(dir, "inbox")
		end := time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC)
		if _, err := demo.Write(ctx, demo.Options{Dir: inbox, Seed: 1, Months: 24, End: end, Pegawai: 20000}); err != nil {
			defaultErr = err
			return
		}
		defaultDB = filepath.Join(dir, "kinerja.duckdb")
		db, err := store.Open(ctx, defaultDB)
		if err != nil {
			defaultErr = err
			return
		}
		defer func() {
			// Closing writes the database that the benchmarks open again.
			if err := db.Close(); err != nil && defaultErr == nil {
				defaultErr = err
			}
		}()
		start := time.Now()
		res, err := ingest.Inbox(ctx, db, inbox, ingest.Options{NIPKey: pipelinetest.Key})
		if err != nil {
			defaultErr = err
			return
		}
		b.Logf("ingested the default demo: %d files, %d rows in %v", len(res.Files), res.RowsLoaded(), time.Since(start).Round(time.Millisecond))
		_, defaultErr = compute.Run(ctx, db, config.Default(), slog.New(slog.DiscardHandler))
	})
	if defaultErr != nil {
		b.Fatal(defaultErr)
	}
	return defaultDB
}

// BenchmarkComputeDefaultDemo recomputes every KPI model and data test of
// the default demo. cold_query_ms is the first compute on a freshly opened
// database, what one `kinerja compute` process pays (most of the difference
// is the engine faulting in fresh memory); query_ms is the steady state of
// a long-running process (the scheduler). Both are the SQL time of the
// models; test_ms is that of the data tests. The log lists the five slowest
// models.
func BenchmarkComputeDefaultDemo(b *testing.B) {
	path := defaultDemoDB(b)
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		// Closing writes the database that the other benchmarks open again.
		if err := db.Close(); err != nil {
			b.Error(err)
		}
	}()
	cold, err := compute.Run(ctx, db, config.Default(), slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	var total, tests time.Duration
	perModel := map[string]time.Duration{}
	n := 0
	for b.Loop() {
		st, err := compute.Run(ctx, db, config.Default(), slog.New(slog.DiscardHandler))
		if err != nil {
			b.Fatal(err)
		}
		total += st.QueryTime
		tests += st.TestTime
		for _, m := range st.ModelTimes {
			perModel[m.Name] += m.Time
		}
		n++
	}
	b.ReportMetric(float64(cold.QueryTime.Milliseconds()), "cold_query_ms")
	b.ReportMetric(float64(total.Milliseconds())/float64(n), "query_ms/op")
	b.ReportMetric(float64(tests.Milliseconds())/float64(n), "test_ms/op")
	names := slices.SortedFunc(maps.Keys(perModel), func(x, y string) int { return cmp.Compare(perModel[y], perModel[x]) })
	for _, name := range names[:min(5, len(names))] {
		b.Logf("%-36s %6.1f ms/op", name, float64(perModel[name].Microseconds())/1000/float64(n))
	}
}

// BenchmarkBuildSiteDefaultDemo loads and renders the whole public site of
// the default demo (without writing it: the rebuild of unchanged data writes
// nothing); BenchmarkRenderSiteDefaultDemo renders it from loaded data.
func BenchmarkBuildSiteDefaultDemo(b *testing.B) {
	path := defaultDemoDB(b)
	ctx := context.Background()
	db, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer func() { _ = db.Close() }() // read-only
	for b.Loop() {
		in, err := publish.LoadSite(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := site.Render(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRenderSiteDefaultDemo(b *testing.B) {
	path := defaultDemoDB(b)
	ctx := context.Background()
	db, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	in, err := publish.LoadSite(ctx, db)
	_ = db.Close() // read-only
	if err != nil {
		b.Fatal(err)
	}
	pages := 0
	for b.Loop() {
		files, _, err := site.Render(in)
		if err != nil {
			b.Fatal(err)
		}
		pages = 0
		for name := range files {
			if strings.HasSuffix(name, ".html") {
				pages++
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(pages), "ms/page")
}
