// Package schedule is kinerja's daemon (`kinerja schedule`): it runs the jobs
// of the config's [schedule] section on their cron expressions, in the
// configured time zone (Asia/Jakarta) whatever the server's own zone:
//
//   - ingest (every 15 minutes): take the inbox files whose copy has
//     finished, run the pipeline and republish; also re-run when files were
//     loaded after the last complete run (a manual `kinerja ingest`, a run
//     that failed or was stopped);
//   - report (early on the 6th): the leadership report of the month just
//     closed (HTML, the PDF when [laporan] pdf asks, the archive index), then
//     mailed when [surel] is set (surel.go): three tries outside the run
//     lock, recorded as task mail, a failed send never failing the report;
//   - backup (nightly): EXPORT DATABASE to Parquet, keeping the last N;
//   - freshness (daily): the OPDs that have not sent the month now due.
//
// Every job is wrapped in cron.SkipIfStillRunning and cron.Recover, so a slow
// job is skipped rather than stacked and a panic is logged, not fatal. Each
// job gets the daemon's context through a small adapter, so SIGINT/SIGTERM
// cancel the running job; Run returns once it has finished.
//
// The daemon holds the database only while a job runs: each job takes the
// run lock (package lock) and opens the database, and closes and releases
// both when done, so analysts can use `kinerja sql` in between and a manual
// `kinerja run` never runs at the same time as a job.
//
// Jobs record themselves in table jalan (pipeline.Track) and rewrite the
// site's status.json. A job that finds the database busy waits and retries
// with backoff; an ingest round that fails is retried at later ticks with a
// growing pause; failures that a retry cannot fix are logged at error level
// and recorded as gagal.
package schedule
