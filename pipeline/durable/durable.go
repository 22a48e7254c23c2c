// Package durable writes files so that they survive a crash or a power cut:
// a file is written under a temporary name in its folder, fsynced and renamed
// over the final name, and the folder is fsynced so the rename itself is on
// disk. A reader therefore sees the old file or the new one, never half of
// one, and after a power cut the new file is either whole or absent.
//
// Every file kinerja must not lose or publish half-written goes through
// here: reports, status.json, the .galat.txt reports, the archive manifest
// and the site's files (which are swapped in as a folder, see SyncTree).
package durable

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// TempPrefix starts the name of every temporary file written here, so that
// a leftover of a killed process is recognisable (and hidden).
const TempPrefix = ".tmp-"

// WriteFile writes data to path atomically and durably with mode perm.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return Write(path, perm, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}

// Write is WriteFile for content produced by fill.
func Write(path string, perm os.FileMode, fill func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	f, err := os.CreateTemp(dir, TempPrefix+filepath.Base(path)+"-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			_ = f.Close()      // already failed: the first error is the one to report
			_ = os.Remove(tmp) // best effort: a leftover is a hidden temporary file
		}
	}()
	if err := fill(f); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Chmod(perm); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return SyncDir(dir)
}

// Rename renames from to to and fsyncs both folders, so that after a power
// cut the file is in exactly one of them.
func Rename(from, to string) error {
	if err := os.Rename(from, to); err != nil {
		return err
	}
	if err := SyncDir(filepath.Dir(to)); err != nil {
		return err
	}
	if filepath.Dir(from) != filepath.Dir(to) {
		return SyncDir(filepath.Dir(from))
	}
	return nil
}

// SyncDir fsyncs a folder: what makes a create, rename or remove in it
// durable.
func SyncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("syncing folder %s: %w", dir, err)
	}
	err = d.Sync()
	// EINVAL: file systems that cannot sync a directory; nothing more to do.
	if errors.Is(err, unix.EINVAL) {
		err = nil
	}
	return errors.Join(err, d.Close())
}

// SyncFile fsyncs the file at path.
func SyncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	return errors.Join(f.Sync(), f.Close())
}

// SyncTree makes everything written under dir durable with one syncfs(2) of
// its file system: cheaper than an fsync per file for a site of a thousand
// files, and what must happen before the folder is swapped in by a rename.
func SyncTree(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return fmt.Errorf("syncing %s: %w", dir, err)
	}
	err = unix.Syncfs(int(d.Fd()))
	if err != nil {
		err = fmt.Errorf("syncing %s: %w", dir, err)
	}
	return errors.Join(err, d.Close())
}

// AppendLine appends line (a newline is added) to the file at path,
// creating it, and fsyncs it before returning: for append-only logs such as
// the archive manifest, where a line once written must stay. A line cut by
// a crash is the last one and has no newline; readers skip it.
func AppendLine(path string, line []byte) error {
	_, statErr := os.Stat(path)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("appending to %s: %w", path, err)
	}
	// A line cut by an earlier crash is ended first, so this one starts on
	// a line of its own.
	if fi, err := f.Stat(); err == nil && fi.Size() > 0 {
		last := make([]byte, 1)
		if r, err := os.Open(path); err == nil {
			if _, err := r.ReadAt(last, fi.Size()-1); err == nil && last[0] != '\n' {
				line = append([]byte{'\n'}, line...)
			}
			_ = r.Close() // read-only
		}
	}
	_, err = f.Write(append(line, '\n'))
	if err == nil {
		err = f.Sync()
	}
	err = errors.Join(err, f.Close())
	if err != nil {
		return fmt.Errorf("appending to %s: %w", path, err)
	}
	if errors.Is(statErr, os.ErrNotExist) {
		return SyncDir(filepath.Dir(path))
	}
	return nil
}
