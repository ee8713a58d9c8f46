# Keystone — every target installs what it needs when it is missing.
# On Debian/Ubuntu as root (or with sudo) system packages are installed with
# apt-get; elsewhere the target stops and says what to install by hand.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X keystone/app.Version=$(VERSION)
DESKTOP_TAGS := desktop,production,webkit2_41
BIN       := bin
GO        ?= go
STATICCHECK := v0.8.2
NPM       ?= npm

# Debian packages: building the desktop window, and running the browser and
# desktop tests (Chromium, Xvfb, a screenshot tool, CJK fonts for screenshots).
BUILD_PKGS := libgtk-3-dev libwebkit2gtk-4.1-dev pkg-config build-essential
TEST_PKGS  := $(BUILD_PKGS) chromium xvfb xauth imagemagick x11-utils fonts-noto-cjk poppler-utils

.PHONY: help run serve build test bench test-go test-frontend test-e2e test-desktop lint deps-build deps-test frontend clean

help:
	@echo "make run    - build and open the Keystone desktop app"
	@echo "make serve  - serve Keystone to a browser on this machine"
	@echo "make build  - build the desktop binary into $(BIN)/keystone"
	@echo "make test   - run every test (Go, frontend, end-to-end, desktop smoke)"
	@echo "make bench  - run the benchmarks on generated portfolios"

# ---- set-up -----------------------------------------------------------------

define apt_install
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if ! command -v apt-get >/dev/null; then \
	    echo "Keystone needs:$$missing (Debian names). Install the equivalents for your system by hand."; exit 1; fi; \
	  SUDO=""; if [ "$$(id -u)" != 0 ]; then \
	    if command -v sudo >/dev/null; then SUDO=sudo; else echo "Run as root or install:$$missing"; exit 1; fi; fi; \
	  echo "Installing:$$missing"; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi
endef

deps-build:
	@command -v $(GO) >/dev/null || { echo "Go 1.26 or newer is needed: https://go.dev/dl"; exit 1; }
	@command -v $(NPM) >/dev/null || { echo "Node.js 20.19+ with npm is needed"; exit 1; }
	$(call apt_install,$(BUILD_PKGS))

deps-test:
	@command -v $(GO) >/dev/null || { echo "Go 1.26 or newer is needed: https://go.dev/dl"; exit 1; }
	@command -v $(NPM) >/dev/null || { echo "Node.js 20.19+ with npm is needed"; exit 1; }
	$(call apt_install,$(TEST_PKGS))

frontend/node_modules/.package-lock.json: frontend/package-lock.json frontend/package.json
	cd frontend && $(NPM) ci --no-audit --no-fund --loglevel=error
	@touch $@

FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/public -type f 2>/dev/null) frontend/vite.config.ts
frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SRC)
	cd frontend && $(NPM) run build

frontend: frontend/dist/index.html

# ---- the two commands and friends --------------------------------------------

build: deps-build frontend
	$(GO) build -tags $(DESKTOP_TAGS) -ldflags "$(LDFLAGS)" -o $(BIN)/keystone .

run: build
	./$(BIN)/keystone

$(BIN)/keystone-cli: frontend $(shell find . -name '*.go' -not -path './frontend/*') go.mod go.sum
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $@ .

serve: $(BIN)/keystone-cli
	./$(BIN)/keystone-cli serve

# ---- tests -----------------------------------------------------------------

test: deps-test lint test-go test-frontend test-e2e test-desktop
	@echo "All Keystone tests passed."

lint: frontend
	@out="$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './frontend/*'))"; \
	  if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) vet -tags $(DESKTOP_TAGS) ./app/desktop/
	$(GO) run honnef.co/go/tools/cmd/staticcheck@$(STATICCHECK) ./...

test-go: frontend
	$(GO) test -count=1 ./...

test-frontend: frontend/node_modules/.package-lock.json
	cd frontend && $(NPM) run typecheck && $(NPM) test

test-e2e: $(BIN)/keystone-cli
	cd frontend && KEYSTONE_BIN=$(CURDIR)/$(BIN)/keystone-cli $(NPM) run e2e

test-desktop: build
	./test/desktop-smoke.sh $(BIN)/keystone

bench: frontend
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 20x ./storage/ ./app/ ./core/...

clean:
	rm -rf $(BIN) frontend/node_modules
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
