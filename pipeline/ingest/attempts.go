package ingest

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline/store"
)

// maxAttempts is how many attempts at a file may fail, time out or die
// before the file is rejected: it must not block every later round.
const maxAttempts = 2

// startAttempt records that an attempt at the file with sha256 hash starts
// and returns how many attempts have now started without ending, this one
// included, and why the last one failed ("" when its process died).
func startAttempt(ctx context.Context, db *store.DB, hash, name string, now time.Time) (int, string, error) {
	var n int
	var last *string
	err := db.Row(ctx, sqlOf("percobaan/mulai"), hash, name, now).Scan(&n, &last)
	if err != nil {
		return 0, "", fmt.Errorf("recording the attempt at %s: %w", name, err)
	}
	if last == nil {
		return n, "", nil
	}
	return n, *last, nil
}

// failedAttempt records why an attempt failed. The attempt ends with the
// statement percobaan/selesai, run where the file's outcome is recorded
// (berkas.go).
func failedAttempt(ctx context.Context, db *store.DB, hash string, why error) error {
	return db.Exec(context.WithoutCancel(ctx), sqlOf("percobaan/gagal"), firstLine(why.Error()), hash)
}

// stoppedAttempt takes back an attempt that the run's own stop (SIGINT,
// SIGTERM) ended: it is not the file's fault.
func stoppedAttempt(ctx context.Context, db *store.DB, hash string) error {
	ctx = context.WithoutCancel(ctx)
	if err := db.Exec(ctx, sqlOf("percobaan/kurangi"), hash); err != nil {
		return err
	}
	return db.Exec(ctx, sqlOf("percobaan/hapus_habis"), hash)
}

// stuckProblem is the report of a file that attempts kept failing on.
func stuckProblem(name string, attempts int, last string) Problem {
	why := "prosesnya berhenti (mati listrik, kehabisan memori atau dihentikan)"
	if last != "" {
		why = last
	}
	return Problem{File: name, Text: fmt.Sprintf("ingest sudah %d kali gagal atau terhenti saat membaca berkas ini (terakhir: %s); "+
		"berkas dipindahkan ke _ditolak agar tidak menahan berkas lain: periksa berkasnya, simpan ulang atau kirim sebagai CSV, lalu kirim lagi",
		attempts, why)}
}

// isFileFault says whether err, from an attempt at one file, is the file's
// own failure (it counts as a failed attempt) rather than the run's: a stop
// by signal or a database that cannot be written stop the whole ingest.
func isFileFault(parent context.Context, err error) bool {
	var oe *store.OpenError
	return parent.Err() == nil && !errors.As(err, &oe)
}
