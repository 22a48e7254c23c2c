// Package queries holds every SQL statement of kinerja as an embedded .sql
// file: schema migrations (schema/), the ingest staging and validation of
// each dataset (ingest/), the KPI models (kpi/), the published views
// (publish/) and the data tests that must return no rows (tests/).
//
// Each file starts with a header of "-- key: value" comment lines. The KPI
// models carry name, judul (Indonesian title), title, definisi/definition,
// unit, higher_is_better and sources, which the methodology page shows, so a
// definition is written once, next to its SQL.
package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed schema/*.sql ingest/*.sql kpi/*.sql publish/*.sql publish/*/*.sql riwayat/*.sql status/*.sql tests/*.sql
var files embed.FS

// Query is one SQL file.
type Query struct {
	Name   string            // path without ".sql", e.g. "kpi/10_kpi_opd_bulanan"
	SQL    string            // the whole file
	Header map[string]string // the leading "-- key: value" lines
}

// Get returns the embedded query name (path without ".sql").
func Get(name string) (Query, error) {
	b, err := files.ReadFile(name + ".sql")
	if err != nil {
		return Query{}, fmt.Errorf("query %s is not embedded: %w", name, err)
	}
	return Parse(name, string(b)), nil
}

// Dir returns the queries of one folder sorted by file name, the order in
// which they run.
func Dir(dir string) []Query {
	entries, err := fs.ReadDir(files, dir)
	if err != nil {
		return nil
	}
	var out []Query
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		b, _ := files.ReadFile(path.Join(dir, e.Name()))
		out = append(out, Parse(path.Join(dir, strings.TrimSuffix(e.Name(), ".sql")), string(b)))
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Parse reads the header of a SQL file's text.
func Parse(name, text string) Query {
	q := Query{Name: name, SQL: text, Header: map[string]string{}}
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "--") {
			if line == "" {
				continue
			}
			break
		}
		k, v, ok := strings.Cut(strings.TrimSpace(strings.TrimPrefix(line, "--")), ":")
		if !ok || strings.ContainsAny(k, " \t") {
			continue
		}
		q.Header[strings.TrimSpace(k)] = strings.TrimSpace(v)
	}
	return q
}
