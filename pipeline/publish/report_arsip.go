package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"

	"github.com/lampungprov/kinerja/pipeline/durable"
	"github.com/lampungprov/kinerja/reports"
)

// IndexFile is the archive page of the reports folder.
const IndexFile = "index.html"

// archived matches the files the archive lists: laporan-YYYY-MM.html,
// .pdf, and their English .en.html, .en.pdf.
var archived = regexp.MustCompile(`^laporan-(\d{4}-\d{2})(\.en)?\.(html|pdf)$`)

// WriteIndex rewrites the archive page of the reports folder dir: every
// month's report files, newest first. It is written beside, fsynced and
// renamed, so a reader never sees half a list; it lists what is in the
// folder, so a report written by hand or deleted is right after the next
// report.
func WriteIndex(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return fmt.Errorf("listing reports in %s: %w", dir, err)
	}
	byMonth := map[string]*reports.IndexEntry{}
	for _, e := range entries {
		m := archived.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		ie := byMonth[m[1]]
		if ie == nil {
			ie = &reports.IndexEntry{Month: m[1]}
			byMonth[m[1]] = ie
		}
		switch m[2] + m[3] {
		case "html":
			ie.HTML = e.Name()
		case "pdf":
			ie.PDF = e.Name()
		case ".enhtml":
			ie.HTMLEN = e.Name()
		case ".enpdf":
			ie.PDFEN = e.Name()
		}
	}
	var idx reports.Index
	for _, ie := range byMonth {
		idx.Reports = append(idx.Reports, *ie)
	}
	sort.Slice(idx.Reports, func(i, j int) bool { return idx.Reports[i].Month > idx.Reports[j].Month })
	b, err := reports.RenderIndex(idx)
	if err != nil {
		return err
	}
	return durable.WriteFile(filepath.Join(dir, IndexFile), b, 0o644)
}
