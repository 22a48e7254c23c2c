package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Limits of what a file may hold, each with a clear message when passed: a
// file (a hostile one, or a sheet formatted down to its last row) must not
// take a run's memory or time, nor write a report nobody can read.
const (
	// MaxListed problems are listed one a line in the report; the rest are
	// counted by kind.
	MaxListed = 1000
	// maxEmptyRequired rows with something in them but nothing in any
	// required column stop the reading of a file: a sheet formatted or
	// filled down far below its data.
	maxEmptyRequired = 1000
	// Excel's own limits of a sheet.
	maxSheetRows = 1_048_576
	maxColumns   = 16_384
	// maxUnknownColumns columns that are no column of the dataset reject a
	// file: it is some other table.
	maxUnknownColumns = 100
	// defaultCellLength is the most characters a cell may hold; longTextCell
	// for free-text columns, nameCell for names of agencies and units.
	defaultCellLength = 1000
	longTextCell      = 4000
	nameCell          = 300
)

// cellLimit is the most characters a cell of column may hold.
func cellLimit(column string) int {
	switch column {
	case "keterangan", "indikator", "nama_pelatihan":
		return longTextCell
	case "skp_unor_induk", "skp_unor", "opd", "pegawai_atasan_unor", "penyelenggara":
		return nameCell
	}
	return defaultCellLength
}

// ProblemCount is a kind of problem beyond the listed ones, and how often.
type ProblemCount struct {
	Kind  string
	Count int
}

var (
	quotedValue = regexp.MustCompile(`"[^"]*"`)
	number      = regexp.MustCompile(`[0-9]+`)
)

// problemKind groups problems that differ only in the value they quote:
// the column and the message up to its first colon, values elided. The
// problems beyond the listed ones are grouped the same way in SQL
// (queries/stg/galat_jenis.sql): the two must agree.
func problemKind(column, text string) string {
	head, _, _ := strings.Cut(text, ":")
	head = number.ReplaceAllString(quotedValue.ReplaceAllString(head, `"…"`), "N")
	if column == "" {
		return head
	}
	return column + ": " + head
}

// addProblem lists p, or counts it by kind once MaxListed are listed.
func (fr *FileResult) addProblem(p Problem) {
	fr.TotalProblems++
	if len(fr.Problems) < MaxListed {
		fr.Problems = append(fr.Problems, p)
		return
	}
	fr.countMore(problemKind(p.Column, p.Text), 1)
}

func (fr *FileResult) countMore(kind string, n int) {
	for i := range fr.MoreProblems {
		if fr.MoreProblems[i].Kind == kind {
			fr.MoreProblems[i].Count += n
			return
		}
	}
	fr.MoreProblems = append(fr.MoreProblems, ProblemCount{kind, n})
}

// ProblemTotal is the number of problems of the file, listed or counted.
func (fr FileResult) ProblemTotal() int {
	if fr.TotalProblems > len(fr.Problems) {
		return fr.TotalProblems
	}
	return len(fr.Problems)
}

// ReportLines are the problems as the report lists them: the listed ones,
// then one line that counts the rest by kind, most frequent first.
func (fr FileResult) ReportLines() []Problem {
	if len(fr.MoreProblems) == 0 {
		return fr.Problems
	}
	more := append([]ProblemCount(nil), fr.MoreProblems...)
	sort.SliceStable(more, func(i, j int) bool { return more[i].Count > more[j].Count })
	total := 0
	parts := make([]string, 0, len(more))
	for _, m := range more {
		total += m.Count
		parts = append(parts, thousands(m.Count)+" × "+m.Kind)
	}
	line := Problem{File: fr.Name, Text: fmt.Sprintf("dan %s masalah lain: %s", thousands(total), strings.Join(parts, ", "))}
	return append(append([]Problem(nil), fr.Problems...), line)
}

// thousands writes n the Indonesian way, 12.000.000.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "." + s[i:]
	}
	return s
}
