package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/lampungprov/kinerja/pipeline/config"
	"github.com/lampungprov/kinerja/pipeline/store"
	"github.com/lampungprov/kinerja/site"
)

func newServeCmd() *command {
	var addr string
	return &command{
		name:    "serve",
		summary: "serve the built site for preview (gzip-compressed, like a production web server)",
		flags: func(fs *flag.FlagSet, c *config.Config) {
			outFlag(fs, c)
			fs.StringVar(&addr, "addr", "127.0.0.1:8080", "`address` to listen on")
		},
		run: func(ctx context.Context, e *env, _ *store.DB, _ []string) (int, error) {
			if _, err := os.Stat(filepath.Join(e.cfg.Out, "index.html")); err != nil {
				return exitFailed, fmt.Errorf("no site in %s: run `kinerja run` or `kinerja build` first", e.cfg.Out)
			}
			ln, err := net.Listen("tcp", addr)
			if err != nil {
				return exitFailed, err
			}
			// Bounded: a preview server on a shared network must not be held
			// open or flooded by one client.
			srv := &http.Server{Handler: site.Handler(e.cfg.Out), ReadHeaderTimeout: 10 * time.Second,
				ReadTimeout: 30 * time.Second, WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 16 << 10}
			fmt.Fprintf(e.stdout, "serving %s at http://%s/ (Ctrl-C to stop)\n", e.cfg.Out, ln.Addr())
			stopped := make(chan error, 1)
			go func() {
				<-ctx.Done()
				shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
				defer cancel()
				stopped <- srv.Shutdown(shutdown)
			}()
			if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
				return exitFailed, err
			}
			// Serve returns as soon as Shutdown starts: wait for the requests
			// in flight to end (or the timeout).
			if err := <-stopped; err != nil {
				return exitFailed, fmt.Errorf("shutting down: %w", err)
			}
			return exitOK, nil
		},
	}
}
