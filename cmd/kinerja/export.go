package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newExportCmd() *command {
	var format, out string
	return &command{
		name:    "export",
		summary: "analyst exports of every table (not suppressed; no names, no NIPs) as Parquet or CSV",
		lock:    lockRead,
		wait:    5 * time.Second,
		flags: func(fs *flag.FlagSet, c *config.Config) {
			dbFlag(fs, c)
			fs.StringVar(&format, "format", "parquet", "`format`: parquet or csv")
			fs.StringVar(&out, "out", "", "output `folder` (required)")
		},
		before: func(*env, []string) error {
			if out == "" {
				return usageError{"--out is required"}
			}
			if format != "parquet" && format != "csv" {
				return usageError{fmt.Sprintf("--format %q: use parquet or csv", format)}
			}
			return nil
		},
		run: func(ctx context.Context, e *env, db *store.DB, _ []string) (int, error) {
			n, err := db.Export(ctx, out, format)
			if err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "exported %d tables to %s\n", n, out)
			return exitOK, nil
		},
	}
}
