// Package publish is the last stage of the pipeline: it reads what the
// public site and the leadership report show with the queries of
// queries/publish, keeps the public revision log, and hands plain values to
// the renderers (packages site and reports), which never see the database.
package publish

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"maps"
	"strings"
	"time"

	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/queries"
	"github.com/lampungprov/kinerja/site"
)

// Options configures a site build.
type Options struct {
	Log *slog.Logger
	// Now is the clock of the revision log (the time of a publication).
	Now func() time.Time
	// BaseURL is the site's public address ([site] base_url; site.Input).
	BaseURL string
}

// Site writes the public site for the data in db into out, atomically: it
// is rendered in memory, written beside out and swapped in, and left
// untouched when nothing changed. The revision log records the publication
// first (when its data differ from the last one's), so the site shows it.
func Site(ctx context.Context, db *store.DB, out string, opt Options) (site.Stats, error) {
	if opt.Log == nil {
		opt.Log = slog.New(slog.DiscardHandler)
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	// The site's stamp vouches for it as it is: gone before it changes
	// (and not a file of the site for Publish to compare).
	if err := removeStamp(SiteStamp(out)); err != nil {
		return site.Stats{}, err
	}
	in, err := LoadSite(ctx, db)
	if err != nil {
		return site.Stats{}, err
	}
	in.BaseURL = opt.BaseURL
	data, err := site.DataFiles(in)
	if err != nil {
		return site.Stats{}, err
	}
	if err := Record(ctx, db, data, opt.Now()); err != nil {
		return site.Stats{}, err
	}
	if in.Log, in.Revisions, err = LoadLog(ctx, db); err != nil {
		return site.Stats{}, err
	}
	files, st, err := site.Render(in)
	if err != nil {
		return st, err
	}
	if st.Changed, err = site.Publish(out, files); err != nil {
		return st, fmt.Errorf("publishing site to %s: %w", out, err)
	}
	opt.Log.Info("built site", "out", out, "pages", st.Pages, "files", st.Files, "changed", st.Changed)
	return st, nil
}

// LoadSite reads everything the site is built from but the revision log:
// published (suppressed) tables only, so nothing unpublishable can reach a
// page.
func LoadSite(ctx context.Context, db *store.DB) (*site.Input, error) {
	in := &site.Input{Files: map[string]site.Table{}, Trends: map[string]site.Table{}, AnalystTables: map[string]site.Table{}}
	for _, name := range site.PublishedFiles {
		t, err := db.Named(ctx, "publish/"+name)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w (run `kinerja compute` first)", name, err)
		}
		in.Files[name] = site.Table(t)
	}
	for name, dst := range map[string]*site.Table{
		"opd": &in.OPD, "kesegaran": &in.Freshness, "perhatian": &in.Attention,
		"alasan_kurva_en": &in.CurveReasonsEN, "batas_kurva": &in.CurveLimits,
	} {
		t, err := db.Named(ctx, "publish/situs/"+name)
		if err != nil {
			return nil, err
		}
		*dst = site.Table(t)
	}
	for _, k := range site.BuiltinKPIs() {
		t, err := db.Named(ctx, "publish/situs/tren", k)
		if err != nil {
			return nil, err
		}
		in.Trends[k] = site.Table(t)
	}
	if t, err := db.Named(ctx, "publish/situs/kpi_analis"); err == nil { // none before the first compute with analysts' KPIs
		in.AnalystKPIs = site.Table(t)
		for _, r := range t.Rows {
			name := fmt.Sprint(r[0])
			a, err := db.Rows(ctx, fmt.Sprintf(`SELECT * FROM "analis_%s" ORDER BY ALL`, strings.ReplaceAll(name, `"`, `""`)))
			if err != nil {
				return nil, fmt.Errorf("reading analyst KPI %s: %w", name, err)
			}
			in.AnalystTables[name] = site.Table(a)
		}
	}
	for _, q := range queries.Dir("kpi") {
		if q.Header["definisi"] != "" {
			in.Models = append(in.Models, site.Model{Name: q.Name, Header: q.Header})
		}
	}
	// The matrix is the one validation applies: its macro is ingest's
	// (TEMP, on this connection only; read-only databases take it too).
	if err := db.Run(ctx, "macros/ingest"); err != nil {
		return nil, err
	}
	in.Explainer = map[string]site.Table{}
	for _, q := range queries.Dir("publish/memahami") {
		t, err := db.Named(ctx, q.Name)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w (run `kinerja compute` first)", q.Name, err)
		}
		in.Explainer[strings.TrimPrefix(q.Name, "publish/memahami/")] = site.Table(t)
	}
	in.Templates = map[string][]byte{}
	for _, d := range ingest.Datasets {
		req := strings.Join(d.Required, ", ")
		if len(d.OneOf) > 0 {
			req += ", " + strings.Join(d.OneOf, "/")
		}
		in.Datasets = append(in.Datasets, site.Dataset{Name: d.Name, Required: req})
		for _, format := range []string{"xlsx", "csv"} {
			b, err := ingest.Template(d.Name, format)
			if err != nil {
				return nil, err
			}
			in.Templates["templat_"+d.Name+"."+format] = b
		}
	}
	return in, nil
}

// Record adds an entry to the revision log when the data files (as
// site.DataFiles gives them) differ from the last entry's, and records the
// published values it changes. It runs before the site is swapped in: an
// entry whose site was not swapped in (a crash) is published by the next
// build, which finds the same data.
func Record(ctx context.Context, db *store.DB, data map[string][]byte, now time.Time) error {
	hashes := site.DataHashes(data)
	entries, _, err := LoadLog(ctx, db)
	if err != nil {
		return err
	}
	prev, prevTime := "", time.Unix(0, 0).UTC()
	if n := len(entries); n > 0 {
		last := entries[n-1]
		if maps.Equal(last.Berkas, hashes) {
			return nil
		}
		prev, prevTime = last.Hash, last.Waktu
	}
	nomor := len(entries) + 1
	at := now.UTC().Truncate(time.Second)
	if !at.After(prevTime) {
		at = prevTime.Add(time.Second) // the log's times only go forward
	}
	text := site.LogText(nomor, at, prev, hashes)
	sum := sha256.Sum256([]byte(text))
	steps := make(map[string]string)
	for _, name := range []string{"riwayat/nilai_baru", "riwayat/revisi", "riwayat/catat", "publish/kpi_opd_bulanan", "publish/kpi_provinsi_bulanan"} {
		q, err := queries.Get(name)
		if err != nil {
			return err
		}
		steps[name] = q.SQL
	}
	return db.Tx(ctx, func(tx *store.Tx) error {
		for table, name := range map[string]string{"terbit_opd": "publish/kpi_opd_bulanan", "terbit_provinsi": "publish/kpi_provinsi_bulanan"} {
			body := strings.TrimSuffix(strings.TrimSpace(steps[name]), ";")
			if err := tx.Exec(ctx, "CREATE OR REPLACE TEMP TABLE "+table+" AS "+body); err != nil {
				return fmt.Errorf("reading what publication %d puts out: %w", nomor, err)
			}
		}
		if err := tx.Exec(ctx, steps["riwayat/catat"], nomor, at, text, hex.EncodeToString(sum[:])); err != nil {
			return fmt.Errorf("recording publication %d: %w", nomor, err)
		}
		// Variables, not parameters: the files are several statements.
		if err := tx.Exec(ctx, fmt.Sprintf("SET VARIABLE terbitan_nomor = %d", nomor)); err != nil {
			return err
		}
		if err := tx.Exec(ctx, fmt.Sprintf("SET VARIABLE terbitan_sebelumnya = TIMESTAMP '%s'", prevTime.UTC().Format("2006-01-02 15:04:05"))); err != nil {
			return err
		}
		if err := tx.Exec(ctx, steps["riwayat/nilai_baru"]); err != nil {
			return fmt.Errorf("reading what publication %d puts out: %w", nomor, err)
		}
		if err := tx.Exec(ctx, steps["riwayat/revisi"]); err != nil {
			return fmt.Errorf("recording the revisions of publication %d: %w", nomor, err)
		}
		return nil
	})
}

// LoadLog reads the revision log's entries, oldest first, and the revisions
// they made, newest first.
func LoadLog(ctx context.Context, db *store.DB) ([]site.LogEntry, []site.Revision, error) {
	t, err := db.Named(ctx, "riwayat/terbitan")
	if err != nil {
		return nil, nil, fmt.Errorf("reading the revision log: %w", err)
	}
	var entries []site.LogEntry
	for _, r := range t.Rows {
		text, hash := r[2].(string), r[3].(string)
		nomor, at, prev, files, err := site.ParseLogText(text)
		if err != nil {
			return nil, nil, fmt.Errorf("publication %v of the log: %w", r[0], err)
		}
		entries = append(entries, site.LogEntry{Nomor: nomor, Waktu: at, Sebelumnya: prev, Hash: hash,
			Teks: fmt.Sprintf("riwayat/%04d.txt", nomor), Berkas: files, Text: text})
	}
	t, err = db.Named(ctx, "riwayat/daftar")
	if err != nil {
		return nil, nil, fmt.Errorf("reading the revisions: %w", err)
	}
	revs := make([]site.Revision, 0, len(t.Rows))
	for _, r := range t.Rows {
		revs = append(revs, site.Revision{Nomor: int(r[0].(int32)), Waktu: r[1].(time.Time), Periode: r[2].(string), Kode: r[3].(string),
			Nama: r[4].(string), Kolom: r[5].(string), Lama: number(r[6]), Baru: number(r[7]), Alasan: r[8].(string)})
	}
	return entries, revs, nil
}

// number is a nullable number of a query.
func number(v any) *float64 { return store.Number(v) }
