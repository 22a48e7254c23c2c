package reports

import (
	"bytes"
	"fmt"
)

// Index is the archive of a reports folder: every month's report files.
type Index struct {
	Lang    string // "id" (default) or "en"
	Reports []IndexEntry
}

// IndexEntry is one month of the archive; a file name is "" when that file
// does not exist.
type IndexEntry struct {
	Month         string // YYYY-MM
	HTML, PDF     string // the Indonesian report
	HTMLEN, PDFEN string // the English one
}

// RenderIndex writes the archive page (index.html of the reports folder),
// in the order of idx.Reports (newest first, as pipeline/publish lists it).
func RenderIndex(idx Index) ([]byte, error) {
	l := langOf(idx.Lang)
	var b bytes.Buffer
	err := tmpl.ExecuteTemplate(&b, "index.html", struct {
		lang
		Reports []IndexEntry
	}{l, idx.Reports})
	if err != nil {
		return nil, fmt.Errorf("rendering the report archive: %w", err)
	}
	return b.Bytes(), nil
}
