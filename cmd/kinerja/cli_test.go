package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
)

func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, &out, &errb)
	return code, out.String(), errb.String()
}

// Parallel, as are the subtests: Run shares nothing between calls.
func TestEveryCommandExplainsItselfAndAWrongFlagIsAUsageError(t *testing.T) {
	t.Parallel()
	code, out, _ := run(t, "--help")
	if code != exitOK || !strings.Contains(out, "Commands:") {
		t.Fatalf("--help: code %d\n%s", code, out)
	}
	for _, c := range newCommands() {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			code, _, errOut := run(t, c.name, "--help")
			if code != exitOK || !strings.Contains(errOut, "Usage: kinerja "+c.name) {
				t.Errorf("%s --help: code %d, output %q", c.name, code, errOut)
			}
			if code, _, _ := run(t, c.name, "--no-such-flag"); code != exitUsage {
				t.Errorf("%s --no-such-flag: exit %d, want %d", c.name, code, exitUsage)
			}
		})
	}
	if code, _, _ := run(t, "no-such-command"); code != exitUsage {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestRunPublishesTheSiteAndExitsThreeWhenAFileIsRejected(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	inbox := pipelinetest.CopyFixture(t, nil)
	if err := os.WriteFile(filepath.Join(inbox, "rusak.csv"), []byte("nip,nama_pelatihan,tanggal_selesai,jp\n123,X,2026-01-01,-4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "run", "--inbox", inbox, "--db", "kinerja.duckdb", "--out", "public")
	if code != exitRejected {
		t.Fatalf("exit %d, want 3\n%s\n%s", code, out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "index.html")); err != nil {
		t.Error("no site written")
	}
	galat, err := os.ReadFile(filepath.Join(inbox, "_ditolak", "rusak.csv.galat.txt"))
	if err != nil || !strings.Contains(string(galat), "rusak.csv:2:nip:") || !strings.Contains(string(galat), "rusak.csv:2:jp:") {
		t.Errorf("galat report: %s %v", galat, err)
	}
	code, out, _ = run(t, "sql", "--db", "kinerja.duckdb", "--format", "csv", "SELECT count(*) AS n FROM berkas WHERE status = 'diterima'")
	if code != exitOK || out != "n\n5\n" {
		t.Errorf("sql: exit %d, output %q; want 5 accepted files", code, out)
	}
	// A second run with nothing new changes nothing and exits 0.
	code, out, _ = run(t, "run", "--inbox", inbox, "--db", "kinerja.duckdb", "--out", "public")
	if code != exitOK || !strings.Contains(out, "site unchanged") {
		t.Errorf("second run: exit %d\n%s", code, out)
	}
}

func TestCheckLoadsNothingAndExitsThreeOnABadFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	if err := os.WriteFile(bad, []byte("nip,nama_pelatihan,tanggal_selesai,jp\n19850101201001100,X,2026-01-01,4\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(pipelinetest.FixtureDir(), "skp_2026.csv")
	code, out, _ := run(t, "check", good, bad)
	if code != exitRejected || !strings.Contains(out, "bad.csv:2:nip: NIP harus 18 angka") || !strings.Contains(out, "skp_2026.csv: OK") {
		t.Errorf("check: exit %d\n%s", code, out)
	}
	if _, err := os.Stat(bad); err != nil {
		t.Error("check must not move files")
	}
}

func TestFlagsOverrideTheConfigFile(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("kinerja.toml", []byte("db = \"dari-config.duckdb\"\ninbox = \"kotak\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir("kotak", 0o755); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "ingest", "--db", "dari-flag.duckdb")
	if code != exitOK {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	if _, err := os.Stat("dari-flag.duckdb"); err != nil {
		t.Error("the --db flag was not used over the config file")
	}
	if _, err := os.Stat("dari-config.duckdb"); err == nil {
		t.Error("the config file's db was used although --db was given")
	}
}
