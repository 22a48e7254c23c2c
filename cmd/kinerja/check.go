package main

import (
	"context"
	"fmt"

	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newCheckCmd() *command {
	return &command{
		name:    "check",
		usage:   "FILE...",
		summary: "validate files exactly as ingest would, without loading them; prints every problem\n(exit 3 when any file would be rejected)",
		// A scratch database: check loads nothing, so it takes no lock.
		lock: lockScratch,
		before: func(_ *env, args []string) error {
			if len(args) == 0 {
				return usageError{"name at least one file"}
			}
			return nil
		},
		run: func(ctx context.Context, e *env, db *store.DB, args []string) (int, error) {
			// A throwaway key: check stores nothing, so the hash is never kept.
			res, err := ingest.Check(ctx, db, args, ingest.Options{NIPKey: []byte("kinerja-check-does-not-store"), Log: e.log})
			if err != nil {
				return exitFailed, err
			}
			for _, f := range res.Files {
				if f.Status == ingest.StatusRejected {
					fmt.Fprintf(e.stdout, "%s: DITOLAK (%s), %d masalah\n", f.Name, orUnknown(f.Dataset), f.ProblemTotal())
					for _, p := range f.ReportLines() {
						fmt.Fprintf(e.stdout, "  %s\n", p)
					}
				} else {
					fmt.Fprintf(e.stdout, "%s: OK (%s), %d baris\n", f.Name, f.Dataset, f.RowsRead)
				}
			}
			if res.Rejected() > 0 {
				return exitRejected, nil
			}
			return exitOK, nil
		},
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "dataset tidak dikenali"
	}
	return s
}
