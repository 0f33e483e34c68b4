# rahmengraph — every target creates and reuses the local virtualenv; nothing is installed by hand.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# Two stamps: `make run` needs only the runtime; test, lint and bench add the dev and bench extras.
RUN_STAMP := $(VENV)/.installed-run
DEV_STAMP := $(VENV)/.installed-dev
PIP := $(PY) -m pip --disable-pip-version-check
NPM_STAMP := node_modules/.installed
CHROMIUM := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = "0" ] || echo sudo)

.PHONY: run test lint format bench bench-full install install-run browser java report-libs clean

# Everything (runtime, dev and bench extras, npm); `install-run` only what `make run` needs.
install: $(DEV_STAMP) $(NPM_STAMP)
install-run: $(RUN_STAMP) $(NPM_STAMP)

$(PY):
	@echo "==> Python-Umgebung $(VENV) anlegen ($$($(PYTHON) --version))"
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(RUN_STAMP): pyproject.toml | $(PY)
	@echo "==> Laufzeit-Pakete installieren (rdflib, pyoxigraph, pySHACL, FastAPI, uvicorn, pyvis …; einmalig, etwa eine halbe Minute)"
	$(PIP) install --progress-bar on -e .
	touch $(RUN_STAMP)

$(DEV_STAMP): pyproject.toml $(RUN_STAMP)
	@echo "==> Entwicklungs- und Benchmark-Pakete installieren (pytest, Playwright, mypy, ruff, rdflib-endpoint …)"
	$(PIP) install --progress-bar on -e '.[dev,bench]'
	touch $(DEV_STAMP)

# JavaScript dependencies (SPARQL editor) from the committed lockfile, served by our server.
$(NPM_STAMP): package.json package-lock.json
	@echo "==> JavaScript-Pakete installieren (SPARQL-Editor Yasgui, aus package-lock.json)"
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

# System libraries of WeasyPrint (report as PDF) and the fonts the report and its charts use.
REPORT_LIBS := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 libfontconfig1 fonts-dejavu-core
report-libs:
	@dpkg -s $(REPORT_LIBS) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(REPORT_LIBS) >/dev/null; }

run: install-run report-libs
	$(VENV)/bin/rahmengraph serve

test: install browser java report-libs lint
	$(PY) -m pytest -q

lint: $(DEV_STAMP)
	$(VENV)/bin/ruff check rahmengraph tests bench data
	$(VENV)/bin/ruff format --check rahmengraph tests bench data
	$(VENV)/bin/mypy

format: $(DEV_STAMP)
	$(VENV)/bin/ruff format rahmengraph tests bench data
	$(VENV)/bin/ruff check --fix rahmengraph tests bench data

bench: install browser report-libs
	$(PY) -m bench.run

bench-full: install browser report-libs
	$(PY) -m bench.run --scales bremen,laender,kreise

clean:
	rm -rf $(VENV) node_modules var .pytest_cache .mypy_cache .ruff_cache
