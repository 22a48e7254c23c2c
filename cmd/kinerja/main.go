// Command kinerja is the analytics and transparency pipeline for the
// performance management of the civil servants of Pemerintah Provinsi
// Lampung: it ingests agency exports into DuckDB, computes the KPIs in SQL
// and writes the public static site. See `kinerja --help`.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/lampungprov/kinerja/pipeline/crash"
)

func main() {
	// The crash tests' fault injection (package crash): inert unless set.
	crash.Arm(os.Getenv("KINERJA_CRASH_AT"))
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
