# Nazar — see README.md. Every target builds with the sqlite_fts5 tag (full-text search).
TAGS    := sqlite_fts5
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
DEMO_DB := data/demo.db
# Go 1.26.10 fixes the standard-library vulnerabilities govulncheck reports in
# 1.26.8; the go command fetches it from the module proxy (once, ~6 s).
export GOTOOLCHAIN ?= go1.26.10
# govulncheck and its database, pinned; the database comes from the module proxy
# (golang.org/x/vulndb), so no access to vuln.go.dev is needed.
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.9.0
VULNDB      := golang.org/x/vulndb@v0.0.0-20261105234957-e22db6528018

.PHONY: build run demo test lint bench soak fuzz vulncheck screenshots clean

build:
	$(GO) build -tags $(TAGS) -ldflags "$(LDFLAGS)" -o bin/nazar ./cmd/nazar

run: build
	@if [ -z "$$NAZAR_TELEGRAM_TOKEN" ]; then \
		echo "NAZAR_TELEGRAM_TOKEN is not set: export your bot token from @BotFather, or try 'make demo' (no token needed)."; \
		exit 1; fi
	./bin/nazar run

# A fresh database with the demo city, and a terminal chat with the bot.
demo: build
	@mkdir -p data && rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	NAZAR_DATABASE_PATH=$(DEMO_DB) NAZAR_LOG_LEVEL=warn ./bin/nazar console --demo

test:
	$(GO) test -race -count=1 -tags $(TAGS) ./...

lint:
	$(GO) vet -tags $(TAGS) ./...
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	@if command -v golangci-lint >/dev/null; then golangci-lint run --build-tags $(TAGS); fi

# Every Go benchmark once, then docs/PERFORMANCE.md from the results (cmd/benchreport).
# The council import is compared with the sqlite3 tool, installed here when missing.
bench:
	@command -v sqlite3 >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq sqlite3) \
		|| echo "sqlite3 not installed: the council import runs without its comparison"
	$(GO) test -run '^$$' -bench . -benchmem -timeout 30m -tags $(TAGS) ./... | tee docs/bench-latest.txt
	$(GO) run ./cmd/benchreport -o docs/PERFORMANCE.md < docs/bench-latest.txt

# The real binary under 2,000 simulated residents, faults and a SIGKILL (docs/RELIABILITY.md); ≤ 5 minutes.
SOAK_USERS ?= 2000
soak:
	NAZAR_SOAK=1 NAZAR_SOAK_USERS=$(SOAK_USERS) $(GO) test -count=1 -tags $(TAGS) -run '^TestSoak$$' -v -timeout 10m ./cmd/nazar/

FUZZTIME ?= 10s
fuzz:
	@grep -rHoE '^func Fuzz[A-Za-z0-9_]+' --include='*_test.go' . | sed -E 's|^(.*)/[^/]+:func (Fuzz.*)$$|\1 \2|' | sort -u | \
	while read pkg target; do \
		echo "fuzz $$target in $$pkg"; \
		$(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

vulncheck:
	$(GO) install $(GOVULNCHECK)
	@dir=$$($(GO) mod download -json $(VULNDB) | sed -n 's/.*"Dir": "\(.*\)",/\1/p'); \
		rm -rf .cache/vulndb && $(GO) run ./.ci/vulndb "$$dir/data/osv" .cache/vulndb
	$$($(GO) env GOPATH)/bin/govulncheck -db "file://$(CURDIR)/.cache/vulndb" -tags $(TAGS) ./...

# The README's Mini App pictures (docs/screenshots/), from the headless-Chromium test.
screenshots:
	NAZAR_SCREENSHOTS=1 $(GO) test -count=1 -tags $(TAGS) -run '^TestBrowserMapAndCouncil$$' ./miniapp/

clean:
	rm -rf bin
