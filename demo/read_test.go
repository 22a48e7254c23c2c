package demo

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// A small, independent reader of what Write produces, so the tests look at
// the files as the pipeline would: header found by name, any format.

// record is one data row: normalised column name -> text.
type record map[string]string

// inFile is one file read back.
type inFile struct {
	name      string
	dataset   string
	headers   [][]string // raw header of each block (sheet)
	headerRow []int      // 1-based row of each header
	rows      []record
	encoding  string
}

var headerSep = regexp.MustCompile(`[\s.\-]+`)

func normalize(h string) string {
	return headerSep.ReplaceAllString(strings.ToLower(strings.TrimSpace(h)), "_")
}

func datasetOf(name string) string {
	d, _, _ := strings.Cut(name, "_")
	return strings.TrimSuffix(d, filepath.Ext(d))
}

// isHeader says whether a row looks like the header of some dataset.
func isHeader(cells []string) bool {
	for _, c := range cells {
		switch normalize(c) {
		case "nip", "kode_indikator", "predikat_organisasi":
			return true
		}
	}
	return false
}

func readInbox(t testing.TB, dir string) []*inFile {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []*inFile
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left behind: %s", e.Name())
			continue
		}
		out = append(out, readFile(t, filepath.Join(dir, e.Name())))
	}
	return out
}

func readFile(t testing.TB, path string) *inFile {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f := &inFile{name: filepath.Base(path), dataset: datasetOf(filepath.Base(path)), encoding: "utf-8"}
	switch filepath.Ext(path) {
	case ".xlsx":
		readXLSX(t, f, data)
	case ".json":
		readJSON(t, f, data)
	default:
		readCSV(t, f, data)
	}
	return f
}

func addBlock(t testing.TB, f *inFile, rows [][]string, limit int) {
	t.Helper()
	h := -1
	for k := 0; k < len(rows) && k < limit; k++ {
		if isHeader(rows[k]) {
			h = k
			break
		}
	}
	if h < 0 {
		t.Errorf("%s: no header in the first %d rows", f.name, limit)
		return
	}
	header := rows[h]
	f.headers = append(f.headers, header)
	f.headerRow = append(f.headerRow, h+1)
	names := make([]string, len(header))
	for j, c := range header {
		names[j] = normalize(c)
	}
	for _, row := range rows[h+1:] {
		rec := record{}
		empty := true
		for j, v := range row {
			if j < len(names) && names[j] != "" {
				rec[names[j]] = v
			}
			if v != "" {
				empty = false
			}
		}
		if !empty {
			f.rows = append(f.rows, rec)
		}
	}
}

func readCSV(t testing.TB, f *inFile, data []byte) {
	switch {
	case bytes.HasPrefix(data, []byte("\ufeff")):
		data, f.encoding = data[3:], "utf-8-bom"
	case !utf8.Valid(data):
		var err error
		if data, err = charmap.Windows1252.NewDecoder().Bytes(data); err != nil {
			t.Fatal(err)
		}
		f.encoding = "windows-1252"
	}
	first, _, _ := bytes.Cut(data, []byte("\n"))
	comma, best := ';', -1
	for _, c := range []rune{';', ',', '\t'} {
		if n := bytes.Count(first, []byte(string(c))); n > best {
			comma, best = c, n
		}
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma, r.FieldsPerRecord, r.LazyQuotes = comma, -1, true
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", f.name, err)
	}
	addBlock(t, f, rows, 1)
}

func readXLSX(t testing.TB, f *inFile, data []byte) {
	x, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", f.name, err)
	}
	defer func() { _ = x.Close() }() // read-only
	for _, sh := range x.GetSheetList() {
		rows, err := x.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s/%s: %v", f.name, sh, err)
		}
		addBlock(t, f, rows, 20)
	}
}

// nipCellTypes returns the cell type of the first NIP cell of every sheet.
func nipCellTypes(t testing.TB, path string) map[string]excelize.CellType {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = x.Close() }() // read-only
	out := map[string]excelize.CellType{}
	for _, sh := range x.GetSheetList() {
		rows, err := x.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for j, c := range row {
				if normalize(c) == "nip" && r+1 < len(rows) {
					ref, _ := excelize.CoordinatesToCellName(j+1, r+2)
					out[sh], _ = x.GetCellType(sh, ref)
				}
			}
			if _, ok := out[sh]; ok || r > 20 {
				break
			}
		}
	}
	return out
}

func readJSON(t testing.TB, f *inFile, data []byte) {
	var objs []map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
		if err := dec.Decode(&objs); err != nil {
			t.Fatalf("%s: %v", f.name, err)
		}
	} else {
		for {
			var o map[string]any
			if err := dec.Decode(&o); err == io.EOF {
				break
			} else if err != nil {
				t.Fatalf("%s: %v", f.name, err)
			}
			objs = append(objs, o)
		}
	}
	if len(objs) == 0 {
		t.Fatalf("%s: no objects", f.name)
	}
	var header []string
	for k := range objs[0] {
		header = append(header, k)
	}
	f.headers, f.headerRow = [][]string{header}, []int{0}
	for _, o := range objs {
		rec := record{}
		for k, v := range o {
			switch v := v.(type) {
			case nil:
				rec[normalize(k)] = ""
			case string:
				rec[normalize(k)] = v
			case json.Number:
				rec[normalize(k)] = v.String()
			default:
				t.Fatalf("%s: %s has a %T", f.name, k, v)
			}
		}
		f.rows = append(f.rows, rec)
	}
}

// cleanNIP strips the apostrophe and spaces agencies add.
func cleanNIP(s string) string {
	return strings.ReplaceAll(strings.TrimPrefix(strings.TrimSpace(s), "'"), " ", "")
}

// parseWaktu reads waktu_dinilai in any of the written forms (WIB).
func parseWaktu(s string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02 15:04:05", "02/01/2006 15:04"} {
		if t, err := time.ParseInLocation(layout, s, wib); err == nil {
			return t, true
		}
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, wib)
		return base.Add(time.Duration(v*86400+0.5) * time.Second), true
	}
	return time.Time{}, false
}

// parseDate reads a date written as YYYY-MM-DD or as an Excel serial.
func parseDate(s string) (time.Time, bool) {
	if t, err := time.ParseInLocation("2006-01-02", s, wib); err == nil {
		return t, true
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		return time.Date(1899, 12, 30, 0, 0, 0, 0, wib).AddDate(0, 0, int(v)), true
	}
	return time.Time{}, false
}
