package pipeline

import (
	"context"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// A run with nothing new does nothing. The KPI tables, the site and the
// report are functions of their inputs: the files loaded, the
// configuration, the analysts' SQL, the program itself, and two facts of
// the date (the month that last closed, which the report is of, and whether
// the newest evaluation file has passed the freshness limit, which fails
// the compute). Fingerprint hashes all of them. Each output records the
// fingerprint it was made from: the KPI tables in sidik_hitung, in the
// transaction of the tables; the site and the report in a stamp beside them
// (publish/stamp.go), written once they are on disk and removed before they
// are rewritten. A stage whose output records the current fingerprint is
// skipped. A crash leaves a record that is missing or older than its
// output, never one that vouches for more than is there: a run killed after
// its ingest has a new file in berkas, so the next run computes.

// Fingerprint is the SHA-256 of everything compute, the site and the report
// are made from, at now.
func Fingerprint(ctx context.Context, db *store.DB, cfg config.Config, now time.Time) (string, error) {
	h := sha256.New()
	program, err := programID()
	if err != nil {
		return "", fmt.Errorf("identifying the program for the fingerprint of the inputs: %w", err)
	}
	fmt.Fprintf(h, "kinerja fingerprint 1\nprogram %s\n", program)
	// Every setting, also those no stage reads: a change of any is rare,
	// and costs one recompute.
	conf, err := json.Marshal(cfg)
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "config %s\n", conf)
	analystSQL(h, cfg.KPI.CustomQueriesDir)
	var data string
	var stale bool
	if err := db.Row(ctx, sqlOf("compute/sidik_data"), now.UTC().Format("2006-01-02 15:04:05"), cfg.KPI.MaxDataAgeDays).Scan(&data, &stale); err != nil {
		return "", fmt.Errorf("reading the fingerprint of the data: %w", err)
	}
	fmt.Fprintf(h, "data %s\nstale %t\nclosed month %s\n", data, stale, ClosedMonth(now.In(cfg.Location())))
	return hex.EncodeToString(h.Sum(nil)), nil
}

// analystSQL adds the analysts' KPIs to h as compute reads them
// (compute.LoadAnalystKPIs): each one's name, query and header, which the
// site shows. A folder or file that compute would refuse is added as its
// error: compute reports it.
func analystSQL(h io.Writer, dir string) {
	kpis, err := compute.LoadAnalystKPIs(dir)
	if err != nil {
		fmt.Fprintf(h, "analyst KPIs %v\n", err)
		return
	}
	for _, k := range kpis {
		// fmt prints a map in key order.
		fmt.Fprintf(h, "analyst %q %q %v\n", k.Name, k.Query.SQL, k.Header)
	}
}

// programID names the running program: the Go build ID the linker writes
// into an ELF executable (a hash of its content: code, embedded SQL,
// templates and scripts), else the SHA-256 of the executable. Read once.
var programID = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	if id := goBuildID(exe); id != "" {
		return "go build id " + id, nil
	}
	sum, err := fileSHA256(exe)
	return "sha256 " + sum, err
})

// goBuildID reads the note .note.go.buildid of an ELF executable: name
// size, descriptor size and type (4 bytes each), the name "Go\x00\x00",
// then the descriptor, the build ID. "" when there is none.
func goBuildID(path string) string {
	f, err := elf.Open(path)
	if err != nil {
		return ""
	}
	defer func() { _ = f.Close() }() // read-only
	s := f.Section(".note.go.buildid")
	if s == nil {
		return ""
	}
	b, err := s.Data()
	if err != nil || len(b) < 16 {
		return ""
	}
	nameSize, descSize := f.ByteOrder.Uint32(b[0:4]), int(f.ByteOrder.Uint32(b[4:8]))
	if nameSize != 4 || string(b[12:16]) != "Go\x00\x00" || descSize > len(b)-16 {
		return ""
	}
	return string(b[16 : 16+descSize])
}

// computedFrom is the fingerprint the KPI tables in db were computed from,
// "" when they vouch for none.
func computedFrom(ctx context.Context, db *store.DB) (string, error) {
	var fp string
	if err := db.Row(ctx, sqlOf("compute/sidik_hitung")).Scan(&fp); err != nil {
		return "", fmt.Errorf("reading the fingerprint of the KPI tables: %w", err)
	}
	return fp, nil
}

// Compute recomputes the KPI tables (compute.RunStamped) and records with
// them the fingerprint of their inputs.
func Compute(ctx context.Context, db *store.DB, cfg config.Config, now time.Time, log *slog.Logger) (compute.Stats, error) {
	fp, err := Fingerprint(ctx, db, cfg, now)
	if err != nil {
		return compute.Stats{}, err
	}
	return compute.RunStamped(ctx, db, cfg, now, fp, log)
}

// stampSite records that the site at cfg.Out was built from inputs with
// fingerprint fp, when the KPI tables it was built from are of fp too (a
// `kinerja build` after an ingest without compute is not).
func stampSite(ctx context.Context, db *store.DB, cfg config.Config, fp string) error {
	if from, err := computedFrom(ctx, db); err != nil || from != fp {
		return err
	}
	return publish.StampSite(cfg.Out, fp)
}
