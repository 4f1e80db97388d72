"""`kg load` never loses the store it replaces: bad input leaves the old
store answering exactly as before, a folder that is not a store is refused,
and a good load replaces the content."""

from pathlib import Path

import pytest

from kg import store
from kg.cli import main
from kg.errors import InputError
from kg.export.turtle import write_turtle
from sample_graph import small_graph

ROOT = Path(__file__).resolve().parents[2]
LEADERS = (ROOT / "queries" / "leaders.rq").read_text(encoding="utf-8")
EVERYTHING = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
PERSON = "person:孙茂利@central:公安部:法制局"


def _content(store_dir) -> list[tuple]:
    """Every triple of the store, sorted: what 'answers exactly as before' compares."""
    return sorted(tuple(r.values()) for r in store.rows(EVERYTHING, store_dir=store_dir))


@pytest.fixture
def loaded(tmp_path):
    """A store S loaded from the small graph, and its content."""
    write_turtle(small_graph(), tmp_path / "g.ttl")
    s = tmp_path / "S"
    assert main(["load", str(tmp_path / "g.ttl"), "--store", str(s)]) == 0
    assert (s / store.MARKER).is_file()
    return s, _content(s)


def _hidden_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _broken_turtle(tmp_path) -> Path:
    """A real graph cut off in the middle of a statement."""
    write_turtle(small_graph(), tmp_path / "whole.ttl")
    data = (tmp_path / "whole.ttl").read_bytes()
    p = tmp_path / "broken.ttl"
    p.write_bytes(data[: len(data) // 2])
    return p


def _png(tmp_path) -> Path:
    p = tmp_path / "graph.png"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06")
    return p


@pytest.mark.parametrize("bad, reason", [
    (_broken_turtle, "not Turtle: "),
    (_png, "not Turtle: "),
    (lambda tmp_path: tmp_path / "absent.ttl", "no such file"),
    (lambda tmp_path: tmp_path, "is a directory"),
])
def test_bad_input_leaves_the_store_answering_as_before(loaded, tmp_path, capsys, bad, reason):
    s, before = loaded
    path = bad(tmp_path)
    capsys.readouterr()
    assert main(["load", str(path), "--store", str(s)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg: {path}: {reason}") and err.count("\n") == 1, err
    assert _content(s) == before
    assert {r["person"] for r in store.rows(LEADERS, store_dir=s)} == {"孙茂利"}
    assert _hidden_leftovers(tmp_path) == []


def test_broken_turtle_names_the_parsers_complaint(loaded, tmp_path):
    s, _ = loaded
    with pytest.raises(InputError) as err:
        store.load(_broken_turtle(tmp_path), s)
    assert err.value.path == str(tmp_path / "broken.ttl")
    assert "line" in err.value.reason and "\n" not in err.value.reason


def test_a_folder_of_other_files_is_refused_and_left_alone(tmp_path, capsys):
    write_turtle(small_graph(), tmp_path / "g.ttl")
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "会议记录.txt").write_text("公安部召开新闻发布会。\n", encoding="utf-8")
    assert main(["load", str(tmp_path / "g.ttl"), "--store", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"kg: {folder}: not a store (") and err.count("\n") == 1, err
    assert [p.name for p in folder.iterdir()] == ["会议记录.txt"]
    assert (folder / "会议记录.txt").read_text(encoding="utf-8") == "公安部召开新闻发布会。\n"
    assert _hidden_leftovers(tmp_path) == []


def test_a_file_as_store_path_is_refused(tmp_path):
    write_turtle(small_graph(), tmp_path / "g.ttl")
    with pytest.raises(InputError) as err:
        store.load(tmp_path / "g.ttl", tmp_path / "g.ttl")
    assert err.value.reason.startswith("not a store (a file")


def test_a_good_load_replaces_the_content(loaded, tmp_path):
    s, before = loaded
    write_turtle(small_graph({PERSON: "孙茂"}), tmp_path / "g2.ttl")
    store.load(tmp_path / "g2.ttl", s)
    after = _content(s)
    assert after != before
    assert {r["person"] for r in store.rows(LEADERS, store_dir=s)} == {"孙茂"}
    assert "a kg store: " in (s / store.MARKER).read_text(encoding="utf-8")
    assert _hidden_leftovers(tmp_path) == []
    # and back: the same Turtle gives the same content again
    store.load(tmp_path / "g.ttl", s)
    assert _content(s) == before


def test_a_store_without_the_marker_is_still_a_store(loaded):
    """Stores loaded before the marker existed hold pyoxigraph's files only."""
    s, before = loaded
    (s / store.MARKER).unlink()
    assert store.is_store(s)
    store.load(s.parent / "g.ttl", s)
    assert _content(s) == before


def test_an_empty_folder_or_a_new_path_is_made_a_store(tmp_path):
    write_turtle(small_graph(), tmp_path / "g.ttl")
    (tmp_path / "empty").mkdir()
    n = store.load(tmp_path / "g.ttl", tmp_path / "empty")
    assert store.load(tmp_path / "g.ttl", tmp_path / "new" / "deeper" / "S") == n > 0
    assert _content(tmp_path / "empty") == _content(tmp_path / "new" / "deeper" / "S")


def test_the_old_store_answers_while_the_new_one_fills(loaded, tmp_path, monkeypatch):
    s, before = loaded
    write_turtle(small_graph({PERSON: "孙茂"}), tmp_path / "g2.ttl")
    seen = []
    fill = store._fill

    def fill_then_query(fresh, ttl_path):
        count = fill(fresh, ttl_path)
        seen.append(_content(s))
        return count

    monkeypatch.setattr(store, "_fill", fill_then_query)
    store.load(tmp_path / "g2.ttl", s)
    assert seen == [before] and _content(s) != before
