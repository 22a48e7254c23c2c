package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// childEnv makes the test binary run main() with its arguments: the real
// command in a real process, to be signalled or killed
// (cmd/kinerja/crash_test.go, cmd/kinerja/schedule_test.go).
const childEnv = "KINERJA_TEST_RUN_MAIN"

// TestMain is the one entry of the test binary, which is also run as a
// child process in three ways: with brickEnv set, to leave a database with
// a WAL DuckDB cannot replay (cmd/kinerja/dbfault_test.go); with childEnv
// set, as kinerja itself; and under the name kinerja, as the command the
// scripts of cmd/kinerja/testdata/script run (cmd/kinerja/script_test.go).
// Otherwise it runs the tests.
func TestMain(m *testing.M) {
	if path := os.Getenv(brickEnv); path != "" {
		brick(path)
	}
	if os.Getenv(childEnv) == "1" {
		main()
	}
	// testscript.Main runs main when the binary is called kinerja, and
	// m.Run otherwise, with a copy named kinerja in $PATH.
	testscript.Main(m, map[string]func(){"kinerja": main})
}
