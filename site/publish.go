package site

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"

	"golang.org/x/sys/unix"

	"github.com/lampungprov/kinerja/pipeline/crash"
	"github.com/lampungprov/kinerja/pipeline/durable"
	"github.com/lampungprov/kinerja/pipeline/formula"
)

func tableCSV(t table) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	// Writing to a bytes.Buffer cannot fail.
	_ = w.Write(t.Cols)
	for _, r := range t.Rows {
		row := make([]string, len(r))
		for i, v := range r {
			// Agency text never runs as a formula in a spreadsheet.
			row[i] = formula.Neutralize(cellText(v))
		}
		_ = w.Write(row)
	}
	w.Flush()
	return b.Bytes()
}

// tableJSON writes rows as an array of objects; NULL (suppressed or
// undefined) is null.
func tableJSON(t table) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString("[")
	for i, r := range t.Rows {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n{")
		for j, c := range t.Cols {
			if j > 0 {
				b.WriteString(",")
			}
			k, _ := json.Marshal(c)
			b.Write(k)
			b.WriteString(":")
			v := r[j]
			if f, ok := v.(float64); ok {
				v = json.Number(cellText(f))
			}
			x, err := json.Marshal(v)
			if err != nil {
				return nil, err
			}
			b.Write(x)
		}
		b.WriteString("}")
	}
	b.WriteString("\n]\n")
	return b.Bytes(), nil
}

func marshalIndent(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// Publish writes files as the site at out. The new site is written to a
// sibling folder and swapped with the live one by one rename (renameat2
// RENAME_EXCHANGE), so a visitor sees either the old or the new site and a
// failed build leaves the old one untouched. When the new files equal the
// live ones nothing is rewritten and changed is false.
func Publish(out string, files map[string][]byte) (changed bool, err error) {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	// A build killed earlier leaves its folder (the new site, or after the
	// swap the old one) beside the live site: never the site itself.
	if leftovers, err := filepath.Glob(filepath.Join(parent, "."+filepath.Base(out)+".baru-*")); err == nil {
		for _, l := range leftovers {
			_ = os.RemoveAll(l) // best effort: a leftover is a hidden folder
		}
	}
	if same, _ := sameTree(out, files); same {
		return false, nil
	}
	// Files the site keeps without rendering them (status.json, written by
	// the pipeline after each run) go into the new site as they are, so a
	// monitor never finds them missing.
	for _, name := range KeptFiles {
		if b, err := os.ReadFile(filepath.Join(out, name)); err == nil {
			if _, rendered := files[name]; !rendered {
				files[name] = b
			}
		}
	}
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return false, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".baru-")
	if err != nil {
		return false, err
	}
	// After a swap this is the old site. Best effort: the new site is live
	// either way, and a leftover is a hidden folder beside it.
	defer func() { _ = os.RemoveAll(tmp) }()
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		full := filepath.Join(tmp, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return false, err
		}
		if err := os.WriteFile(full, files[p], 0o644); err != nil {
			return false, err
		}
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return false, err
	}
	// Every file on disk before the swap: after a power cut the live site
	// is the old one or the whole new one.
	if err := durable.SyncTree(tmp); err != nil {
		return false, err
	}
	crash.Point("site.written")
	if _, err := os.Stat(out); errors.Is(err, os.ErrNotExist) {
		if err := durable.Rename(tmp, out); err != nil {
			return false, err
		}
		crash.Point("site.swapped")
		return true, nil
	}
	if err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, out, unix.RENAME_EXCHANGE); err == nil {
		crash.Point("site.swapped")
		if err := durable.SyncDir(parent); err != nil {
			return true, err
		}
	} else {
		// File systems without RENAME_EXCHANGE: move the old site aside,
		// then the new one in.
		old := tmp + ".lama"
		if err := os.Rename(out, old); err != nil {
			return false, fmt.Errorf("moving the old site aside: %w", err)
		}
		if err := os.Rename(tmp, out); err != nil {
			if rerr := os.Rename(old, out); rerr != nil {
				return false, errors.Join(err, fmt.Errorf("putting the old site back from %s: %w", old, rerr))
			}
			return false, err
		}
		return true, os.RemoveAll(old)
	}
	return true, nil
}

// KeptFiles are files at the site's root that other stages write (the
// pipeline's status.json): a build keeps them and does not count them as a
// change.
var KeptFiles = []string{"status.json"}

// sameTree reports whether dir holds exactly files (besides KeptFiles).
func sameTree(dir string, files map[string][]byte) (bool, error) {
	n := 0
	same := true
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		for _, k := range KeptFiles {
			if rel == k {
				if _, rendered := files[rel]; !rendered {
					return nil
				}
			}
		}
		want, ok := files[rel]
		if !ok {
			same = false
			return filepath.SkipAll
		}
		got, err := os.ReadFile(p)
		if err != nil || !bytes.Equal(got, want) {
			same = false
			return filepath.SkipAll
		}
		n++
		return nil
	})
	if err != nil {
		return false, err
	}
	return same && n == len(files), nil
}
