package ingest

import (
	"context"
	"errors"
	"os"

	"github.com/lampungprov/kinerja/pipeline/store"
)

// validateTx validates the scanned file in a transaction and then runs
// then in it, which commits unless then fails. A CSV file is read by
// DuckDB's reader; when that reader would not read it as the Go reader does
// (errGoReader), the transaction is rolled back and the Go reader reads it.
func validateTx(ctx context.Context, db *store.DB, sc scanned, name string, opt Options, prog *progressOf,
	then func(*store.Tx, *FileResult) error) (FileResult, error) {
	var fr FileResult
	prog.phase("memuat")
	var header *located // of the file DuckDB's reader staged; nil for the Go readers
	if formatOf(sc.path) == "csv" && sc.csv.ok {
		h, err := readCSVWithDuckDB(ctx, db, sc, name)
		if errors.Is(err, errGoReader) {
			opt.log().Debug("CSV read by the Go reader", "file", name, "why", err)
		} else if err != nil {
			return fr, err
		} else {
			header = &h
		}
	}
	for {
		err := db.Tx(ctx, func(tx *store.Tx) error {
			var err error
			fr, err = validate(ctx, tx, sc, name, opt, header, prog)
			if err != nil {
				return err
			}
			return then(tx, &fr)
		})
		if header != nil && errors.Is(err, errGoReader) && ctx.Err() == nil {
			opt.log().Debug("CSV read by the Go reader", "file", name, "why", err)
			header = nil
			continue
		}
		return fr, err
	}
}

// validate reads a file into the staging table and runs its dataset's
// validation. Problems are returned in fr.Problems; err is for failures of
// the machinery, not of the data. A CSV file whose header DuckDB's reader
// found (readCSVWithDuckDB) is staged from what it read
// (loadCSVWithDuckDB), or fails with errGoReader.
func validate(ctx context.Context, tx *store.Tx, sc scanned, name string, opt Options, header *located, prog *progressOf) (FileResult, error) {
	fr := FileResult{Name: name, Format: formatOf(sc.path)}
	fileProblem := func(text string) (FileResult, error) {
		fr.Problems = append(fr.Problems, Problem{File: name, Text: text})
		return fr, nil
	}
	if sc.size == 0 {
		return fileProblem("berkas kosong: ekspor ulang dari e-Kinerja atau isi templat, lalu kirim lagi")
	}
	st := &stager{tx: tx, file: name, fr: &fr, prog: prog}
	var blocks []block
	var err error
	switch fr.Format {
	case "csv":
		if header != nil {
			break
		}
		var f *os.File
		if f, err = os.Open(sc.path); err != nil {
			return fr, err
		}
		defer func() { _ = f.Close() }() // read-only
		text, delim := sniffedText(f, sc)
		blocks = csvBlocks(text, delim)
	case "xlsx":
		var closeFn func()
		blocks, closeFn, err = readXLSXFile(sc.path)
		if closeFn != nil {
			defer closeFn()
		}
	case "json":
		blocks, err = readJSONFile(sc.path)
	case "parquet":
	default:
		return fileProblem("jenis berkas tidak dikenal: kirim CSV, XLSX, JSON atau Parquet")
	}
	if err != nil {
		// The file cannot be opened as its format: a problem of the data.
		return fileProblem(err.Error())
	}
	switch {
	case fr.Format == "parquet":
		err = st.loadParquet(ctx, sc.path)
	case header != nil:
		err = st.loadCSVWithDuckDB(ctx, sc, *header)
	default:
		err = st.load(ctx, blocks)
	}
	var dataErr dataError
	if errors.As(err, &dataErr) {
		fr.Problems = append(fr.Problems, dataErr.Problem)
		return fr, nil
	}
	if err != nil {
		return fr, err
	}
	if len(fr.Problems) > 0 {
		return fr, nil
	}
	if fr.RowsRead == 0 {
		return fileProblem("berkas tidak berisi baris data di bawah judul kolom: ekspor ulang data yang lengkap")
	}
	prog.rows(fr.RowsRead)
	prog.phase("memeriksa")
	if err := runQuery(ctx, tx, "ingest/"+fr.Dataset+"_periksa"); err != nil {
		return fr, err
	}
	// The staged text is in stg_periksa now: its memory is freed.
	if err := dropStaging(ctx, tx); err != nil {
		return fr, err
	}
	if err := tx.Exec(ctx, sqlOf("stg/buang_mentah")); err != nil {
		return fr, err
	}
	return fr, readProblems(ctx, tx, &fr, st.multiSheet)
}
