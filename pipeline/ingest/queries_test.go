package ingest_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/queries"
)

// statementName is a statement of queries/ that this package runs by name.
var statementName = regexp.MustCompile(`sqlOf\("([^"]+)"\)`)

// TestEveryStatementIsEmbedded: sqlOf (berkas.go) panics on a name that is
// not a file of queries/, so every name this package uses must be one, even
// on a path that no other test takes.
func TestEveryStatementIsEmbedded(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range statementName.FindAllStringSubmatch(string(b), -1) {
			n++
			if _, err := queries.Get(m[1]); err != nil {
				t.Errorf("%s: %v", f, err)
			}
		}
	}
	if n < 20 {
		t.Fatalf("only %d statements found", n)
	}
}
