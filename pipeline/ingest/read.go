package ingest

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
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

// decodeText returns the file's text as UTF-8: a UTF-8 or UTF-16 byte-order
// mark is honoured and removed, and bytes that are not valid UTF-8 are read
// as Windows-1252, what spreadsheets on Indonesian Windows machines save.
func decodeText(b []byte) ([]byte, string, error) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}) && utf8.Valid(b[3:]):
		return b[3:], "utf-8-bom", nil
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		// A byte-order mark before Windows-1252 text (found by fuzzing):
		// the mark lies; read the rest as the spreadsheet wrote it.
		out, err := charmap.Windows1252.NewDecoder().Bytes(b[3:])
		return out, "windows-1252", err
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		return out, "utf-16", err
	case utf8.Valid(b):
		return b, "utf-8", nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	return out, "windows-1252", err
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

func readCSV(data []byte) ([]block, string, error) {
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, enc, fmt.Errorf("berkas tidak dapat dibaca sebagai teks (%v): simpan ulang sebagai CSV UTF-8", err)
	}
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = sniffDelimiter(text)
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
	}}}, enc, nil
}

// instructionSheets are sheets of explanations, never data.
var instructionSheets = map[string]bool{"petunjuk": true, "panduan": true, "keterangan": true, "readme": true}

// readXLSX reads every visible sheet but instruction sheets. Values are read raw (RawCellValue) so
// a date is its serial number and a number keeps what Excel stored: a NIP
// typed as a number shows up as 1.98501012010011E+17 or with its last digits
// zeroed, which validation then explains.
func readXLSX(data []byte) ([]block, func(), error) {
	if err := checkInflation(data); err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxInflated})
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
func checkInflation(data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
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
	text := bytes.TrimSpace(bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF}))
	type rec struct {
		line int
		obj  map[string]json.RawMessage
		keys []string
	}
	var recs []rec
	if bytes.HasPrefix(text, []byte("[")) {
		dec := json.NewDecoder(bytes.NewReader(text))
		if _, err := dec.Token(); err != nil {
			return nil, fmt.Errorf("JSON rusak: %v", err)
		}
		for i := 1; dec.More(); i++ {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, fmt.Errorf("objek ke-%d: JSON rusak (%v): periksa berkas dengan validator JSON", i, err)
			}
			obj, keys, err := decodeObject(raw)
			if err != nil {
				return nil, fmt.Errorf("objek ke-%d: %v", i, err)
			}
			recs = append(recs, rec{i, obj, keys})
		}
	} else {
		for i, l := range bytes.Split(text, []byte("\n")) {
			l = bytes.TrimSpace(l)
			if len(l) == 0 {
				continue
			}
			obj, keys, err := decodeObject(l)
			if err != nil {
				return nil, fmt.Errorf("baris %d: %v", i+1, err)
			}
			recs = append(recs, rec{i + 1, obj, keys})
		}
	}
	var header []string
	seen := map[string]bool{}
	for _, r := range recs {
		for _, k := range r.keys {
			if !seen[k] {
				seen[k] = true
				header = append(header, k)
			}
		}
	}
	i := -1
	return []block{{next: func() (int, []string, bool, error) {
		i++
		if i == 0 {
			return 0, header, true, nil
		}
		if i > len(recs) {
			return 0, nil, false, nil
		}
		r := recs[i-1]
		cells := make([]string, len(header))
		for j, k := range header {
			cells[j] = jsonText(r.obj[k])
		}
		return r.line, cells, true, nil
	}}}, nil
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
