"""A build does not depend on the interpreter's hash seed: every choice the
pipeline makes among words, places or bodies is ordered by its data, never
by the iteration order of a set or of a dict built from one. Two fresh
interpreters with two seeds build the fixture pages and the real-corpus
sample: the same graph, byte for byte."""

import json
import shutil

import pytest

from conftest import CORPUS, FIXTURES, run_python

pytestmark = pytest.mark.slow   # two fresh interpreters load the pipeline (seconds)

BUILD = """
import sys
import kg
assert kg.build([sys.argv[1]], sys.argv[2]) == 0
print("ok")
"""


def test_two_hash_seeds_build_the_same_graph(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i, page in enumerate(sorted(CORPUS.glob("*.txt"))):
        shutil.copy(page, src / f"2021-09-1{i}_{page.stem}.txt")
    shutil.copy(FIXTURES / "xwlb_sample.jsonl", src / "xwlb_sample.jsonl")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        assert run_python(BUILD, src, out, seed=seed, timeout=600).strip() == "ok"
        outs.append(out)
    first, second = ((o / "graph.json").read_bytes() for o in outs)
    assert len(json.loads(first)["articles"]) > len(list(CORPUS.glob("*.txt"))) and first == second
