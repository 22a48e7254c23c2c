package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/pipeline/pipelinetest"
)

// TestTheProgressLineShowsASlowFileAndIsClearedAfterIt: rows, rows/s and
// the share of bytes read, redrawn in place, then erased.
func TestTheProgressLineShowsASlowFileAndIsClearedAfterIt(t *testing.T) {
	var out pipelinetest.SyncBuffer
	p := newProgressLine(&out, 20*time.Millisecond, 5*time.Millisecond)
	p.Report(ingest.FileProgress{File: "penilaian.csv", Phase: "membaca", Bytes: 50, Size: 200, Rows: 1500})
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(out.String(), "25%") && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	p.Report(ingest.FileProgress{File: "penilaian.csv", Phase: ""})
	p.Close()
	s := out.String()
	for _, want := range []string{"\r\x1b[Kpenilaian.csv: membaca · 1.500 baris · ", " baris/s · 25% · "} {
		if !strings.Contains(s, want) {
			t.Errorf("progress output %q lacks %q", s, want)
		}
	}
	if !strings.HasSuffix(s, "\r\x1b[K") {
		t.Errorf("progress output %q does not end by clearing the line", s)
	}
}

// TestAFastFileShowsNoProgressLine: under the threshold nothing is drawn.
func TestAFastFileShowsNoProgressLine(t *testing.T) {
	var out pipelinetest.SyncBuffer
	p := newProgressLine(&out, time.Hour, 5*time.Millisecond)
	p.Report(ingest.FileProgress{File: "opd.csv", Phase: "membaca", Size: 10})
	time.Sleep(30 * time.Millisecond)
	p.Report(ingest.FileProgress{File: "opd.csv", Phase: ""})
	p.Close()
	if out.String() != "" {
		t.Errorf("a fast file drew %q", out.String())
	}
}

// TestNoProgressLineIntoAPipeOrAFile: only a terminal gets one.
func TestNoProgressLineIntoAPipeOrAFile(t *testing.T) {
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = r.Close(); _ = w.Close() }()
	f, err := os.Create(t.TempDir() + "/log")
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	for name, wr := range map[string]any{"pipe": w, "file": f, "buffer": &bytes.Buffer{}} {
		if report, stop := progressFor(wr.(interface{ Write([]byte) (int, error) })); report != nil {
			stop()
			t.Errorf("a progress line into a %s", name)
		}
	}
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer func() { _ = tty.Close() }()
		if !isTerminal(tty) {
			t.Error("/dev/tty is not seen as a terminal")
		}
	}
}
