package publish

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/lampungprov/kinerja/pipeline/durable"
)

// A stamp is the record, beside an output, of the fingerprint of the inputs
// it was made from (pipeline/fingerprint.go) and of the files it vouches
// for, each with its size and modification time. The pipeline writes one
// after the output is on disk; Site and WriteReport remove it before they
// write, so a stamp is missing or vouches for files as they are, never for
// files half-written or written from other inputs.
//
//	kinerja-sidik 1 <fingerprint>
//	<size> <mtime in ns> <file name relative to the stamp's folder>

const stampHeader = "kinerja-sidik 1 "

// SiteStamp is the stamp of the site at out: inside it, so that a site
// swapped, copied back or deleted takes its stamp with it. A hidden file
// that verify and the revision log do not see.
func SiteStamp(out string) string { return filepath.Join(out, ".sidik") }

// ReportStamp is the stamp of the report at path: a hidden file beside it.
func ReportStamp(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".sidik")
}

// StampSite records that the site at out, as it is now, was built from
// inputs with fingerprint fp. It vouches for index.html, which every build
// rewrites when anything of the site changes.
func StampSite(out, fp string) error {
	return writeStamp(SiteStamp(out), fp, "index.html")
}

// StampReport records that the report WriteReport wrote (res), as it is now,
// was made from inputs with fingerprint fp: its HTML, its PDF, and the
// archive's index beside it.
func StampReport(res ReportResult, fp string) error {
	dir := filepath.Dir(res.HTML)
	files := []string{filepath.Base(res.HTML)}
	if res.PDF != "" {
		files = append(files, filepath.Base(res.PDF))
	}
	if _, err := os.Stat(filepath.Join(dir, IndexFile)); err == nil {
		files = append(files, IndexFile)
	}
	return writeStamp(ReportStamp(res.HTML), fp, files...)
}

// removeStamp removes the stamp at path, durably: the output it vouches
// for is about to change.
func removeStamp(path string) error {
	err := os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("removing %s: %w", path, err)
	}
	return durable.SyncDir(filepath.Dir(path))
}

// writeStamp records that the files (names relative to the stamp's folder),
// as they are now, were made from inputs with fingerprint fp.
func writeStamp(path, fp string, files ...string) error {
	var b strings.Builder
	b.WriteString(stampHeader + fp + "\n")
	for _, f := range files {
		st, err := os.Stat(filepath.Join(filepath.Dir(path), f))
		if err != nil {
			return fmt.Errorf("stamping %s: %w", f, err)
		}
		fmt.Fprintf(&b, "%d %d %s\n", st.Size(), st.ModTime().UnixNano(), f)
	}
	return durable.WriteFile(path, []byte(b.String()), 0o644)
}

// StampCurrent reports whether the stamp at path records fingerprint fp and
// every file it names is still as it was stamped. A missing or unreadable
// stamp is not current: the output is made again.
func StampCurrent(path, fp string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer func() { _ = f.Close() }() // read-only
	r := bufio.NewReader(io.LimitReader(f, 1<<16))
	first, err := r.ReadString('\n')
	if err != nil || first != stampHeader+fp+"\n" {
		return false
	}
	for {
		line, err := r.ReadString('\n')
		if err == io.EOF && line == "" {
			return true
		}
		if err != nil {
			return false
		}
		parts := strings.SplitN(strings.TrimSuffix(line, "\n"), " ", 3)
		if len(parts) != 3 {
			return false
		}
		st, err := os.Stat(filepath.Join(filepath.Dir(path), parts[2]))
		if err != nil || strconv.FormatInt(st.Size(), 10) != parts[0] || strconv.FormatInt(st.ModTime().UnixNano(), 10) != parts[1] {
			return false
		}
	}
}
