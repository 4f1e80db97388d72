"""The SPARQL store (`kg load`, `kg query`) and the example queries of
queries/*.rq, on a small hand-made graph and on the real seed graph."""

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


def q(name: str, **replace) -> str:
    text = (QUERIES / f"{name}.rq").read_text(encoding="utf-8")
    for old, new in replace.items():
        text = text.replace(old, new)
    return text


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


def test_queries_on_small_graph(small_store):
    rows = store.rows(q("introduced_in_year"), store_dir=small_store)
    assert [(r["actor"], r["introduced"], r["kind"], r["date"]) for r in rows] == [
        ("公安部", "《关于深入推进公安执法监督管理机制改革的意见》", "document", "2021-05")]
    places = {r["name"] for r in store.rows(q("in_province"), store_dir=small_store)}
    assert places == {"临沧市", "沧源佤族自治县", "沧源佤族自治县纪委监委"}
    ev = store.rows(q("evidence"), store_dir=small_store)
    assert [(r["sentence"], r["start"], r["article"]) for r in ev] == [("公安部法制局局长孙茂利说。", "206", "公安执法越来越规范")]
    bodies = {r["body"]: r["parent"] for r in store.rows(q("bodies"), store_dir=small_store)}
    assert bodies["公安部法制局"] == "公安部" and bodies["公安部"] is None
    posts = {(r["person"], r["title"], r["head"]) for r in store.rows(q("posts"), store_dir=small_store)}
    assert posts == {("孙茂利", "局长", "true"), ("曾斌", "二级巡视员", "false")}


def test_every_query_file_runs(small_store):
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 6
    for f in files:
        store.rows(f.read_text(encoding="utf-8"), store_dir=small_store)


# --- the seed graph -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def seed_store(tmp_path_factory):
    from kg.corpus.driver import build
    out = tmp_path_factory.mktemp("seed")
    build([str(ROOT / "seeds")], out)
    store.load(out / "graph.ttl", out / "store")
    return out / "store"


def test_seed_introduced_documents(seed_store):
    docs = {}
    for year in ("2015", "2018", "2021"):
        for r in store.rows(q("introduced_in_year", **{'"2021"': f'"{year}"'}), store_dir=seed_store):
            if r["actor"] == "公安部" and r["kind"] == "document":
                docs[r["introduced"]] = r["date"]
    assert docs == {"《关于改革完善受案立案制度的意见》": "2015-11",
                    "《关于建立健全公安机关执法全流程记录机制的意见》": "2018-06",
                    "《关于深入推进公安执法监督管理机制改革的意见》": "2021-05"}


def test_seed_leaders(seed_store):
    rows = store.rows(q("leaders"), store_dir=seed_store)
    assert {"person": "孙茂利", "title": "局长", "body": "公安部法制局"} in rows


def test_seed_places_in_yunnan(seed_store):
    names = {r["name"] for r in store.rows(q("in_province"), store_dir=seed_store)}
    assert {"临沧市", "沧源佤族自治县"} <= names


def test_seed_evidence_of_a_fact(seed_store):
    rows = store.rows(q("evidence"), store_dir=seed_store)
    assert any("孙茂利" in r["sentence"] and "局长" in r["sentence"] for r in rows)
    assert all(r["source"] == "2021-09-15_peoples-daily.txt" and int(r["start"]) < int(r["end"]) for r in rows)


def test_seed_programs_per_province(seed_store):
    rows = {r["province"]: r for r in store.rows(q("programs_per_province"), store_dir=seed_store)}
    assert int(rows["河北省"]["programs"]) >= 1  # 领导干部包联化解信访积案机制


def test_seed_bodies_and_parents(seed_store):
    rows = {r["body"]: r for r in store.rows(q("bodies"), store_dir=seed_store)}
    assert rows["公安部法制局"]["parent"] == "公安部"
    assert rows["河北省信访局"]["seat"] == "河北省"
