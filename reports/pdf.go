package reports

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

// The PDF is printed by headless Chromium from the rendered page, with the
// DevTools-free --print-to-pdf: A4 and the margins come from the page's CSS
// @page rule, and the footer (the month, the generation time, "halaman 1
// dari 5") from its page-margin boxes (@bottom-left, @bottom-right), which
// Chromium prints since version 131. Chromium's own header and footer
// (date, title, file URL) are turned off: they would show a temporary path.

// Browsers are the commands looked up on PATH, in this order, when no
// browser is configured.
var Browsers = []string{"chromium", "chromium-browser", "google-chrome"}

// ErrNoChromium is returned when there is no browser to print with.
var ErrNoChromium = errors.New("no headless Chromium found on PATH (chromium, chromium-browser, google-chrome): " +
	"install it with `apt-get install chromium`, or name it in kinerja.toml ([laporan] chromium = \"/usr/bin/chromium\")")

// PrintTimeout bounds one print: Chromium prints a report in a few seconds.
const PrintTimeout = 2 * time.Minute

// FindChromium returns the browser to print with: configured (a path or a
// command name) when set, else the first of Browsers on PATH. Both errors
// wrap ErrNoChromium.
func FindChromium(configured string) (string, error) {
	if configured != "" {
		p, err := exec.LookPath(configured)
		if err != nil {
			return "", fmt.Errorf("chromium %q: %v: %w", configured, err, ErrNoChromium)
		}
		return p, nil
	}
	for _, name := range Browsers {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoChromium
}

// PrintPDF prints page, one self-contained HTML document, to PDF with the
// headless browser at path browser and returns the PDF's bytes. The page is
// written to a private temporary folder, which also holds the browser's
// profile, and removed afterwards.
func PrintPDF(ctx context.Context, browser string, page []byte) ([]byte, error) {
	dir, err := os.MkdirTemp("", "kinerja-pdf-")
	if err != nil {
		return nil, fmt.Errorf("printing PDF: %w", err)
	}
	defer func() { _ = os.RemoveAll(dir) }() // best effort: a leftover is a temporary folder
	src, out := filepath.Join(dir, "laporan.html"), filepath.Join(dir, "laporan.pdf")
	if err := os.WriteFile(src, page, 0o600); err != nil {
		return nil, fmt.Errorf("printing PDF: %w", err)
	}
	ctx, cancel := context.WithTimeout(ctx, PrintTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, browser,
		"--headless", "--disable-gpu", "--disable-dev-shm-usage",
		// The page is kinerja's own, without scripts or external
		// resources; the sandbox fails as root and under systemd's
		// restrictions, so it is off.
		"--no-sandbox",
		"--no-first-run", "--no-default-browser-check", "--disable-extensions", "--disable-sync",
		"--disable-background-networking", "--disable-component-update", "--disable-breakpad",
		"--user-data-dir="+filepath.Join(dir, "profil"),
		"--no-pdf-header-footer", "--print-to-pdf="+out,
		(&url.URL{Scheme: "file", Path: src}).String())
	cmd.Env = append(os.Environ(), "HOME="+dir, "XDG_CONFIG_HOME="+dir, "XDG_CACHE_HOME="+dir)
	var stderr tail
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	ownGroup(cmd)
	err = cmd.Run()
	killGroup(cmd)
	if ctx.Err() != nil {
		return nil, fmt.Errorf("printing PDF with %s: stopped after %s: %w", browser, PrintTimeout, ctx.Err())
	}
	if err != nil {
		return nil, fmt.Errorf("printing PDF with %s: %v: %s", browser, err, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		return nil, fmt.Errorf("printing PDF with %s: no PDF written: %s", browser, stderr.String())
	}
	return b, nil
}

var pageObject = regexp.MustCompile(`/Type\s*/Page\b`)

// PageCount is the number of pages of a PDF as Chromium writes it (one
// /Type /Page object per page).
func PageCount(pdf []byte) int {
	return len(pageObject.FindAll(pdf, -1))
}

// tail keeps the last 2 KB written to it: Chromium's messages, for an error.
type tail struct{ b []byte }

func (t *tail) Write(p []byte) (int, error) {
	t.b = append(t.b, p...)
	if len(t.b) > 2048 {
		t.b = t.b[len(t.b)-2048:]
	}
	return len(p), nil
}

func (t *tail) String() string { return strings.TrimSpace(string(t.b)) }
