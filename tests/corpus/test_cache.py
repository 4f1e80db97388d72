"""kg.corpus.cache: the build cache's key says everything one file's
extraction depends on (bytes, name, --date, pipeline version), and its
entries are whole files or nothing."""

import json
import os
import shutil

from conftest import CORPUS

from kg.corpus.cache import Cache, NoCache, file_key, pipeline_version

PAGE = CORPUS / "01_henan-beijing-strategic-agreement.txt"


def test_the_key_changes_with_each_thing_the_extraction_depends_on():
    data = PAGE.read_bytes()
    v = pipeline_version()
    key = file_key(data, "page.txt", "2021-09-15", v)
    assert key == file_key(data, "page.txt", "2021-09-15", v)        # stable
    others = [
        file_key(data, "page.txt", "2021-09-16", v),                # --date
        file_key(data, "page.txt", None, v),                        # no --date
        file_key(data, "other.txt", "2021-09-15", v),               # name (every fact's source)
        file_key(data + b"\n", "page.txt", "2021-09-15", v),        # content
        file_key(data, "page.txt", "2021-09-15", v + "x"),          # code or rules
    ]
    assert len({key, *others}) == 6


def test_the_pipeline_version_names_package_code_and_rules():
    from kg import __version__
    version, code, rules = pipeline_version().split("+")
    assert version == __version__ and code and rules


def _build(src, out, date):
    from kg.corpus.driver import build
    stats = {}
    assert build([src], out, date=date, workers=1, progress=False, stats=stats) == 0
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return stats, [a["date"] for a in graph["articles"]]


def test_another_date_re_extracts_an_undated_file(tmp_path):
    """The file's name carries no date, so --date is its articles' date: a
    build with another --date must not reuse the extraction made with the
    first one (a key without the date would serve the stale one)."""
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(PAGE, src / "page.txt")
    out = tmp_path / "out"
    stats, dates = _build(src, out, "2021-09-15")
    assert (stats["extracted"], stats["cached"], dates) == (1, 0, ["2021-09-15"])
    stats, dates = _build(src, out, "2022-01-03")
    assert (stats["extracted"], stats["cached"], dates) == (1, 0, ["2022-01-03"])
    # both extractions are kept: the first date again is a cache hit
    assert len(list((out / ".cache").rglob("*.json"))) == 2
    stats, dates = _build(src, out, "2021-09-15")
    assert (stats["extracted"], stats["cached"], dates) == (0, 1, ["2021-09-15"])


def test_entries_round_trip_and_a_missing_or_broken_one_is_a_miss(tmp_path):
    cache = Cache(tmp_path / "c")
    key = file_key(b"x", "a.txt", None, "v")
    assert not cache.has(key) and cache.get(key) is None and not cache.has(None)
    cache.put(key, '{"名": "公安部"}')
    assert cache.has(key) and cache.get(key) == '{"名": "公安部"}'
    [entry] = (tmp_path / "c").rglob("*.json")
    assert entry.parent.name == key[:2] and entry.name == f"{key}.json"
    assert [p for p in entry.parent.iterdir()] == [entry]              # no temp file left
    entry.write_bytes(b"\xff\xfe broken")
    assert cache.get(key) is None


def test_a_failed_write_leaves_no_entry_and_no_temp_file(tmp_path, monkeypatch):
    cache = Cache(tmp_path / "c")
    key = file_key(b"x", "a.txt", None, "v")

    def crash(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", crash)
    try:
        cache.put(key, "{}")
    except KeyboardInterrupt:
        pass
    else:  # pragma: no cover
        raise AssertionError("put swallowed the interrupt")
    monkeypatch.undo()
    assert not cache.has(key)
    assert [p for p in (tmp_path / "c").rglob("*") if p.is_file()] == []


def test_no_cache_never_hits_and_keeps_nothing():
    nc = NoCache()
    nc.put("k", "{}")
    assert not nc.has("k") and nc.get("k") is None


def test_a_killed_writers_temp_files_are_removed_and_a_live_ones_kept(tmp_path):
    from kg.corpus.cache import Cache
    cache = Cache(tmp_path / "c")
    cache.put("ab" + "0" * 62, '{"ok": 1}')
    d = tmp_path / "c" / "ab"
    dead, legacy, live = d / ".tmp.999999999.k2j_4a9z", d / ".tmp.x1y2z3w4", d / f".tmp.{os.getpid()}.a1b2c3d4"
    for p in (dead, legacy, live):
        p.write_text("half an entry")
    cache.remove_leftovers()
    assert not dead.exists() and not legacy.exists() and live.exists()
    assert cache.get("ab" + "0" * 62) == '{"ok": 1}'
