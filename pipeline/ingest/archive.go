package ingest

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/durable"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// How a file leaves the inbox without ever being lost or loaded twice
//
//  1. Its destination (berkas.arsip, e.g. _diterima/x.csv) is chosen and
//     recorded in the same transaction as its rows (or its rejection).
//  2. After the commit, an accepted file gets a line in the manifest
//     _diterima/urutan.jsonl (appended and fsynced): the order of
//     acceptance that `kinerja rebuild` replays when the database is lost.
//  3. The file is renamed to its destination and both folders fsynced.
//
// A process killed between 1 and 3 leaves the file in the inbox with its
// rows committed. The next run recognises it (same name and sha256 as a
// berkas row whose destination does not exist yet) and only finishes steps
// 2 and 3 (resume): no second berkas row, no rows loaded twice. Killed
// before 1 commits, nothing of the file is in the database and it is simply
// loaded again.

// ManifestName is the archive manifest in the folder of accepted files.
const ManifestName = "urutan.jsonl"

// ManifestEntry is one line of the manifest: a file that entered
// _diterima/, accepted or as a duplicate, in the order of acceptance.
type ManifestEntry struct {
	Arsip   string    `json:"arsip"` // path relative to the inbox
	Nama    string    `json:"nama"`  // the name it was sent with
	SHA256  string    `json:"sha256"`
	Status  string    `json:"status"` // diterima or duplikat
	Dataset string    `json:"dataset,omitempty"`
	Waktu   time.Time `json:"waktu"` // when it was accepted (berkas.diproses_pada)
}

// ReadManifest reads the manifest of inbox; a missing manifest is empty. A
// last line cut by a crash is skipped.
func ReadManifest(inbox string) ([]ManifestEntry, error) {
	path := filepath.Join(inbox, AcceptedDir, ManifestName)
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading manifest %s: %w", path, err)
	}
	defer func() { _ = f.Close() }() // read-only
	var out []ManifestEntry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		var e ManifestEntry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			continue // a line cut by a crash: its file is found again by resume
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading manifest %s: %w", path, err)
	}
	return out, nil
}

// archiver moves one file out of the inbox (steps 2 and 3 above). In a
// rebuild (src.arsip set) the file is already in the archive and stays.
type archiver struct {
	db   *store.DB
	src  source
	name string
	hash string
	now  time.Time
	prog *progressOf // nil: nobody listens
}

// place chooses the destination of the file in the folder dir of the inbox:
// its own name when free, else name-2, name-3, ... A name is taken by a file
// there, by a berkas row that recorded it (its move may be pending) and, in
// _diterima/, by the manifest.
func (a archiver) place(ctx context.Context, dir string) (string, error) {
	if a.src.arsip != "" {
		return a.src.arsip, nil
	}
	ext := filepath.Ext(a.name)
	stem := strings.TrimSuffix(a.name, ext)
	candidate := a.name
	for i := 2; ; i++ {
		rel := dir + "/" + candidate
		_, err := os.Lstat(filepath.Join(a.src.inbox, filepath.FromSlash(rel)))
		free := errors.Is(err, os.ErrNotExist) && (dir != AcceptedDir || candidate != ManifestName)
		if free {
			var used bool
			if err := a.db.Row(ctx, sqlOf("berkas/arsip_terpakai"), rel).Scan(&used); err != nil {
				return "", fmt.Errorf("choosing the archive name of %s: %w", a.name, err)
			}
			free = !used
		}
		if free {
			return rel, nil
		}
		candidate = fmt.Sprintf("%s-%d%s", stem, i, ext)
	}
}

// archive writes the manifest line of a file accepted (or a duplicate) and
// moves it to arsip; it returns where the file is now.
func (a archiver) archive(status, dataset, arsip string) (string, error) {
	dst := filepath.Join(a.src.inbox, filepath.FromSlash(arsip))
	if a.src.arsip != "" {
		return dst, nil
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	e := ManifestEntry{Arsip: arsip, Nama: a.name, SHA256: a.hash, Status: status, Dataset: dataset, Waktu: a.now.UTC()}
	line, err := json.Marshal(e)
	if err != nil {
		return "", err
	}
	if err := durable.AppendLine(filepath.Join(a.src.inbox, AcceptedDir, ManifestName), line); err != nil {
		return "", err
	}
	crash.Point("ingest.manifested")
	return dst, a.move(dst)
}

// reject writes the rejection report of a file and moves it to arsip.
func (a archiver) reject(problems []Problem, arsip string) (string, error) {
	dst := filepath.Join(a.src.inbox, filepath.FromSlash(arsip))
	if a.src.arsip != "" {
		return dst, nil // a rebuild leaves the archive as it is
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	if err := writeGalat(dst+".galat.txt", problems); err != nil {
		return "", err
	}
	return dst, a.move(dst)
}

func (a archiver) move(dst string) error {
	if err := durable.Rename(a.src.path, dst); err != nil {
		return fmt.Errorf("moving %s to %s: %w", a.name, filepath.Dir(dst), err)
	}
	crash.Point("ingest.moved")
	return nil
}

// resume finishes the move of a file that an interrupted run recorded but
// did not move: ok is true when src is such a file.
func resume(ctx context.Context, db *store.DB, src source, name, hash string) (FileResult, bool, error) {
	rows, err := db.Query(ctx, sqlOf("berkas/belum_dipindah"), hash, name)
	if err != nil {
		return FileResult{}, false, fmt.Errorf("looking up an interrupted move: %w", err)
	}
	var fr FileResult
	var arsip string
	var at time.Time
	found := false
	for rows.Next() {
		var c FileResult
		var rel string
		var when time.Time
		if err := rows.Scan(&c.BerkasID, &c.Status, &rel, &c.Dataset, &c.Format, &c.RowsRead, &c.RowsLoaded, &c.Findings, &when); err != nil {
			_ = rows.Close() // read-only; the Scan error is the one to report
			return fr, false, err
		}
		if _, err := os.Lstat(filepath.Join(src.inbox, filepath.FromSlash(rel))); errors.Is(err, os.ErrNotExist) {
			fr, arsip, at, found = c, rel, when, true
			break
		}
	}
	err = errors.Join(rows.Err(), rows.Close())
	if err != nil || !found {
		return FileResult{}, false, err
	}
	fr.Name = name
	a := archiver{db: db, src: src, name: name, hash: hash, now: at}
	if fr.Status == StatusRejected {
		problems, err := storedProblems(ctx, db, fr.BerkasID, name)
		if err != nil {
			return fr, true, err
		}
		fr.Problems = problems
		fr.MovedTo, err = a.reject(problems, arsip)
		return fr, true, err
	}
	manifest, err := ReadManifest(src.inbox)
	if err != nil {
		return fr, true, err
	}
	for _, e := range manifest {
		if e.Arsip == arsip {
			fr.MovedTo = filepath.Join(src.inbox, filepath.FromSlash(arsip))
			return fr, true, a.move(fr.MovedTo)
		}
	}
	fr.MovedTo, err = a.archive(fr.Status, fr.Dataset, arsip)
	return fr, true, err
}

// storedProblems reads back the problems that rejected a file.
func storedProblems(ctx context.Context, db *store.DB, berkasID int, name string) ([]Problem, error) {
	rows, err := db.Query(ctx, sqlOf("berkas/galat"), berkasID)
	if err != nil {
		return nil, fmt.Errorf("reading the problems of berkas %d: %w", berkasID, err)
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	var out []Problem
	for rows.Next() {
		p := Problem{File: name}
		if err := rows.Scan(&p.Sheet, &p.Row, &p.Column, &p.Text); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// writeGalat writes the rejection report, one problem a line.
func writeGalat(path string, problems []Problem) error {
	var b strings.Builder
	for _, p := range problems {
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return durable.WriteFile(path, []byte(b.String()), 0o644)
}

// ArchivedFile is a file of the archive to load again in a rebuild.
type ArchivedFile struct {
	Path   string    // where it is now
	Arsip  string    // its archive path relative to the inbox, kept in berkas.arsip
	Name   string    // the name it was sent with
	SHA256 string    // as recorded at acceptance: checked before loading
	At     time.Time // when it was accepted: kept as berkas.diproses_pada
}

// Archived loads archived files into db in the order given, in place and
// with their original acceptance times: `kinerja rebuild`. Nothing is moved
// and no manifest line is written. A file that the current rules reject is
// recorded as rejected and stays where it is.
func Archived(ctx context.Context, db *store.DB, inbox string, files []ArchivedFile, opt Options) (Result, error) {
	if err := prepareSession(ctx, db, opt.NIPKey); err != nil {
		return Result{}, err
	}
	defer endSession(ctx, db, opt)
	var res Result
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		fr, err := ingestFile(ctx, db, source{path: f.Path, inbox: inbox, name: f.Name, arsip: f.Arsip, at: f.At, sha256: f.SHA256}, opt)
		if err != nil {
			return res, fmt.Errorf("loading %s: %w", f.Arsip, err)
		}
		res.Files = append(res.Files, fr)
	}
	return res, db.Checkpoint(ctx)
}
