package ingest

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/queries"
)

// Every file that ingest takes has a row in table berkas, its lineage:
// accepted with its findings (temuan), rejected with its problems (galat),
// or a duplicate of an accepted file. Recording it also ends the file's
// attempts (percobaan, see attempts.go). A new row is numbered
// max(berkas_id) + 1, not by nextval('berkas_seq'): the header of
// queries/berkas/catat_duplikat.sql says why.

// duplicateOf is the first accepted file with the content hash, 0 when none.
func duplicateOf(ctx context.Context, db *store.DB, hash string) (int, error) {
	var dupOf int
	if err := db.Row(ctx, sqlOf("berkas/duplikat_dari"), hash).Scan(&dupOf); err != nil {
		return 0, fmt.Errorf("looking up content hash: %w", err)
	}
	return dupOf, nil
}

// recordDuplicate records fr as a duplicate of the accepted file dupOf, whose
// dataset it takes, and ends its attempts.
func recordDuplicate(ctx context.Context, db *store.DB, fr *FileResult, hash string, size int, now time.Time, arsip string, dupOf int) error {
	err := db.Row(ctx, sqlOf("berkas/catat_duplikat"),
		fr.Name, hash, size, now, arsip, dupOf).Scan(&fr.BerkasID, &fr.Dataset)
	if err == nil {
		err = db.Exec(ctx, sqlOf("percobaan/selesai"), hash)
	}
	if err != nil {
		return fmt.Errorf("recording duplicate: %w", err)
	}
	return nil
}

// storeRows records the file and stores its validated rows and findings.
func storeRows(ctx context.Context, tx *store.Tx, fr *FileResult, hash string, size int, now time.Time, arsip string) error {
	err := tx.QueryRow(ctx, sqlOf("berkas/catat_diterima"),
		fr.Name, hash, size, fr.Dataset, fr.Format, now, arsip).Scan(&fr.BerkasID)
	if err != nil {
		return fmt.Errorf("recording file: %w", err)
	}
	if ds, ok := DatasetByName(fr.Dataset); ok && ds.PerEmployee {
		q, err := queries.Get("ingest/pegawai_simpan")
		if err != nil {
			return err
		}
		if err := tx.Exec(ctx, q.SQL); err != nil {
			return fmt.Errorf("registering employees: %w", err)
		}
	}
	q, err := queries.Get("ingest/" + fr.Dataset + "_simpan")
	if err != nil {
		return err
	}
	loaded, err := tx.ExecCount(ctx, q.SQL, fr.BerkasID)
	if err != nil {
		return fmt.Errorf("storing rows: %w", err)
	}
	rowFindings, err := tx.ExecCount(ctx, sqlOf("berkas/temuan_baris"), fr.BerkasID)
	if err != nil {
		return fmt.Errorf("storing findings: %w", err)
	}
	columnFindings, err := tx.ExecCount(ctx, sqlOf("berkas/temuan_kolom_lain"), fr.BerkasID)
	if err != nil {
		return fmt.Errorf("storing findings: %w", err)
	}
	fr.RowsLoaded, fr.Findings = int(loaded), int(rowFindings+columnFindings)
	if fr.Dataset == "penilaian" {
		q, err := queries.Get("ingest/penilaian_basi")
		if err != nil {
			return err
		}
		stale, err := tx.ExecCount(ctx, q.SQL, fr.BerkasID)
		if err != nil {
			return fmt.Errorf("comparing with the corrections already accepted: %w", err)
		}
		if stale > 0 {
			fr.Findings += int(stale)
			rows, err := tx.Query(ctx, sqlOf("berkas/temuan_lebih_lama"), fr.BerkasID)
			if err != nil {
				return err
			}
			for rows.Next() {
				var m string
				if err := rows.Scan(&m); err != nil {
					_ = rows.Close() // read-only; the Scan error is the one to report
					return err
				}
				fr.Stale = append(fr.Stale, m)
			}
			if err := errors.Join(rows.Err(), rows.Close()); err != nil {
				return err
			}
		}
	}
	if err := tx.Exec(ctx, sqlOf("percobaan/selesai"), hash); err != nil {
		return err
	}
	return tx.Exec(ctx, sqlOf("berkas/catat_jumlah"),
		fr.RowsLoaded, fr.Findings, fr.BerkasID)
}

// recordRejected writes the lineage of a rejected file and its problems.
func recordRejected(ctx context.Context, db *store.DB, fr *FileResult, hash string, size int, now time.Time, arsip string) error {
	return db.Tx(ctx, func(tx *store.Tx) error {
		first := fr.Problems[0].String()
		var ds any
		if fr.Dataset != "" {
			ds = fr.Dataset
		}
		err := tx.QueryRow(ctx, sqlOf("berkas/catat_ditolak"),
			fr.Name, hash, size, ds, fr.Format, fr.RowsRead, fr.ProblemTotal(), first, now, arsip).Scan(&fr.BerkasID)
		if err == nil {
			err = tx.Exec(ctx, sqlOf("percobaan/selesai"), hash)
		}
		if err != nil {
			return fmt.Errorf("recording rejected file: %w", err)
		}
		lines := fr.ReportLines()
		i := 0
		_, err = tx.Append(ctx, "galat", func() ([]driver.Value, bool, error) {
			if i >= len(lines) {
				return nil, false, nil
			}
			p := lines[i]
			i++
			var row, col any
			if p.Row > 0 {
				row = int32(p.Row)
			}
			if p.Column != "" {
				col = p.Column
			}
			return []driver.Value{int32(fr.BerkasID), p.Sheet, row, col, p.Text}, true, nil
		})
		return err
	})
}

// sqlOf is the text of the embedded statement name (queries/<name>.sql), to
// run with the DB's or the Tx's Exec, Row, Query or QueryRow. Not db.Run or
// db.Named: they put the query's name before DuckDB's error, and the
// messages here already say in words what failed (a Parquet file's read
// error goes into its rejection report, and a store.OpenError shows the
// error as its detail). Every file is embedded at build time, so a name that
// is not is a typo in this package, which TestEveryStatementIsEmbedded finds:
// it panics rather than return an error no caller could handle.
func sqlOf(name string) string {
	q, err := queries.Get(name)
	if err != nil {
		panic(err)
	}
	return q.SQL
}
