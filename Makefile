# rahmengraph — every target creates and reuses the local virtualenv; nothing is installed by hand.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: run test lint format bench bench-full install browser java clean

install: $(STAMP) $(NPM_STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev,bench]'
	touch $(STAMP)

# JavaScript dependencies (SPARQL editor) from the committed lockfile, served by our server.
$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	touch $(NPM_STAMP)

# Headless Chromium from Debian for the browser tests (never a downloaded browser build).
browser:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# Java from Debian for the OWL 2 DL reasoner test (HermiT, shipped with owlready2).
java:
	@command -v java >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless >/dev/null; }

run: install
	$(VENV)/bin/rahmengraph serve

test: install browser java lint
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check rahmengraph tests bench data
	$(VENV)/bin/ruff format --check rahmengraph tests bench data
	$(VENV)/bin/mypy

format: $(STAMP)
	$(VENV)/bin/ruff format rahmengraph tests bench data
	$(VENV)/bin/ruff check --fix rahmengraph tests bench data

bench: install browser
	$(PY) -m bench.run

bench-full: install browser
	$(PY) -m bench.run --scales bremen,laender,kreise

clean:
	rm -rf $(VENV) node_modules var .pytest_cache .mypy_cache .ruff_cache
