package compute

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"time"

	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/queries"
)

// AnalystKPI is an indicator that a planning-bureau analyst added as a .sql
// file in the configured folder, without recompiling. Its query must return
// one row per periode (YYYY-MM) and opd_kode with a numeric nilai; it is
// stored as table analis_<name> and gets a page and a download on the site.
type AnalystKPI struct {
	Name   string
	File   string
	Query  queries.Query
	Header map[string]string
}

var analystName = regexp.MustCompile(`^[a-z][a-z0-9_]{0,40}$`)

// requiredHeader lists the header lines every analyst KPI must carry, as the
// built-in ones do, so its page can explain it.
var requiredHeader = []string{"judul", "title", "definisi", "definition", "unit", "higher_is_better"}

// LoadAnalystKPIs reads and checks the .sql files of dir. A missing folder
// means no analyst KPIs.
func LoadAnalystKPIs(dir string) ([]AnalystKPI, error) {
	if dir == "" {
		return nil, nil
	}
	entries, err := os.ReadDir(dir)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading analyst KPI folder %s: %w", dir, err)
	}
	var out []AnalystKPI
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".sql") {
			continue
		}
		path := filepath.Join(dir, e.Name())
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		name := strings.TrimSuffix(e.Name(), ".sql")
		q := queries.Parse("analis/"+name, string(b))
		if !analystName.MatchString(name) {
			return nil, fmt.Errorf("%s: the file name must be lower-case letters, digits and _ (it names table analis_%s)", path, name)
		}
		var missing []string
		for _, h := range requiredHeader {
			if q.Header[h] == "" {
				missing = append(missing, "-- "+h+": ...")
			}
		}
		if len(missing) > 0 {
			return nil, fmt.Errorf("%s: add the header lines %s at the top of the file", path, strings.Join(missing, ", "))
		}
		body := strings.TrimSpace(stripComments(q.SQL))
		body = strings.TrimSuffix(body, ";")
		if strings.Contains(body, ";") {
			return nil, fmt.Errorf("%s: write exactly one SELECT statement", path)
		}
		first := strings.ToUpper(strings.Fields(body + " x")[0])
		if first != "SELECT" && first != "WITH" && first != "FROM" {
			return nil, fmt.Errorf("%s: the query must be a SELECT (or WITH ... SELECT); it cannot change the database", path)
		}
		q.SQL = body
		out = append(out, AnalystKPI{Name: name, File: path, Query: q, Header: q.Header})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

func stripComments(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "--") {
			continue
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// runAnalystKPIs stores each analyst KPI as a table and checks its shape:
// columns periode, opd_kode and a numeric nilai, one row per OPD and month,
// and no column that could hold personal data. The register table
// kpi_analis lists them with their headers for the site.
func runAnalystKPIs(ctx context.Context, tx *store.Tx, kpis []AnalystKPI, timeout time.Duration) error {
	if err := tx.Exec(ctx, sqlOf("compute/kpi_analis")); err != nil {
		return err
	}
	if len(kpis) == 0 {
		return nil
	}
	// From here on this DuckDB instance cannot reach a file, the network or
	// an extension, and its settings are locked: an analyst's query cannot
	// read the NIP key or the original exports and publish them as KPI
	// values (pipeline/store/sandbox.go). Nothing after compute in a run
	// needs a file.
	if err := tx.Sandbox(ctx); err != nil {
		return err
	}
	for _, k := range kpis {
		table := "analis_" + k.Name
		if err := tx.CheckRead(ctx, k.Query.SQL); err != nil {
			return fmt.Errorf("analyst KPI %s: %w", k.File, err)
		}
		qctx, cancel := context.WithTimeout(ctx, timeout)
		// Built here, like the duplicate check below: the table is named
		// after the analyst's file, and the query is the analyst's.
		err := tx.Exec(qctx, "CREATE OR REPLACE TABLE "+table+" AS "+k.Query.SQL)
		timedOut := qctx.Err() != nil && ctx.Err() == nil
		cancel()
		if timedOut {
			return fmt.Errorf("analyst KPI %s: stopped after %s (sql.timeout of the configuration): make the query cheaper", k.File, timeout)
		}
		if err != nil {
			return fmt.Errorf("analyst KPI %s: %w", k.File, err)
		}
		rows, err := tx.Query(ctx, sqlOf("compute/kolom_tabel"), table)
		if err != nil {
			return err
		}
		cols := map[string]string{}
		for rows.Next() {
			var c, t string
			if err := rows.Scan(&c, &t); err != nil {
				_ = rows.Close() // read-only; the Scan error is the one to report
				return err
			}
			cols[strings.ToLower(c)] = t
		}
		err = rows.Err()
		_ = rows.Close() // read-only; its error, if any, is in rows.Err
		if err != nil {
			return fmt.Errorf("analyst KPI %s: %w", k.File, err)
		}
		for _, need := range []string{"periode", "opd_kode", "nilai"} {
			if _, ok := cols[need]; !ok {
				return fmt.Errorf("analyst KPI %s: the query must return columns periode (YYYY-MM), opd_kode and nilai; %s is missing", k.File, need)
			}
		}
		if t := cols["nilai"]; !strings.Contains(t, "INT") && t != "DOUBLE" && t != "FLOAT" && !strings.HasPrefix(t, "DECIMAL") {
			return fmt.Errorf("analyst KPI %s: nilai must be a number, it is %s", k.File, t)
		}
		for c := range cols {
			if strings.Contains(c, "nip") || strings.Contains(c, "pegawai_id") || strings.HasPrefix(c, "nama") && c != "nama_opd" {
				return fmt.Errorf("analyst KPI %s: column %s could hold personal data; publish only aggregates per OPD", k.File, c)
			}
		}
		var dup int
		if err := tx.QueryRow(ctx, "SELECT count(*) FROM (SELECT periode, opd_kode FROM "+table+" GROUP BY ALL HAVING count(*) > 1)").Scan(&dup); err != nil {
			return err
		}
		if dup > 0 {
			return fmt.Errorf("analyst KPI %s: %d (periode, opd_kode) pairs have several rows; return one row per OPD and month", k.File, dup)
		}
		h := k.Header
		if err := tx.Exec(ctx, sqlOf("compute/kpi_analis_tambah"), k.Name, filepath.Base(k.File),
			h["judul"], h["title"], h["definisi"], h["definition"], h["unit"], h["higher_is_better"] == "true", k.Query.SQL); err != nil {
			return err
		}
	}
	return nil
}
