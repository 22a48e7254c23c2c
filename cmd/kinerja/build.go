package main

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/site"
)

func newBuildCmd() *command {
	return &command{
		name:    "build",
		summary: "write the public static site from the computed KPIs",
		lock:    lockWrite,
		wait:    2 * time.Minute,
		flags:   flagsOf(dbFlag, outFlag),
		run: func(ctx context.Context, e *env, db *store.DB, _ []string) (int, error) {
			st, err := pipeline.Build(ctx, db, e.cfg, pipeline.Options{Log: e.log, Now: e.now})
			if err != nil {
				return exitFailed, err
			}
			printBuilt(e, st)
			return exitOK, nil
		},
	}
}

// printBuilt says what a build did. A run that found the site made from
// the same inputs did not build it (st is zero): it is unchanged too.
func printBuilt(e *env, st site.Stats) {
	abs, _ := filepath.Abs(e.cfg.Out)
	if st.Changed {
		fmt.Fprintf(e.stdout, "site written: %d pages, %d files in %s\n", st.Pages, st.Files, abs)
	} else {
		fmt.Fprintf(e.stdout, "site unchanged (same data): %s\n", abs)
	}
}
