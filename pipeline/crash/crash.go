// Package crash is the fault-injection point of the crash tests: a process
// started with KINERJA_CRASH_AT=<point>[#n] kills itself with SIGKILL the
// n-th time (default the first) it passes the named point, exactly as an
// OOM kill or a power cut would stop it there. Unarmed (the default, and
// always in production) a point costs one atomic load.
//
// The points are named for the step they follow, e.g. "ingest.committed":
// the file's rows are committed to the database and the file is not yet
// moved to _diterima/. The list is Points; the crash test kills at each.
//
// This is the one package-level state of kinerja: the points sit deep in
// the stages, and threading a test hook through every call would make the
// production code harder to read for a test's sake. main arms it from the
// environment; nothing else does.
package crash

import (
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
)

// Points are the named points, in the order a run passes them.
var Points = []string{
	"store.migrated",    // a migration applied to the new copy, before its swap
	"ingest.staged",     // a file's rows in the staging table, before commit
	"ingest.rows",       // every 4,096 rows the Go readers stage, once a file DuckDB's CSV reader staged
	"ingest.committed",  // rows committed, manifest not yet written
	"ingest.manifested", // manifest line written, file not yet moved
	"ingest.moved",      // file moved into _diterima/ or _ditolak/
	"ingest.rejected",   // rejection recorded, report not yet written
	"ingest.done",       // every file of the inbox taken, before the checkpoint
	"compute.models",    // KPI models computed, before commit
	"compute.committed", // KPI tables committed, before the checkpoint
	"site.written",      // the new site written beside the live one
	"site.swapped",      // the new site swapped in, old not yet removed
	"report.written",    // the report written, before the next step
	"status.written",    // status.json written
	"backup.exported",   // EXPORT DATABASE done, folder not yet renamed
	"rebuild.loaded",    // the archive loaded into the new database, before the swap
	"rebuild.swapped",   // the new database in place, before the history is written
}

var (
	armed atomic.Bool
	mu    sync.Mutex
	at    string
	nth   int
	seen  int
)

// Arm makes the process kill itself at the point spec names ("name" or
// "name#n"). An empty spec disarms.
func Arm(spec string) {
	mu.Lock()
	defer mu.Unlock()
	name, n, _ := strings.Cut(spec, "#")
	at, nth, seen = name, 1, 0
	if k, err := strconv.Atoi(n); err == nil && k > 0 {
		nth = k
	}
	armed.Store(name != "")
}

// Point is a named point of a run: when armed for it, the process dies here.
func Point(name string) {
	if !armed.Load() {
		return
	}
	mu.Lock()
	hit := name == at
	if hit {
		seen++
		hit = seen == nth
	}
	mu.Unlock()
	if hit {
		_ = syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal is on its way
	}
}
