package site

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
)

// Verified says what Verify checked.
type Verified struct {
	Entries int // publications in the chain
	Files   int // data files of the latest publication checked
}

// BrokenLink is the first place where a copy of the site does not hold:
// which entry or file, and what is wrong.
type BrokenLink struct {
	Where, What string
}

func (b *BrokenLink) Error() string { return b.Where + ": " + b.What }

// Verify checks a copy of the published site in dir against its revision
// log: every entry's text has the hash the log gives it, each entry names
// the hash of the one before, the log's JSON says the same as its texts,
// and every data file of the site has the hash the latest entry records
// (none missing, none unrecorded). It returns a *BrokenLink for the first
// thing that does not hold.
func Verify(dir string) (Verified, error) {
	var v Verified
	b, err := os.ReadFile(filepath.Join(dir, LogFile))
	if err != nil {
		return v, &BrokenLink{LogFile, fmt.Sprintf("cannot be read (%v): is %s a copy of the site?", err, dir)}
	}
	var entries []LogEntry
	if err := json.Unmarshal(b, &entries); err != nil {
		return v, &BrokenLink{LogFile, "is not the log's JSON: " + err.Error()}
	}
	if len(entries) == 0 {
		return v, &BrokenLink{LogFile, "holds no publication"}
	}
	prev := ""
	var last map[string]string
	for i, e := range entries {
		where := fmt.Sprintf("publication %d (%s)", i+1, e.Teks)
		text, err := os.ReadFile(filepath.Join(dir, "data", filepath.FromSlash(e.Teks)))
		if err != nil {
			return v, &BrokenLink{where, "its text file cannot be read: " + err.Error()}
		}
		if got := sha256Hex(text); got != e.Hash {
			return v, &BrokenLink{where, fmt.Sprintf("its text has sha256 %s, the log records %s: it was changed", got, e.Hash)}
		}
		nomor, at, before, files, err := ParseLogText(string(text))
		if err != nil {
			return v, &BrokenLink{where, err.Error()}
		}
		if nomor != i+1 || e.Nomor != i+1 {
			return v, &BrokenLink{where, fmt.Sprintf("is numbered %d in its text and %d in the log", nomor, e.Nomor)}
		}
		if before != prev || e.Sebelumnya != prev {
			return v, &BrokenLink{where, fmt.Sprintf("names %q as the publication before, but that one's hash is %q: the chain is broken", before, prev)}
		}
		if !at.Equal(e.Waktu) || !maps.Equal(files, e.Berkas) {
			return v, &BrokenLink{where, "the log's JSON and the entry's text differ"}
		}
		prev, last = e.Hash, files
		v.Entries++
	}
	seen := map[string]bool{}
	err = filepath.WalkDir(filepath.Join(dir, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(filepath.Join(dir, "data"), p)
		rel = filepath.ToSlash(rel)
		if rel == "index.html" || "data/"+rel == LogFile || strings.HasPrefix("data/"+rel, LogDir) {
			return nil
		}
		want, ok := last[rel]
		if !ok {
			return &BrokenLink{"data/" + rel, "is not in the latest publication"}
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if got := sha256Hex(b); got != want {
			return &BrokenLink{"data/" + rel, fmt.Sprintf("has sha256 %s, the latest publication (%d) records %s: it was changed", got, v.Entries, want)}
		}
		seen[rel] = true
		v.Files++
		return nil
	})
	if err != nil {
		return v, err
	}
	for name := range last {
		if !seen[name] {
			return v, &BrokenLink{"data/" + name, "is in the latest publication but missing from the copy"}
		}
	}
	return v, nil
}
