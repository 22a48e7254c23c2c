package lock

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// Mode says how a lock is shared.
type Mode int

// The two modes of a lock.
const (
	// Exclusive is for runs that write: no other holder at all.
	Exclusive Mode = iota
	// Shared is for readers: any number of readers, no writer.
	Shared
)

func (m Mode) String() string {
	if m == Shared {
		return "shared"
	}
	return "exclusive"
}

// pollEvery is how often a waiting process retries: flock has no timeout of
// its own, and a blocking flock cannot be interrupted by a context.
const pollEvery = 50 * time.Millisecond

// Lock is a held lock. Release it exactly once.
type Lock struct {
	f    *os.File
	path string
	mode Mode
}

// BusyError says that the lock was still held by another process when the
// wait ended. Holder describes the exclusive holder as it wrote itself into
// the lock file ("" when it is held shared by readers).
type BusyError struct {
	Path   string
	Mode   Mode
	Waited time.Duration
	Holder string
}

func (e *BusyError) Error() string {
	who := "analysts are reading the database (kinerja sql/status)"
	if e.Holder != "" {
		who = "a run is in progress (" + e.Holder + ")"
	}
	return fmt.Sprintf("%s; waited %s for lock %s: try again later", who, e.Waited.Round(time.Millisecond), e.Path)
}

// ForDB is the lock file of the database at dbPath.
func ForDB(dbPath string) string { return dbPath + ".lock" }

// Acquire takes the lock at path in mode, retrying until wait has passed or
// ctx is done. A zero wait tries once. An exclusive holder writes task, its
// process id and the time into the file, so that a process kept waiting can
// say which run is in progress. The folder of path is created when missing.
func Acquire(ctx context.Context, path string, mode Mode, wait time.Duration, task string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("creating folder of lock %s: %w", path, err)
	}
	f, err := openLockFile(path, mode)
	if err != nil {
		return nil, fmt.Errorf("opening lock %s: %w", path, err)
	}
	if f == nil {
		// A reader in a folder it may not write, with no lock file there:
		// DuckDB's own lock on the database keeps it from a writer.
		return &Lock{path: path, mode: mode}, nil
	}
	how := unix.LOCK_EX
	if mode == Shared {
		how = unix.LOCK_SH
	}
	start := time.Now()
	deadline := start.Add(wait)
	for {
		err := unix.Flock(int(f.Fd()), how|unix.LOCK_NB)
		if err == nil {
			break
		}
		if !errors.Is(err, unix.EWOULDBLOCK) && !errors.Is(err, unix.EINTR) {
			_ = f.Close() // not locked; the flock error is the one to report
			return nil, fmt.Errorf("locking %s: %w", path, err)
		}
		left := time.Until(deadline)
		if left <= 0 {
			_ = f.Close() // not locked: nothing to release
			return nil, &BusyError{Path: path, Mode: mode, Waited: time.Since(start), Holder: Holder(path)}
		}
		t := time.NewTimer(min(pollEvery, left))
		select {
		case <-ctx.Done():
			t.Stop()
			_ = f.Close() // not locked: nothing to release
			return nil, fmt.Errorf("waiting for lock %s: %w", path, ctx.Err())
		case <-t.C:
		}
	}
	l := &Lock{f: f, path: path, mode: mode}
	// Best effort: the description only improves the message of the
	// processes kept waiting; the lock works without it. A shared holder
	// clears what a killed exclusive holder may have left: while it holds
	// the lock no exclusive holder exists, so any description is stale.
	if f.Truncate(0) == nil && mode == Exclusive {
		desc := fmt.Sprintf("%s, pid %d, since %s", task, os.Getpid(), time.Now().Format("2006-01-02 15:04:05 MST"))
		_, _ = f.WriteAt([]byte(desc+"\n"), 0)
	}
	return l, nil
}

// openLockFile opens the lock file for writing when it can and read-only
// otherwise: flock works on any open file, and an analyst who may read the
// database but not write beside it must still be able to take a shared lock.
func openLockFile(path string, mode Mode) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o664)
	if err == nil || mode == Exclusive {
		return f, err
	}
	f, err = os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil // no lock file, and none can be made here
	}
	return f, err
}

// Holder is what the current (or last) exclusive holder of the lock at path
// wrote about itself; "" when unknown.
func Holder(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// Release gives the lock back: an exclusive holder clears its description
// while it still holds the lock, then closing the file releases the flock.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	if l.mode == Exclusive {
		_ = l.f.Truncate(0) // best effort, like writing the description
	}
	err := l.f.Close()
	l.f = nil
	if err != nil {
		return fmt.Errorf("releasing lock %s: %w", l.path, err)
	}
	return nil
}

// Path is the lock file.
func (l *Lock) Path() string { return l.path }
