package pipeline

import (
	"context"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline/publish"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// LatestReportMonth is the latest month with evaluations, "" when none.
func LatestReportMonth(ctx context.Context, db *store.DB) (string, error) {
	return publish.LatestMonth(ctx, db)
}

// Report writes the leadership report of month (YYYY-MM) to path.
func Report(ctx context.Context, db *store.DB, month, path string) error {
	return publish.Report(ctx, db, month, path)
}

// RejectedFile is a rejected file as `kinerja status` lists it.
type RejectedFile struct {
	At      time.Time // when it was processed, in the zone asked for
	Name    string
	Problem string // its first problem
}

// LastRejected lists the n files rejected last, newest first.
func LastRejected(ctx context.Context, db *store.DB, n int, loc *time.Location) ([]RejectedFile, error) {
	t, err := db.Named(ctx, "status/ditolak_terakhir", n)
	if err != nil {
		return nil, fmt.Errorf("listing rejected files: %w", err)
	}
	out := make([]RejectedFile, 0, len(t.Rows))
	for _, r := range t.Rows {
		// Stored as the UTC wall clock of the moment.
		out = append(out, RejectedFile{At: r[0].(time.Time).In(loc), Name: r[1].(string), Problem: r[2].(string)})
	}
	return out, nil
}
