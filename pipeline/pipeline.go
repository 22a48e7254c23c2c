// Package pipeline runs kinerja's stages in order: ingest the inbox, compute
// the KPIs in SQL, build the public site and write the leadership report.
// The stages live in the subpackages (ingest, compute, and the top-level
// site and reports); this package only sequences them, so the command line
// and the scheduler run exactly the same thing.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"path/filepath"

	"github.com/lampungprov/kinerja/pipeline/compute"
	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/reports"
	"github.com/lampungprov/kinerja/site"
)

// Result says what one run did.
type Result struct {
	Ingest     ingest.Result
	Compute    compute.Stats
	Site       site.Stats
	ReportPath string // "" when there was no month to report
	Month      string
}

// Run ingests every pending file of the inbox, recomputes the KPIs, builds
// the site and writes the report of the latest month. A failure leaves the
// published site as it was: compute is one transaction and the site is
// swapped in whole.
func Run(ctx context.Context, db *store.DB, cfg config.Config, log *slog.Logger) (Result, error) {
	var res Result
	key, err := cfg.NIPKey()
	if err != nil {
		return res, err
	}
	res.Ingest, err = ingest.Inbox(ctx, db, cfg.Inbox, ingest.Options{NIPKey: key, Log: log})
	if err != nil {
		return res, err
	}
	res.Compute, err = compute.Run(ctx, db, cfg, log)
	if err != nil {
		return res, err
	}
	res.Site, err = site.Build(ctx, db, cfg.Out, site.Options{Log: log})
	if err != nil {
		return res, err
	}
	res.Month, err = reports.LatestMonth(ctx, db)
	if err != nil {
		return res, err
	}
	if res.Month != "" {
		res.ReportPath = filepath.Join(cfg.Reports, "laporan-"+res.Month+".html")
		if err := reports.Write(ctx, db, res.Month, res.ReportPath); err != nil {
			return res, fmt.Errorf("writing report %s: %w", res.Month, err)
		}
	}
	return res, nil
}
