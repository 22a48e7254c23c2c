package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/lampungprov/kinerja/site"
)

func init() {
	register(command{
		name:  "verify",
		usage: "DIR",
		summary: "check a copy of the published site against its revision log: the hash chain of data/riwayat/\n" +
			"and the hashes of the latest publication's data files (exit 0 when it holds, 1 naming the first broken link)",
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (int, error) {
			if fs.NArg() != 1 {
				return exitUsage, usageError{"name the folder of the site's copy"}
			}
			v, err := site.Verify(fs.Arg(0))
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
	})
}
