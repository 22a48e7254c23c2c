package main

import (
	"context"
	"errors"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/lock"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// lockMode is how a command holds the database: which run lock it takes on
// <db>.lock (docs/cli.md "The run lock") and how the database is opened
// under it. Run opens and closes; the command only uses what it is given.
type lockMode int

const (
	// lockNone: no database and no lock (demo, serve, template, verify;
	// schedule, whose jobs each take the lock while they run).
	lockNone lockMode = iota
	// lockScratch: a scratch in-memory database, thrown away (check).
	lockScratch
	// lockWrite: the exclusive lock and the database read-write.
	lockWrite
	// lockRead: the shared lock and the database read-only.
	lockRead
	// lockSandbox: the shared lock and the database read-only in the
	// analysts' sandbox of pipeline/store/sandbox.go (sql).
	lockSandbox
	// lockOnly: the exclusive lock, the database not opened: rebuild and
	// restore make the file and open it themselves, the old one may not
	// open at all.
	lockOnly
)

// locks reports whether the mode takes the run lock, and so has --wait.
func (m lockMode) locks() bool { return m >= lockWrite }

// exclusive reports whether the mode takes the lock exclusively: it then
// also waits for analysts' queries.
func (m lockMode) exclusive() bool { return m == lockWrite || m == lockOnly }

// open takes the lock and opens the database as the mode says; done closes
// it and releases the lock. task names the holder in the lock file, for the
// message of whoever waits for it.
func (m lockMode) open(ctx context.Context, e *env, wait time.Duration, task string) (*store.DB, func() error, error) {
	switch m {
	case lockScratch:
		db, err := store.Open(ctx, "")
		if err != nil {
			return nil, nil, err
		}
		// In memory and thrown away: nothing is lost if closing fails.
		return db, func() error { _ = db.Close(); return nil }, nil
	case lockWrite:
		return pipeline.OpenConfigured(ctx, e.cfg, lock.Exclusive, wait, task)
	case lockRead:
		return pipeline.OpenConfigured(ctx, e.cfg, lock.Shared, wait, task)
	case lockSandbox:
		return pipeline.OpenForAnalysts(ctx, e.cfg.DB, wait, task, e.cfg.SQL.MemoryLimit)
	case lockOnly:
		l, err := lock.Acquire(ctx, lock.ForDB(e.cfg.DB), lock.Exclusive, wait, task)
		if err != nil {
			return nil, nil, err
		}
		return nil, l.Release, nil
	}
	return nil, func() error { return nil }, nil
}

// finish runs a command's deferred cleanup, such as the done of open, as the
// command returns: closing the database writes its last changes, so a failure
// there, or in releasing the lock, fails a command that had succeeded and is
// added to the error of one that had not. code and err are the command's
// named results.
func finish(cleanup func() error, code *int, err *error) {
	if cerr := cleanup(); cerr != nil {
		*code, *err = exitFailed, errors.Join(*err, cerr)
	}
}
