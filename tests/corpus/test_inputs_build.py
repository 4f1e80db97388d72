"""Builds from awkward inputs: same base names in two folders, and inputs none of which can be used."""

import json
import shutil

import pytest
from conftest import CORPUS

HENAN = CORPUS / "01_henan-beijing-strategic-agreement.txt"
CANGXI = CORPUS / "06_cangxi-cold-chain-three-in-one.txt"
OUTPUTS = ("graph.json", "graph.ttl", "graph.html", "graph.graphml", "errors.tsv", ".manifest.json")


def _snapshot(out):
    return {f: ((out / f).read_bytes(), (out / f).stat().st_mtime_ns) for f in OUTPUTS}


@pytest.mark.slow
def test_two_files_of_one_name_in_two_folders_are_two_sources(tmp_path):
    from kg.corpus.driver import build
    for folder, page in (("henan", HENAN), ("sichuan", CANGXI)):
        (tmp_path / "c" / folder).mkdir(parents=True)
        shutil.copy(page, tmp_path / "c" / folder / "2021-09-15_news.txt")
    out = tmp_path / "out"
    assert build([tmp_path / "c"], out, workers=1, engine="serial") == 0
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    titles = {(a["source"], a["title"]) for a in graph["articles"]}
    assert {s for s, _t in titles} == {"henan/2021-09-15_news.txt", "sichuan/2021-09-15_news.txt"}
    assert len(titles) == len(graph["articles"]) == 2
    assert any("北京" in t for s, t in titles if s.startswith("henan/"))
    assert any("苍溪" in t for s, t in titles if s.startswith("sichuan/"))
    turtle = (out / "graph.ttl").read_text(encoding="utf-8")
    assert turtle.count("a schema:NewsArticle") == 2


@pytest.mark.slow
@pytest.mark.parametrize("case", ["empty dir", "mistyped dir", "only bad files"])
def test_a_build_with_no_usable_input_keeps_the_earlier_graph(tmp_path, capsys, case):
    from kg.cli import main
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(HENAN, good / "2021-09-15_henan.txt")
    out = tmp_path / "out"
    assert main(["build", str(good), "-o", str(out), "--workers", "1", "--no-progress"]) == 0
    before = _snapshot(out)
    bad = tmp_path / "bad"
    if case != "mistyped dir":
        bad.mkdir()
    if case == "only bad files":
        (bad / "empty.txt").write_bytes(b"")
        (bad / "blank.txt").write_bytes(b"\n \n")
        (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64))
    capsys.readouterr()
    assert main(["build", str(bad), "-o", str(out), "--workers", "1", "--no-progress"]) != 0
    err = capsys.readouterr().err.splitlines()
    assert _snapshot(out) == before
    expected = {"empty dir": "(no input files)", "mistyped dir": "(1 file(s): 1 missing)",
                "only bad files": "(3 file(s): 2 empty, 1 not text)"}[case]
    assert err[-1] == f"kg: build: no usable input {expected}; {out}/ keeps its earlier graph"


@pytest.mark.slow
def test_a_first_build_with_no_usable_input_writes_nothing(tmp_path, capsys):
    from kg.cli import main
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "empty.txt").write_bytes(b"")
    assert main(["build", str(tmp_path / "bad"), "-o", str(tmp_path / "out"), "--no-progress"]) == 2
    # OUT holds nothing but the lock the build took before it could know (kg.corpus.lock)
    assert [p.name for p in (tmp_path / "out").iterdir()] == [".lock"]
    assert capsys.readouterr().err.splitlines() == [
        f"kg: {tmp_path / 'bad' / 'empty.txt'}: empty file",
        f"kg: build: no usable input (1 file(s): 1 empty); nothing written to {tmp_path / 'out'}/"]


@pytest.mark.slow
def test_fail_fast_stops_at_a_path_passed_over(tmp_path, capsys):
    from kg.corpus.driver import build
    (tmp_path / "c").mkdir()
    shutil.copy(HENAN, tmp_path / "c" / "2021-09-15_henan.txt")
    (tmp_path / "c" / "dangling.txt").symlink_to("nowhere.txt")
    stats = {}
    assert build([tmp_path / "c"], tmp_path / "out", keep_going=False, stats=stats) == 1
    assert not (tmp_path / "out" / "graph.json").exists()
    assert stats["failed"] == 1 and stats["files"] == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"kg: {tmp_path / 'c' / 'dangling.txt'}: a symbolic link to nowhere.txt, which does not exist")
