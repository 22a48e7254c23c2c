// Package lock keeps kinerja's runs apart across processes with an advisory
// OS file lock (flock(2)) on a file beside the database, <db>.lock.
//
// A run that writes (the daemon's jobs, `kinerja run`, `ingest`, `compute`,
// `build`) takes the lock exclusively; a reader (`kinerja sql`, `status`)
// takes it shared, so analysts can query side by side but never while a run
// writes. DuckDB itself refuses a second process on a database that is open
// for writing; this lock turns that refusal into a bounded wait and a clear
// message naming the run in progress.
//
// The kernel releases a flock when the process holding it ends in any way,
// including SIGKILL, so a crashed run never leaves a stale lock behind. The
// lock file itself is never removed: removing it while another process waits
// on it would let two processes lock two different files.
package lock
