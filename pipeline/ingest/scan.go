package ingest

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"sync"
	"unicode/utf8"
)

// A scanned file is what one streaming pass over its bytes learned before
// anything is loaded: the hash that identifies it (duplicates, lineage), how
// its text is encoded and, for CSV, the shape that lets DuckDB's own reader
// load it (csvShape). The pass holds one buffer, never the file.
type scanned struct {
	path   string
	size   int64
	sha256 string
	// bom is the byte-order mark the file starts with: "utf-8", "utf-16" or "".
	bom string
	// validUTF8 says whether the bytes after a UTF-8 mark (or all of them)
	// are UTF-8; text that is not is read as Windows-1252 (decodeText).
	validUTF8 bool
	csv       csvShape
}

// encoding names the file's text encoding as decodeText decides it.
func (s scanned) encoding() string {
	switch {
	case s.bom == "utf-16":
		return "utf-16"
	case !s.validUTF8:
		return "windows-1252"
	case s.bom == "utf-8":
		return "utf-8-bom"
	}
	return "utf-8"
}

// sniffBytes is how much of a file's start the delimiter is sniffed from
// (sniffDelimiter reads only its first 20 lines), and the chunk the scan
// reads at a time.
const sniffBytes = 1 << 20

// scanFile reads path once: hashing it and, when it is CSV, checking its
// structure with csvShape; prog (may be nil) hears how far it got.
func scanFile(path string, prog *progressOf) (scanned, error) {
	f, err := os.Open(path)
	if err != nil {
		return scanned{}, err
	}
	defer func() { _ = f.Close() }() // read-only
	var total int64
	if st, err := f.Stat(); err == nil {
		total = st.Size()
	}
	sc := scanned{path: path, validUTF8: true}
	h := sha256.New()
	buf := make([]byte, sniffBytes)
	var shape *csvShaper
	var carry []byte // an incomplete UTF-8 sequence at the end of a chunk
	first := true
	for {
		n, err := io.ReadFull(f, buf)
		chunk := buf[:n]
		if n > 0 {
			// Hashing and checking the structure take about the same
			// time: each chunk is hashed on another core meanwhile.
			var hashed sync.WaitGroup
			whole := chunk
			hashed.Go(func() { h.Write(whole) })
			sc.size += int64(n)
			if first {
				first = false
				var skip int
				sc.bom, skip = byteOrderMark(chunk)
				chunk = chunk[skip:]
				if formatOf(path) == "csv" {
					shape = newCSVShaper(sniffDelimiter(headLines(chunk)))
				}
			}
			if sc.validUTF8 && sc.bom != "utf-16" {
				carry, sc.validUTF8 = validChunk(carry, chunk, err != nil)
			}
			if shape != nil && sc.bom != "utf-16" {
				shape.feed(chunk)
			}
			hashed.Wait()
			records := 0
			if shape != nil {
				records = shape.shape.records
			}
			prog.read(sc.size, total, records)
		}
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			break
		}
		if err != nil {
			return sc, fmt.Errorf("reading %s: %w", path, err)
		}
	}
	if len(carry) > 0 {
		sc.validUTF8 = false // the file ends inside a UTF-8 sequence
	}
	sc.sha256 = hex.EncodeToString(h.Sum(nil))
	if shape != nil && sc.bom != "utf-16" {
		sc.csv = shape.end()
	} else if shape != nil {
		sc.csv = csvShape{why: "UTF-16 text"}
	}
	return sc, nil
}

// byteOrderMark names the byte-order mark b starts with ("utf-8",
// "utf-16" or "") and how many bytes to skip for it: a UTF-16 mark is
// kept, its decoder reads the byte order from it.
func byteOrderMark(b []byte) (string, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return "utf-8", 3
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return "utf-16", 0
	}
	return "", 0
}

// headLines is the start of text that sniffDelimiter looks at.
func headLines(b []byte) []byte {
	if len(b) > sniffBytes {
		b = b[:sniffBytes]
	}
	return b
}

// validChunk checks one chunk of a stream for UTF-8, carrying a sequence
// cut by the chunk's end over to the next one.
func validChunk(carry, chunk []byte, last bool) ([]byte, bool) {
	if len(carry) > 0 {
		need := 0
		for need < len(chunk) && need < utf8.UTFMax && !utf8.FullRune(append(carry, chunk[:need]...)) {
			need++
		}
		joined := append(carry, chunk[:need]...)
		if r, size := utf8.DecodeRune(joined); r == utf8.RuneError && size <= 1 || size != len(joined) {
			return nil, false
		}
		chunk = chunk[need:]
	}
	// Hold back a sequence the chunk cuts off.
	cut := len(chunk)
	for i := len(chunk) - 1; i >= 0 && i >= len(chunk)-utf8.UTFMax; i-- {
		if utf8.RuneStart(chunk[i]) {
			if !utf8.FullRune(chunk[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(chunk[:cut]) {
		return nil, false
	}
	rest := append([]byte(nil), chunk[cut:]...)
	if last && len(rest) > 0 {
		return nil, false
	}
	return rest, true
}

// csvShape is what DuckDB's read_csv needs to load a CSV file exactly as
// Go's encoding/csv (readCSV) reads it, or why it cannot.
type csvShape struct {
	// ok: every record is plain RFC 4180 (fields either unquoted without a
	// quote in them, or quoted with "" for a quote and no carriage return
	// inside), lines end in LF or CRLF, and there is no NUL byte. On these
	// files both readers see the same records; on any other the Go reader
	// reads the file, as it always did.
	ok  bool
	why string // why not ok
	// delim is the sniffed field separator.
	delim byte
	// records counts the records, blank lines not counted (both readers
	// skip them).
	records int
	// maxFields is the most fields of any record, maxRecord the longest
	// record in bytes.
	maxFields, maxRecord int
	// jumps locate records on their lines: record jumps[i].record starts on
	// line jumps[i].line, and the records after it on the lines after it,
	// until the next jump (a blank line, or a record over several lines).
	jumps []lineJump
	// multiLine: some record spans several lines (a quoted line break),
	// which DuckDB's reader reads only single-threaded.
	multiLine bool
}

type lineJump struct{ record, line int }

// maxJumps is the most line jumps a file may have for DuckDB to read it;
// past it the Go reader reads the file (a file of mostly blank lines).
const maxJumps = 1 << 20

// csvShaper checks a CSV stream's structure chunk by chunk, a small state
// machine over the bytes the structure is made of.
type csvShaper struct {
	shape     csvShape
	special   [256]bool
	state     uint8
	line      int  // the line being read, 1-based
	started   bool // the current record has a byte
	recStart  int  // line the current record started on
	recBytes  int
	fields    int
	prevStart int // line the previous record started on
	pendingCR bool
}

const (
	atFieldStart = iota
	inUnquoted
	inQuoted
	afterQuote // a quote inside a quoted field: its end, or the first of ""
)

func newCSVShaper(delim rune) *csvShaper {
	s := &csvShaper{line: 1, prevStart: 0}
	s.shape.delim = byte(delim)
	s.shape.ok = true
	for _, c := range []byte{byte(delim), '"', '\n', '\r', 0} {
		s.special[c] = true
	}
	return s
}

func (s *csvShaper) fail(why string) {
	if s.shape.ok {
		s.shape.ok, s.shape.why = false, fmt.Sprintf("line %d: %s", s.line, why)
	}
}

func (s *csvShaper) feed(b []byte) {
	if !s.shape.ok {
		return
	}
	delim := s.shape.delim
	for i := 0; i < len(b); i++ {
		if !s.started && !s.pendingCR && s.state == atFieldStart {
			// At a line's start: a whole line without a quote, NUL or
			// carriage return inside is a record of its delimiters plus one
			// fields, found with the library's vectorised searches.
			if n := s.plainLine(b[i:], delim); n > 0 {
				i += n - 1
				continue
			}
		}
		c := b[i]
		if s.pendingCR {
			s.pendingCR = false
			if c != '\n' {
				s.fail("a carriage return that does not end a line")
				return
			}
		}
		if !s.special[c] {
			if !s.started {
				s.started, s.recStart = true, s.line
			}
			switch s.state {
			case atFieldStart:
				s.state = inUnquoted
			case afterQuote:
				s.fail("text after the closing quote of a field")
				return
			}
			// The bytes up to the next one that matters.
			j := i + 1
			for j < len(b) && !s.special[b[j]] {
				j++
			}
			s.recBytes += j - i
			i = j - 1
			continue
		}
		s.recBytes++
		switch {
		case c == 0:
			s.fail("a NUL byte")
			return
		case s.state == inQuoted:
			switch c {
			case '"':
				s.state = afterQuote
			case '\n':
				s.line++
				s.shape.multiLine = true
			case '\r':
				s.fail("a carriage return inside a quoted field")
				return
			}
			// the delimiter is text inside quotes
		case c == '"':
			switch s.state {
			case atFieldStart:
				if !s.started {
					s.started, s.recStart = true, s.line
				}
				s.state = inQuoted
			case afterQuote:
				s.state = inQuoted // "" inside a quoted field
			default:
				s.fail("a quote inside an unquoted field")
				return
			}
		case c == delim:
			if !s.started {
				s.started, s.recStart = true, s.line
			}
			s.fields++
			s.state = atFieldStart
		case c == '\r':
			s.pendingCR = true
		case c == '\n':
			s.endLine()
		}
	}
}

// plainLine takes the line at the start of b when it is whole in b and
// plain, and returns its length with the LF, or 0.
func (s *csvShaper) plainLine(b []byte, delim byte) int {
	end := bytes.IndexByte(b, '\n')
	if end < 0 {
		return 0
	}
	line := b[:end]
	if len(line) > 0 && line[len(line)-1] == '\r' {
		line = line[:len(line)-1]
	}
	if bytes.IndexByte(line, '"') >= 0 || bytes.IndexByte(line, '\r') >= 0 || bytes.IndexByte(line, 0) >= 0 {
		return 0
	}
	if len(line) > 0 {
		s.started, s.recStart = true, s.line
		s.fields = bytes.Count(line, []byte{delim})
		s.recBytes = end + 1
	}
	s.endLine()
	return end + 1
}

// endLine ends a line outside quotes: a record, or a blank line.
func (s *csvShaper) endLine() {
	if s.started {
		s.endRecord()
	}
	s.line++
}

func (s *csvShaper) endRecord() {
	sh := &s.shape
	if s.recStart != s.prevStart+1 {
		if len(sh.jumps) >= maxJumps {
			s.fail("too many blank lines")
			return
		}
		sh.jumps = append(sh.jumps, lineJump{record: sh.records, line: s.recStart})
	}
	s.prevStart = s.recStart
	sh.records++
	sh.maxFields = max(sh.maxFields, s.fields+1)
	sh.maxRecord = max(sh.maxRecord, s.recBytes)
	s.started, s.fields, s.recBytes, s.state = false, 0, 0, atFieldStart
}

func (s *csvShaper) end() csvShape {
	switch {
	case !s.shape.ok:
	case s.pendingCR:
		s.fail("a carriage return at the end of the file")
	case s.state == inQuoted:
		s.fail("a quoted field that is never closed")
	case s.started:
		s.endRecord()
	}
	return s.shape
}
