"""The bad-input matrix: one directory mixing every kind of bad input with good pages, built by `kg build`.

Every good page must give the same facts as a clean build of it alone,
every bad path must be in errors.tsv with its kind and reason (and on
stderr, escaped), and a build of only bad inputs must leave OUT's earlier
graph as it was.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from kg.corpus.report import escaped

ROOT = Path(__file__).parents[2]
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
TRADITIONAL = (
    "公安部召開新聞發布會\n\n"
    "9 月 14 日，公安部召開新聞發布會，介紹全國公安機關深入推進執法規範化建設最新進展。"
    "公安部法制局局長孫茂利說，公安機關將執法規範化建設作為一項全局性、基礎性工作常抓不懈。\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(200)

pytestmark = pytest.mark.slow


def _kg(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "kg.cli", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, errors="backslashreplace", timeout=timeout)


def _good_pages() -> dict:
    """Good pages of every encoding and suffix: {file name: bytes}."""
    page = {p.name[:2]: p.read_bytes() for p in CORPUS.glob("*.txt")}
    return {"01_henan.txt": page["01"], "06_cangxi.txt": page["06"],
            "UPPER_CASE_11.TXT": page["11"],
            "gb18030_09.txt": page["09"].decode("utf-8").encode("gb18030"),
            "big5_police.txt": TRADITIONAL.encode("big5")}


def _bad_cases(d: Path, sock_holder: list) -> dict:
    """Make every bad case in `d`; {path: kind} of those errors.tsv must list."""
    bad = {}

    def write(name, data, kind):
        (d / name).write_bytes(data)
        bad[d / name] = kind
    write("empty.txt", b"", "empty")
    write("blank.txt", b" \n\t\r\n" + "\u3000\n".encode("utf-8"), "empty")
    write("binary.txt", bytes(range(256)) * 8, "not text")
    write("image.txt", PNG, "not text")
    write("forged\nrow\tmissing\x1b[31m.txt", b"", "empty")
    (d / "loop.txt").symlink_to("loop.txt")
    bad[d / "loop.txt"] = "symlink loop"
    (d / "dangling.txt").symlink_to("nowhere.txt")
    bad[d / "dangling.txt"] = "dangling link"
    (d / "sub").mkdir()
    (d / "sub" / "up").symlink_to("..")
    bad[d / "sub" / "up"] = "symlink loop"
    os.mkfifo(d / "pipe.txt")
    bad[d / "pipe.txt"] = "special"
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(d / "sock.txt"))
    sock_holder.append(sock)
    bad[d / "sock.txt"] = "special"
    if os.geteuid() != 0:   # root reads through chmod 000 (tests/corpus/test_plan.py covers it there)
        (d / "locked").mkdir()
        (d / "locked" / "hidden.txt").write_bytes(CORPUS.joinpath("SOURCES.md").read_bytes())
        (d / "locked").chmod(0)
        bad[d / "locked"] = "unreadable"
    return bad


def _errors(out: Path) -> dict:
    rows = (out / "errors.tsv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == "file\tkind\treason"
    assert all(r.count("\t") == 2 for r in rows[1:]), rows
    return {r.split("\t")[0]: tuple(r.split("\t")[1:]) for r in rows[1:]}


def _facts(graph: dict, source: str) -> dict:
    """What `source` gave the graph: its articles, its entities' keys, types
    and mentions, its relations with their evidence from it. (An edge's
    attrs are the union of what every source said of it, so not one source's.)"""
    key = {e["id"]: e["key"] for e in graph["entities"]}
    ents = sorted((e["key"], e["type"], sorted(json.dumps(m, sort_keys=True) for m in e["mentions"]
                                               if m["source"] == source))
                  for e in graph["entities"] if any(m["source"] == source for m in e["mentions"]))
    rels = sorted((key[r["head"]], r["type"], key[r["tail"]],
                   sorted(json.dumps(ev, sort_keys=True, ensure_ascii=False)
                          for ev in r["evidences"] if ev["source"] == source))
                  for r in graph["relations"] if any(ev["source"] == source for ev in r["evidences"]))
    arts = [a for a in graph["articles"] if a["source"] == source]
    return {"articles": arts, "entities": ents, "relations": rels}


def _graph(out: Path) -> dict:
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


def _alone(tmp: Path, name: str, data: bytes) -> dict:
    d = tmp / "alone" / name.replace(".", "_")
    d.mkdir(parents=True)
    (d / name).write_bytes(data)
    r = _kg("build", d, "-o", d.parent / (d.name + "_out"), "--workers", "1", "--no-progress", "--no-cache")
    assert r.returncode == 0, r.stderr
    return _facts(_graph(d.parent / (d.name + "_out")), name)


def test_every_bad_input_is_reported_and_the_good_pages_give_their_own_facts(tmp_path):
    mixed = tmp_path / "mixed"
    mixed.mkdir()
    good = _good_pages()
    for name, data in good.items():
        (mixed / name).write_bytes(data)
    (mixed / "alias.txt").symlink_to("01_henan.txt")   # the same file twice: read once
    for folder, page in (("henan", "01_henan.txt"), ("sichuan", "06_cangxi.txt")):
        (mixed / folder).mkdir()
        (mixed / folder / "same.txt").write_bytes(good[page])
    socks = []
    try:
        bad = _bad_cases(mixed, socks)
        out = tmp_path / "out"
        r = _kg("build", mixed, "-o", out, "--workers", "2", "--no-progress")
    finally:
        for s in socks:
            s.close()
        if (mixed / "locked").exists():
            (mixed / "locked").chmod(0o755)
    assert r.returncode == 1, r.stderr
    assert "\x1b" not in r.stderr and "Traceback" not in r.stderr
    lines = r.stderr.splitlines()
    assert all(ln.startswith("kg") for ln in lines), lines
    for path, kind in bad.items():
        assert f"kg: {escaped(path)}: " in r.stderr
    errors = _errors(out)
    undated = {f for f, (k, _reason) in errors.items() if k == "no-date"}   # warnings: pages in the graph
    assert undated <= set(good)
    assert {f: k for f, (k, _reason) in errors.items() if f not in undated} == {escaped(p): k for p, k in bad.items()}
    assert all(reason for _k, reason in errors.values())
    graph = _graph(out)
    assert {a["source"] for a in graph["articles"]} == set(good) | {"henan/same.txt", "sichuan/same.txt"}
    for name, data in good.items():
        assert _facts(graph, name) == _alone(tmp_path, name, data), name


def test_a_build_of_only_bad_inputs_never_loses_the_earlier_graph(tmp_path):
    good = tmp_path / "good"
    good.mkdir()
    shutil.copy(CORPUS / "06_cangxi-cold-chain-three-in-one.txt", good)
    out = tmp_path / "out"
    assert _kg("build", good, "-o", out, "--workers", "1", "--no-progress").returncode == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    bad = tmp_path / "bad"
    bad.mkdir()
    (tmp_path / "empty_dir").mkdir()
    socks = []
    try:
        kinds = _bad_cases(bad, socks)
        runs = [_kg("build", bad, "-o", out, "--workers", "2", "--no-progress"),
                _kg("build", tmp_path / "mistyped", "-o", out, "--no-progress"),
                _kg("build", tmp_path / "empty_dir", "-o", out, "--no-progress")]
    finally:
        for s in socks:
            s.close()
        if (bad / "locked").exists():
            (bad / "locked").chmod(0o755)
    for r in runs:
        assert r.returncode == 2, r.stderr
        assert r.stderr.splitlines()[-1].startswith("kg: build: no usable input (")
        assert r.stderr.splitlines()[-1].endswith(f"); {out}/ keeps its earlier graph")
        assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before
    assert f"({len(kinds)} file(s): " in runs[0].stderr


def test_an_unreadable_directory_is_reported_by_kg_build(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root reads through chmod 000 (tests/corpus/test_plan.py makes the listing fail instead)")
    shutil.copy(CORPUS / "06_cangxi-cold-chain-three-in-one.txt", tmp_path / "06.txt")
    (tmp_path / "locked").mkdir()
    shutil.copy(CORPUS / "01_henan-beijing-strategic-agreement.txt", tmp_path / "locked" / "01.txt")
    (tmp_path / "locked").chmod(0)
    try:
        r = _kg("build", tmp_path, "-o", tmp_path / "out", "--workers", "1", "--no-progress")
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert r.returncode == 1, r.stderr
    kind, reason = _errors(tmp_path / "out")[str(tmp_path / "locked")]
    assert kind == "unreadable" and "ermission" in reason
