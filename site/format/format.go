// Package format writes numbers, percentages, changes and months the way
// each language of kinerja's outputs reads them: Bahasa Indonesia
// (1.234,5; Januari 2026) and English (1,234.5; January 2026). The public
// site and the leadership report both write through it, so the same number
// reads the same in both.
package format

import (
	"math"
	"strconv"
	"strings"
)

// Language is one language's way of writing numbers and months.
type Language struct {
	Code     string // "id" or "en"
	Months   [12]string
	Decimal  string
	Thousand string
	Points   string // the unit of a change of a percentage: "poin", "pts"
}

// ID is Bahasa Indonesia.
var ID = Language{
	Code:    "id",
	Months:  [12]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"},
	Decimal: ",", Thousand: ".", Points: "poin",
}

// EN is English.
var EN = Language{
	Code:    "en",
	Months:  [12]string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	Decimal: ".", Thousand: ",", Points: "pts",
}

// Of is the language of code ("id" or "en"); Indonesian for any other.
func Of(code string) Language {
	if code == "en" {
		return EN
	}
	return ID
}

// Month writes "2026-01" as "Januari 2026" / "January 2026".
func (l Language) Month(periode string) string {
	y, m, ok := strings.Cut(periode, "-")
	mi, err := strconv.Atoi(m)
	if !ok || err != nil || mi < 1 || mi > 12 {
		return periode
	}
	return l.Months[mi-1] + " " + y
}

// MonthShort writes "2026-01" as "Jan 2026".
func (l Language) MonthShort(periode string) string {
	y, m, ok := strings.Cut(periode, "-")
	mi, err := strconv.Atoi(m)
	if !ok || err != nil || mi < 1 || mi > 12 {
		return periode
	}
	return l.Months[mi-1][:3] + " " + y
}

// Number writes f with the given decimals; "–" when it is no number.
func (l Language) Number(f float64, decimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "–"
	}
	s := strconv.FormatFloat(math.Abs(f), 'f', decimals, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	if f < 0 && strings.Trim(s, "0.") != "" {
		b.WriteString("−")
	}
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(l.Thousand)
		}
		b.WriteRune(c)
	}
	if frac != "" {
		b.WriteString(l.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// Int writes a count.
func (l Language) Int(n int) string { return l.Number(float64(n), 0) }

// Value writes an optional value with decimals; "–" when there is none.
func (l Language) Value(p *float64, decimals int) string {
	if p == nil {
		return "–"
	}
	return l.Number(*p, decimals)
}

// Pct writes a percentage with one decimal, "–" when undefined.
func (l Language) Pct(p *float64) string {
	if p == nil {
		return "–"
	}
	return l.Number(*p, 1) + "%"
}

// Delta writes the change from prev to cur of a percentage, in points with
// its sign; "–" when either is undefined.
func (l Language) Delta(cur, prev *float64) string {
	if cur == nil || prev == nil {
		return "–"
	}
	return l.Change(*cur - *prev)
}

// Change writes a change of a percentage in points with its sign.
func (l Language) Change(d float64) string {
	sign := "+"
	if d < 0 {
		sign = "−"
	}
	return sign + l.Number(math.Abs(d), 1) + " " + l.Points
}
