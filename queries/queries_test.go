package queries_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/queries"
)

// TestEveryModelSaysWhatItComputes: each KPI model's header gives what an
// analyst needs to trust it without reading the Go code (the list),
// and the methodology page is built from it.
func TestEveryModelSaysWhatItComputes(t *testing.T) {
	keys := []string{"name", "model", "judul", "title", "definisi", "definition", "unit", "higher_is_better", "sources"}
	models := queries.Dir("kpi")
	if len(models) < 10 {
		t.Fatalf("only %d KPI models found", len(models))
	}
	for _, q := range models {
		for _, k := range keys {
			if q.Header[k] == "" {
				t.Errorf("%s: header line -- %s: missing", q.Name, k)
			}
		}
		if d := q.Header["definition"]; strings.Count(strings.TrimSuffix(d, "."), ". ") > 0 {
			t.Errorf("%s: the definition should be one sentence: %q", q.Name, d)
		}
	}
}

// TestEveryFileIsNamedByItsPath: the name: header of every SQL file, in
// every folder, is its path without .sql (a failing data test is reported by
// it), and every file says what it is for (description:, or definition: for
// a KPI model).
func TestEveryFileIsNamedByItsPath(t *testing.T) {
	n := 0
	err := filepath.WalkDir(".", func(p string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(p, ".sql") {
			return err
		}
		n++
		name := strings.TrimSuffix(filepath.ToSlash(p), ".sql")
		q, err := queries.Get(name)
		if err != nil {
			t.Errorf("%s is not embedded: %v", p, err)
			return nil
		}
		if q.Header["name"] != name {
			t.Errorf("%s: header name %q, want %q", p, q.Header["name"], name)
		}
		if q.Header["description"] == "" && q.Header["definition"] == "" {
			t.Errorf("%s: no description", p)
		}
		return nil
	})
	if err != nil || n < 50 {
		t.Fatalf("walked %d SQL files: %v", n, err)
	}
	if len(queries.Dir("tests")) == 0 {
		t.Fatal("no data tests found")
	}
}

// alterStatement finds an ALTER statement, not the word in a comment.
var alterStatement = regexp.MustCompile(`(?im)^[^-\n]*\bALTER\s+(TABLE|VIEW|SEQUENCE|SCHEMA)\b`)

// TestNoALTEROutsideMigrations: DuckDB may fail to replay an ALTER from its
// write-ahead log after a crash, which makes the database unopenable (see
// pipeline/store/open.go). Migrations run on a copy that is checkpointed
// before it goes live; every other statement runs on the live file, so none
// of them may alter a table: build it with its final columns instead.
func TestNoALTEROutsideMigrations(t *testing.T) {
	n := 0
	for _, dir := range []string{"ingest", "kpi", "publish", "tests"} {
		for _, q := range queries.Dir(dir) {
			n++
			if m := alterStatement.FindString(q.SQL); m != "" {
				t.Errorf("%s: %q: build the table with its final columns (CREATE OR REPLACE TABLE ... AS SELECT * EXCLUDE (...))", q.Name, m)
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d per-run queries found", n)
	}
	if !alterStatement.MatchString("CREATE TABLE x AS SELECT 1;\nALTER TABLE x DROP COLUMN y;") {
		t.Fatal("the pattern misses an ALTER statement")
	}
}

// mdReference is a Markdown file named in a comment.
var mdReference = regexp.MustCompile(`[\w./-]*[\w-]+\.md\b`)

// TestCommentsCiteOnlyFilesOfTheRepository: someone who takes the project
// over has only the repository; a comment that cites a document must cite
// one that is in it.
func TestCommentsCiteOnlyFilesOfTheRepository(t *testing.T) {
	root := ".."
	checked := 0
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git" || d.Name() == "testdata" || d.Name() == "data") {
			return filepath.SkipDir
		}
		if d.IsDir() || (!strings.HasSuffix(p, ".go") && !strings.HasSuffix(p, ".sql")) || strings.HasSuffix(p, "kpidoc.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for i, line := range strings.Split(string(b), "\n") {
			s := strings.TrimSpace(line)
			_, comment, ok := strings.Cut(s, "// ")
			if strings.HasPrefix(s, "--") {
				comment, ok = s, true
			}
			if !ok {
				continue
			}
			for _, ref := range mdReference.FindAllString(comment, -1) {
				checked++
				if _, err := os.Stat(filepath.Join(root, ref)); err != nil {
					t.Errorf("%s:%d cites %s, which is not in the repository (cite it as a path from the repository's root, e.g. docs/kpi.md)", p, i+1, ref)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 10 {
		t.Fatalf("only %d references found", checked)
	}
}
