package demo

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/transform"
)

// This file turns tables into the file formats agencies send: CSV in its
// variants, JSON and NDJSON, and XLSX with title rows.

// cellKind says how a value is typed where the format has types.
type cellKind uint8

const (
	kText cellKind = iota
	kNIP           // text that looks like a number: a Text cell in XLSX
	kInt
	kNum
	kDate // v is an Excel serial; s the text form
	kTime // v is an Excel serial; s the text form
)

// cell is one value: s is what a CSV holds; v the number for typed formats.
type cell struct {
	s    string
	kind cellKind
	v    float64
}

func txt(s string) cell { return cell{s: s} }

func integer(n int) cell { return cell{s: strconv.Itoa(n), kind: kInt, v: float64(n)} }

func date(t time.Time) cell {
	return cell{s: t.Format("2006-01-02"), kind: kDate, v: excelSerial(t)}
}

// table is a header and a way to produce its rows; each calls yield with a
// slice that is only valid during the call.
type table struct {
	header []string
	each   func(yield func([]cell) error) error
}

// Header styles: how a file spells the canonical column names. All of them
// normalise back to the canonical name (case ignored, spaces are "_").
const (
	hdrLower = iota
	hdrUpper
	hdrTitle
)

func styleHeader(names []string, style int) []string {
	out := make([]string, len(names))
	for i, n := range names {
		switch style {
		case hdrUpper:
			out[i] = strings.ToUpper(n)
		case hdrTitle:
			words := strings.Split(n, "_")
			for j, w := range words {
				if w == "nip" || w == "skp" || w == "opd" || w == "id" || w == "jp" {
					words[j] = strings.ToUpper(w)
				} else {
					words[j] = strings.ToUpper(w[:1]) + w[1:]
				}
			}
			out[i] = strings.Join(words, " ")
		default:
			out[i] = n
		}
	}
	return out
}

// csvOpts are the variants of CSV seen in the inbox.
type csvOpts struct {
	comma        rune
	bom          bool // UTF-8 byte-order mark
	crlf         bool
	cp1252       bool // saved by a Windows spreadsheet in Windows-1252
	trailingRows int  // rows of only separators at the end
	trailingCols int  // empty columns at the end of every row
}

// checkEvery is how many rows pass between looks at the context.
const checkEvery = 4096

func writeCSV(ctx context.Context, w io.Writer, t table, o csvOpts) (int, error) {
	out := w
	var tw *transform.Writer
	if o.cp1252 {
		tw = transform.NewWriter(w, charmap.Windows1252.NewEncoder())
		out = tw
	} else if o.bom {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return 0, err
		}
	}
	cw := csv.NewWriter(out)
	cw.Comma = o.comma
	cw.UseCRLF = o.crlf
	pad := func(rec []string) []string {
		for range o.trailingCols {
			rec = append(rec, "")
		}
		return rec
	}
	if err := cw.Write(pad(append([]string(nil), t.header...))); err != nil {
		return 0, err
	}
	rec := make([]string, 0, len(t.header)+o.trailingCols)
	n := 0
	err := t.each(func(cells []cell) error {
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		n++
		rec = rec[:0]
		for _, c := range cells {
			rec = append(rec, c.s)
		}
		return cw.Write(pad(rec))
	})
	if err != nil {
		return n, err
	}
	for range o.trailingRows {
		if err := cw.Write(make([]string, len(t.header)+o.trailingCols)); err != nil {
			return n, err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return n, err
	}
	if tw != nil {
		return n, tw.Close()
	}
	return n, nil
}

// writeJSON writes an array of objects, or one object a line (NDJSON).
// Numbers are JSON numbers, an empty number is null, everything else is a
// string (a NIP in particular).
func writeJSON(ctx context.Context, w io.Writer, t table, ndjson bool) (int, error) {
	bw := bufio.NewWriter(w)
	keys := make([][]byte, len(t.header))
	for i, h := range t.header {
		keys[i] = appendJSONString(nil, h)
	}
	if !ndjson {
		if _, err := bw.WriteString("["); err != nil {
			return 0, err
		}
	}
	var buf []byte
	n := 0
	err := t.each(func(cells []cell) error {
		if n%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		buf = buf[:0]
		if !ndjson {
			if n > 0 {
				buf = append(buf, ',')
			}
			buf = append(buf, "\n  "...)
		}
		n++
		buf = append(buf, '{')
		for i, c := range cells {
			if i > 0 {
				buf = append(buf, ", "...)
			}
			buf = append(buf, keys[i]...)
			buf = append(buf, ": "...)
			switch {
			case (c.kind == kInt || c.kind == kNum) && c.s == "":
				buf = append(buf, "null"...)
			case c.kind == kInt || c.kind == kNum:
				buf = append(buf, c.s...)
			default:
				buf = appendJSONString(buf, c.s)
			}
		}
		buf = append(buf, '}')
		if ndjson {
			buf = append(buf, '\n')
		}
		_, err := bw.Write(buf)
		return err
	})
	if err != nil {
		return n, err
	}
	if !ndjson {
		if _, err := bw.WriteString("\n]\n"); err != nil {
			return n, err
		}
	}
	return n, bw.Flush()
}

func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// sheet is one worksheet: title lines in column A, then the header on row
// headerRow, then the data.
type sheet struct {
	name      string
	title     []string
	headerRow int
	table
}

// xlsxMeta are the document properties; fixed values keep the bytes stable.
type xlsxMeta struct {
	creator string
	title   string
	when    time.Time
}

// writeXLSX writes a workbook with excelize's StreamWriter, sheet by sheet.
func writeXLSX(ctx context.Context, w io.Writer, sheets []sheet, meta xlsxMeta) (int, error) {
	f := excelize.NewFile()
	// Close only removes excelize's temporary files; the workbook is
	// complete in w by then.
	defer func() { _ = f.Close() }()
	styles, err := newXLSXStyles(f)
	if err != nil {
		return 0, err
	}
	n := 0
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return n, fmt.Errorf("naming sheet %s: %w", sh.name, err)
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return n, fmt.Errorf("adding sheet %s: %w", sh.name, err)
		}
		sw, err := f.NewStreamWriter(sh.name)
		if err != nil {
			return n, err
		}
		if err := sw.SetColWidth(1, len(sh.header), 18); err != nil {
			return n, err
		}
		for r, line := range sh.title {
			style := 0
			if r == 0 {
				style = styles.bold
			}
			if err := sw.SetRow(fmt.Sprintf("A%d", r+1), []any{excelize.Cell{StyleID: style, Value: line}}); err != nil {
				return n, err
			}
		}
		head := make([]any, len(sh.header))
		for j, h := range sh.header {
			head[j] = excelize.Cell{StyleID: styles.bold, Value: h}
		}
		row := sh.headerRow
		if err := sw.SetRow(fmt.Sprintf("A%d", row), head); err != nil {
			return n, err
		}
		vals := make([]any, len(sh.header))
		err = sh.each(func(cells []cell) error {
			if n%checkEvery == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
			}
			n++
			row++
			for j, c := range cells {
				vals[j] = styles.value(c)
			}
			return sw.SetRow("A"+strconv.Itoa(row), vals)
		})
		if err != nil {
			return n, err
		}
		if err := sw.Flush(); err != nil {
			return n, err
		}
	}
	stamp := meta.when.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: meta.creator, LastModifiedBy: meta.creator, Created: stamp, Modified: stamp,
		Title: meta.title, Language: "id-ID",
	}); err != nil {
		return n, err
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &sortedZip{w: w} })
	_, err = f.WriteTo(w)
	return n, err
}

type xlsxStyles struct{ bold, text, date, datetime int }

func newXLSXStyles(f *excelize.File) (xlsxStyles, error) {
	var s xlsxStyles
	var err error
	dateFmt, timeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm:ss"
	if s.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return s, err
	}
	if s.text, err = f.NewStyle(&excelize.Style{NumFmt: 49}); err != nil {
		return s, err
	}
	if s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return s, err
	}
	s.datetime, err = f.NewStyle(&excelize.Style{CustomNumFmt: &timeFmt})
	return s, err
}

// value is a cell as excelize's StreamWriter takes it: numbers as numbers,
// dates as serials with a date format, a NIP as a Text cell, empty as nothing.
func (s xlsxStyles) value(c cell) any {
	if c.s == "" {
		return nil
	}
	switch c.kind {
	case kNIP:
		return excelize.Cell{StyleID: s.text, Value: c.s}
	case kInt:
		return int(c.v)
	case kNum:
		return c.v
	case kDate:
		return excelize.Cell{StyleID: s.date, Value: c.v}
	case kTime:
		return excelize.Cell{StyleID: s.datetime, Value: c.v}
	}
	return c.s
}

// sortedZip is an excelize.ZipWriter that writes entries in name order.
// excelize writes stream-written sheets in map order, so two runs would
// otherwise give different bytes when a workbook has several sheets. Each
// entry is deflated into memory as it comes (excelize writes one entry
// completely before creating the next) and all are stored on Close.
type sortedZip struct {
	w       io.Writer
	fw      *flate.Writer // compressor of the entry being written
	entries []*zipEntry
}

type zipEntry struct {
	z    *sortedZip
	name string
	buf  bytes.Buffer
	crc  hash.Hash32
	size uint64
}

// flatePool reuses compressors: each holds about a megabyte of tables.
var flatePool = sync.Pool{New: func() any {
	fw, _ := flate.NewWriter(io.Discard, flate.DefaultCompression)
	return fw
}}

func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc.Write(p)
	e.size += uint64(len(p))
	return e.z.fw.Write(p)
}

// finish completes the entry being written.
func (z *sortedZip) finish() error {
	if z.fw == nil {
		return nil
	}
	return z.fw.Close()
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	e := &zipEntry{z: z, name: name, crc: crc32.NewIEEE()}
	if z.fw == nil {
		z.fw = flatePool.Get().(*flate.Writer)
	}
	z.fw.Reset(&e.buf)
	z.entries = append(z.entries, e)
	return e, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("demo: AddFS is not supported") }

func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	if z.fw != nil {
		flatePool.Put(z.fw)
		z.fw = nil
	}
	sort.Slice(z.entries, func(i, j int) bool { return z.entries[i].name < z.entries[j].name })
	zw := zip.NewWriter(z.w)
	for _, e := range z.entries {
		hdr := &zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: uint64(e.buf.Len()), UncompressedSize64: e.size}
		fw, err := zw.CreateRaw(hdr)
		if err != nil {
			return err
		}
		if _, err := fw.Write(e.buf.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}
