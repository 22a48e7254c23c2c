package main

import (
	"context"
	"flag"
	"fmt"
	"os"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
)

func newTemplateCmd() *command {
	var format, out string
	return &command{
		name:  "template",
		usage: "DATASET",
		summary: "write an empty, correctly headed file of a dataset (penilaian, skp, iku, pelatihan, opd)\n" +
			"for agencies that do not use e-Kinerja, with the allowed values explained in it",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			fs.StringVar(&format, "format", "xlsx", "`format`: xlsx or csv")
			fs.StringVar(&out, "out", "", "output `file` (default: templat_DATASET.FORMAT in the current folder)")
		},
		run: func(ctx context.Context, e *env, _ *store.DB, args []string) (int, error) {
			if len(args) != 1 {
				return exitUsage, usageError{"name one dataset: penilaian, skp, iku, pelatihan or opd"}
			}
			b, err := ingest.Template(args[0], format)
			if err != nil {
				return exitUsage, usageError{err.Error()}
			}
			path := out
			if path == "" {
				path = "templat_" + args[0] + "." + format
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				return exitFailed, err
			}
			fmt.Fprintf(e.stdout, "wrote %s\n", path)
			return exitOK, nil
		},
	}
}
