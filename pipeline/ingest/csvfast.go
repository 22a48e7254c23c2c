package ingest

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/store"
)

// errGoReader sends a CSV file back to the Go reader (readCSV): DuckDB's
// reader would not read it as the Go reader does, or said it could not.
// It is never a problem of the file: the Go reader then reads it and
// reports what is wrong with it, as it always did.
var errGoReader = errors.New("CSV read by the Go reader")

// maxDuckDBFields is the widest record DuckDB's reader is given: a dataset
// has at most 31 columns and a file may add maxUnknownColumns of its own.
const maxDuckDBFields = 1024

func goReader(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errGoReader}, args...)...)
}

// loadCSVWithDuckDB stages a CSV file with DuckDB's own reader, the fast
// path: DuckDB has loaded the records into stg_mentah and Go has read only
// the first rows, where it found the header row l by the same code as for
// every other file (readCSVWithDuckDB). The view stg puts the records in
// the shape of the staging table of the Go readers: rows after the header,
// blank rows skipped, _baris the line a record starts on, over-long cells
// emptied and reported. The file's shape (scanFile) guarantees that both
// readers see the same records; the record count and the first rows are
// compared to make sure of it.
func (s *stager) loadCSVWithDuckDB(ctx context.Context, sc scanned, l located) error {
	shape := sc.csv
	s.view = true
	if err := s.stage(ctx, []located{l}); err != nil {
		return err
	}
	if err := s.sameRecords(ctx, shape, l.buffer, keptFields(l.m)); err != nil {
		return err
	}
	jumps := append([]lineJump{{0, 1}}, shape.jumps...)
	if len(shape.jumps) > 0 && shape.jumps[0].record == 0 {
		jumps = shape.jumps
	}
	if len(jumps) > maxCaseJumps {
		if err := s.tx.Exec(ctx, sqlOf("stg/loncat")); err != nil {
			return err
		}
		if _, err := s.tx.Append(ctx, "temp.stg_loncat", appendJumps(jumps)); err != nil {
			return err
		}
		if err := s.tx.Exec(ctx, sqlOf("stg/baris")); err != nil {
			return err
		}
	}
	for _, q := range stagingViews(s.dataset, l, jumps) {
		if err := s.tx.Exec(ctx, q); err != nil {
			return fmt.Errorf("staging CSV: %w", err)
		}
	}
	crash.Point("ingest.rows")
	return s.checkCells(ctx, l)
}

// readCSVWithDuckDB loads the records of a CSV file into the session's
// table stg_mentah with DuckDB's reader, and returns its header row, found
// before the read by the Go code that reads every file's first rows
// (findHeaders): it says which fields DuckDB keeps (keptFields). Every
// field is parsed (a blank record is
// one whose every field is blank), but only the columns the validation
// reads are stored whole: a BKN export has 31 columns, of which penilaian
// validates 13, and storing the rest (identifiers, names) made this load
// 2.5 times slower and spill to disk under the memory limit. It runs before
// the file's transaction: a table committed in one statement numbers its
// rows (rowid) in file order, and a file DuckDB cannot read aborts no
// transaction; it goes to the Go reader (errGoReader), as does a file whose
// header has a problem, for the Go reader to report it.
func readCSVWithDuckDB(ctx context.Context, db *store.DB, sc scanned, name string) (located, error) {
	if sc.csv.maxFields > maxDuckDBFields {
		// The statement names every field: a file of a million columns is
		// read (and rejected) by the Go reader.
		return located{}, goReader("%d fields in a record", sc.csv.maxFields)
	}
	l, err := csvHeader(sc, name)
	if err != nil {
		return located{}, err
	}
	path := sc.path
	if sc.encoding() == "windows-1252" {
		// DuckDB reads UTF-8 and UTF-16; Windows-1252 is transcoded to a
		// temporary file as it streams, never held in memory.
		if path, err = transcoded(sc); err != nil {
			return located{}, err
		}
		defer func() { _ = os.Remove(path) }() // a temporary copy
	}
	if err := db.Exec(ctx, readCSVStatement(sc.csv, keptFields(l.m)), path); err != nil {
		if ctx.Err() != nil {
			return located{}, err
		}
		return located{}, goReader("DuckDB's read_csv: %s", firstLine(err.Error()))
	}
	return l, nil
}

// csvHeader finds the header row of the CSV file among its first records.
// The located row keeps the records read up to it (buffer), not the file:
// the rest is DuckDB's to read.
func csvHeader(sc scanned, name string) (located, error) {
	f, err := os.Open(sc.path)
	if err != nil {
		return located{}, err
	}
	defer func() { _ = f.Close() }() // read-only
	text, delim := sniffedText(f, sc)
	if delim != rune(sc.csv.delim) {
		return located{}, goReader("the delimiter sniffed from the text is %q, from the bytes %q", delim, sc.csv.delim)
	}
	found, err := findHeaders(name, csvBlocks(text, delim))
	if err != nil {
		return located{}, goReader("the header rows: %v", err)
	}
	return found[0], nil
}

// A keptField is a field of a CSV file that DuckDB's reader stores: one
// that the header row maps to a column of its dataset. Whole when the
// validation reads the column; otherwise only a cell longer than limit,
// which is reported (checkCells), and NULL for the others: the validation
// never reads them.
type keptField struct {
	field    int
	limit    int
	whole    bool
	required bool
}

// keptFields are the fields of a file that m maps to dataset columns, in
// field order.
func keptFields(m match) []keptField {
	var out []keptField
	validated := m.dataset.validated()
	for i, at := range m.index {
		if at >= 0 {
			col := m.dataset.Columns[i]
			out = append(out, keptField{field: at, limit: cellLimit(col), whole: validated[col],
				required: slices.Contains(m.dataset.Required, col)})
		}
	}
	slices.SortFunc(out, func(a, b keptField) int { return a.field - b.field })
	return out
}

// readCSVStatement reads the whole file as text: no type, header or dialect
// detection (the dialect is the one the Go reader would use), a column for
// every field of the widest record (missing fields NULL, empty ones ”),
// records in file order (rowid). Only the fields kept are stored.
func readCSVStatement(shape csvShape, kept []keptField) string {
	cols := make([]string, shape.maxFields)
	for i := range cols {
		cols[i] = fmt.Sprintf("'k%d': 'VARCHAR'", i)
	}
	delim := string(rune(shape.delim))
	if delim == "\t" {
		delim = `\t`
	}
	// Whether a record holds something (_isi) is computed as it is read, in
	// parallel: a CASE stops at the first cell that is not blank.
	isi := make([]string, shape.maxFields)
	for i := range isi {
		isi[i] = fmt.Sprintf("WHEN NOT kosong(k%d) THEN true", i)
	}
	sel := make([]string, len(kept))
	for i, k := range kept {
		sel[i] = fmt.Sprintf("k%d", k.field)
		if !k.whole {
			sel[i] = fmt.Sprintf("CASE WHEN panjang_lebih(k%d, %d) THEN k%d END AS k%d", k.field, k.limit, k.field, k.field)
		}
	}
	// The two rules of checkCells are computed as the file is read, in
	// parallel, not by another pass over the staged rows.
	anyLong, allEmpty := cellRules(kept)
	// Built here: the dialect and the width are the file's.
	return "CREATE OR REPLACE TEMP TABLE stg_mentah AS SELECT " + strings.Join(sel, ", ") + ", CASE " + strings.Join(isi, " ") + " ELSE false END AS _isi, " +
		"coalesce(" + anyLong + ", false) AS _panjang, " + allEmpty + " AS _tanpa_wajib FROM read_csv(?, " +
		"delim = '" + delim + "', quote = '\"', escape = '\"', header = false, auto_detect = false, " +
		"columns = {" + strings.Join(cols, ", ") + "}, null_padding = true, strict_mode = false, " +
		"nullstr = chr(0), encoding = 'utf-8', parallel = " + strconv.FormatBool(!shape.multiLine) + ", " +
		"max_line_size = " + strconv.Itoa(max(2<<20, 3*shape.maxRecord+1024)) + ")"
}

// sameRecords checks that DuckDB read the records the Go reader counts and
// the first ones with the same cells in the fields it kept whole.
func (s *stager) sameRecords(ctx context.Context, shape csvShape, head [][]string, kept []keptField) error {
	var n int
	if err := s.tx.QueryRow(ctx, sqlOf("stg/mentah_jumlah")).Scan(&n); err != nil {
		return err
	}
	if n != shape.records {
		return goReader("DuckDB read %d records, the Go reader %d", n, shape.records)
	}
	first, err := s.tx.Rows(ctx, sqlOf("stg/mentah_awal"), len(head))
	if err != nil {
		return err
	}
	for k, r := range first.Rows {
		if len(r) != len(kept) {
			return goReader("DuckDB kept %d fields, not %d", len(r), len(kept))
		}
		for i, c := range r {
			if !kept[i].whole {
				continue
			}
			got, _ := c.(string)
			at := kept[i].field
			want, has := "", at < len(head[k])
			if has {
				want = head[k][at]
			}
			if (c != nil) != has || got != want {
				return goReader("record %d field %d: DuckDB read %q, the Go reader %q", k+1, at+1, got, want)
			}
		}
	}
	return nil
}

func appendJumps(jumps []lineJump) func() ([]driver.Value, bool, error) {
	i := 0
	return func() ([]driver.Value, bool, error) {
		if i == len(jumps) {
			return nil, false, nil
		}
		j := jumps[i]
		i++
		return []driver.Value{int64(j.record), int64(j.line)}, true, nil
	}
}

// maxCaseJumps is the most line jumps written into the staging view as a
// CASE; a file with more (many blank lines) gets its line numbers from a
// table (queries/stg/baris.sql).
const maxCaseJumps = 64

// stagingViews are the views over stg_mentah: stg_csv, the data rows with
// their line, and stg, the staging table's shape.
func stagingViews(d Dataset, l located, jumps []lineJump) []string {
	from, line := "stg_mentah m", ""
	if len(jumps) > maxCaseJumps {
		from, line = "stg_mentah m JOIN stg_baris b ON m.rowid = b.record", "b.line"
	} else {
		// line(k) = k + line - record of the last jump at or before k.
		var when []string
		for i := len(jumps) - 1; i > 0; i-- {
			when = append(when, fmt.Sprintf("WHEN m.rowid >= %d THEN %d", jumps[i].record, jumps[i].line-jumps[i].record))
		}
		line = fmt.Sprintf("m.rowid + %d", jumps[0].line-jumps[0].record)
		if len(when) > 0 {
			line = fmt.Sprintf("m.rowid + CASE %s ELSE %d END", strings.Join(when, " "), jumps[0].line-jumps[0].record)
		}
	}
	csv := fmt.Sprintf(`CREATE OR REPLACE TEMP VIEW stg_csv AS
SELECT (m.rowid - %d)::INTEGER AS _urut, ''::VARCHAR AS _lembar, (%s)::INTEGER AS _baris, m.*
FROM %s WHERE m.rowid > %d AND m._isi`, l.header, line, from, l.header)
	cols := []string{"_urut", "_lembar", "_baris"}
	for i, at := range l.m.index {
		name := quoteIdent(d.Columns[i])
		if at < 0 {
			cols = append(cols, "NULL::VARCHAR AS "+name)
			continue
		}
		// _panjang (computed as the file was read) spares the check of
		// every cell of the rows that have no over-long cell.
		cols = append(cols, fmt.Sprintf("CASE WHEN _panjang AND panjang_lebih(k%d, %d) THEN '' ELSE k%d END AS %s", at, cellLimit(d.Columns[i]), at, name))
	}
	// Built here: the columns are the file's and the dataset's.
	return []string{csv, "CREATE OR REPLACE TEMP VIEW stg AS SELECT " + strings.Join(cols, ", ") + " FROM stg_csv"}
}

// cellRules are the two rules the Go readers apply row by row, as SQL over
// the fields kept: whether a cell is over-long (it is reported, and emptied
// in stg), and whether every required column is empty (reading stops at the
// maxEmptyRequired-th such row).
func cellRules(kept []keptField) (anyLong, allEmpty string) {
	var long, filled []string
	for _, k := range kept {
		long = append(long, fmt.Sprintf("panjang_lebih(k%d, %d)", k.field, k.limit))
		if k.required {
			filled = append(filled, fmt.Sprintf("(NOT panjang_lebih(k%d, %d) AND NOT kosong(k%d))", k.field, k.limit, k.field))
		}
	}
	anyLong, allEmpty = "false", "true"
	if len(long) > 0 {
		anyLong = strings.Join(long, " OR ")
	}
	if len(filled) > 0 {
		allEmpty = "NOT (" + strings.Join(filled, " OR ") + ")"
	}
	return anyLong, allEmpty
}

// checkCells counts the staged rows and applies the rules of cellRules,
// which the read computed (_panjang, _tanpa_wajib).
func (s *stager) checkCells(ctx context.Context, l located) error {
	anyLong, allEmpty := "_panjang", "_tanpa_wajib"
	var rowsRead, longRows, emptyRows int
	// Built here: the columns are the file's.
	if err := s.tx.QueryRow(ctx, fmt.Sprintf("SELECT count(*), count(*) FILTER (%s), count(*) FILTER (%s) FROM stg_csv",
		anyLong, allEmpty)).Scan(&rowsRead, &longRows, &emptyRows); err != nil {
		return fmt.Errorf("staging CSV: %w", err)
	}
	s.fr.RowsRead = rowsRead
	stopAt, stopLine := int64(-1), 0
	if emptyRows >= maxEmptyRequired {
		if err := s.tx.QueryRow(ctx, fmt.Sprintf("SELECT _urut, _baris FROM stg_csv WHERE %s ORDER BY _urut LIMIT 1 OFFSET %d",
			allEmpty, maxEmptyRequired-1)).Scan(&stopAt, &stopLine); err != nil {
			return fmt.Errorf("staging CSV: %w", err)
		}
		// The Go readers count the rows up to the one they stop at.
		if err := s.tx.QueryRow(ctx, "SELECT count(*) FROM stg_csv WHERE _urut <= ?", stopAt).Scan(&s.fr.RowsRead); err != nil {
			return fmt.Errorf("staging CSV: %w", err)
		}
	}
	if longRows > 0 {
		if err := s.reportLongCells(ctx, l, anyLong, stopAt); err != nil {
			return err
		}
	}
	if stopAt >= 0 {
		return s.problem("", stopLine, s.stoppedText(stopLine))
	}
	return nil
}

// reportLongCells lists the over-long cells in row and column order, up to
// the row reading stopped at (stopAt, or -1).
func (s *stager) reportLongCells(ctx context.Context, l located, anyLong string, stopAt int64) error {
	var sel []string
	var cols []string
	for i, at := range l.m.index {
		if at >= 0 {
			sel = append(sel, fmt.Sprintf("k%d", at))
			cols = append(cols, s.dataset.Columns[i])
		}
	}
	where := anyLong
	if stopAt >= 0 {
		where = fmt.Sprintf("(%s) AND _urut <= %d", anyLong, stopAt)
	}
	// Built here: the columns are the file's.
	rows, err := s.tx.Query(ctx, "SELECT _baris, "+strings.Join(sel, ", ")+" FROM stg_csv WHERE "+where+" ORDER BY _urut")
	if err != nil {
		return fmt.Errorf("staging CSV: %w", err)
	}
	defer func() { _ = rows.Close() }() // read-only
	var line int
	cells := make([]sql.NullString, len(sel))
	ptrs := []any{&line}
	for i := range cells {
		ptrs = append(ptrs, &cells[i])
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		for i, c := range cells {
			limit, n := cellLimit(cols[i]), utf8.RuneCountInString(c.String)
			if n > limit {
				s.fr.addProblem(Problem{File: s.file, Row: line, Column: cols[i], Text: longCellText(n, limit)})
			}
		}
	}
	return rows.Err()
}

// transcoded writes the file's Windows-1252 text as UTF-8 to a temporary
// file, streaming, and returns its path.
func transcoded(sc scanned) (string, error) {
	in, err := os.Open(sc.path)
	if err != nil {
		return "", err
	}
	defer func() { _ = in.Close() }() // read-only
	out, err := os.CreateTemp("", "kinerja-*.csv")
	if err != nil {
		return "", fmt.Errorf("transcoding %s: %w", sc.path, err)
	}
	if _, err = io.Copy(out, textReader(in, sc)); err == nil {
		err = out.Close()
	} else {
		_ = out.Close() // the copy's error is the one to report
	}
	if err != nil {
		_ = os.Remove(out.Name()) // a partial temporary copy
		return "", fmt.Errorf("transcoding %s: %w", sc.path, err)
	}
	return out.Name(), nil
}
