// Package pipeline runs kinerja's stages in order: ingest the inbox, compute
// the KPIs in SQL, build the public site and write the leadership report.
// The stages live in the subpackages (ingest, compute, and the top-level
// site and reports); this package only sequences them, so the command line
// and the scheduler run exactly the same thing.
//
// Around the stages it keeps the operational record: the run lock (Open),
// the run history in table jalan (Track, History) and the status.json a
// monitor polls (WriteStatus).
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"syscall"
	"time"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/lock"
	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/site"
)

// Options says who runs the pipeline and with which clock and logger.
type Options struct {
	Log     *slog.Logger
	Now     func() time.Time
	Trigger string // TriggerManual or TriggerSchedule, recorded in jalan.pemicu
	// Progress, when set, hears what the ingest of each file is doing
	// (a progress line on a terminal).
	Progress ingest.Progress
	// Force runs every stage of a run, also those whose output was made
	// from the same inputs (fingerprint.go).
	Force bool
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

// Open takes the run lock of the database at path and opens it: read-write
// under an exclusive lock, read-only under a shared one. task names the run
// in the message of a process kept waiting. It waits up to wait for the lock
// and fails with a *lock.BusyError after that. done closes the database and
// then releases the lock; call it exactly once.
func Open(ctx context.Context, path string, mode lock.Mode, wait time.Duration, task string) (db *store.DB, done func() error, err error) {
	if mode == lock.Shared {
		if _, err := os.Stat(path); err != nil {
			// No database yet: say so without creating a lock file.
			_, err := store.OpenReadOnly(ctx, path)
			return nil, nil, err
		}
	}
	l, err := lock.Acquire(ctx, lock.ForDB(path), mode, wait, task)
	if err != nil {
		return nil, nil, notWritable(path, err)
	}
	if mode == lock.Shared {
		db, err = store.OpenReadOnly(ctx, path)
	} else {
		db, err = store.Open(ctx, path)
	}
	if err != nil {
		return nil, nil, errors.Join(err, l.Release())
	}
	return db, func() error { return errors.Join(db.Close(), l.Release()) }, nil
}

// OpenConfigured is Open of cfg's database with cfg's bounds on DuckDB
// (memory_limit, temp_directory, threads of [duckdb]): what the commands
// and the scheduler's jobs open.
func OpenConfigured(ctx context.Context, cfg config.Config, mode lock.Mode, wait time.Duration, task string) (*store.DB, func() error, error) {
	db, done, err := Open(ctx, cfg.DB, mode, wait, task)
	if err != nil {
		return nil, nil, err
	}
	d := cfg.DuckDB
	if err := db.Limit(ctx, store.Limits{MemoryLimit: d.MemoryLimit, TempDirectory: d.TempDirectory, Threads: d.Threads}); err != nil {
		return nil, nil, errors.Join(err, done())
	}
	return db, done, nil
}

// OpenForAnalysts is Open under the shared lock for SQL written by
// analysts (`kinerja sql`): read-only, sandboxed (no file, network,
// extension or setting change) and held to memoryLimit.
func OpenForAnalysts(ctx context.Context, path string, wait time.Duration, task, memoryLimit string) (*store.DB, func() error, error) {
	if _, err := os.Stat(path); err != nil {
		_, err := store.OpenReadOnly(ctx, path)
		return nil, nil, err
	}
	l, err := lock.Acquire(ctx, lock.ForDB(path), lock.Shared, wait, task)
	if err != nil {
		return nil, nil, notWritable(path, err)
	}
	db, err := store.OpenSandboxed(ctx, path, memoryLimit)
	if err != nil {
		return nil, nil, errors.Join(err, l.Release())
	}
	return db, func() error { return errors.Join(db.Close(), l.Release()) }, nil
}

// Result says what one run did.
type Result struct {
	Ingest     ingest.Result
	Compute    compute.Stats
	Site       site.Stats
	ReportPath string // "" when there was no month to report
	Month      string
	// Skipped are the stages a run did not do because their output was
	// made from the same inputs (fingerprint.go).
	Skipped struct{ Compute, Site, Report bool }
}

// Current reports whether the run found everything current and did
// nothing after its ingest.
func (r Result) Current() bool {
	return r.Skipped.Compute && r.Skipped.Site && (r.Skipped.Report || r.Month == "")
}

// Run ingests every pending file of the inbox, recomputes the KPIs, builds
// the site and writes the report of the latest month. A failure leaves the
// published site as it was: compute is one transaction and the site is
// swapped in whole. The run is recorded in jalan as a manual one.
func Run(ctx context.Context, db *store.DB, cfg config.Config, log *slog.Logger) (Result, error) {
	return RunWith(ctx, db, cfg, Options{Log: log, Trigger: TriggerManual})
}

// RunWith is Run for a given trigger and clock. The run is recorded in
// jalan, cancelled ones too, and status.json is rewritten after it, also
// after a failure: a monitor must see that.
func RunWith(ctx context.Context, db *store.DB, cfg config.Config, opt Options) (Result, error) {
	var res Result
	err := Track(ctx, db, TaskRun, opt.Trigger, opt.Now, func(ctx context.Context) (Entry, error) {
		var err error
		res, err = stages(ctx, db, cfg, opt)
		e := Entry{Files: len(res.Ingest.Files), Rows: res.Ingest.RowsLoaded()}
		if res.Ingest.Incomplete() > 0 {
			e.Outcome = OutcomeRejected
		}
		switch {
		case err == nil && res.Current():
			e.Note = "sudah terkini: tidak ada masukan baru"
		case res.ReportPath != "":
			e.Note = "laporan " + res.ReportPath
		}
		return e, err
	})
	if serr := WriteStatus(context.WithoutCancel(ctx), db, cfg, opt.now()); serr != nil {
		// The run's own outcome stands; a stale status.json shows its age.
		opt.log().Warn("status.json not written", "err", serr)
	}
	return res, err
}

// Build writes the site (see publish.Site) and then status.json into it, also
// when the build failed and the old site stays.
// The site is stamped with the fingerprint of its inputs when the KPI
// tables are current, so that the next run need not build it again.
func Build(ctx context.Context, db *store.DB, cfg config.Config, opt Options) (site.Stats, error) {
	st, err := buildSite(ctx, db, cfg, opt.log(), opt.Now)
	if err == nil {
		var fp string
		if fp, err = Fingerprint(ctx, db, cfg, opt.now()); err == nil {
			err = stampSite(ctx, db, cfg, fp)
		}
	}
	return st, errors.Join(err, WriteStatus(context.WithoutCancel(ctx), db, cfg, opt.now()))
}

// buildSite builds the site; status.json is one of site.KeptFiles, carried
// across the swap and not counted as a change, and rewritten right after.
func buildSite(ctx context.Context, db *store.DB, cfg config.Config, log *slog.Logger, now func() time.Time) (site.Stats, error) {
	return publish.Site(ctx, db, cfg.Out, publish.Options{Log: log, Now: now, BaseURL: cfg.Site.BaseURL})
}

func stages(ctx context.Context, db *store.DB, cfg config.Config, opt Options) (Result, error) {
	var res Result
	log := opt.log()
	key, err := cfg.NIPKey()
	if err != nil {
		return res, err
	}
	res.Ingest, err = ingest.Inbox(ctx, db, cfg.Inbox, ingest.Options{NIPKey: key, Log: log, Now: opt.Now, FileTimeout: cfg.Ingest.FileTimeout,
		Progress: opt.Progress})
	if err != nil {
		return res, err
	}
	// What the ingest left is the input of the rest: a stage whose output
	// was made from the same inputs is not done again (fingerprint.go).
	fp, err := Fingerprint(ctx, db, cfg, opt.now())
	if err != nil {
		return res, err
	}
	from, err := computedFrom(ctx, db)
	if err != nil {
		return res, err
	}
	current := from == fp && !opt.Force
	if current {
		res.Skipped.Compute = true
	} else if res.Compute, err = compute.RunStamped(ctx, db, cfg, opt.now(), fp, log); err != nil {
		return res, err
	}
	if current && publish.StampCurrent(publish.SiteStamp(cfg.Out), fp) {
		res.Skipped.Site = true
	} else {
		if res.Site, err = buildSite(ctx, db, cfg, log, opt.Now); err != nil {
			return res, err
		}
		// The KPI tables are of fp: found so, or just computed from it.
		if err := publish.StampSite(cfg.Out, fp); err != nil {
			return res, err
		}
	}
	// The report of the latest month that has ended (a month still running
	// is not reported on); the PDF when [laporan] pdf asks. A PDF that
	// cannot be printed is a warning, not a failed run: the HTML report
	// is written, and a failed run would pause the scheduled ingest.
	res.Month, err = LatestCompleteMonth(ctx, db, cfg, opt.now())
	if err != nil || res.Month == "" {
		return res, err
	}
	res.ReportPath = filepath.Join(cfg.Reports, publish.ReportFile(res.Month, ""))
	stamp := publish.ReportStamp(res.ReportPath)
	if current && publish.StampCurrent(stamp, fp) {
		res.Skipped.Report = true
		return res, nil
	}
	written, err := WriteReport(ctx, db, cfg, res.Month, ReportOptions{Path: res.ReportPath, Now: opt.Now, Log: log})
	if pe, pdfOnly := err.(*PDFError); pdfOnly {
		// Not stamped: the next run tries the PDF again.
		log.Warn("PDF report not written", "month", res.Month, "err", pe.Err)
		return res, nil
	} else if err != nil {
		return res, fmt.Errorf("writing report %s: %w", res.Month, err)
	}
	return res, publish.StampReport(written, fp)
}

// notWritable turns a lock file that cannot be created into what it means
// for the operator: the database's folder is read-only, or not this user's.
func notWritable(db string, err error) error {
	switch {
	case errors.Is(err, syscall.EROFS):
		return &store.OpenError{Path: db, Kind: store.KindReadOnly, Detail: err.Error()}
	case errors.Is(err, fs.ErrPermission):
		return &store.OpenError{Path: db, Kind: store.KindPermission, Detail: err.Error()}
	}
	return err
}
