package format_test

import (
	"testing"

	"github.com/lampungprov/kinerja/site/format"
)

func TestNumbersAndMonthsInBothLanguages(t *testing.T) {
	v, p := 95.26, 93.0
	cases := []struct{ got, want string }{
		{format.ID.Number(1234.5, 1), "1.234,5"},
		{format.EN.Number(1234.5, 1), "1,234.5"},
		{format.ID.Number(-0.04, 1), "0,0"},
		{format.ID.Number(-2.5, 1), "−2,5"},
		{format.ID.Pct(&v), "95,3%"},
		{format.ID.Pct(nil), "–"},
		{format.ID.Delta(&v, &p), "+2,3 poin"},
		{format.EN.Delta(&p, &v), "−2.3 pts"},
		{format.ID.Month("2026-02"), "Februari 2026"},
		{format.EN.MonthShort("2026-12"), "Dec 2026"},
		{format.ID.Month("tahunan"), "tahunan"},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
