package pipeline_test

import "os"

// filepathTemp is a folder that outlives one benchmark function, shared by
// the benchmarks that use the default demo; it is removed at exit by the OS
// temp cleaner, not by the test.
func filepathTemp() (string, error) { return os.MkdirTemp("", "kinerja-bench-") }
