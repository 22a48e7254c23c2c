// Package formula keeps text that agencies sent from running as a formula
// when a person opens a kinerja file in Excel or LibreOffice (OWASP "CSV
// injection"): a text cell that begins with =, +, -, @, a tab or a carriage
// return gets a leading apostrophe, which spreadsheets show as text. Only
// text is touched: numbers stay numbers (a negative value is a number, not
// text), and JSON keeps the raw value.
//
// Every writer of a file a person may open in a spreadsheet uses it: the
// site's published CSVs and chart downloads, `kinerja sql --format csv`, the
// analysts' CSV export (through SQLExpr) and the templates.
package formula

import (
	"regexp"
	"strconv"
	"strings"
)

// Leading are the first characters that make a spreadsheet read a cell as
// a formula.
const Leading = "=+-@\t\r"

// Dangerous reports whether text would be read as a formula.
func Dangerous(text string) bool {
	return text != "" && strings.IndexByte(Leading, text[0]) >= 0
}

// plainNumber is a number as the site and exports write it ("-1.25",
// "3e-05"): it starts with a sign but is a value, not a formula.
var plainNumber = regexp.MustCompile(`^[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)

// Neutralize returns text as a spreadsheet shows it as text. A plain
// number is left as it is, so a negative value stays a number.
func Neutralize(text string) string {
	if Dangerous(text) && !isNumber(text) {
		return "'" + text
	}
	return text
}

func isNumber(text string) bool {
	if !plainNumber.MatchString(text) {
		return false
	}
	_, err := strconv.ParseFloat(text, 64) // "+1e700" is no number (found by fuzzing)
	return err == nil
}

// SQLExpr is Neutralize in DuckDB SQL for the text column expression col,
// for exports that DuckDB writes itself (COPY ... TO).
func SQLExpr(col string) string {
	number := "(regexp_full_match(" + col + `, '[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?') AND isfinite(TRY_CAST(` + col + " AS DOUBLE)) IS TRUE)"
	return "CASE WHEN left(" + col + ", 1) IN ('=', '+', '-', '@', chr(9), chr(13)) AND NOT " + number +
		" THEN '''' || " + col + " ELSE " + col + " END"
}
