package site_test

import (
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lampungprov/kinerja/site"
)

func TestServeCompressesTextAndForbidsForeignScripts(t *testing.T) {
	dir := t.TempDir()
	page := "<!doctype html><title>x</title>" + strings.Repeat("<p>kinerja</p>", 200)
	if err := os.WriteFile(filepath.Join(dir, "index.html"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site.Handler(dir))
	defer srv.Close()
	req, _ := http.NewRequest("GET", srv.URL+"/", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = resp.Body.Close() }() // read-only
	if resp.Header.Get("Content-Encoding") != "gzip" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "script-src 'self'") {
		t.Fatalf("headers %v", resp.Header)
	}
	zr, err := gzip.NewReader(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(zr)
	if string(body) != page {
		t.Error("decompressed body differs from the file")
	}
}

// TestServeStaysInsideTheSiteAndListsNoFolder: no path reaches outside the
// site folder, by "..", its encodings or a symbolic link in the site; a
// folder without index.html is not listed; every answer has the headers.
func TestServeStaysInsideTheSiteAndListsNoFolder(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "public")
	for p, content := range map[string]string{
		"index.html": "<!doctype html><title>x</title>", "data/a.csv": "a\n1\n", "kosong/b.txt": "b",
		"../rahasia.txt": "RAHASIA",
	} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(parent, "rahasia.txt"), filepath.Join(dir, "tautan.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(parent, filepath.Join(dir, "atas")); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(site.Handler(dir))
	defer srv.Close()
	get := func(method, p string) (int, string, http.Header) {
		req, err := http.NewRequest(method, srv.URL+p, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = p // the path exactly as written, not cleaned by the client
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = resp.Body.Close() }() // read-only
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b), resp.Header
	}
	for _, p := range []string{"/../rahasia.txt", "/%2e%2e/rahasia.txt", "/%2E%2E%2Frahasia.txt", "/data/..%2f..%2frahasia.txt",
		"/tautan.txt", "/atas/rahasia.txt", "/kosong/", "/data/"} {
		code, body, h := get("GET", p)
		if strings.Contains(body, "RAHASIA") || strings.Contains(body, "b.txt") || strings.Contains(body, "a.csv") {
			t.Errorf("GET %s (%d) gives away %q", p, code, body)
		}
		if code == http.StatusOK {
			t.Errorf("GET %s: 200", p)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" || h.Get("Content-Security-Policy") == "" {
			t.Errorf("GET %s: headers %v", p, h)
		}
	}
	if code, _, _ := get("POST", "/"); code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", code)
	}
	if code, _, _ := get("GET", "/"+strings.Repeat("a", 5000)); code != http.StatusRequestURITooLong {
		t.Errorf("a 5000-byte path: %d", code)
	}
	if code, body, _ := get("GET", "/data/a.csv"); code != http.StatusOK || body != "a\n1\n" {
		t.Errorf("a file of the site: %d %q", code, body)
	}
}

// TestServeLetsOnlyEmbedPagesBeFramed: a chart's embed page may be framed by
// any site, every other page by none, whatever the path's spelling.
func TestServeLetsOnlyEmbedPagesBeFramed(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"index.html", "opd/x1/index.html", "embed/opd/x1/grafik-opd-cakupan/index.html", "en/embed/grafik-provinsi-cakupan/index.html"} {
		full := filepath.Join(dir, p)
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("<!doctype html><title>x</title>"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	srv := httptest.NewServer(site.Handler(dir))
	defer srv.Close()
	for p, framed := range map[string]bool{
		"/": false, "/opd/x1/": false, "/embed/opd/x1/grafik-opd-cakupan/": true, "/en/embed/grafik-provinsi-cakupan/": true,
		"/embed/../opd/x1/": false, "/en/embedx/": false,
	} {
		req, err := http.NewRequest("GET", srv.URL+p, nil)
		if err != nil {
			t.Fatal(err)
		}
		req.URL.Opaque = p
		resp, err := http.DefaultTransport.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close() // read-only
		csp, xfo := resp.Header.Get("Content-Security-Policy"), resp.Header.Get("X-Frame-Options")
		if !strings.Contains(csp, "script-src 'self'") || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v", p, resp.Header)
		}
		if framed {
			if resp.StatusCode != http.StatusOK || !strings.HasSuffix(csp, "frame-ancestors *") || strings.Contains(csp, "frame-ancestors 'none'") || xfo != "" {
				t.Errorf("%s (%d): CSP %q, X-Frame-Options %q: want frame-ancestors * and no X-Frame-Options", p, resp.StatusCode, csp, xfo)
			}
		} else if !strings.HasSuffix(csp, "frame-ancestors 'none'") || xfo != "DENY" {
			t.Errorf("%s (%d): CSP %q, X-Frame-Options %q: want frame-ancestors 'none' and DENY", p, resp.StatusCode, csp, xfo)
		}
	}
}
