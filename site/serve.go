package site

import (
	"compress/gzip"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Handler serves a built site for preview, gzip-compressing text as any
// static web server would, so page weights measured through it are the
// weights visitors get. It serves only what is inside dir: paths are
// resolved in an os.Root, so neither ".." (encoded or not) nor a symbolic
// link in the site folder reaches outside it; a folder without index.html
// is a 404, never a listing; only GET and HEAD are answered; and every
// response carries the site's security headers.
func Handler(dir string) http.Handler {
	// Fails only for an extension without its leading dot.
	_ = mime.AddExtensionType(".csv", "text/csv; charset=utf-8")
	_ = mime.AddExtensionType(".json", "application/json")
	_ = mime.AddExtensionType(".ico", "image/x-icon")
	_ = mime.AddExtensionType(".xml", "application/atom+xml; charset=utf-8") // the site's only XML files are its feeds
	root, err := os.OpenRoot(dir)
	if err != nil {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "site folder cannot be opened", http.StatusInternalServerError)
		})
	}
	fsys := noListing{root.FS()}
	files := http.FileServerFS(fsys)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		// Only the charts' embed pages may be framed, by any site; the
		// path is judged as the file server will resolve it.
		if embeddable(r.URL.Path) {
			h.Set("Content-Security-Policy", csp+"frame-ancestors *")
		} else {
			h.Set("Content-Security-Policy", csp+"frame-ancestors 'none'")
			h.Set("X-Frame-Options", "DENY")
		}
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cross-Origin-Opener-Policy", "same-origin")
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		if len(r.URL.Path) > maxPath || len(r.URL.RawQuery) > maxPath {
			http.Error(w, "URI too long", http.StatusRequestURITooLong)
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, 0)
		if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") || !compressible(r.URL.Path) {
			files.ServeHTTP(w, r)
			return
		}
		h.Set("Content-Encoding", "gzip")
		h.Add("Vary", "Accept-Encoding")
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

// csp is the site's Content-Security-Policy but for frame-ancestors.
const csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "

// embeddable says whether the page at URL path p is a chart's embed page
// (embed/... or en/embed/...), which other sites may frame.
func embeddable(p string) bool {
	p = path.Clean("/" + p)
	return strings.HasPrefix(p, "/embed/") || strings.HasPrefix(p, "/en/embed/")
}

// maxPath is the longest path or query served: the site's are far shorter.
const maxPath = 2048

// noListing is a file system whose folders hold only their index.html: a
// folder without one does not exist, so the file server never lists it.
type noListing struct{ fs.FS }

func (n noListing) Open(name string) (fs.File, error) {
	f, err := n.FS.Open(name)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil || !fi.IsDir() {
		return f, err
	}
	if _, err := fs.Stat(n.FS, path.Join(name, "index.html")); err != nil {
		_ = f.Close() // only opened to look
		return nil, fs.ErrNotExist
	}
	return f, nil
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
	case ".html", ".css", ".js", ".json", ".csv", ".svg", ".txt", ".xml":
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
