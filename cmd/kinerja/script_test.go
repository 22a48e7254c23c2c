package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
	"github.com/rogpeppe/go-internal/testscript"
)

// TestScripts runs the end-to-end scripts of cmd/kinerja/testdata/script:
// kinerja as an operator runs it, a real process in a folder of its own,
// checked on its exit code and on what it prints. `exec kinerja` runs this
// test binary under the name kinerja (TestMain).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 filepath.Join("testdata", "script"),
		RequireExplicitExec: true,
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exitcode": cmdExitcode,
			"fixture":  cmdFixture,
		},
	})
}

// cmdExitcode is `exitcode N PROGRAM [ARGS...]`: it runs PROGRAM as exec
// does and fails unless it exits with N. `exec` and `! exec` only tell 0
// from the rest, and kinerja's 1, 2 and 3 mean different things
// (docs/cli.md "Exit codes").
func cmdExitcode(ts *testscript.TestScript, neg bool, args []string) {
	if neg {
		ts.Fatalf("unsupported: ! exitcode (give the code expected)")
	}
	if len(args) < 2 {
		ts.Fatalf("usage: exitcode N program [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exitcode %q: not a number", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// cmdFixture is `fixture DIR`: it copies the files of the fixture province
// (pipeline/testdata/provinsi-kecil, the one the Go tests load) into DIR,
// so that the scripts need no copy of their own.
func cmdFixture(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: fixture DIR")
	}
	dir := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(dir, 0o755))
	entries, err := os.ReadDir(pipelinetest.FixtureDir())
	ts.Check(err)
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(pipelinetest.FixtureDir(), e.Name()))
		ts.Check(err)
		ts.Check(os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644))
	}
}
