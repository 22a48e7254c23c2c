package queries_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/queries"
)

var update = flag.Bool("update", false, "rewrite docs/kpi.md from the SQL headers (make docs)")

// kpiDocPath is docs/kpi.md seen from this package's folder, where go test runs.
var kpiDocPath = filepath.Join("..", "docs", "kpi.md")

// TestKPIDocIsUpToDate: docs/kpi.md is generated from the SQL headers, so a
// changed definition must come with the regenerated document. With -update
// it rewrites the document instead.
func TestKPIDocIsUpToDate(t *testing.T) {
	want := queries.KPIDoc()
	if *update {
		if err := os.WriteFile(kpiDocPath, []byte(want), 0o644); err != nil {
			t.Fatalf("writing %s: %v", kpiDocPath, err)
		}
		return
	}
	got, err := os.ReadFile(kpiDocPath)
	if err != nil {
		t.Fatalf("reading %s: %v: run `make docs` to generate it", kpiDocPath, err)
	}
	if string(got) != want {
		t.Errorf("%s differs from queries.KPIDoc() (the headers of queries/kpi, queries/publish or queries/tests changed): run `make docs` and commit docs/kpi.md\n%s",
			kpiDocPath, firstDifference(string(got), want))
	}
}

// TestKPIDocCoversEverything: every KPI model, published file and data test
// has its place in the document, and every published file's columns were
// read from its SQL.
func TestKPIDocCoversEverything(t *testing.T) {
	doc := queries.KPIDoc()
	if doc != queries.KPIDoc() {
		t.Fatal("KPIDoc is not deterministic")
	}
	for _, q := range queries.Dir("kpi") {
		if !strings.Contains(doc, "\n### "+q.Header["model"]+"\n") {
			t.Errorf("model %s has no section", q.Name)
		}
	}
	for _, q := range queries.Dir("publish") {
		stem := strings.TrimPrefix(q.Name, "publish/")
		if !strings.Contains(doc, "`data/"+stem+".csv`") {
			t.Errorf("published file %s is not listed", stem)
		}
		if strings.Contains(doc, "Columns: as selected in `queries/"+q.Name+".sql`") {
			t.Errorf("the columns of %s could not be read from its SELECT", q.Name)
		}
	}
	for _, q := range queries.Dir("tests") {
		if !strings.Contains(doc, "| `"+strings.TrimPrefix(q.Name, "tests/")+"` |") {
			t.Errorf("data test %s is not listed", q.Name)
		}
	}
}

// firstDifference describes the first line where two texts differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return fmt.Sprintf("first difference at line %d:\n  docs/kpi.md: %s\n  generated:   %s", i+1, gl, wl)
		}
	}
	return "the texts differ"
}
