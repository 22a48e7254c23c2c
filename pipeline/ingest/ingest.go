package ingest

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"time"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/queries"
)

// File outcomes recorded in berkas.status.
const (
	StatusAccepted  = "diterima"
	StatusRejected  = "ditolak"
	StatusDuplicate = "duplikat"
)

// Folders of the inbox, from docs/cli.md.
const (
	AcceptedDir = "_diterima"
	RejectedDir = "_ditolak"
)

// Options configures an ingest.
type Options struct {
	// NIPKey is the secret of the keyed NIP hash (HMAC-SHA256). It never
	// enters the database, so a copied database reveals no NIP.
	NIPKey []byte
	Now    func() time.Time
	Log    *slog.Logger
	// FileTimeout bounds the reading of one file (0: none); a file that
	// times out twice is rejected.
	FileTimeout time.Duration
	// Progress, when set, is told what each file's ingest is doing.
	Progress Progress
}

func (o Options) now() time.Time {
	if o.Now == nil {
		return time.Now()
	}
	return o.Now()
}

func (o Options) log() *slog.Logger {
	if o.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return o.Log
}

// Problem is one reason a file is rejected, located as a person finds it in
// the spreadsheet.
type Problem struct {
	File   string
	Sheet  string // XLSX sheet when the workbook has several
	Row    int    // 0: the whole file
	Column string
	Text   string
}

// String formats the problem as FILE:ROW:COLUMN: message.
func (p Problem) String() string {
	file := p.File
	if p.Sheet != "" {
		file += "[" + p.Sheet + "]"
	}
	switch {
	case p.Row > 0 && p.Column != "":
		return fmt.Sprintf("%s:%d:%s: %s", file, p.Row, p.Column, p.Text)
	case p.Row > 0:
		return fmt.Sprintf("%s:%d: %s", file, p.Row, p.Text)
	}
	return fmt.Sprintf("%s: %s", file, p.Text)
}

// FileResult is what happened to one file.
type FileResult struct {
	Name       string
	Dataset    string
	Format     string
	Status     string
	BerkasID   int
	RowsRead   int
	RowsLoaded int
	Findings   int
	// Problems are the first MaxListed problems; MoreProblems counts the
	// rest by kind and TotalProblems is all of them.
	Problems      []Problem
	MoreProblems  []ProblemCount
	TotalProblems int
	MovedTo       string
	// Stale says, per OPD and period, that an accepted penilaian file is an
	// older snapshot than one already there: it supersedes nothing.
	Stale []string
}

// Result is the outcome of one ingest or check.
type Result struct {
	Files []FileResult
	// Skipped are the entries of the inbox that were not read, with why.
	Skipped []Skipped
	// Failed are files whose ingest failed for another reason than their
	// data (a timeout, an error of the machinery): they stay in the inbox,
	// and a second failure rejects them.
	Failed []FailedFile
}

// FailedFile is a file whose attempt failed.
type FailedFile struct {
	Name string
	Err  error
}

// Rejected counts the rejected files.
func (r Result) Rejected() int {
	n := 0
	for _, f := range r.Files {
		if f.Status == StatusRejected {
			n++
		}
	}
	return n
}

// Incomplete counts the files that were not loaded: rejected, or failed and
// left in the inbox for the next round.
func (r Result) Incomplete() int { return r.Rejected() + len(r.Failed) }

// Count returns the number of files with status.
func (r Result) Count(status string) int {
	n := 0
	for _, f := range r.Files {
		if f.Status == status {
			n++
		}
	}
	return n
}

// RowsLoaded sums the rows stored.
func (r Result) RowsLoaded() int {
	n := 0
	for _, f := range r.Files {
		n += f.RowsLoaded
	}
	return n
}

// Inbox loads every pending file of inbox into db. Each file is loaded whole
// in its own transaction or not at all, then moved to _diterima/ or, with a
// .galat.txt report beside it, to _ditolak/. A file whose content was already
// loaded is recorded as a duplicate and not loaded again.
func Inbox(ctx context.Context, db *store.DB, inbox string, opt Options) (Result, error) {
	list, err := Scan(inbox)
	if err != nil {
		return Result{}, err
	}
	paths := list.Files
	if err := prepareSession(ctx, db, opt.NIPKey); err != nil {
		return Result{}, err
	}
	defer endSession(ctx, db, opt)
	res := Result{Skipped: list.Skipped}
	for _, path := range paths {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		fr, err := ingestFile(ctx, db, source{path: path, inbox: inbox, name: filepath.Base(path)}, opt)
		if err != nil && isFileFault(ctx, err) {
			// This file's failure: it stays in the inbox for the next
			// round, which rejects it if it fails again; the others go on.
			opt.log().Error("file not loaded", "file", filepath.Base(path), "err", err)
			res.Failed = append(res.Failed, FailedFile{Name: filepath.Base(path), Err: err})
			continue
		}
		if err != nil {
			return res, fmt.Errorf("ingesting %s: %w", filepath.Base(path), err)
		}
		res.Files = append(res.Files, fr)
	}
	crash.Point("ingest.done")
	if len(res.Files) > 0 {
		if err := db.Checkpoint(ctx); err != nil {
			return res, err
		}
	}
	return res, nil
}

// Check validates files exactly as Inbox would, in a scratch transaction that
// is always rolled back: nothing is loaded and no file is moved.
func Check(ctx context.Context, db *store.DB, paths []string, opt Options) (Result, error) {
	if err := prepareSession(ctx, db, opt.NIPKey); err != nil {
		return Result{}, err
	}
	defer endSession(ctx, db, opt)
	var res Result
	for _, path := range paths {
		sc, err := scanFile(path, nil)
		if err != nil {
			return res, err
		}
		errRollback := errors.New("check only")
		fr, err := validateTx(ctx, db, sc, filepath.Base(path), opt, nil, func(*store.Tx, *FileResult) error { return errRollback })
		if err != nil && !errors.Is(err, errRollback) {
			return res, fmt.Errorf("checking %s: %w", path, err)
		}
		if len(fr.Problems) > 0 {
			fr.Status = StatusRejected
		} else {
			fr.Status = StatusAccepted
		}
		res.Files = append(res.Files, fr)
	}
	return res, nil
}

// source is a file to ingest: where it is now, and whether it is already in
// the archive (rebuild) or still in the inbox.
type source struct {
	path  string // where the file is now
	inbox string
	name  string // the name it was sent with
	// arsip is the archived file's path relative to the inbox, for a
	// rebuild that loads the archive in place; "" for an inbox file, which
	// is moved into the archive.
	arsip string
	// at is when a rebuilt file was first accepted; zero for inbox files,
	// which take the clock's time.
	at time.Time
	// sha256 is what the lineage recorded for a rebuilt file; its content
	// must still have it.
	sha256 string
}

func ingestFile(ctx context.Context, db *store.DB, src source, opt Options) (FileResult, error) {
	prog := opt.progress(src.name)
	defer prog.phase("")
	prog.phase("membaca")
	sc, err := scanFile(src.path, prog)
	if err != nil {
		return FileResult{}, err
	}
	hash := sc.sha256
	if src.sha256 != "" && src.sha256 != hash {
		return FileResult{}, fmt.Errorf("archived file %s has sha256 %s, but %s was recorded when it was accepted: "+
			"it was changed afterwards; put the original back (from a backup copy of the inbox) and run again", src.path, hash, src.sha256)
	}
	name := src.name
	now := opt.now()
	if !src.at.IsZero() {
		now = src.at
	}

	a := archiver{db: db, src: src, name: name, hash: hash, now: now, prog: prog}
	if src.arsip == "" {
		// A run killed after it recorded this very file: finish its move.
		if fr, ok, err := resume(ctx, db, src, name, hash); ok || err != nil {
			return fr, err
		}
		n, last, err := startAttempt(ctx, db, hash, name, now)
		if err != nil {
			return FileResult{}, err
		}
		if n > maxAttempts {
			return a.rejectStuck(ctx, sc, n-1, last)
		}
		fr, err := a.attempt(ctx, sc, opt)
		switch {
		case err != nil && !isFileFault(ctx, err):
			if ctx.Err() != nil {
				err = errors.Join(err, stoppedAttempt(ctx, db, hash))
			}
		case err != nil && n >= maxAttempts:
			return a.rejectStuck(ctx, sc, n, firstLine(err.Error()))
		case err != nil:
			err = errors.Join(err, failedAttempt(ctx, db, hash, err))
		}
		return fr, err
	}
	return a.attempt(ctx, sc, opt)
}

// attempt loads the file (the data of a.src) within the file timeout.
func (a archiver) attempt(parent context.Context, sc scanned, opt Options) (FileResult, error) {
	ctx := parent
	if opt.FileTimeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(parent, opt.FileTimeout)
		defer cancel()
	}
	fr, err := a.load(ctx, sc, opt)
	if err != nil && parent.Err() == nil && ctx.Err() != nil {
		return fr, fmt.Errorf("reading it took longer than %s (ingest.batas_waktu_berkas): %w", opt.FileTimeout, err)
	}
	return fr, err
}

// rejectStuck rejects a file that attempts kept failing on.
func (a archiver) rejectStuck(ctx context.Context, sc scanned, attempts int, last string) (FileResult, error) {
	fr := FileResult{Name: a.name, Format: formatOf(a.src.path), Status: StatusRejected,
		Problems: []Problem{stuckProblem(a.name, attempts, last)}}
	arsip, err := a.place(ctx, RejectedDir)
	if err != nil {
		return fr, err
	}
	if err := recordRejected(ctx, a.db, &fr, a.hash, int(sc.size), a.now, arsip); err != nil {
		return fr, err
	}
	fr.MovedTo, err = a.reject(fr.Problems, arsip)
	return fr, err
}

// load validates and stores the file, or records its rejection, and moves
// it out of the inbox.
func (a archiver) load(ctx context.Context, sc scanned, opt Options) (FileResult, error) {
	log, db, src, name, hash, now := opt.log(), a.db, a.src, a.name, a.hash, a.now
	dupOf, err := duplicateOf(ctx, db, hash)
	if err != nil {
		return FileResult{}, err
	}
	if dupOf > 0 {
		fr := FileResult{Name: name, Format: formatOf(src.path), Status: StatusDuplicate}
		arsip, err := a.place(ctx, AcceptedDir)
		if err != nil {
			return fr, err
		}
		if err := recordDuplicate(ctx, db, &fr, hash, int(sc.size), now, arsip, dupOf); err != nil {
			return fr, err
		}
		crash.Point("ingest.committed")
		fr.MovedTo, err = a.archive(fr.Status, fr.Dataset, arsip)
		log.Info("file already loaded", "file", name, "same_as_berkas_id", dupOf)
		return fr, err
	}

	var fr FileResult
	arsip, err := a.place(ctx, AcceptedDir)
	if err != nil {
		return fr, err
	}
	fr, err = validateTx(ctx, db, sc, name, opt, a.prog, func(tx *store.Tx, fr *FileResult) error {
		if len(fr.Problems) > 0 {
			return nil
		}
		a.prog.phase("menyimpan")
		if err := storeRows(ctx, tx, fr, hash, int(sc.size), now, arsip); err != nil {
			return err
		}
		crash.Point("ingest.staged")
		return nil
	})
	if err != nil {
		return fr, err
	}
	if len(fr.Problems) > 0 {
		fr.Status = StatusRejected
		arsip, err := a.place(ctx, RejectedDir)
		if err != nil {
			return fr, err
		}
		if err := recordRejected(ctx, db, &fr, hash, int(sc.size), now, arsip); err != nil {
			return fr, err
		}
		crash.Point("ingest.rejected")
		if fr.MovedTo, err = a.reject(fr.ReportLines(), arsip); err != nil {
			return fr, err
		}
		log.Warn("file rejected", "file", name, "dataset", fr.Dataset, "problems", fr.ProblemTotal(),
			"report", fr.MovedTo+".galat.txt")
		return fr, nil
	}
	crash.Point("ingest.committed")
	fr.Status = StatusAccepted
	fr.MovedTo, err = a.archive(fr.Status, fr.Dataset, arsip)
	log.Info("file loaded", "file", name, "dataset", fr.Dataset, "rows", fr.RowsLoaded, "findings", fr.Findings)
	return fr, err
}

// readProblems reads the validation's problems into fr: the first ones up
// to MaxListed, then only their count by kind, so that a file with twelve
// million bad rows gives a short report and takes no memory for it.
func readProblems(ctx context.Context, tx *store.Tx, fr *FileResult, multiSheet bool) error {
	room := MaxListed - len(fr.Problems)
	if err := tx.Exec(ctx, sqlOf("stg/galat")); err != nil {
		return fmt.Errorf("reading validation result: %w", err)
	}
	rows, err := tx.Query(ctx, sqlOf("stg/galat_pertama"), room)
	if err != nil {
		return fmt.Errorf("reading validation result: %w", err)
	}
	for rows.Next() {
		p := Problem{File: fr.Name}
		if err := rows.Scan(&p.Sheet, &p.Row, &p.Column, &p.Text); err != nil {
			_ = rows.Close() // read-only; the Scan error is the one to report
			return err
		}
		if !multiSheet {
			p.Sheet = ""
		}
		fr.addProblem(p)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("reading validation result: %w", err)
	}
	rows, err = tx.Query(ctx, sqlOf("stg/galat_jenis"), room)
	if err != nil {
		return fmt.Errorf("counting validation problems: %w", err)
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	for rows.Next() {
		var kind string
		var n int
		if err := rows.Scan(&kind, &n); err != nil {
			return err
		}
		fr.countMore(kind, n)
		fr.TotalProblems += n
	}
	return rows.Err()
}

// prepareSession creates the parsing macros and the keyed NIP hash on the
// database's connection, once per ingest and outside any transaction (a
// rejected file's rollback must not drop them). The hash is HMAC-SHA256
// written in SQL with the key's inner and outer pads as literals of a TEMP
// macro, so the key lives only in this session, never in the database file.
func prepareSession(ctx context.Context, db *store.DB, key []byte) error {
	if len(key) == 0 {
		return errors.New("no NIP hash key configured")
	}
	if len(key) > 64 {
		k := sha256.Sum256(key)
		key = k[:]
	}
	ipad, opad := make([]byte, 64), make([]byte, 64)
	copy(ipad, key)
	copy(opad, key)
	for i := range ipad {
		ipad[i] ^= 0x36
		opad[i] ^= 0x5c
	}
	if err := db.Run(ctx, "macros/ingest"); err != nil {
		return err
	}
	// Built here: DuckDB takes no parameter in a macro's body, so the pads
	// are literals of its text.
	return db.Exec(ctx, fmt.Sprintf(`CREATE OR REPLACE TEMP MACRO nip_hash(n) AS
		sha256(from_hex('%s') || from_hex(sha256(from_hex('%s') || encode(n))))`,
		hex.EncodeToString(opad), hex.EncodeToString(ipad)))
}

// endSession drops the keyed NIP hash (queries/macros/ingest_tutup.sql):
// its body holds the key, and what runs next on the connection (compute and
// the analysts' KPIs) must not be able to read it. A failure is logged: the
// macro is TEMP and ends with the process anyway.
func endSession(ctx context.Context, db *store.DB, opt Options) {
	if err := db.Run(context.WithoutCancel(ctx), "macros/ingest_tutup"); err != nil {
		opt.log().Warn("the NIP hash macro was not dropped", "err", err)
	}
}

// NIPHash computes in Go the same keyed hash as the SQL macro, for tests
// and for tracing one employee on request.
func NIPHash(key []byte, nip string) string {
	if len(key) > 64 {
		k := sha256.Sum256(key)
		key = k[:]
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(nip))
	return hex.EncodeToString(m.Sum(nil))
}

func runQuery(ctx context.Context, tx *store.Tx, name string) error {
	q, err := queries.Get(name)
	if err != nil {
		return err
	}
	if err := tx.Exec(ctx, q.SQL); err != nil {
		return fmt.Errorf("running %s: %w", name, err)
	}
	return nil
}
