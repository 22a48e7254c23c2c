# kinerja: the two commands of the README are `make run` and `make test`.
# Both work on a fresh Debian machine with Go, gcc, Node.js and npm: they
# fetch Go modules and npm packages themselves. `make test` installs
# Debian's chromium for the browser tests when it is missing and we are root.

SHELL       := /bin/bash
GO          ?= go
BIN         := bin/kinerja
ECHARTS     := site/assets/vendor/echarts.min.js
NPM_STAMP   := node_modules/.installed
GO_SOURCES  := $(shell find cmd demo pipeline queries reports site -name '*.go' -o -name '*.sql' -o -name '*.html' -o -name '*.css' -o -name 'app.js' 2>/dev/null) go.mod go.sum
CHROMIUM    ?= /usr/bin/chromium
E2E_DIR     := data/e2e
GOLANGCI    := github.com/golangci/golangci-lint/v2/cmd/golangci-lint@v2.6.2

export CGO_ENABLED := 1

.PHONY: build run test test-go test-e2e bench lint clean chromium crash docs fuzz

build: $(BIN)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

# The custom ECharts build (only the chart types and components the site
# uses) is embedded into the binary; it is built, never committed.
$(ECHARTS): $(NPM_STAMP) site/bundle/echarts-entry.js
	npm run --silent build:echarts
	@touch $@

$(BIN): $(ECHARTS) $(GO_SOURCES)
	$(GO) build -o $(BIN) ./cmd/kinerja

# Demo data when the inbox is empty, then the whole pipeline.
run: $(BIN)
	@mkdir -p data/inbox
	@if [ -z "$$(find data/inbox -maxdepth 1 -type f ! -name '.*' -print -quit)" ] && [ ! -e data/kinerja.duckdb ]; then \
		echo "inbox is empty: writing the demo province"; \
		$(BIN) demo --inbox data/inbox; \
	fi
	@$(BIN) run; code=$$?; \
	if [ $$code -ne 0 ] && [ $$code -ne 3 ]; then exit $$code; fi; \
	echo; echo "The public site is in $$(pwd)/public (open public/index.html)."; \
	echo "To view it as a visitor would: $(BIN) serve   then open http://127.0.0.1:8080/"

test: test-go test-e2e

test-go: $(ECHARTS)
	$(GO) vet ./...
	$(GO) test -count=1 -timeout 30m ./...

chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || exit 1; \
		else echo "the browser tests need Debian's chromium: sudo apt-get install chromium"; exit 1; fi; \
	fi

# Browser tests: a small demo province built and served by the real binary,
# driven in headless Chromium.
test-e2e: $(BIN) chromium
	rm -rf $(E2E_DIR)
	$(BIN) demo --inbox $(E2E_DIR)/inbox --pegawai 1000 --months 24 --end 2026-10 >/dev/null
	@# Two agencies whose names are markup: the browser must run nothing.
	printf 'opd;singkatan\n<img src=x onerror=alert(1)>;XSS-IMG\n</script><script>alert(1)</script>;XSS-SCRIPT\n' > $(E2E_DIR)/inbox/opd_uji_xss.csv
	printf 'tahun;bulan;opd;kode_indikator;indikator;polaritas;target;realisasi\n2026;10;<img src=x onerror=alert(1)>;X1;<img src=y onerror=alert(2)>;maksimal;10;5\n' > $(E2E_DIR)/inbox/iku_uji_xss.csv
	$(BIN) run --inbox $(E2E_DIR)/inbox --db $(E2E_DIR)/kinerja.duckdb --out $(E2E_DIR)/public >/dev/null 2>$(E2E_DIR)/run.log || [ $$? -eq 3 ]
	KINERJA_SITE_DIR=$(E2E_DIR)/public CHROMIUM=$(CHROMIUM) npm run --silent test:e2e

# Lighthouse (mobile) on the browser tests' site (run make test-e2e
# first): the four scores of each audited page, printed and written to
# data/bench/lighthouse.json. Performance is a measure of time: judged here,
# never in a test.
lighthouse: $(BIN) chromium
	KINERJA_SITE_DIR=$(E2E_DIR)/public CHROMIUM=$(CHROMIUM) node site/e2e/lighthouse.mjs

.PHONY: lighthouse

# The long crash test: 200 kills at random moments besides every named
# crash point (make test runs 6).
CRASH_KILLS ?= 200
crash: $(ECHARTS)
	KINERJA_CRASH_KILLS=$(CRASH_KILLS) $(GO) test -count=1 -timeout 4h -run TestKillingARunAtAnyMomentEndsLikeACleanRun -v ./cmd/kinerja

# Every fuzz target for FUZZTIME each (go test runs their seed corpora
# anyway). An input that fails is written to testdata/fuzz/<target>/ of its
# package: fix the bug and commit the input as a seed.
FUZZTIME ?= 30s
FUZZ_TARGETS := ./pipeline/ingest:FuzzDecodeAndSniff ./pipeline/ingest:FuzzReadCSV ./pipeline/ingest:FuzzReadXLSX \
	./pipeline/ingest:FuzzReadJSON ./pipeline/ingest:FuzzRecognise ./pipeline/ingest:FuzzNumber \
	./pipeline/ingest:FuzzDate ./pipeline/ingest:FuzzNIP ./pipeline/ingest:FuzzPeriod \
	./pipeline/ingest:FuzzCheckAgreesWithIngest ./pipeline/formula:FuzzNeutralize
fuzz: $(ECHARTS)
	@failed=""; for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; name=$${t##*:}; echo "== $$name ($$pkg, $(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$name\$$" -fuzztime $(FUZZTIME) $$pkg || failed="$$failed $$name"; \
	done; if [ -n "$$failed" ]; then echo "fuzz targets that found a failing input:$$failed"; exit 1; fi

# docs/kpi.md is generated from the headers of queries/kpi/*.sql; a test
# fails when it is out of date.
docs:
	$(GO) test -count=1 ./queries -run TestKPIDocIsUpToDate -update

# Speed and memory: the Go benchmarks (-count=1), then the scale table of
# cmd/kinerja-bench at BENCH_ROWS penilaian rows (default 1.2M, a province's
# year): the real binary's ingest, compute, build and rerun, each a child
# process with its peak RSS, beside DuckDB's bare read_csv of the same file.
# The data is generated once and cached under data/bench/data/; results go
# to data/bench/hasil-<date>.json and data/bench/terakhir.json. 3 to 5
# minutes on 2 cores (docs/skala.md). BENCH_GO=0 skips the Go benchmarks.
BENCH_ROWS        ?= 1200000
BENCH_GO          ?= 1
BENCH_MAX_RSS_GIB ?= 16
BENCH_FLAGS       ?=
bench: $(ECHARTS) $(BIN)
	@mkdir -p data/bench
	$(GO) build -o bin/kinerja-bench ./cmd/kinerja-bench
	@secs=0; if [ "$(BENCH_GO)" != 0 ]; then \
		start=$$(date +%s); \
		$(GO) test -run '^$$' -bench . -benchmem -count=1 -timeout 30m ./... 2>&1 | tee data/bench/go-bench.txt; \
		code=$${PIPESTATUS[0]}; secs=$$(( $$(date +%s) - start )); \
		echo "Go benchmarks: $$secs s"; \
		if [ $$code -ne 0 ]; then exit $$code; fi; \
	else rm -f data/bench/go-bench.txt; fi; \
	bin/kinerja-bench -bin $(BIN) -dir data/bench -rows $(BENCH_ROWS) -max-rss-gib $(BENCH_MAX_RSS_GIB) \
		$$( [ -f data/bench/go-bench.txt ] && echo "-go-bench data/bench/go-bench.txt -go-bench-seconds $$secs" ) $(BENCH_FLAGS)

# 10M rows (a large province over several years, or a small ministry): the
# scale table only. Refused when the 1.2M run extrapolates above
# BENCH_MAX_RSS_GIB of peak RSS.
bench-besar:
	$(MAKE) bench BENCH_ROWS=10000000 BENCH_GO=0

# A national year (53M rows, 4.4M civil servants x 12 months), once, by
# hand: about 32 GB of CSV in data/bench/data/. Refused like bench-besar.
bench-national:
	$(MAKE) bench BENCH_ROWS=53000000 BENCH_GO=0 BENCH_FLAGS="-curve 120000,400000,1200000,10000000"

.PHONY: bench-besar bench-national

lint: $(ECHARTS)
	$(GO) vet ./...
	@test -z "$$(gofmt -l cmd demo pipeline queries reports site)" || (gofmt -l cmd demo pipeline queries reports site; exit 1)
	$(GO) run $(GOLANGCI) run ./...

clean:
	rm -rf bin public data/e2e node_modules $(ECHARTS) test-artifacts
