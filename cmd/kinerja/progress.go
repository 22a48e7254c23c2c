package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/lampungprov/kinerja/pipeline/ingest"
	"github.com/lampungprov/kinerja/site/format"
)

// A progress line for a file whose ingest takes more than progressAfter:
// on a terminal only (stderr a character device), redrawn in place, and
// cleared when the file is done, so that nothing of it reaches a log or a
// pipe (docs/cli.md, "Usage").
const (
	progressAfter = 2 * time.Second
	progressEvery = 250 * time.Millisecond
)

// isTerminal says whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// progressLine draws the line of the file being ingested on w.
type progressLine struct {
	w            io.Writer
	after, every time.Duration
	mu           sync.Mutex
	cur          ingest.FileProgress
	start        time.Time
	shown        bool
	stop         chan struct{}
	done         sync.WaitGroup
}

// newProgressLine starts the line's redrawing; Close stops it.
func newProgressLine(w io.Writer, after, every time.Duration) *progressLine {
	p := &progressLine{w: w, after: after, every: every, stop: make(chan struct{})}
	p.done.Go(func() {
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				return
			case <-t.C:
				p.draw()
			}
		}
	})
	return p
}

// Report is an ingest.Progress.
func (p *progressLine) Report(f ingest.FileProgress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if f.File != p.cur.File || p.start.IsZero() {
		p.start = time.Now()
	}
	if f.Phase == "" {
		p.clear()
		p.start = time.Time{}
	}
	p.cur = f
}

func (p *progressLine) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.start.IsZero() || p.cur.Phase == "" {
		return
	}
	took := time.Since(p.start)
	if took < p.after {
		return
	}
	line := p.cur.File + ": " + p.cur.Phase
	if p.cur.Rows > 0 {
		line += " · " + format.ID.Int(p.cur.Rows) + " baris"
		if p.cur.Phase == "membaca" || p.cur.Phase == "memuat" {
			// The rate while the rows are being counted, not after.
			line += " · " + format.ID.Int(int(float64(p.cur.Rows)/took.Seconds())) + " baris/s"
		}
	}
	if p.cur.Size > 0 && p.cur.Phase == "membaca" {
		line += fmt.Sprintf(" · %d%%", 100*p.cur.Bytes/p.cur.Size)
	}
	line += fmt.Sprintf(" · %d s", int(took.Seconds()))
	fmt.Fprintf(p.w, "\r\x1b[K%s", line)
	p.shown = true
}

func (p *progressLine) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// Close stops the redrawing and clears the line.
func (p *progressLine) Close() {
	close(p.stop)
	p.done.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
}

// progressFor is the progress of a command's ingest on stderr: nil (none)
// unless stderr is a terminal. stop ends it.
func progressFor(stderr io.Writer) (report ingest.Progress, stop func()) {
	if !isTerminal(stderr) {
		return nil, func() {}
	}
	p := newProgressLine(stderr, progressAfter, progressEvery)
	return p.Report, p.Close
}
