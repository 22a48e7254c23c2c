package schedule

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/lock"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/reports"
)

// Job names: the keys of the config's [schedule] section.
const (
	JobIngest    = "ingest"
	JobReport    = "report"
	JobBackup    = "backup"
	JobFreshness = "freshness"
)

// Runner holds what the jobs need. The zero values of the tuning fields
// take the defaults below; tests shorten them.
type Runner struct {
	Cfg config.Config
	Log *slog.Logger
	Now func() time.Time

	// LockWait is how long a job waits for a run in progress (a manual
	// `kinerja run`, analysts' queries) before it gives up this attempt.
	LockWait time.Duration
	// Retries are the pauses between attempts of the report, backup and
	// freshness jobs when the database stays busy: they run rarely, so a
	// missed turn is worth waiting for. The ingest job does not retry: its
	// next tick is soon.
	Retries []time.Duration
	// Settle is the first interval of the inbox stability check; it
	// doubles on each of SettleRounds rounds.
	Settle       time.Duration
	SettleRounds int
	// FailurePause is the pause after a failed ingest round before the
	// next attempt; it doubles with each further failure, up to
	// MaxFailurePause. Re-running a run that failed on the same input
	// every 15 minutes would only repeat the failure.
	FailurePause, MaxFailurePause time.Duration
	// Sleep waits d or until ctx is done; tests replace it.
	Sleep func(ctx context.Context, d time.Duration) error
	// MailRetries are the pauses between attempts at mailing the report
	// ([surel]); MailTLS and MailTimeout are given to the Mailer (tests
	// trust their own server's certificate).
	MailRetries []time.Duration
	MailTLS     *tls.Config
	MailTimeout time.Duration

	failures  int
	notBefore time.Time
}

// Defaults of the tuning fields.
const (
	DefaultLockWait        = time.Minute
	DefaultSettle          = 5 * time.Second
	DefaultSettleRounds    = 3
	DefaultFailurePause    = 15 * time.Minute
	DefaultMaxFailurePause = 6 * time.Hour
)

// DefaultMailRetries are the pauses between the three attempts at mailing
// the report: a server that is down for a few minutes is waited out, one
// that refuses is not tried for long.
var DefaultMailRetries = []time.Duration{time.Minute, 5 * time.Minute}

// DefaultRetries are the pauses between attempts of a rare job that found
// the database busy: about an hour in all.
var DefaultRetries = []time.Duration{time.Minute, 4 * time.Minute, 15 * time.Minute, 40 * time.Minute}

func (r *Runner) now() time.Time {
	if r.Now == nil {
		return time.Now().In(r.Cfg.Location())
	}
	return r.Now().In(r.Cfg.Location())
}

func (r *Runner) log() *slog.Logger {
	if r.Log == nil {
		return slog.New(slog.DiscardHandler)
	}
	return r.Log
}

func (r *Runner) sleep(ctx context.Context, d time.Duration) error {
	if r.Sleep != nil {
		return r.Sleep(ctx, d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func orDefault[T comparable](v, def T) T {
	var zero T
	if v == zero {
		return def
	}
	return v
}

// Jobs returns the jobs of the config's [schedule] section; a job with an
// empty expression is left out.
func (r *Runner) Jobs() ([]Job, error) {
	run := map[string]func(context.Context) error{
		JobIngest:    r.Ingest,
		JobReport:    r.Report,
		JobBackup:    r.Backup,
		JobFreshness: r.Freshness,
	}
	var jobs []Job
	for _, s := range specs(r.Cfg) {
		sched, err := Parse(s.spec)
		if err != nil {
			return nil, fmt.Errorf("schedule.%s %q: %w", s.name, s.spec, err)
		}
		if sched == nil {
			continue
		}
		jobs = append(jobs, Job{Name: s.name, Spec: s.spec, Schedule: sched, Run: run[s.name]})
	}
	return jobs, nil
}

// holder names the daemon's job in the lock file, for whoever is kept
// waiting.
func holder(job string) string { return "kinerja schedule, job " + job }

// Ingest is the 15-minute job: when files are waiting and their copy has
// finished, or when files were loaded after the last complete run, it runs
// the whole pipeline (which republishes the site only when something
// changed). A busy database skips the round: the next tick comes soon.
func (r *Runner) Ingest(ctx context.Context) error {
	log := r.log().With("job", JobIngest)
	if now := r.now(); now.Before(r.notBefore) {
		log.Debug("pausing after a failure", "until", r.notBefore)
		return nil
	}
	if err := os.MkdirAll(r.Cfg.Inbox, 0o755); err != nil {
		return fmt.Errorf("creating inbox %s: %w", r.Cfg.Inbox, err)
	}
	pending, err := ingest.Pending(r.Cfg.Inbox)
	if err != nil {
		return err
	}
	if len(pending) == 0 {
		stale, err := r.stale(ctx)
		if err != nil || !stale {
			return err
		}
		log.Info("files were loaded after the last complete run: running the pipeline again")
	} else {
		moving, err := r.waitSettled(ctx, pending)
		if err != nil {
			return err
		}
		if len(moving) > 0 {
			log.Warn("files still being copied into the inbox: trying again at the next tick",
				"files", strings.Join(moving, ", "))
			return nil
		}
	}

	db, done, err := pipeline.OpenConfigured(ctx, r.Cfg, lock.Exclusive, orDefault(r.LockWait, DefaultLockWait), holder(JobIngest))
	var busy *lock.BusyError
	if errors.As(err, &busy) {
		log.Info("database busy: trying again at the next tick", "reason", busy.Error())
		return nil
	}
	if err != nil {
		r.markFault(err)
		return r.failed(err)
	}
	res, err := pipeline.RunWith(ctx, db, r.Cfg, pipeline.Options{Log: r.Log, Now: r.Now, Trigger: pipeline.TriggerSchedule})
	if cerr := done(); cerr != nil {
		err = errors.Join(err, cerr)
	}
	if err != nil {
		if ctx.Err() != nil {
			return err // stopped, not failed: no pause
		}
		r.markFault(err)
		return r.failed(err)
	}
	r.failures, r.notBefore = 0, time.Time{}
	log.Info("pipeline run", "files", len(res.Ingest.Files), "accepted", res.Ingest.Count(ingest.StatusAccepted),
		"rejected", res.Ingest.Rejected(), "rows", res.Ingest.RowsLoaded(), "site_changed", res.Site.Changed)
	return nil
}

// markFault notes in status.json a database that cannot be opened: the
// site stays as it was, and a monitor must see why.
func (r *Runner) markFault(err error) {
	if ferr := pipeline.MarkFault(r.Cfg, r.now(), err); ferr != nil {
		r.log().Warn("status.json not written", "err", ferr)
	}
}

// failed starts or lengthens the pause after a failed ingest round and
// returns err for the daemon to report.
func (r *Runner) failed(err error) error {
	r.failures++
	pause := orDefault(r.FailurePause, DefaultFailurePause)
	for i := 1; i < r.failures && pause < orDefault(r.MaxFailurePause, DefaultMaxFailurePause); i++ {
		pause *= 2
	}
	pause = min(pause, orDefault(r.MaxFailurePause, DefaultMaxFailurePause))
	r.notBefore = r.now().Add(pause)
	return fmt.Errorf("%w (failure %d in a row; next attempt after %s)", err, r.failures, r.notBefore.Format("2006-01-02 15:04 MST"))
}

// stale opens the database read-only, beside analysts' queries, to see
// whether files were loaded after the last complete run.
func (r *Runner) stale(ctx context.Context) (bool, error) {
	if _, err := os.Stat(r.Cfg.DB); errors.Is(err, os.ErrNotExist) {
		return false, nil
	}
	db, done, err := pipeline.OpenConfigured(ctx, r.Cfg, lock.Shared, orDefault(r.LockWait, DefaultLockWait), holder(JobIngest))
	var busy *lock.BusyError
	if errors.As(err, &busy) {
		return false, nil // a run is in progress: it will publish
	}
	if err != nil {
		r.markFault(err)
		return false, err
	}
	stale, err := pipeline.Stale(ctx, db)
	return stale, errors.Join(err, done())
}

// waitSettled returns the pending files whose size or modification time
// still changes: files an agency's upload or a copy is still writing. Each
// round compares the files across a pause that doubles from Settle; files
// that stay put drop out. Reading a half-copied file would reject it, or
// worse, load part of it.
func (r *Runner) waitSettled(ctx context.Context, paths []string) ([]string, error) {
	pause := orDefault(r.Settle, DefaultSettle)
	moving := paths
	for round := 0; round < orDefault(r.SettleRounds, DefaultSettleRounds) && len(moving) > 0; round++ {
		before := snapshot(moving)
		if err := r.sleep(ctx, pause); err != nil {
			return nil, err
		}
		after := snapshot(moving)
		var still []string
		for _, p := range moving {
			if before[p] != after[p] {
				still = append(still, p)
			}
		}
		moving = still
		pause *= 2
	}
	names := make([]string, len(moving))
	for i, p := range moving {
		names[i] = filepath.Base(p)
	}
	return names, nil
}

type fileState struct {
	size int64
	mod  time.Time
	gone bool
}

func snapshot(paths []string) map[string]fileState {
	out := make(map[string]fileState, len(paths))
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			out[p] = fileState{gone: true}
			continue
		}
		out[p] = fileState{size: fi.Size(), mod: fi.ModTime()}
	}
	return out
}

// openRetrying opens the database for a rare job, waiting out a busy
// database with the Retries pauses.
func (r *Runner) openRetrying(ctx context.Context, job string) (*store.DB, func() error, error) {
	retries := r.Retries
	if retries == nil {
		retries = DefaultRetries
	}
	for attempt := 0; ; attempt++ {
		db, done, err := pipeline.OpenConfigured(ctx, r.Cfg, lock.Exclusive, orDefault(r.LockWait, DefaultLockWait), holder(job))
		var busy *lock.BusyError
		if !errors.As(err, &busy) || attempt >= len(retries) {
			return db, done, err
		}
		r.log().Info("database busy: retrying", "job", job, "in", retries[attempt].String(), "reason", busy.Error())
		if err := r.sleep(ctx, retries[attempt]); err != nil {
			return nil, nil, err
		}
	}
}

// tracked runs fn as a recorded run of task on a freshly opened database,
// then rewrites status.json and closes the database.
func (r *Runner) tracked(ctx context.Context, job, task string, fn func(ctx context.Context, db *store.DB) (pipeline.Entry, error)) error {
	db, done, err := r.openRetrying(ctx, job)
	if err != nil {
		r.markFault(err)
		return err
	}
	err = pipeline.Track(ctx, db, task, pipeline.TriggerSchedule, r.Now, func(ctx context.Context) (pipeline.Entry, error) {
		return fn(ctx, db)
	})
	if serr := pipeline.WriteStatus(context.WithoutCancel(ctx), db, r.Cfg, r.now()); serr != nil {
		r.log().Warn("status.json not written", "job", job, "err", serr)
	}
	return errors.Join(err, done())
}

// ReportMonth is the month just closed at now: the month before now's.
func ReportMonth(now time.Time) string { return pipeline.ClosedMonth(now) }

// Report writes the leadership report of the month just closed into the
// reports folder (HTML, the PDF when [laporan] pdf asks, the archive
// index). It runs after the evaluation deadline (the 5th), so the month is
// complete; the ingest job keeps the KPIs current. Then, when [surel] is
// set, it mails the report (deliver) after closing the database: a send
// that fails is recorded as a failed task of its own and never makes the
// report's task fail.
func (r *Runner) Report(ctx context.Context) error {
	month := ReportMonth(r.now())
	var res pipeline.ReportResult
	err := r.tracked(ctx, JobReport, pipeline.TaskReport, func(ctx context.Context, db *store.DB) (pipeline.Entry, error) {
		var err error
		res, err = pipeline.WriteReport(ctx, db, r.Cfg, month, pipeline.ReportOptions{Now: r.Now, Log: r.Log})
		if res.HTML == "" {
			return pipeline.Entry{}, fmt.Errorf("writing report %s: %w", month, err)
		}
		r.log().Info("leadership report written", "job", JobReport, "month", month, "path", res.HTML, "pdf", res.PDF)
		return pipeline.Entry{Note: "laporan " + res.HTML}, err // err: only the PDF failed
	})
	if res.HTML != "" && r.Cfg.Surel.Enabled() && ctx.Err() == nil {
		r.deliver(ctx, month, res)
	}
	return err
}

// deliver mails the report: up to three attempts with the MailRetries
// pauses between them, outside the run lock (a server that does not answer
// must not hold up the ingest job), then one record of task
// pipeline.TaskMail in the run history with the send's start and end. A
// failure is logged and recorded, not returned: the report is written.
func (r *Runner) deliver(ctx context.Context, month string, res pipeline.ReportResult) {
	log := r.log().With("job", JobReport, "month", month)
	start := r.now()
	m, err := reportMail(r.Cfg.Surel, month, reports.Summary(res.Report), res.HTML, res.PDF, start)
	tries := 0
	if err == nil {
		mailer := Mailer{Cfg: r.Cfg.Surel, TLS: r.MailTLS, Timeout: r.MailTimeout}
		pauses := r.MailRetries
		if pauses == nil {
			pauses = DefaultMailRetries
		}
		for {
			tries++
			if err = mailer.Send(ctx, m); err == nil || tries > len(pauses) {
				break
			}
			log.Warn("report not sent: retrying", "try", tries, "in", pauses[tries-1].String(), "err", err)
			if serr := r.sleep(ctx, pauses[tries-1]); serr != nil {
				err = errors.Join(err, serr)
				break
			}
		}
	}
	e := pipeline.Entry{Note: fmt.Sprintf("laporan %s ke %d penerima", month, len(r.Cfg.Surel.To))}
	if err != nil {
		err = fmt.Errorf("mailing report %s after %d tries: %w", month, tries, err)
		log.Error("report not sent", "tries", tries, "err", err)
	} else {
		log.Info("report sent", "to", strings.Join(r.Cfg.Surel.To, ", "), "attachments", len(m.Attachments))
	}
	if rerr := r.record(ctx, pipeline.TaskMail, start, r.now(), e, err); rerr != nil && !errors.Is(rerr, err) {
		log.Warn("mail not recorded in the run history", "err", rerr)
	}
}

// record writes one finished task into the run history with pipeline.Track,
// with start and end as its times (Track reads its clock at the start and
// at the end), then rewrites status.json. It works on a stopping daemon
// too: a send cut short by SIGTERM is recorded as dibatalkan.
func (r *Runner) record(ctx context.Context, task string, start, end time.Time, e pipeline.Entry, taskErr error) error {
	rctx := context.WithoutCancel(ctx)
	db, done, err := r.openRetrying(rctx, JobReport)
	if err != nil {
		r.markFault(err)
		return err
	}
	calls := 0
	clock := func() time.Time {
		calls++
		if calls == 1 {
			return start
		}
		return end
	}
	err = pipeline.Track(rctx, db, task, pipeline.TriggerSchedule, clock, func(context.Context) (pipeline.Entry, error) {
		return e, taskErr
	})
	if serr := pipeline.WriteStatus(rctx, db, r.Cfg, r.now()); serr != nil {
		r.log().Warn("status.json not written", "job", JobReport, "err", serr)
	}
	return errors.Join(err, done())
}

// Backup exports the database into the backup folder and keeps the last
// BackupsKept backups.
func (r *Runner) Backup(ctx context.Context) error {
	s := r.Cfg.Schedule
	return r.tracked(ctx, JobBackup, pipeline.TaskBackup, func(ctx context.Context, db *store.DB) (pipeline.Entry, error) {
		dir, removed, err := Backup(ctx, db, s.BackupDir, s.BackupsKept, r.now())
		if err != nil {
			return pipeline.Entry{}, err
		}
		r.log().Info("backup written", "job", JobBackup, "dir", dir, "old_removed", len(removed))
		return pipeline.Entry{Note: "cadangan " + dir}, nil
	})
}

// Freshness lists the OPDs that have not sent the evaluations of the month
// now due (pipeline.DueMonth). The list is logged at warning level, noted
// in the run history and visible in status.json.
func (r *Runner) Freshness(ctx context.Context) error {
	return r.tracked(ctx, JobFreshness, pipeline.TaskFreshness, func(ctx context.Context, db *store.DB) (pipeline.Entry, error) {
		due := pipeline.DueMonth(r.now(), r.Cfg.KPI.DeadlineDay)
		late, err := LateOPDs(ctx, db, due)
		if err != nil {
			return pipeline.Entry{}, err
		}
		if len(late) == 0 {
			r.log().Info("every OPD has sent its evaluations", "job", JobFreshness, "month", due)
			return pipeline.Entry{Note: "semua OPD sudah mengirim " + due}, nil
		}
		codes := make([]string, len(late))
		for i, m := range late {
			codes[i] = m.Kode
		}
		r.log().Warn("OPDs have not sent their evaluations", "job", JobFreshness, "month", due,
			"count", len(late), "opd", strings.Join(codes, ", "))
		return pipeline.Entry{Note: fmt.Sprintf("%d OPD belum mengirim %s: %s", len(late), due, strings.Join(codes, ", "))}, nil
	})
}

// LateOPDs lists the OPDs whose latest monthly evaluations are older than
// due (YYYY-MM).
func LateOPDs(ctx context.Context, db *store.DB, due string) ([]pipeline.OPDMonth, error) {
	months, err := pipeline.LatestMonths(ctx, db)
	if err != nil {
		return nil, err
	}
	var late []pipeline.OPDMonth
	for _, m := range months {
		if m.Bulan < due {
			late = append(late, m)
		}
	}
	return late, nil
}
