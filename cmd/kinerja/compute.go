package main

import (
	"context"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newComputeCmd() *command {
	return &command{
		name:    "compute",
		summary: "(re)compute the KPI tables and run the data tests",
		lock:    lockWrite,
		wait:    2 * time.Minute,
		flags:   dbFlag,
		run: func(ctx context.Context, e *env, db *store.DB, _ []string) (int, error) {
			st, err := pipeline.Compute(ctx, db, e.cfg, e.now(), e.log)
			if err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "computed %d KPI models in %d ms of queries; %d data tests passed in %d ms\n", st.Models, st.QueryTime.Milliseconds(), st.Tests, st.TestTime.Milliseconds())
			return exitOK, nil
		},
	}
}
