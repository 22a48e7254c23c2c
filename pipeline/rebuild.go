package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// TaskRebuild is the task of `kinerja rebuild` in jalan.
const TaskRebuild = "rebuild"

// RebuildResult says what a rebuild did.
type RebuildResult struct {
	Source  string // "lineage" (the old database's berkas) or "manifest"
	Files   int
	Ingest  ingest.Result
	Compute compute.Stats
	Aside   string // where the old database is kept; "" when there was none
	// Log says where the revision log came from: "database", "site" or ""
	// (none yet).
	Log string
}

// rebuildSuffix names the new database while it is built beside the old.
const rebuildSuffix = ".bangun-ulang"

// Rebuild builds a new database from the archive of accepted files
// (<inbox>/_diterima/), in the order they were first accepted, with their
// original acceptance times and the same NIP key, computes the KPIs and
// only then swaps it in for the database at cfg.DB, whose old file is kept
// beside it. The order comes from the old database's lineage when it can
// still be read, otherwise from the manifest that ingest keeps beside the
// archive. Every file's sha256 is checked against what was recorded.
//
// It is the way back from a database that cannot be opened, and the way to
// apply a changed ingest rule to history. Call it under the exclusive run
// lock.
func Rebuild(ctx context.Context, cfg config.Config, opt Options) (RebuildResult, error) {
	var res RebuildResult
	entries, source, err := archiveOrder(ctx, cfg)
	if err != nil {
		return res, err
	}
	res.Source = source
	files, err := locate(cfg.Inbox, entries)
	if err != nil {
		return res, err
	}
	res.Files = len(files)
	key, err := cfg.NIPKey()
	if err != nil {
		return res, err
	}
	next := cfg.DB + rebuildSuffix
	for _, p := range []string{next, next + ".wal"} {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return res, fmt.Errorf("removing the leftover of an interrupted rebuild: %w", err)
		}
	}
	db, err := store.Open(ctx, next)
	if err != nil {
		return res, err
	}
	keep := false
	defer func() {
		if !keep {
			_ = os.Remove(next) // best effort: the next rebuild removes a leftover too
		}
	}()
	res.Ingest, err = ingest.Archived(ctx, db, cfg.Inbox, files, ingest.Options{NIPKey: key, Log: opt.log(), Now: opt.Now, FileTimeout: cfg.Ingest.FileTimeout})
	if err == nil {
		res.Log, err = carryLog(ctx, db, cfg.DB, cfg.Out, source)
	}
	if err == nil {
		res.Compute, err = Compute(ctx, db, cfg, opt.now(), opt.log())
	}
	if err != nil {
		return res, errors.Join(fmt.Errorf("rebuilding (the database %s is unchanged): %w", cfg.DB, err), db.Close())
	}
	if err := db.Close(); err != nil {
		return res, err
	}
	crash.Point("rebuild.loaded")
	if _, err := os.Lstat(cfg.DB); err == nil {
		res.Aside = cfg.DB + ".sebelum-bangun-ulang-" + opt.now().Format("20060102-150405")
	}
	if err := store.Replace(cfg.DB, next, res.Aside); err != nil {
		return res, err
	}
	keep = true
	crash.Point("rebuild.swapped")
	return res, nil
}

// archiveOrder lists the files that entered _diterima/ in their order of
// acceptance: from the lineage of the old database when it opens, else from
// the manifest.
func archiveOrder(ctx context.Context, cfg config.Config) ([]ingest.ManifestEntry, string, error) {
	var openErr error
	if _, err := os.Stat(cfg.DB); err == nil {
		db, err := store.OpenReadOnly(ctx, cfg.DB)
		if err == nil {
			entries, lerr := lineage(ctx, db)
			if cerr := db.Close(); lerr == nil && cerr == nil {
				return entries, "lineage", nil
			}
			err = errors.Join(lerr, db.Close())
		}
		openErr = err
	}
	entries, err := ingest.ReadManifest(cfg.Inbox)
	if err != nil {
		return nil, "", err
	}
	if len(entries) == 0 {
		if openErr != nil {
			return nil, "", fmt.Errorf("nothing to rebuild from: the database cannot be read (%w) and %s has no manifest",
				openErr, filepath.Join(cfg.Inbox, ingest.AcceptedDir, ingest.ManifestName))
		}
		return nil, "", fmt.Errorf("nothing to rebuild from: no accepted file in the database's lineage nor in %s",
			filepath.Join(cfg.Inbox, ingest.AcceptedDir, ingest.ManifestName))
	}
	return entries, "manifest", nil
}

// lineage reads the accepted files and duplicates of the database in the
// order they were taken. Databases of releases before schema 005 have no
// arsip column: the query gives them an empty one (queries/berkas/silsilah.sql)
// and their files are found by sha256.
func lineage(ctx context.Context, db *store.DB) ([]ingest.ManifestEntry, error) {
	rows, err := db.Query(ctx, sqlOf("berkas/silsilah"))
	if err != nil {
		return nil, fmt.Errorf("reading the lineage: %w", err)
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	var out []ingest.ManifestEntry
	for rows.Next() {
		var e ingest.ManifestEntry
		if err := rows.Scan(&e.Arsip, &e.Nama, &e.SHA256, &e.Status, &e.Dataset, &e.Waktu); err != nil {
			return nil, fmt.Errorf("reading the lineage: %w", err)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// locate finds each entry's file: at its archive path when its content is
// still the recorded one, else anywhere in _diterima/ with that sha256, else
// in the inbox itself (a move that a crash interrupted).
func locate(inbox string, entries []ingest.ManifestEntry) ([]ingest.ArchivedFile, error) {
	var bySum map[string]string // sha256 -> path, built on first need
	out := make([]ingest.ArchivedFile, 0, len(entries))
	for _, e := range entries {
		f := ingest.ArchivedFile{Arsip: e.Arsip, Name: e.Nama, SHA256: e.SHA256, At: e.Waktu}
		if e.Arsip != "" {
			p := filepath.Join(inbox, filepath.FromSlash(e.Arsip))
			if sum, err := fileSHA256(p); err == nil && sum == e.SHA256 {
				f.Path = p
			}
		}
		if f.Path == "" {
			if bySum == nil {
				var err error
				if bySum, err = hashArchive(inbox); err != nil {
					return nil, err
				}
			}
			f.Path = bySum[e.SHA256]
		}
		if f.Path == "" {
			p := filepath.Join(inbox, e.Nama)
			if sum, err := fileSHA256(p); err == nil && sum == e.SHA256 {
				f.Path = p
			}
		}
		if f.Path == "" {
			return nil, fmt.Errorf("file %s (sha256 %s, accepted %s) is not in %s: put it back (from a copy of the inbox) and run again",
				orName(e.Arsip, e.Nama), e.SHA256, e.Waktu.Format(time.RFC3339), filepath.Join(inbox, ingest.AcceptedDir))
		}
		if f.Arsip == "" {
			rel, err := filepath.Rel(inbox, f.Path)
			if err != nil {
				return nil, err
			}
			f.Arsip = filepath.ToSlash(rel)
		}
		out = append(out, f)
	}
	return out, nil
}

func orName(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// hashArchive hashes every file of _diterima/ but the manifest.
func hashArchive(inbox string) (map[string]string, error) {
	dir := filepath.Join(inbox, ingest.AcceptedDir)
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() || d.Name() == ingest.ManifestName {
			return err
		}
		sum, err := fileSHA256(p)
		if err != nil {
			return err
		}
		if _, seen := out[sum]; !seen {
			out[sum] = p
		}
		return nil
	})
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("reading the archive %s: %w", dir, err)
	}
	return out, nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer func() { _ = f.Close() }() // read-only
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
