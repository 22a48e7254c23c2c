package formula_test

import (
	"context"
	"strconv"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/formula"
	"github.com/lampungprov/kinerja/pipeline/store"
)

var cases = []struct{ in, want string }{
	{`=HYPERLINK("http://x","klik")`, `'=HYPERLINK("http://x","klik")`},
	{"@SUM(1+1)", "'@SUM(1+1)"},
	{"+62 812", "'+62 812"},
	{"-2+3", "'-2+3"},
	{"-1.25", "-1.25"},
	{"+3e-05", "+3e-05"},
	{"-Inf", "'-Inf"},
	{"+1e700", "'+1e700"},
	{"\tx", "'\tx"},
	{"\rx", "'\rx"},
	{"DINAS PENDIDIKAN", "DINAS PENDIDIKAN"},
	{"a=b", "a=b"},
	{"", ""},
	{"'=already", "'=already"},
}

func TestNeutralizeMakesEveryFormulaText(t *testing.T) {
	for _, c := range cases {
		if got := formula.Neutralize(c.in); got != c.want {
			t.Errorf("Neutralize(%q) = %q, want %q", c.in, got, c.want)
		}
		if n := formula.Neutralize(c.in); formula.Dangerous(n) && n != c.in {
			t.Errorf("Neutralize(%q) is still a formula", c.in)
		}
	}
}

// TestSQLExprIsNeutralize: the SQL of DuckDB's own exports says the same.
func TestSQLExprIsNeutralize(t *testing.T) {
	db, err := store.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = db.Close() }() // in memory
	for _, c := range cases {
		var got string
		if err := db.Row(context.Background(), `SELECT `+formula.SQLExpr("s")+` FROM (SELECT ?::VARCHAR AS s)`, c.in).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("SQLExpr(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzNeutralize(f *testing.F) {
	for _, c := range cases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := formula.Neutralize(s)
		if formula.Dangerous(n) {
			if _, err := strconv.ParseFloat(n, 64); err != nil || n != s {
				t.Fatalf("Neutralize(%q) = %q is a formula", s, n)
			}
		}
		if !formula.Dangerous(s) && n != s {
			t.Fatalf("Neutralize changed safe text %q to %q", s, n)
		}
	})
}
