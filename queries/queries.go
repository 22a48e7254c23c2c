// Package queries holds every SQL statement of kinerja as an embedded .sql
// file: schema migrations (schema/), the ingest staging and validation of
// each dataset (ingest/) with its staging tables (stg/) and file
// bookkeeping (berkas/, percobaan/), the macros shared by ingest and by the
// models (macros/), compute's setup tables (compute/), the KPI models
// (kpi/), the data tests that must return no rows (tests/), what the site
// and the report read (publish/, publish/situs/, publish/laporan/), the
// revision log (riwayat/), the run history (jalan/) and the status queries
// (status/). The few statements still built in Go are listed in
// docs/arsitektur.md.
//
// Each file starts with a header of "-- key: value" comment lines; name is
// always the file's path without .sql (kpi/20_kpi_opd_bulanan). The KPI
// models also carry model (the table or view the file creates), judul
// (Indonesian title), title, definisi/definition, unit, higher_is_better
// and sources, which the methodology page shows, so a definition is written
// once, next to its SQL.
package queries

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed schema/*.sql ingest/*.sql kpi/*.sql macros/*.sql publish/*.sql publish/*/*.sql riwayat/*.sql status/*.sql tests/*.sql jalan/*.sql berkas/*.sql percobaan/*.sql stg/*.sql compute/*.sql
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
