package main

import (
	"bytes"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/site"
)

// brickEnv makes the test binary leave the database at its value with a WAL
// that DuckDB cannot replay, the way an interrupted ALTER of an earlier
// release did: ALTER TABLE ADD COLUMN on jalan (key DEFAULT nextval), then
// exit without closing.
const brickEnv = "KINERJA_TEST_BRICK"

// brick is the test binary run with brickEnv set (see TestMain).
func brick(path string) {
	db, err := sql.Open("duckdb", path)
	if err == nil {
		_, err = db.Exec(`ALTER TABLE jalan ADD COLUMN rusak VARCHAR`)
	}
	if err != nil {
		os.Exit(2)
	}
	os.Exit(0) // no Close: the WAL stays
}

// loadedFolder is a folder with the fixture province run through the whole
// pipeline in the default layout (data/, public/).
func loadedFolder(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyTree(t, pipelinetest.CopyFixture(t, nil), filepath.Join(dir, "data", "inbox"))
	writeTestKey(t, dir)
	runOK(t, dir, "run")
	return dir
}

// writeTestKey gives a folder the NIP key every test folder shares, so that
// the hashes in their tables compare.
func writeTestKey(t *testing.T, dir string) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "data", "kunci-nip.key"), []byte(strings.Repeat("cd", 32)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
}

func fileSum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// duckdbChecksum is DuckDB's checksum of a header block: what a file written
// by another DuckDB version carries.
func duckdbChecksum(b []byte) uint64 {
	r := uint64(5381)
	for i := 0; i+8 <= len(b); i += 8 {
		r ^= binary.LittleEndian.Uint64(b[i:]) * 0xbf58476d1ce4e5b9
	}
	return r
}

// TestADatabaseThatCannotBeOpenedGetsOneClearMessageAndRebuildBringsItBack
// damages the database of a loaded province in every way a file is lost
// (garbage, truncated, a bad block, a WAL that cannot be replayed, a file of
// a newer DuckDB, a WAL without its file): every command that opens it
// exits 1 with one message that names the file, what is wrong and the ways
// back, no stack trace, and leaves the file as it was. Then `kinerja
// rebuild` from the archive gives the same KPI tables as before.
func TestADatabaseThatCannotBeOpenedGetsOneClearMessageAndRebuildBringsItBack(t *testing.T) {
	base := loadedFolder(t)
	want := kpiTables(tableSums(t, filepath.Join(base, "data", "kinerja.duckdb")))
	if len(want) < 5 {
		t.Fatalf("KPI tables of the fixture: %v", want)
	}
	damages := []struct {
		name, kind, says string
		damage           func(t *testing.T, db string)
	}{
		{"garbage", store.KindCorrupt, "damaged", func(t *testing.T, db string) {
			if err := os.WriteFile(db, bytes.Repeat([]byte("rusak "), 50000), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"truncated", store.KindCorrupt, "damaged", func(t *testing.T, db string) {
			fi, err := os.Stat(db)
			if err == nil {
				err = os.Truncate(db, fi.Size()/2)
			}
			if err != nil {
				t.Fatal(err)
			}
		}},
		{"bad block", store.KindCorrupt, "damaged", func(t *testing.T, db string) {
			f, err := os.OpenFile(db, os.O_WRONLY, 0)
			if err == nil {
				_, err = f.WriteAt(bytes.Repeat([]byte{0xA5}, 64*1024), 3*4096)
				err = errorsJoin(err, f.Close())
			}
			if err != nil {
				t.Fatal(err)
			}
		}},
		{"unreplayable WAL", store.KindWAL, "write-ahead log", func(t *testing.T, db string) {
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), brickEnv+"="+db)
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("bricking: %v %s", err, out)
			}
			if _, err := os.Stat(db + ".wal"); err != nil {
				t.Fatalf("no WAL left: %v", err)
			}
		}},
		{"newer DuckDB", store.KindNewer, "newer DuckDB", func(t *testing.T, db string) {
			b, err := os.ReadFile(db)
			if err != nil {
				t.Fatal(err)
			}
			binary.LittleEndian.PutUint64(b[12:], 99) // storage version
			binary.LittleEndian.PutUint64(b[0:], duckdbChecksum(b[8:4096]))
			if err := os.WriteFile(db, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}},
		{"WAL without its database", store.KindOrphanWAL, "does not exist", func(t *testing.T, db string) {
			if err := os.Rename(db, db+".hilang"); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(db+".wal", []byte("wal"), 0o644); err != nil {
				t.Fatal(err)
			}
		}},
	}
	commands := [][]string{{"run"}, {"ingest"}, {"compute"}, {"build"}, {"report"}, {"sql", "SELECT 1"},
		{"export", "--out", "ekspor"}, {"status"}, {"backup"}}
	for _, d := range damages {
		t.Run(d.name, func(t *testing.T) {
			dir := t.TempDir()
			copyTree(t, base, dir)
			db := filepath.Join(dir, "data", "kinerja.duckdb")
			d.damage(t, db)
			damaged := map[string][32]byte{}
			for _, p := range []string{db, db + ".wal"} {
				if _, err := os.Stat(p); err == nil {
					damaged[p] = fileSum(t, p)
				}
			}
			for _, args := range commands {
				cmd := kinerja(dir, "", args...)
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				err := cmd.Run()
				msg := stderr.String()
				if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailed {
					t.Errorf("%s: %v, want exit 1\n%s", args[0], err, msg)
					continue
				}
				prefix := "kinerja " + args[0] + ": "
				if strings.Count(msg, prefix) != 1 || strings.Contains(msg, "Stack Trace") || strings.Contains(msg, "\n\t") {
					t.Errorf("%s: want one message, got:\n%s", args[0], msg)
				}
				if !strings.Contains(msg, "data/kinerja.duckdb") || !strings.Contains(msg, d.says) {
					t.Errorf("%s: the message does not name the file and say %q:\n%s", args[0], d.says, msg)
				}
				if d.kind != store.KindNewer && d.kind != store.KindOrphanWAL && !strings.Contains(msg, "kinerja rebuild") {
					t.Errorf("%s: the message gives no way back:\n%s", args[0], msg)
				}
			}
			for p, sum := range damaged {
				if fileSum(t, p) != sum {
					t.Errorf("%s was changed by the failing commands", p)
				}
			}
			runOK(t, dir, "rebuild")
			if got := kpiTables(tableSums(t, db)); diff("KPI table", want, got) != "" {
				t.Errorf("rebuilt from the archive, the KPIs differ:\n%s", diff("KPI table", want, got))
			}
			runOK(t, dir, "run")
			// The public revision log goes on where it was: the same one
			// publication, still verifying.
			if v, err := site.Verify(filepath.Join(dir, "public")); err != nil || v.Entries != 1 {
				t.Errorf("the revision log after the rebuild: %+v %v", v, err)
			}
			if _, err := os.Stat(db + ".wal"); err == nil {
				t.Errorf("a WAL is beside the rebuilt database after a clean run")
			}
			kept, _ := filepath.Glob(db + ".sebelum-bangun-ulang-*")
			if _, had := damaged[db]; had && len(kept) == 0 {
				t.Errorf("the damaged database was not kept beside the rebuilt one")
			}
		})
	}
}

func errorsJoin(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// TestAReadOnlyFolderIsNamedNotAMissingLockFile: a user who may not write
// the database's folder is told that, and may still read with `sql`.
func TestAReadOnlyFolderIsNamedNotAMissingLockFile(t *testing.T) {
	dir := loadedFolder(t)
	if err := os.Remove(filepath.Join(dir, "data", "kinerja.duckdb.lock")); err != nil {
		t.Fatal(err)
	}
	var cred *syscall.Credential
	bin := os.Args[0]
	if os.Getuid() == 0 {
		// root writes anywhere: the user without rights is nobody, who
		// needs a copy of the test binary it may run and a way to the folder.
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
		shared, err := os.MkdirTemp("", "kinerja-ro-")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.RemoveAll(shared) })
		copyTree(t, dir, filepath.Join(shared, "w"))
		dir = filepath.Join(shared, "w")
		b, err := os.ReadFile(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		bin = filepath.Join(shared, "kinerja.test")
		if err := os.WriteFile(bin, b, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := filepath.Walk(shared, func(p string, fi os.FileInfo, err error) error {
			if err != nil {
				return err
			}
			if fi.IsDir() || p == bin {
				return os.Chmod(p, 0o755) // nobody may enter and run, not write
			}
			return os.Chmod(p, 0o644)
		}); err != nil {
			t.Fatal(err)
		}
	} else if err := os.Chmod(filepath.Join(dir, "data"), 0o555); err != nil {
		t.Fatal(err)
	} else {
		t.Cleanup(func() { _ = os.Chmod(filepath.Join(dir, "data"), 0o755) })
	}
	cmd := func(args ...string) (string, error) {
		c := exec.Command(bin, args...)
		c.Dir = dir
		c.Env = append(os.Environ(), childEnv+"=1")
		c.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
		out, err := c.CombinedOutput()
		return string(out), err
	}
	out, err := cmd("run")
	if err == nil || !strings.Contains(out, "may not read or write") || !strings.Contains(out, "data/kinerja.duckdb") {
		t.Errorf("run in a folder this user may not write: %v\n%s", err, out)
	}
	out, err = cmd("sql", "--format", "csv", "SELECT count(*) AS n FROM berkas")
	if err != nil || !strings.Contains(out, "n\n5") {
		t.Errorf("sql in a folder this user may not write: %v\n%s", err, out)
	}
}

// TestAFullDiskFailsWithOneMessageAndTheRunAfterFreeingSpaceEndsLikeACleanOne
// puts the database and the inbox on a 3 MB file system (tmpfs, so it needs
// root), lets `kinerja run` fill it, then grows the file system as an
// operator freeing space would and runs again.
func TestAFullDiskFailsWithOneMessageAndTheRunAfterFreeingSpaceEndsLikeACleanOne(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("mounting a small file system needs root")
	}
	dir := t.TempDir()
	data := filepath.Join(dir, "data")
	if err := os.MkdirAll(data, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", data, "tmpfs", 0, "size=3m"); err != nil {
		t.Skipf("cannot mount a tmpfs here: %v", err)
	}
	t.Cleanup(func() { _ = syscall.Unmount(data, 0) })
	copyTree(t, pipelinetest.CopyFixture(t, nil), filepath.Join(data, "inbox"))
	writeTestKey(t, dir)
	cmd := kinerja(dir, "", "run")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	msg := stderr.String()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitFailed {
		t.Fatalf("run on a full disk: %v, want exit 1\n%s", err, msg)
	}
	if strings.Count(msg, "kinerja run: ") != 1 || !strings.Contains(msg, "the disk is full") || strings.Contains(msg, "Stack Trace") {
		t.Errorf("want one message saying the disk is full:\n%s", msg)
	}
	tableSums(t, filepath.Join(data, "kinerja.duckdb")) // it still opens
	if err := syscall.Mount("tmpfs", data, "tmpfs", syscall.MS_REMOUNT, "size=256m"); err != nil {
		t.Fatal(err)
	}
	runOK(t, dir, "run")
	clean := loadedFolder(t)
	if d := diff("table", tableSums(t, filepath.Join(clean, "data", "kinerja.duckdb")), tableSums(t, filepath.Join(data, "kinerja.duckdb"))); d != "" {
		t.Errorf("after the disk was freed the run differs from a clean one:\n%s", d)
	}
}
