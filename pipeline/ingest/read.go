package ingest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// A block is one run of rows under one header: a CSV or JSON file, or one
// sheet of an XLSX workbook. Every reader turns its format into blocks of
// strings, so validation is one path (SQL over a staging table) whatever the
// format was.
type block struct {
	sheet string // XLSX sheet name, "" otherwise
	// next returns the next row with the row number a person sees in a
	// spreadsheet (1-based, header and title rows counted); ok is false at
	// the end.
	next func() (line int, cells []string, ok bool, err error)
}

// formatOf names the reader for a file by its extension.
func formatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv", ".txt", ".tsv":
		return "csv"
	case ".xlsx", ".xlsm":
		return "xlsx"
	case ".json", ".ndjson", ".jsonl":
		return "json"
	case ".parquet":
		return "parquet"
	}
	return ""
}

// decodeText returns text held in memory as UTF-8, decoded as a scanned
// file is (scanned.encoding, textReader): a UTF-8 or UTF-16 byte-order mark
// is honoured and removed, and bytes that are not valid UTF-8 are read as
// Windows-1252, what spreadsheets on Indonesian Windows machines save; a
// UTF-8 mark before Windows-1252 text (found by fuzzing) lies, and the rest
// is read as the spreadsheet wrote it.
func decodeText(b []byte) ([]byte, string, error) {
	sc := scanned{validUTF8: true}
	var skip int
	sc.bom, skip = byteOrderMark(b)
	if sc.bom != "utf-16" {
		sc.validUTF8 = utf8.Valid(b[skip:])
	}
	out, err := io.ReadAll(textReader(bytes.NewReader(b), sc))
	return out, sc.encoding(), err
}

// sniffDelimiter picks the separator that splits some line of the first 20
// into the most fields: title rows above the header have few.
func sniffDelimiter(text []byte) rune {
	best, bestCount := ';', 0
	lines := bytes.SplitN(text, []byte("\n"), 21)
	if len(lines) > 20 {
		lines = lines[:20]
	}
	for _, d := range []byte{';', ',', '\t', '|'} {
		for _, l := range lines {
			if c := bytes.Count(l, []byte{d}); c > bestCount {
				best, bestCount = rune(d), c
			}
		}
	}
	return best
}

// readCSV reads CSV text held in memory (the fuzz tests' entry).
func readCSV(data []byte) ([]block, string, error) {
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, enc, fmt.Errorf("berkas tidak dapat dibaca sebagai teks (%v): simpan ulang sebagai CSV UTF-8", err)
	}
	return csvBlocks(bytes.NewReader(text), sniffDelimiter(headLines(text))), enc, nil
}

// textReader streams a scanned file's text as UTF-8, decoded as decodeText
// decodes it.
func textReader(f io.Reader, sc scanned) io.Reader {
	br := bufio.NewReaderSize(f, 64<<10)
	if sc.bom == "utf-8" {
		_, _ = br.Discard(3) // the mark scanFile saw
	}
	switch sc.encoding() {
	case "windows-1252":
		return charmap.Windows1252.NewDecoder().Reader(br)
	case "utf-16":
		return xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM).NewDecoder().Reader(br)
	}
	return br
}

// sniffedText is a scanned CSV file's text and the delimiter sniffed from
// its start.
func sniffedText(f io.Reader, sc scanned) (io.Reader, rune) {
	br := bufio.NewReaderSize(textReader(f, sc), sniffBytes)
	head, _ := br.Peek(sniffBytes) // a shorter file gives all of itself
	return br, sniffDelimiter(head)
}

// csvBlocks reads CSV text as it streams, as one block.
func csvBlocks(text io.Reader, delim rune) []block {
	r := csv.NewReader(text)
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	r.ReuseRecord = false
	return []block{{next: func() (int, []string, bool, error) {
		rec, err := r.Read()
		if err == io.EOF {
			return 0, nil, false, nil
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return pe.StartLine, nil, false, fmt.Errorf("baris %d: CSV rusak (%v): periksa tanda petik pada baris ini", pe.StartLine, pe.Err)
			}
			return 0, nil, false, err
		}
		line, _ := r.FieldPos(0)
		return line, rec, true, nil
	}}}
}

// instructionSheets are sheets of explanations, never data.
var instructionSheets = map[string]bool{"petunjuk": true, "panduan": true, "keterangan": true, "readme": true}

// readXLSX reads every visible sheet but instruction sheets. Values are read raw (RawCellValue) so
// a date is its serial number and a number keeps what Excel stored: a NIP
// typed as a number shows up as 1.98501012010011E+17 or with its last digits
// zeroed, which validation then explains.
func readXLSX(data []byte) ([]block, func(), error) {
	return readWorkbook(bytes.NewReader(data), int64(len(data)))
}

// readXLSXFile reads an XLSX file: its zip directory first, then the
// workbook, whose sheets excelize streams row by row (and unpacks a large
// one to a temporary file, not to memory).
func readXLSXFile(path string) ([]block, func(), error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer func() { _ = f.Close() }() // read-only; excelize has read it
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	return readWorkbook(f, st.Size())
}

func readWorkbook(r interface {
	io.Reader
	io.ReaderAt
}, size int64) ([]block, func(), error) {
	if err := checkInflation(r, size); err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(r, excelize.Options{UnzipSizeLimit: maxInflated})
	if err != nil {
		return nil, nil, fmt.Errorf("berkas XLSX rusak atau terpotong (%v): buka di Excel, simpan ulang sebagai .xlsx dan kirim lagi", err)
	}
	var blocks []block
	for _, sheet := range f.GetSheetList() {
		if v, err := f.GetSheetVisible(sheet); err == nil && !v {
			continue
		}
		if instructionSheets[strings.ToLower(strings.TrimSpace(sheet))] {
			continue // the templates' own explanation sheet, and agencies' notes
		}
		rows, err := f.Rows(sheet)
		if err != nil {
			_ = f.Close() // read-only; the sheet's error is the one to report
			return nil, nil, fmt.Errorf("lembar %s tidak dapat dibaca (%v): simpan ulang berkas dari Excel", sheet, err)
		}
		line := 0
		blocks = append(blocks, block{sheet: sheet, next: func() (int, []string, bool, error) {
			if !rows.Next() {
				err := rows.Error()
				_ = rows.Close() // only closes the sheet's temporary file, which was only read
				if err != nil {
					return line, nil, false, fmt.Errorf("lembar %s terpotong setelah baris %d (%v): simpan ulang berkas dari Excel", sheet, line, err)
				}
				return 0, nil, false, nil
			}
			line++
			if line > maxSheetRows {
				_ = rows.Close() // only closes the sheet's temporary file, which was only read
				return line, nil, false, fmt.Errorf("lembar %s memiliki lebih dari %s baris, batas Excel: berkas ini tidak dibuat oleh Excel atau e-Kinerja; kirim ulang hasil ekspor aslinya",
					sheet, thousands(maxSheetRows))
			}
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return line, nil, false, fmt.Errorf("lembar %s baris %d tidak dapat dibaca: %v", sheet, line, err)
			}
			return line, cells, true, nil
		}})
	}
	// Close only removes excelize's temporary files of a workbook read
	// from memory: nothing to report.
	return blocks, func() { _ = f.Close() }, nil
}

// maxInflated is the most an XLSX may unpack to, and maxRatio the most any
// of its parts may inflate relative to its compressed size beyond
// ratioFloor: a real workbook of a province-year unpacks to a few hundred
// MB and compresses its XML about 10 to 30 times; a zip bomb (one cell that
// inflates to a gigabyte, four million formatted empty rows) is far beyond.
const (
	maxInflated = 1 << 30
	maxRatio    = 200
	ratioFloor  = 64 << 20
)

// checkInflation rejects an XLSX that would unpack to more than a run may
// hold, from its zip directory, before anything is unpacked.
func checkInflation(r io.ReaderAt, size int64) error {
	z, err := zip.NewReader(r, size)
	if err != nil {
		return fmt.Errorf("berkas XLSX rusak atau terpotong (%v): buka di Excel, simpan ulang sebagai .xlsx dan kirim lagi", err)
	}
	var total uint64
	for _, f := range z.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > ratioFloor && f.CompressedSize64 > 0 && f.UncompressedSize64/f.CompressedSize64 > maxRatio {
			return fmt.Errorf("bagian %s berkas XLSX mengembang %d kali (%s MB) saat dibuka: berkas ini tidak dibaca; simpan ulang dari Excel hanya dengan baris data, lalu kirim lagi",
				f.Name, f.UncompressedSize64/f.CompressedSize64, thousands(int(f.UncompressedSize64>>20)))
		}
	}
	if total > maxInflated {
		return fmt.Errorf("berkas XLSX berisi %s MB setelah dibuka, lebih dari batas %s MB: pecah menjadi beberapa berkas (misalnya satu per bulan) atau kirim sebagai CSV",
			thousands(int(total>>20)), thousands(maxInflated>>20))
	}
	return nil
}

// readJSON accepts an array of objects or one object a line (NDJSON). The
// header is the union of keys in order of first appearance; ROW is the
// object's position in an array, or its line in NDJSON.
func readJSON(data []byte) ([]block, error) {
	return readJSONFrom(func() (io.Reader, func(), error) { return bytes.NewReader(data), func() {}, nil })
}

// readJSONFile reads a JSON file twice as it streams, never whole: once
// for the header (and every error), once for the rows.
func readJSONFile(path string) ([]block, error) {
	return readJSONFrom(func() (io.Reader, func(), error) {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, err
		}
		return f, func() { _ = f.Close() }, nil // read-only
	})
}

func readJSONFrom(open func() (io.Reader, func(), error)) ([]block, error) {
	r, done, err := open()
	if err != nil {
		return nil, err
	}
	var header []string
	seen := map[string]bool{}
	recs := newJSONRecords(r)
	for {
		_, _, keys, ok, err := recs.next()
		if err != nil {
			done()
			return nil, err
		}
		if !ok {
			break
		}
		for _, k := range keys {
			if !seen[k] {
				seen[k] = true
				header = append(header, k)
			}
		}
	}
	done()
	started := false
	return []block{{next: func() (int, []string, bool, error) {
		if !started {
			started = true
			if r, done, err = open(); err != nil {
				return 0, nil, false, err
			}
			recs = newJSONRecords(r)
			return 0, header, true, nil
		}
		line, obj, _, ok, err := recs.next()
		if err != nil || !ok {
			done()
			return 0, nil, false, err
		}
		cells := make([]string, len(header))
		for j, k := range header {
			cells[j] = jsonText(obj[k])
		}
		return line, cells, true, nil
	}}}, nil
}

// jsonRecords streams the objects of a JSON text: an array's elements, or
// the lines of NDJSON (a byte-order mark and leading white space skipped).
type jsonRecords struct {
	array bool
	dec   *json.Decoder
	lines *bufio.Reader
	i     int
}

func newJSONRecords(r io.Reader) *jsonRecords {
	br := bufio.NewReaderSize(r, 64<<10)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
		_, _ = br.Discard(3)
	}
	for {
		c, _, err := br.ReadRune()
		if err != nil {
			break
		}
		if !unicode.IsSpace(c) {
			_ = br.UnreadRune() // the rune just read
			break
		}
	}
	j := &jsonRecords{lines: br}
	if b, _ := br.Peek(1); len(b) == 1 && b[0] == '[' {
		j.array, j.dec = true, json.NewDecoder(br)
	}
	return j
}

// next returns the next object with its row (ROW of the report), or
// ok false at the end.
func (j *jsonRecords) next() (int, map[string]json.RawMessage, []string, bool, error) {
	if j.array {
		if j.i == 0 {
			if _, err := j.dec.Token(); err != nil {
				return 0, nil, nil, false, fmt.Errorf("JSON rusak: %v", err)
			}
		}
		if !j.dec.More() {
			return 0, nil, nil, false, nil
		}
		j.i++
		var raw json.RawMessage
		if err := j.dec.Decode(&raw); err != nil {
			return 0, nil, nil, false, fmt.Errorf("objek ke-%d: JSON rusak (%v): periksa berkas dengan validator JSON", j.i, err)
		}
		obj, keys, err := decodeObject(raw)
		if err != nil {
			return 0, nil, nil, false, fmt.Errorf("objek ke-%d: %v", j.i, err)
		}
		return j.i, obj, keys, true, nil
	}
	for {
		l, err := j.lines.ReadBytes('\n')
		if len(l) == 0 && err != nil {
			if err == io.EOF {
				return 0, nil, nil, false, nil
			}
			return 0, nil, nil, false, err
		}
		j.i++
		if l = bytes.TrimSpace(l); len(l) == 0 {
			continue
		}
		obj, keys, derr := decodeObject(l)
		if derr != nil {
			return 0, nil, nil, false, fmt.Errorf("baris %d: %v", j.i, derr)
		}
		return j.i, obj, keys, true, nil
	}
}

// decodeObject decodes one JSON object keeping its key order.
func decodeObject(raw []byte) (map[string]json.RawMessage, []string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	t, err := dec.Token()
	if err != nil || t != json.Delim('{') {
		return nil, nil, fmt.Errorf("bukan objek JSON: setiap data harus berupa objek {\"kolom\": nilai}")
	}
	obj := map[string]json.RawMessage{}
	var keys []string
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, nil, fmt.Errorf("JSON rusak: %v", err)
		}
		k, _ := kt.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, fmt.Errorf("JSON rusak pada kolom %q: %v", k, err)
		}
		if _, dup := obj[k]; !dup {
			keys = append(keys, k)
		}
		obj[k] = v
	}
	return obj, keys, nil
}

// jsonText turns a JSON value into the text a CSV cell would hold.
func jsonText(v json.RawMessage) string {
	v = bytes.TrimSpace(v)
	if len(v) == 0 || string(v) == "null" {
		return ""
	}
	if v[0] == '"' {
		var s string
		if json.Unmarshal(v, &s) == nil {
			return s
		}
	}
	return string(v)
}
