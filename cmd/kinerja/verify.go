package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/site"
)

func newVerifyCmd() *command {
	return &command{
		name:  "verify",
		usage: "DIR",
		summary: "check a copy of the published site against its revision log: the hash chain of data/riwayat/\n" +
			"and the hashes of the latest publication's data files (exit 0 when it holds, 1 naming the first broken link)",
		// A copy of the published site, anywhere: no database.
		run: func(_ context.Context, e *env, _ *store.DB, args []string) (int, error) {
			if len(args) != 1 {
				return exitUsage, usageError{"name the folder of the site's copy"}
			}
			v, err := site.Verify(args[0])
			var broken *site.BrokenLink
			if errors.As(err, &broken) {
				fmt.Fprintf(e.stdout, "NOT VERIFIED: %s\n", broken)
				return exitFailed, nil
			}
			if err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "verified: a chain of %d publications, and the %d data files of the latest match it\n", v.Entries, v.Files)
			return exitOK, nil
		},
	}
}
