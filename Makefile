# The two commands: `make serve` and `make test`. Each sets up what it needs.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

LMS_PARSERS := tests/lms/node_modules/.installed
LIGHTHOUSE := bench/node_modules/.installed

# `make bench QUICK=1` (and bench-search, bench-serve, bench-lighthouse): a smoke
# run of the benchmark, one small size, one page, one run, in a temporary folder.
QUICK ?=
BENCH_FLAGS := $(if $(filter-out 0,$(QUICK)),--quick)
# The built site the search and Lighthouse benchmarks measure (tests pass their own).
SITE ?= site

.PHONY: lock lint test-fast serve build check test chromium node schemas export offline bench bench-search bench-serve bench-lighthouse bench-mechanisms clean

# Exact versions from the lock file; pyproject.toml keeps the compatible ranges.
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

lock:  ## regenerate requirements.lock: the newest versions pyproject.toml allows, resolved in a fresh venv
	set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	$(PYTHON) -m venv "$$tmp/venv"; \
	"$$tmp/venv/bin/python" -m pip install --quiet --upgrade pip; \
	"$$tmp/venv/bin/python" -m pip install --quiet "$$PWD[test]"; \
	{ echo "# Exact versions that make installs. Regenerate with 'make lock' (README: upgrading dependencies)."; \
	  "$$tmp/venv/bin/python" -m pip freeze --exclude retention-kb; } > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf build/lib build/bdist.*; rmdir build 2>/dev/null || true

# `make serve PREVIEW=fi`: only that language, at the site root (a save shows two to three times as fast).
PREVIEW ?=
# MkDocs serves from a temporary folder it rewrites on every save: in memory when there is room (kb/build/serve_dir.py).
serve: $(STAMP)  ## live-reloading site on http://127.0.0.1:8000 (PREVIEW=<lang>: that language only)
	TMPDIR="$$($(BIN)/python -m kb.build.serve_dir)" $(if $(PREVIEW),KB_PREVIEW_LANGUAGE=$(PREVIEW)) \
	  $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP)  ## strict build into site/ (the previous site survives a failed build)
	$(BIN)/kb build

check: $(STAMP)  ## validate the content only
	$(BIN)/kb check

schemas: $(STAMP)  ## regenerate schemas/ from the content model
	$(BIN)/kb schema

chromium:  ## Debian's Chromium for the browser tests (Playwright's download does not work here)
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: sudo apt-get install chromium" >&2; exit 1; fi; }

node:  ## Node.js runs the third-party GIFT parser the export tests use
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "npm is missing: sudo apt-get install nodejs npm" >&2; exit 1; fi; }

$(LMS_PARSERS): tests/lms/package.json tests/lms/package-lock.json | node
	cd tests/lms && npm ci --no-audit --no-fund --silent
	touch $@

offline: $(STAMP)  ## zip that works from the file system (call-floor PCs without network)
	$(BIN)/kb offline --out build/retention-kb-offline.zip

bench: $(STAMP)  ## build synthetic content at 1x, 4x, 16x and print timings and sizes (QUICK=1: 1x once)
	$(BIN)/python bench/run.py $(BENCH_FLAGS)

bench-search: $(STAMP) chromium  ## search index sizes and query times in Chromium (after make build; QUICK=1: one run)
	$(BIN)/python bench/search.py --site "$(SITE)" $(BENCH_FLAGS)

bench-serve: $(STAMP) chromium  ## seconds from saving a content file to the change in the browser under `mkdocs serve`, 1x and 4x (QUICK=1: one save)
	$(BIN)/python bench/serve.py $(BENCH_FLAGS)

bench-mechanisms: $(STAMP)  ## first build and rebuild after a save, with and without each speed-up mechanism, 1x and 4x (QUICK=1: one, 1x, once)
	$(BIN)/python bench/mechanisms.py $(BENCH_FLAGS)

$(LIGHTHOUSE): bench/package.json bench/package-lock.json | node
	cd bench && npm ci --no-audit --no-fund --silent
	touch $@

bench-lighthouse: $(STAMP) chromium $(LIGHTHOUSE)  ## Lighthouse on the main page types (after make build; QUICK=1: one page once)
	$(BIN)/python bench/lighthouse.py --site "$(SITE)" $(BENCH_FLAGS)

export: $(STAMP)  ## LMS exports (QTI 2.1, Moodle GIFT, SCORM 1.2 and 2004) into build/exports/
	$(BIN)/kb export --out build/exports

# Lighthouse too: a test runs every benchmark's quick mode.
lint: $(STAMP)  ## ruff (pyflakes, pycodestyle) and mypy (strict on kb.content and kb.checks)
	$(BIN)/ruff check tools tests bench
	$(BIN)/mypy

test: $(STAMP) chromium $(LMS_PARSERS) $(LIGHTHOUSE) lint
	$(BIN)/python -m pytest

test-fast: $(STAMP)  ## the tests without MkDocs builds, Chromium or the input corpora (under 20 s)
	$(BIN)/python -m pytest -m "not build and not browser and not corpus"

clean:
	rm -rf site .site.* .pytest_cache
