package site

import (
	"compress/gzip"
	"io"
	"mime"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
)

// Handler serves a built site for preview, gzip-compressing text as any
// static web server would, so page weights measured through it are the
// weights visitors get.
func Handler(dir string) http.Handler {
	// Fails only for an extension without its leading dot.
	_ = mime.AddExtensionType(".csv", "text/csv; charset=utf-8")
	_ = mime.AddExtensionType(".json", "application/json")
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || !compressible(r.URL.Path) {
			files.ServeHTTP(w, r)
			return
		}
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Add("Vary", "Accept-Encoding")
		gz := gzipPool.Get().(*gzip.Writer)
		gz.Reset(w)
		defer func() {
			// Writes the end of the response: a client gone by then is
			// nothing to report.
			_ = gz.Close()
			gzipPool.Put(gz)
		}()
		files.ServeHTTP(&gzipWriter{ResponseWriter: w, w: gz}, r)
	})
}

var gzipPool = sync.Pool{New: func() any {
	w, _ := gzip.NewWriterLevel(io.Discard, gzip.BestCompression)
	return w
}}

func compressible(p string) bool {
	if strings.HasSuffix(p, "/") {
		return true
	}
	switch strings.ToLower(filepath.Ext(p)) {
	case ".html", ".css", ".js", ".json", ".csv", ".svg", ".txt":
		return true
	}
	return false
}

type gzipWriter struct {
	http.ResponseWriter
	w io.Writer
}

func (g *gzipWriter) WriteHeader(code int) {
	g.Header().Del("Content-Length")
	g.ResponseWriter.WriteHeader(code)
}

func (g *gzipWriter) Write(b []byte) (int, error) {
	g.Header().Del("Content-Length")
	return g.w.Write(b)
}
