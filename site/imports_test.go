package site_test

import (
	"os/exec"
	"strings"
	"testing"
)

// The renderers take plain values (docs/arsitektur.md): neither the site nor
// the report may reach the database, not even through another package.
func TestRenderersDoNotImportTheStore(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/lampungprov/kinerja/site", "github.com/lampungprov/kinerja/reports").CombinedOutput()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if dep == "github.com/lampungprov/kinerja/pipeline/store" || dep == "github.com/lampungprov/kinerja/pipeline/ingest" ||
			strings.HasPrefix(dep, "github.com/duckdb/") || dep == "database/sql" {
			t.Errorf("a renderer imports %s", dep)
		}
	}
}
