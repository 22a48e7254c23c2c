package ingest

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Skipped is an entry of the inbox that ingest does not read, and why: a
// sender whose file did nothing must be able to learn the reason (docs/cli.md:
// only regular files directly in the inbox, not hidden, not symbolic links).
type Skipped struct {
	Name   string
	Reason string
}

// Listing is what Scan finds in an inbox.
type Listing struct {
	Files   []string // to ingest, oldest first
	Skipped []Skipped
}

// Scan lists the inbox: the files an ingest takes, oldest first (so that a
// correction sent later is taken after the file it corrects), and every
// other entry with the reason it is left alone. The inbox's own folders
// (_diterima, _ditolak) are not listed.
func Scan(inbox string) (Listing, error) {
	entries, err := os.ReadDir(inbox)
	if err != nil {
		return Listing{}, fmt.Errorf("reading inbox %s: %w", inbox, err)
	}
	type f struct {
		path string
		mod  time.Time
	}
	var files []f
	var out Listing
	skip := func(name, reason string) { out.Skipped = append(out.Skipped, Skipped{name, reason}) }
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir() && (name == AcceptedDir || name == RejectedDir):
			continue
		case strings.HasPrefix(name, ".") && strings.HasPrefix(name, ".tmp-"):
			continue // kinerja's own temporary file
		case e.IsDir():
			skip(name, "a folder: only files directly in the inbox are read; move its files up")
		case strings.HasPrefix(name, "."):
			skip(name, "hidden (its name starts with a dot), e.g. an upload still in progress: rename it when it is complete")
		case e.Type()&os.ModeSymlink != 0:
			skip(name, "a symbolic link: copy the file itself into the inbox")
		case !e.Type().IsRegular():
			skip(name, "not a regular file")
		default:
			info, err := e.Info()
			if err != nil {
				skip(name, "cannot be read: "+err.Error())
				continue
			}
			files = append(files, f{filepath.Join(inbox, name), info.ModTime()})
		}
	}
	sort.SliceStable(files, func(i, j int) bool {
		if !files[i].mod.Equal(files[j].mod) {
			return files[i].mod.Before(files[j].mod)
		}
		return files[i].path < files[j].path
	})
	for _, x := range files {
		out.Files = append(out.Files, x.path)
	}
	return out, nil
}

// Pending lists the files an ingest of inbox would take (Scan's Files).
func Pending(inbox string) ([]string, error) {
	l, err := Scan(inbox)
	return l.Files, err
}
