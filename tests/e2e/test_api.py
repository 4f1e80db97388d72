"""The public API, kg.extract and kg.build, called twice in one fresh
interpreter, as a user's script would: a child process each time, so no
module this test session imported already can hide state left behind by
the first call (a cached pipeline, a frozen collector, a parked graph)."""

import importlib.util
import json
import shutil

import pytest

from conftest import CORPUS, FIXTURES, GOLD, run_python

PAGE = "09_scio-finance-regulators-briefing"

pytestmark = pytest.mark.slow   # a fresh interpreter loads the pipeline (seconds)


def scorer():
    spec = importlib.util.spec_from_file_location("score", FIXTURES / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


EXTRACT_TWICE = """
import json, sys
import kg
text = open(sys.argv[1], encoding="utf-8").read()
first = kg.extract(text, sys.argv[2])
second = kg.extract(text, sys.argv[2])
print(json.dumps([first, second], ensure_ascii=False))
"""


def test_extract_twice_gives_the_same_full_result():
    gold = json.loads((GOLD / f"{PAGE}.gold.json").read_text(encoding="utf-8"))
    first, second = json.loads(run_python(EXTRACT_TWICE, CORPUS / f"{PAGE}.txt", gold["date"]))
    assert first == second
    # and it is the real result: the scorer finds no miss and no false find
    *_, misses, false_finds = scorer().score_doc(gold, first)
    assert first["entities"] and first["relations"] and misses == false_finds == []
    # another hash seed, another process: the same bytes
    assert json.loads(run_python(EXTRACT_TWICE, CORPUS / f"{PAGE}.txt", gold["date"], seed="12345")) == [first, first]


BUILD_TWICE = """
import sys
import kg
from pathlib import Path
src, a, b, c = sys.argv[1:5]
assert kg.build([src], a) == 0
assert kg.build([src], b) == 0                  # a second build, into another folder: the same bytes
for f in ("graph.json", "graph.ttl", "graph.html", "graph.graphml", "errors.tsv"):
    assert (Path(a) / f).read_bytes() == (Path(b) / f).read_bytes(), f
page = sorted(Path(src).iterdir())[0]
page.write_text(page.read_text(encoding="utf-8") + "\\n国务院办公厅印发《关于加快推进政务服务标准化的意见》。\\n",
                encoding="utf-8")
assert kg.build([src], a) == 0                  # a rebuild of the first after an edit
assert kg.build([src], c) == 0                  # and a fresh one of the edited folder
print("ok")
"""


def test_build_twice_and_rebuild_in_one_interpreter(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("01_henan-beijing-strategic-agreement", PAGE):
        date = json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))["date"]
        shutil.copy(CORPUS / f"{name}.txt", src / f"{date}_{name}.txt")
    a, b, c = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    assert run_python(BUILD_TWICE, src, a, b, c).strip() == "ok"
    first = json.loads((b / "graph.json").read_text(encoding="utf-8"))
    assert len(first["articles"]) == 2 and first["entities"] and first["relations"]
    for f in ("graph.json", "graph.ttl", "graph.graphml"):
        assert (a / f).read_bytes() == (c / f).read_bytes(), f      # the rebuild equals a fresh build
    assert "加快推进政务服务标准化" in (a / "graph.json").read_text(encoding="utf-8")
    assert "加快推进政务服务标准化" not in (b / "graph.json").read_text(encoding="utf-8")
