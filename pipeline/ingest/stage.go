package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// headerSearchRows is how far down a sheet the header row is looked for
// (BKN puts title rows above it).
const headerSearchRows = 20

// dataError is a problem of the file's content that rejects it.
type dataError struct{ Problem }

func (e dataError) Error() string { return e.String() }

// stager streams the rows of a file's blocks into the TEMP table stg, whose
// columns are _urut (order), _lembar (sheet), _baris (row number) and every
// column of the recognised dataset as VARCHAR (NULL when the file lacks it).
type stager struct {
	tx         *store.Tx
	file       string
	fr         *FileResult
	dataset    Dataset
	created    bool
	multiSheet bool
	urut       int32
	// view: stg is the view of DuckDB's CSV reader (loadCSVWithDuckDB),
	// not a table the rows are appended to.
	view bool
	prog *progressOf
}

func (s *stager) problem(sheet string, row int, text string) error {
	return dataError{Problem{File: s.file, Sheet: sheet, Row: row, Text: text}}
}

func (s *stager) create(ctx context.Context, d Dataset) error {
	s.dataset = d
	s.fr.Dataset = d.Name
	cols := []string{"_urut INTEGER", "_lembar VARCHAR", "_baris INTEGER"}
	for _, c := range d.Columns {
		cols = append(cols, quoteIdent(c)+" VARCHAR")
	}
	if err := dropStaging(ctx, s.tx); err != nil {
		return err
	}
	if !s.view {
		// What DuckDB's CSV reader staged for an earlier file is stale.
		if err := s.tx.Exec(ctx, sqlOf("stg/buang_mentah")); err != nil {
			return fmt.Errorf("dropping staging: %w", err)
		}
		// Built here: the columns are the dataset's.
		if err := s.tx.Exec(ctx, "CREATE TEMP TABLE stg ("+strings.Join(cols, ", ")+")"); err != nil {
			return fmt.Errorf("creating staging table: %w", err)
		}
	}
	if err := s.tx.Exec(ctx, sqlOf("stg/kolom_lain")); err != nil {
		return fmt.Errorf("creating staging table: %w", err)
	}
	s.created = true
	return nil
}

// dropStaging drops the staging table or view a previous file of the
// session left: a table and a view cannot replace each other.
func dropStaging(ctx context.Context, tx *store.Tx) error {
	var kind string
	err := tx.QueryRow(ctx, sqlOf("stg/jenis")).Scan(&kind)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("dropping staging: %w", err)
	}
	// Built here: the kind is one of the two the query returns.
	if err := tx.Exec(ctx, "DROP "+kind+" stg"); err != nil {
		return fmt.Errorf("dropping staging: %w", err)
	}
	return nil
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// located is a block whose header row was found: the rows read while
// looking for it are kept to be loaded.
type located struct {
	b      block
	header int // index in buffer of the header row
	m      match
	buffer [][]string
	lines  []int
}

// load finds each block's header row, checks that every block holds the same
// dataset and appends the data rows to stg in one bulk load.
func (s *stager) load(ctx context.Context, blocks []block) error {
	found, err := s.locate(ctx, blocks)
	if err != nil {
		return err
	}
	return s.appendRows(ctx, found)
}

// locate finds the header row of each block (findHeaders) and creates stg
// for the dataset they hold (stage).
func (s *stager) locate(ctx context.Context, blocks []block) ([]located, error) {
	found, err := findHeaders(s.file, blocks)
	if err != nil {
		return nil, err
	}
	return found, s.stage(ctx, found)
}

// stage creates stg for the dataset of the located blocks and records
// their columns that are no column of it.
func (s *stager) stage(ctx context.Context, found []located) error {
	s.multiSheet = len(found) > 1
	if err := s.create(ctx, found[0].m.dataset); err != nil {
		return err
	}
	for _, l := range found {
		for _, u := range l.m.unknown {
			if err := s.tx.Exec(ctx, sqlOf("stg/kolom_lain_tambah"), sheetName(l.b.sheet, s.multiSheet), u); err != nil {
				return err
			}
		}
	}
	return nil
}

// findHeaders finds the header row of each block of file among its first
// rows, and checks that every block holds the same dataset. What is wrong
// with the headers is a dataError. It reads only the blocks, nothing of
// the database: DuckDB's CSV reader is told which columns to keep by it
// before it reads (readCSVWithDuckDB).
func findHeaders(file string, blocks []block) ([]located, error) {
	problem := func(sheet string, row int, text string) error {
		return dataError{Problem{File: file, Sheet: sheet, Row: row, Text: text}}
	}
	var found []located
	var best match
	bestSheet := ""
	anyContent := false
	for _, b := range blocks {
		var buf [][]string
		var lines []int
		headerAt := -1
		var m match
		for len(buf) < headerSearchRows {
			line, cells, ok, err := b.next()
			if err != nil {
				return nil, problem(b.sheet, line, err.Error())
			}
			if !ok {
				break
			}
			buf = append(buf, cells)
			lines = append(lines, line)
			if isEmpty(cells) {
				continue
			}
			anyContent = true
			if len(cells) > maxColumns {
				return nil, problem(b.sheet, line, fmt.Sprintf("baris ini memiliki %s kolom, lebih dari batas Excel %s: berkas ini bukan ekspor e-Kinerja; kirim hanya kolom dataset",
					thousands(len(cells)), thousands(maxColumns)))
			}
			cand, complete := recognise(cells)
			if complete {
				headerAt, m = len(buf)-1, cand
				break
			}
			if cand.known > best.known {
				best, bestSheet = cand, b.sheet
			}
		}
		if headerAt < 0 {
			continue // a sheet of notes or an empty sheet: nothing to load
		}
		if len(m.duplicate) > 0 {
			return nil, problem(b.sheet, lines[headerAt], fmt.Sprintf("kolom %s muncul lebih dari sekali di baris judul: hapus salinannya agar jelas kolom mana yang dibaca",
				strings.Join(m.duplicate, ", ")))
		}
		if len(m.unknown) > maxUnknownColumns {
			return nil, problem(b.sheet, lines[headerAt], fmt.Sprintf("baris judul memiliki %s kolom yang bukan kolom dataset %s (paling banyak %d): kirim hanya kolom dataset, misalnya dengan templat di halaman Panduan OPD",
				thousands(len(m.unknown)), m.dataset.Name, maxUnknownColumns))
		}
		found = append(found, located{b: b, header: headerAt, m: m, buffer: buf, lines: lines})
	}
	if len(found) == 0 {
		if !anyContent {
			return nil, problem("", 0, "berkas tidak berisi data: ekspor ulang dari e-Kinerja atau isi templat, lalu kirim lagi")
		}
		p := Problem{File: file, Sheet: bestSheet, Text: missingMessage(best)}
		if len(blocks) <= 1 {
			p.Sheet = ""
		}
		return nil, dataError{p}
	}
	for _, l := range found[1:] {
		if l.m.dataset.Name != found[0].m.dataset.Name {
			return nil, problem(l.b.sheet, l.lines[l.header], fmt.Sprintf(
				"lembar ini berisi dataset %s, lembar %s berisi %s: satu berkas hanya boleh berisi satu dataset",
				l.m.dataset.Name, found[0].b.sheet, found[0].m.dataset.Name))
		}
	}
	return found, nil
}

// appendRows streams the rows of the located blocks into stg.
func (s *stager) appendRows(ctx context.Context, found []located) error {
	// Stream every block's rows (the buffered ones after the header, then
	// the rest) through one Appender.
	idx := 0
	pos := found[0].header + 1
	width := len(s.dataset.Columns) + 3
	var readErr error
	required := map[string]bool{}
	for _, c := range s.dataset.Required {
		required[c] = true
	}
	emptyRequired := 0
	_, err := s.tx.Append(ctx, "temp.stg", func() ([]driver.Value, bool, error) {
		for idx < len(found) {
			l := &found[idx]
			var line int
			var cells []string
			if pos < len(l.buffer) {
				line, cells = l.lines[pos], l.buffer[pos]
				pos++
			} else {
				var ok bool
				var err error
				line, cells, ok, err = l.b.next()
				if err != nil {
					readErr = s.problem(sheetName(l.b.sheet, s.multiSheet), line, err.Error())
					return nil, false, readErr
				}
				if !ok {
					idx++
					if idx < len(found) {
						pos = found[idx].header + 1
					}
					continue
				}
			}
			if isEmpty(cells) {
				continue
			}
			s.urut++
			s.fr.RowsRead++
			if s.fr.RowsRead%4096 == 0 {
				crash.Point("ingest.rows")
				s.prog.rows(s.fr.RowsRead)
			}
			row := make([]driver.Value, width)
			row[0], row[1], row[2] = s.urut, sheetName(l.b.sheet, s.multiSheet), int32(line)
			requiredFilled := false
			for i, at := range l.m.index {
				if at < 0 || at >= len(cells) {
					continue
				}
				col, v := s.dataset.Columns[i], cells[at]
				if limit := cellLimit(col); utf8.RuneCountInString(v) > limit {
					s.fr.addProblem(Problem{File: s.file, Sheet: sheetName(l.b.sheet, s.multiSheet), Row: line, Column: col,
						Text: longCellText(utf8.RuneCountInString(v), limit)})
					v = ""
				}
				row[3+i] = v
				if required[col] && strings.TrimSpace(v) != "" {
					requiredFilled = true
				}
			}
			if !requiredFilled {
				if emptyRequired++; emptyRequired >= maxEmptyRequired {
					readErr = s.problem(sheetName(l.b.sheet, s.multiSheet), line, s.stoppedText(line))
					return nil, false, readErr
				}
			}
			return row, true, nil
		}
		return nil, false, nil
	})
	if readErr != nil {
		return readErr
	}
	return err
}

// Both readers word the two rules they apply row by row alike: an
// over-long cell, and the stop after maxEmptyRequired rows without their
// required columns.
func longCellText(n, limit int) string {
	return fmt.Sprintf("isi sel terlalu panjang (%s karakter, paling banyak %s): periksa isi kolom ini", thousands(n), thousands(limit))
}

func (s *stager) stoppedText(line int) string {
	return fmt.Sprintf("berkas berhenti dibaca pada baris %d: sudah %s baris yang kolom wajibnya (%s) kosong, "+
		"biasanya baris yang diformat atau diisi sampai jauh di bawah data; hapus baris-baris itu (atau salin hanya baris data ke berkas baru), lalu kirim lagi",
		line, thousands(maxEmptyRequired), strings.Join(s.dataset.Required, ", "))
}

// sheetName is the sheet recorded with a row: only workbooks with several
// data sheets need it to locate a row.
func sheetName(sheet string, multi bool) string {
	if !multi {
		return ""
	}
	return sheet
}

func isEmpty(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// loadParquet stages a Parquet file with DuckDB's own reader: every column
// cast to text so validation is the same as for any other format. ROW is the
// record's position in the file.
func (s *stager) loadParquet(ctx context.Context, path string) error {
	rows, err := s.tx.Query(ctx, sqlOf("stg/kolom_parquet"), path)
	if err != nil {
		return s.problem("", 0, fmt.Sprintf("berkas Parquet tidak dapat dibaca (%v): ekspor ulang berkasnya", firstLine(err.Error())))
	}
	var header []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			_ = rows.Close() // read-only; the Scan error is the one to report
			return err
		}
		header = append(header, c)
	}
	err = rows.Err()
	_ = rows.Close() // read-only; its error, if any, is in rows.Err
	if err != nil {
		return s.problem("", 0, fmt.Sprintf("berkas Parquet tidak dapat dibaca (%v): ekspor ulang berkasnya", firstLine(err.Error())))
	}
	m, ok := recognise(header)
	if !ok {
		return s.problem("", 0, missingMessage(m))
	}
	if err := s.create(ctx, m.dataset); err != nil {
		return err
	}
	sel := []string{"(file_row_number + 1)::INTEGER", "''", "(file_row_number + 1)::INTEGER"}
	for _, at := range m.index {
		if at < 0 {
			sel = append(sel, "NULL")
		} else {
			sel = append(sel, "CAST("+quoteIdent(header[at])+" AS VARCHAR)")
		}
	}
	for _, u := range m.unknown {
		if err := s.tx.Exec(ctx, sqlOf("stg/kolom_lain_tambah"), "", u); err != nil {
			return err
		}
	}
	// Built here: the columns are the file's, in the dataset's order.
	if err := s.tx.Exec(ctx, "INSERT INTO stg SELECT "+strings.Join(sel, ", ")+
		" FROM read_parquet(?, file_row_number = true) ORDER BY file_row_number", path); err != nil {
		return fmt.Errorf("staging parquet: %w", err)
	}
	return s.tx.QueryRow(ctx, sqlOf("stg/jumlah")).Scan(&s.fr.RowsRead)
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
