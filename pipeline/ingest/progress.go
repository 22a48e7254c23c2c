package ingest

import (
	"log/slog"
	"time"
)

// FileProgress is what the ingest of one file is doing, for a progress
// line on a terminal (cmd/kinerja/progress.go). Phase is "membaca" (the
// scan: Bytes of Size read, Rows records so far), "memuat" (staging: Rows
// staged, when the reader counts them), "memeriksa" (validation),
// "menyimpan" (storing), or "" when the file is done.
type FileProgress struct {
	File        string
	Phase       string
	Bytes, Size int64
	Rows        int
}

// Progress receives FileProgress as the ingest goes; it must return
// quickly (it is called from the loops that read).
type Progress func(FileProgress)

// progressOf reports the phases of one file to opt.Progress, and their
// durations to the debug log (KINERJA_LOG=debug), where the time of an
// ingest goes.
type progressOf struct {
	report Progress
	log    *slog.Logger
	p      FileProgress
	since  time.Time
}

func (o Options) progress(file string) *progressOf {
	return &progressOf{report: o.Progress, log: o.log(), p: FileProgress{File: file}, since: time.Now()}
}

func (g *progressOf) phase(name string) {
	if g == nil {
		return
	}
	if g.p.Phase != "" {
		g.log.Debug("ingest phase", "file", g.p.File, "phase", g.p.Phase, "rows", g.p.Rows,
			"seconds", time.Since(g.since).Round(time.Millisecond).Seconds())
	}
	g.since = time.Now()
	g.p.Phase = name
	if g.report != nil {
		g.report(g.p)
	}
}

func (g *progressOf) read(bytes, size int64, rows int) {
	if g == nil {
		return
	}
	g.p.Bytes, g.p.Size, g.p.Rows = bytes, size, rows
	if g.report != nil {
		g.report(g.p)
	}
}

func (g *progressOf) rows(n int) {
	if g == nil {
		return
	}
	g.p.Rows = n
	if g.report != nil {
		g.report(g.p)
	}
}
