package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
)

func init() {
	var format, out string
	register(command{
		name:  "template",
		usage: "DATASET",
		summary: "write an empty, correctly headed file of a dataset (penilaian, skp, iku, pelatihan, opd)\n" +
			"for agencies that do not use e-Kinerja, with the allowed values explained in it",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			fs.StringVar(&format, "format", "xlsx", "`format`: xlsx or csv")
			fs.StringVar(&out, "out", "", "output `file` (default: templat_DATASET.FORMAT in the current folder)")
		},
		run: func(ctx context.Context, e *env, fs *flag.FlagSet) (int, error) {
			if fs.NArg() != 1 {
				return exitUsage, usageError{"name one dataset: penilaian, skp, iku, pelatihan or opd"}
			}
			b, err := ingest.Template(fs.Arg(0), format)
			if err != nil {
				return exitUsage, usageError{err.Error()}
			}
			if out == "" {
				out = "templat_" + fs.Arg(0) + "." + format
			}
			if err := os.WriteFile(out, b, 0o644); err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "wrote %s\n", out)
			return exitOK, nil
		},
	})
}
