package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/site"
)

// state is what a run leaves behind, reduced to what must be equal after a
// killed run and its rerun and after a clean run: a checksum of every stored
// table, the files of the inbox and its archive, the site and the reports.
type state struct {
	Tables  map[string]string // table -> "rows checksum" over its non-time columns
	Inbox   map[string]string // file under the inbox (archive included) -> sha256; manifest without times
	Site    map[string]string // file of the site -> sha256, status.json left out
	Reports map[string]string
}

// skipTables are left out of the comparison: jalan is the run history, and a
// killed run is rightly recorded in it as unfinished; sidik_hitung holds the
// fingerprint of the inputs, which hashes the clock columns of berkas and is
// compared through the stamps instead (stamps).
var skipTables = map[string]bool{"jalan": true, "sidik_hitung": true}

// snapshot reads the state of a trial folder (the working folder of the
// kinerja process, with the default layout data/, public/).
func snapshot(t *testing.T, dir string) state {
	t.Helper()
	s := state{
		Inbox:   treeSums(t, filepath.Join(dir, "data", "inbox")),
		Site:    treeSums(t, filepath.Join(dir, "public")),
		Reports: treeSums(t, filepath.Join(dir, "data", "laporan")),
	}
	delete(s.Site, "status.json")
	// The revision log records when each publication was made: a clock
	// that differs between a killed run's rerun and a clean run. What it
	// records of the data (each entry's file hashes) must be equal.
	if b, err := os.ReadFile(filepath.Join(dir, "public", site.LogFile)); err == nil {
		var entries []site.LogEntry
		if err := json.Unmarshal(b, &entries); err != nil {
			t.Fatal(err)
		}
		for p := range s.Site {
			if p == site.LogFile || strings.HasPrefix(p, site.LogDir) || strings.HasSuffix(p, "riwayat/index.html") {
				delete(s.Site, p)
			}
		}
		for _, e := range entries {
			s.Site[fmt.Sprintf("publication %d", e.Nomor)] = fmt.Sprint(e.Berkas)
		}
	}
	// The feeds date each month by the publication that first held it: the
	// same clock. Compared without their <updated> times.
	for _, feed := range []string{"feed.xml", "en/feed.xml"} {
		if b, err := os.ReadFile(filepath.Join(dir, "public", filepath.FromSlash(feed))); err == nil {
			s.Site[feed] = feedUpdated.ReplaceAllString(string(b), "<updated/>")
		}
	}
	manifest := filepath.ToSlash(filepath.Join(ingest.AcceptedDir, ingest.ManifestName))
	if _, ok := s.Inbox[manifest]; ok {
		entries, err := ingest.ReadManifest(filepath.Join(dir, "data", "inbox"))
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, e := range entries {
			lines = append(lines, strings.Join([]string{e.Arsip, e.Nama, e.SHA256, e.Status, e.Dataset}, " "))
		}
		s.Inbox[manifest] = strings.Join(lines, "\n")
	}
	var fp string
	s.Tables, fp = readDB(t, filepath.Join(dir, "data", "kinerja.duckdb"))
	s.stamps(dir, fp)
	return s
}

// stamps replaces the checksum of each stamp of an output (the site's
// .sidik, a report's .<file>.sidik: pipeline/publish/stamp.go) with what it
// says: "current" when it records the fingerprint the KPI tables were
// computed from and its files are as stamped, so that the next run with
// nothing new skips that output; "outdated" otherwise. The fingerprint
// itself hashes clock columns, different in every run.
// fp is the fingerprint recorded with the KPI tables.
func (s state) stamps(dir, fp string) {
	for _, m := range []struct {
		files  map[string]string
		folder string
	}{{s.Site, filepath.Join(dir, "public")}, {s.Reports, filepath.Join(dir, "data", "laporan")}} {
		for name := range m.files {
			if !strings.HasSuffix(name, ".sidik") {
				continue
			}
			m.files[name] = "outdated"
			if fp != "" && publish.StampCurrent(filepath.Join(m.folder, filepath.FromSlash(name)), fp) {
				m.files[name] = "current"
			}
		}
	}
}

// withoutStamps is files without the stamps of outputs.
func withoutStamps(files map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range files {
		if !strings.HasSuffix(k, ".sidik") {
			out[k] = v
		}
	}
	return out
}

// tableSums checksums every table of the database at path, read-only with
// the DuckDB of go.mod: the database must open, whatever happened to it.
// The columns that hold the clock of the run are left out.
func tableSums(t *testing.T, path string) map[string]string {
	t.Helper()
	sums, _ := readDB(t, path)
	return sums
}

// readDB is tableSums and the fingerprint recorded with the KPI tables
// ("" when none), from one opening of the database.
func readDB(t *testing.T, path string) (sums map[string]string, fingerprint string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		return nil, ""
	}
	ctx := context.Background()
	db, err := store.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatalf("the database does not open: %v", err)
	}
	defer func() { _ = db.Close() }() // read-only
	if err := db.Row(ctx, `SELECT coalesce(any_value(sidik), '') FROM sidik_hitung`).Scan(&fingerprint); err != nil {
		fingerprint = "" // a database from before the table
	}
	// Floating-point columns rounded: DuckDB's parallel sums may differ in
	// the last bits from run to run, which is not a difference of data.
	rows, err := db.Query(ctx, `SELECT table_name, list(CASE WHEN data_type IN ('DOUBLE', 'FLOAT')
			THEN 'round("' || column_name || '", 6)' ELSE '"' || column_name || '"' END ORDER BY column_index)
		FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main'
		  AND table_name IN (SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT temporary)
		  AND (table_name, column_name) NOT IN (('berkas', 'diproses_pada'), ('schema_version', 'applied_at'),
		      ('terbitan', 'waktu'), ('terbitan', 'teks'), ('terbitan', 'hash'), ('percobaan', 'terakhir'))
		GROUP BY table_name ORDER BY table_name`)
	if err != nil {
		t.Fatal(err)
	}
	cols := map[string][]string{}
	for rows.Next() {
		var name string
		var list []any
		if err := rows.Scan(&name, &list); err != nil {
			t.Fatal(err)
		}
		for _, c := range list {
			cols[name] = append(cols[name], c.(string))
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	_ = rows.Close() // read-only, fully read
	out := map[string]string{}
	for table, cs := range cols {
		if skipTables[table] {
			continue
		}
		quoted := make([]string, len(cs))
		for i, c := range cs {
			quoted[i] = fmt.Sprintf("c%d := %s", i, c)
		}
		var n int64
		var sum string
		q := fmt.Sprintf(`SELECT count(*), coalesce(sum(hash(struct_pack(%s))::HUGEINT), 0)::VARCHAR FROM %q`, strings.Join(quoted, ", "), table)
		if err := db.Row(ctx, q).Scan(&n, &sum); err != nil {
			t.Fatalf("%s: %v", table, err)
		}
		out[table] = fmt.Sprintf("%d rows, sum %s", n, sum)
	}
	return out, fingerprint
}

// treeSums hashes every regular file under dir by its slash path.
func treeSums(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		_ = f.Close() // read-only
		out[filepath.ToSlash(rel)] = hex.EncodeToString(h.Sum(nil))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diff describes how two maps differ, "" when they are equal.
func diff(what string, want, got map[string]string) string {
	var keys []string
	seen := map[string]bool{}
	for k := range want {
		keys, seen[k] = append(keys, k), true
	}
	for k := range got {
		if !seen[k] {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	n := 0
	for _, k := range keys {
		w, wok := want[k]
		g, gok := got[k]
		if wok && gok && w == g {
			continue
		}
		if n++; n > 8 {
			fmt.Fprintf(&b, "  ... and more\n")
			break
		}
		switch {
		case !gok:
			fmt.Fprintf(&b, "  %s %s: missing (want %s)\n", what, k, w)
		case !wok:
			fmt.Fprintf(&b, "  %s %s: unexpected (%s)\n", what, k, g)
		default:
			fmt.Fprintf(&b, "  %s %s: %s, want %s\n", what, k, g, w)
		}
	}
	return b.String()
}

func (s state) diff(want state) string {
	return diff("table", want.Tables, s.Tables) + diff("inbox file", want.Inbox, s.Inbox) +
		diff("site file", want.Site, s.Site) + diff("report", want.Reports, s.Reports)
}

// copyTree copies dir into dst, keeping modification times (the inbox is
// taken oldest first).
func copyTree(t *testing.T, dir, dst string) {
	t.Helper()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		target := filepath.Join(dst, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(target, info.Mode().Perm()|0o700)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.WriteFile(target, b, info.Mode().Perm()); err != nil {
			return err
		}
		return os.Chtimes(target, info.ModTime(), info.ModTime())
	})
	if err != nil {
		t.Fatal(err)
	}
}

// leftovers lists what an interrupted process may leave behind and the
// next run must have cleared: temporary files, folders and databases.
func leftovers(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		n := d.Name()
		if strings.HasPrefix(n, ".tmp-") || strings.Contains(n, ".baru-") || strings.HasSuffix(n, ".migrasi") ||
			strings.HasSuffix(n, ".bangun-ulang") || strings.HasSuffix(n, ".penggantian") {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// setTimes gives files increasing modification times in name order, so
// that every copy of an inbox is taken in the same order.
func setTimes(t *testing.T, dir string, names []string, base time.Time) {
	t.Helper()
	for i, n := range names {
		at := base.Add(time.Duration(i) * time.Second)
		if err := os.Chtimes(filepath.Join(dir, n), at, at); err != nil {
			t.Fatal(err)
		}
	}
}

var feedUpdated = regexp.MustCompile(`<updated>[^<]*</updated>`)
