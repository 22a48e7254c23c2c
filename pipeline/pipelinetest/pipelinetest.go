// Package pipelinetest loads the small fixture province of
// pipeline/testdata/provinsi-kecil into a real in-memory DuckDB database for
// the tests of later stages (site, reports, commands).
package pipelinetest

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// Key is the NIP hash key of test databases.
var Key = []byte("kunci-uji-yang-cukup-panjang")

// FixtureDir is the folder of the fixture province.
func FixtureDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "testdata", "provinsi-kecil")
}

// Config is the default configuration with a fresh copy of the fixture
// province as its inbox and every other path (database, site, reports, NIP
// key, analysts' KPIs) in dir: what a whole run on a database file needs.
func Config(t testing.TB, dir string) config.Config {
	t.Helper()
	cfg := config.Default()
	cfg.DB = filepath.Join(dir, "kinerja.duckdb")
	cfg.Inbox = CopyFixture(t, nil)
	cfg.Out = filepath.Join(dir, "public")
	cfg.Reports = filepath.Join(dir, "laporan")
	cfg.KeyFile = filepath.Join(dir, "kunci.key")
	cfg.KPI.CustomQueriesDir = filepath.Join(dir, "kpi-analis")
	return cfg
}

// CopyFixture copies the fixture files into a new inbox, letting edit change
// each file's content on the way (nil keeps it).
func CopyFixture(t testing.TB, edit func(name string, b []byte) []byte) string {
	t.Helper()
	inbox := t.TempDir()
	entries, err := os.ReadDir(FixtureDir())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(FixtureDir(), e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if edit != nil {
			b = edit(e.Name(), b)
		}
		if err := os.WriteFile(filepath.Join(inbox, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return inbox
}

// Load ingests inbox into a new in-memory database and computes the KPIs.
func Load(t testing.TB, inbox string) *store.DB {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = db.Close() }) // in memory: nothing to lose
	res, err := ingest.Inbox(ctx, db, inbox, ingest.Options{NIPKey: Key})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if f.Status == ingest.StatusRejected {
			t.Fatalf("fixture %s rejected: %v", f.Name, f.Problems)
		}
	}
	if _, err := compute.Run(ctx, db, config.Default(), slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatal(err)
	}
	return db
}

// SyncBuffer is a bytes.Buffer that goroutines (a daemon's jobs, a
// progress line's redrawing) may write to while a test reads it.
type SyncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *SyncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *SyncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
