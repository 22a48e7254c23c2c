package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/demo"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newDemoCmd() *command {
	var o struct {
		seed            int64
		months, pegawai int
		end             string
	}
	return &command{
		name:    "demo",
		summary: "write realistic exports of all five datasets for Pemerintah Provinsi Lampung into the inbox\n(same seed and --end, same bytes)",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			inboxFlag(fs, c)
			fs.Int64Var(&o.seed, "seed", 1, "random `seed`")
			fs.IntVar(&o.months, "months", 24, "number of `months` covered")
			fs.StringVar(&o.end, "end", "", "last month covered, `YYYY-MM` (default: the last complete month)")
			fs.IntVar(&o.pegawai, "pegawai", 20000, "approximate `number` of employees")
		},
		run: func(ctx context.Context, e *env, _ *store.DB, args []string) (int, error) {
			if len(args) > 0 {
				return exitUsage, usageError{"demo takes no arguments"}
			}
			endMonth := e.now().In(e.cfg.Location()).AddDate(0, -1, 0)
			if o.end != "" {
				t, err := time.Parse("2006-01", o.end)
				if err != nil {
					return exitUsage, usageError{fmt.Sprintf("--end %q: want YYYY-MM", o.end)}
				}
				endMonth = t
			}
			if o.months < 1 || o.pegawai < 50 {
				return exitUsage, usageError{"--months must be at least 1 and --pegawai at least 50"}
			}
			sum, err := demo.Write(ctx, demo.Options{Dir: e.cfg.Inbox, Seed: o.seed, Months: o.months, End: endMonth, Pegawai: o.pegawai})
			if err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "wrote %d files for %d OPDs and %d employees into %s\n", len(sum.Files), sum.OPD, sum.Pegawai, e.cfg.Inbox)
			return exitOK, nil
		},
	}
}
