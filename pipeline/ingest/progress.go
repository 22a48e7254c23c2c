package ingest

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

// progressOf reports the phases of one file to opt.Progress.
type progressOf struct {
	report Progress
	p      FileProgress
}

func (o Options) progress(file string) *progressOf {
	return &progressOf{report: o.Progress, p: FileProgress{File: file}}
}

func (g *progressOf) phase(name string) {
	if g == nil || g.report == nil {
		return
	}
	g.p.Phase = name
	g.report(g.p)
}

func (g *progressOf) read(bytes, size int64, rows int) {
	if g == nil || g.report == nil {
		return
	}
	g.p.Bytes, g.p.Size, g.p.Rows = bytes, size, rows
	g.report(g.p)
}

func (g *progressOf) rows(n int) {
	if g == nil || g.report == nil {
		return
	}
	g.p.Rows = n
	g.report(g.p)
}
