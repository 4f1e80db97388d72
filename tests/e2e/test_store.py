"""The SPARQL store (`kg load`, `kg query`) on a small hand-made graph; the
answers of each query of queries/*.rq are tested in tests/store/test_queries.py."""

import csv
import io
import json
from pathlib import Path

import pytest

from kg import store
from kg.cli import main
from kg.export.turtle import write_turtle
from sample_graph import small_graph

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    d = tmp_path_factory.mktemp("small")
    write_turtle(small_graph(), d / "graph.ttl")
    store.load(d / "graph.ttl", d / "store")
    return d / "store"


def test_cli_load_and_query_table_csv_json(small_store, tmp_path, capsys):
    write_turtle(small_graph(), tmp_path / "g.ttl")
    assert main(["load", str(tmp_path / "g.ttl"), "--store", str(tmp_path / "s")]) == 0
    assert main(["query", str(QUERIES / "leaders.rq"), "--store", str(tmp_path / "s")]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split() == ["person", "title", "body"]
    assert "孙茂利  局长   公安部法制局" in out and "(1 row)" in out
    main(["query", str(QUERIES / "leaders.rq"), "--store", str(tmp_path / "s"), "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows == [{"person": "孙茂利", "title": "局长", "body": "公安部法制局"}]
    main(["query", str(QUERIES / "leaders.rq"), "--store", str(tmp_path / "s"), "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data["results"]["bindings"][0]["title"] == {"type": "literal", "value": "局长", "xml:lang": "zh"}


def test_load_replaces_the_store_content(tmp_path):
    write_turtle(small_graph(), tmp_path / "g.ttl")
    n = store.load(tmp_path / "g.ttl", tmp_path / "s")
    assert store.load(tmp_path / "g.ttl", tmp_path / "s") == n


def test_cli_reports_bad_query_and_missing_store(tmp_path, capsys):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT WHERE {", encoding="utf-8")
    (tmp_path / "s").mkdir()
    assert main(["query", str(bad), "--store", str(tmp_path / "nostore")]) != 0
    assert main(["query", str(tmp_path / "absent.rq"), "--store", str(tmp_path / "s")]) != 0
    assert "absent.rq" in capsys.readouterr().err
