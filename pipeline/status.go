package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/durable"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// StatusFile is the file a monitor polls, written into the site folder after
// every run. It holds no personal data: outcomes and counts, no file names,
// no error messages.
const StatusFile = "status.json"

// Status is the content of status.json.
type Status struct {
	// Dibuat is when the file was written: the one timestamp of the site
	// that is not the data's own.
	Dibuat time.Time `json:"dibuat"`
	// JalanTerakhir is the last pipeline run (`kinerja run` or the
	// scheduled ingest); nil before the first.
	JalanTerakhir *RunStatus `json:"jalan_terakhir"`
	// TugasTerakhir is the last run of every task (run, report, backup,
	// freshness, restore).
	TugasTerakhir map[string]RunStatus `json:"tugas_terakhir"`
	Berkas        FileCounts           `json:"berkas"`
	// BulanWajib is the latest month whose evaluations are due by now
	// (kpi.batas_hari_penilaian of the month after).
	BulanWajib string      `json:"bulan_wajib"`
	OPD        []OPDStatus `json:"opd"`
	// GalatBasisData is set while the database cannot be opened: the site
	// stays the last good one, and this says why it is not updated.
	GalatBasisData *DBFault `json:"galat_basis_data,omitempty"`
}

// DBFault is a database that cannot be opened, as status.json shows it: the
// kind of fault (store.Kind*) and since when, no paths and no messages.
type DBFault struct {
	Jenis string    `json:"jenis"`
	Sejak time.Time `json:"sejak"`
}

// RunStatus is one run as status.json shows it.
type RunStatus struct {
	Tugas   string     `json:"tugas"`
	Pemicu  string     `json:"pemicu"`
	Mulai   time.Time  `json:"mulai"`
	Selesai *time.Time `json:"selesai"` // null: running, or the process died
	Hasil   string     `json:"hasil"`   // ok, ditolak_sebagian, gagal, dibatalkan; "" unfinished
}

// FileCounts counts the files of the inbox by outcome, over all time, and
// the files waiting now.
type FileCounts struct {
	Diterima int `json:"diterima"`
	Ditolak  int `json:"ditolak"`
	Duplikat int `json:"duplikat"`
	Menunggu int `json:"menunggu"`
	// Dilewati are entries of the inbox that are not read (folders,
	// hidden files, symbolic links); `kinerja status` says why.
	Dilewati int `json:"dilewati"`
}

// OPDStatus is the latest month of evaluations an OPD has sent.
type OPDStatus struct {
	Kode          string `json:"opd_kode"`
	BulanTerakhir string `json:"bulan_terakhir"` // "" nothing sent yet
	Terlambat     bool   `json:"terlambat"`      // BulanTerakhir is before BulanWajib
}

// OPDMonth is an OPD with the latest month of monthly evaluations it sent.
type OPDMonth struct {
	Kode, Nama, Bulan string // Bulan is YYYY-MM, "" when none
}

// DueMonth is the latest month (YYYY-MM) whose evaluations are due at now:
// those of month M are due by deadlineDay of M+1, 23:59:59, so from day
// deadlineDay+1 on the previous month is due, before that the one before.
func DueMonth(now time.Time, deadlineDay int) string {
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, now.Location())
	back := -2
	if now.Day() > deadlineDay {
		back = -1
	}
	return first.AddDate(0, back, 0).Format("2006-01")
}

// LatestMonths lists every OPD of the last compute with the latest month of
// monthly evaluations received, read from the stored rows (not the KPIs), so
// that files loaded since the last compute count. It is empty before the
// first compute.
func LatestMonths(ctx context.Context, db *store.DB) ([]OPDMonth, error) {
	var computed bool
	err := db.Row(ctx, sqlOf("status/dihitung")).Scan(&computed)
	if err != nil || !computed {
		return nil, err
	}
	rows, err := db.Query(ctx, sqlOf("status/bulan_terakhir_opd"))
	if err != nil {
		return nil, fmt.Errorf("reading latest month per OPD: %w", err)
	}
	defer func() { _ = rows.Close() }() // read-only; rows.Err reports the query's errors
	var out []OPDMonth
	for rows.Next() {
		var m OPDMonth
		if err := rows.Scan(&m.Kode, &m.Nama, &m.Bulan); err != nil {
			return nil, fmt.Errorf("reading latest month per OPD: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// ReadStatus gathers status.json from the database and the inbox.
func ReadStatus(ctx context.Context, db *store.DB, cfg config.Config, now time.Time) (Status, error) {
	loc := cfg.Location()
	st := Status{Dibuat: now.In(loc).Truncate(time.Second), TugasTerakhir: map[string]RunStatus{}}
	last, err := lastPerTask(ctx, db, loc)
	if err != nil {
		return st, err
	}
	for _, e := range last {
		r := RunStatus{Tugas: e.Task, Pemicu: e.Trigger, Mulai: e.Start, Hasil: e.Outcome}
		if !e.End.IsZero() {
			end := e.End
			r.Selesai = &end
		}
		st.TugasTerakhir[e.Task] = r
	}
	if r, ok := st.TugasTerakhir[TaskRun]; ok {
		st.JalanTerakhir = &r
	}
	err = db.Row(ctx, sqlOf("status/jumlah_berkas")).
		Scan(&st.Berkas.Diterima, &st.Berkas.Ditolak, &st.Berkas.Duplikat)
	if err != nil {
		return st, fmt.Errorf("counting files: %w", err)
	}
	if list, err := ingest.Scan(cfg.Inbox); err == nil {
		st.Berkas.Menunggu, st.Berkas.Dilewati = len(list.Files), len(list.Skipped)
	}
	st.BulanWajib = DueMonth(now.In(loc), cfg.KPI.DeadlineDay)
	months, err := LatestMonths(ctx, db)
	if err != nil {
		return st, err
	}
	st.OPD = []OPDStatus{}
	for _, m := range months {
		st.OPD = append(st.OPD, OPDStatus{Kode: m.Kode, BulanTerakhir: m.Bulan, Terlambat: m.Bulan < st.BulanWajib})
	}
	return st, nil
}

// WriteStatus writes status.json into the site folder cfg.Out, beside and
// renamed, so a monitor never reads half a file. Nothing is written before
// the first site build (no folder yet).
func WriteStatus(ctx context.Context, db *store.DB, cfg config.Config, now time.Time) error {
	if fi, err := os.Stat(cfg.Out); err != nil || !fi.IsDir() {
		return nil
	}
	st, err := ReadStatus(ctx, db, cfg, now)
	if err != nil {
		return err
	}
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	if err := durable.WriteFile(filepath.Join(cfg.Out, StatusFile), append(b, '\n'), 0o644); err != nil {
		return err
	}
	crash.Point("status.written")
	return nil
}

// MarkFault records in status.json that the database cannot be opened, when
// err says so (a *store.OpenError), keeping what the file said of the last
// runs: the site a monitor watches is the last good one, and it must say
// why it is not updated. Other errors change nothing.
func MarkFault(cfg config.Config, now time.Time, err error) error {
	var oe *store.OpenError
	if !errors.As(err, &oe) {
		return nil
	}
	if fi, err := os.Stat(cfg.Out); err != nil || !fi.IsDir() {
		return nil
	}
	path := filepath.Join(cfg.Out, StatusFile)
	var st Status
	if b, err := os.ReadFile(path); err == nil {
		_ = json.Unmarshal(b, &st) // a damaged status.json is rewritten whole
	}
	now = now.In(cfg.Location()).Truncate(time.Second)
	if st.GalatBasisData == nil || st.GalatBasisData.Jenis != oe.Kind {
		st.GalatBasisData = &DBFault{Jenis: oe.Kind, Sejak: now}
	}
	st.Dibuat = now
	b, err := json.MarshalIndent(st, "", "  ")
	if err != nil {
		return err
	}
	return durable.WriteFile(path, append(b, '\n'), 0o644)
}
