"""Builds of corpora with metadata: JSONL gzip and CSV articles beside a .txt page."""

import gzip
import json
import shutil

import pytest
from conftest import outputs

ARTICLES = [
    {"id": "x1", "date": "2021-04-02", "title": "国务院印发意见",
     "text": "新华社北京4月2日电 国务院近日印发《关于加快发展数字经济的意见》，部署推进数字产业化。",
     "url": "https://example.gov.cn/2021-04/02/c_1.htm", "source": "新华社"},
    {"id": "x2", "date": "2021-04-03", "title": "教育部召开会议",
     "text": "教育部4月3日召开全国职业教育工作会议，部署下一阶段工作。", "url": "https://example.gov.cn/c_2.htm"},
    {"id": "x3", "date": "2021-04-04", "title": "水利部部署防汛",
     "text": "水利部近日印发《关于做好汛期水旱灾害防御工作的通知》。"},
]


def _corpus(root, articles=ARTICLES, bad=True):
    root.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(a, ensure_ascii=False) for a in articles]
    if bad:
        lines.insert(1, '{"id": "broken", "text": ')
    (root / "news.jsonl.gz").write_bytes(gzip.compress(("\n".join(lines) + "\n").encode()))
    (root / "rows.csv").write_text("id,title,text\nr1,某省出台办法,某省人民政府近日印发《某省数据条例实施办法》。\n",
                                   encoding="utf-8")
    return root


@pytest.mark.slow
def test_each_line_is_a_source_with_its_date_and_url(tmp_path, capsys):
    from kg.corpus.driver import build
    c, out = _corpus(tmp_path / "c"), tmp_path / "out"
    stats = {}
    assert build([c], out, engine="serial", stats=stats) == 1   # the broken line
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    arts = {a["source"]: a for a in graph["articles"]}
    assert set(arts) == {"news.jsonl.gz#x1", "news.jsonl.gz#x2", "news.jsonl.gz#x3", "rows.csv#r1"}
    assert arts["news.jsonl.gz#x1"]["date"] == "2021-04-02"
    assert arts["news.jsonl.gz#x1"]["url"] == ARTICLES[0]["url"] and arts["news.jsonl.gz#x1"]["publisher"] == "新华社"
    evs = [ev for r in graph["relations"] for ev in r["evidences"] if ev["source"] == "news.jsonl.gz#x1"]
    assert evs and all(ev["url"] == ARTICLES[0]["url"] for ev in evs)
    assert all(e["iri"].startswith("https://w3id.org/govkg/") for e in graph["entities"])
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert f'schema:url "{ARTICLES[0]["url"]}"^^xsd:anyURI' in ttl
    assert f"prov:wasDerivedFrom <{ARTICLES[0]['url']}>" in ttl
    rows = [r.split("\t") for r in (out / "errors.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert [(r[0], r[1]) for r in rows] == [(f"{c / 'news.jsonl.gz'}:2", "bad record"), ("rows.csv#r1", "no-date")]
    err = capsys.readouterr().err
    assert f"kg: {c / 'news.jsonl.gz'}:2: not JSON" in err
    assert "warning: 1 article(s) of 1 source(s) have no date" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_a_changed_line_is_extracted_again_alone_and_the_rebuild_is_a_full_build(tmp_path):
    from kg.corpus.driver import build
    c, out = _corpus(tmp_path / "c"), tmp_path / "out"
    build([c], out, engine="serial")
    edited = [dict(a) for a in ARTICLES]
    edited[1]["text"] = "教育部4月3日召开全国职业教育工作会议，印发《职业教育提质培优行动计划》。"
    _corpus(c, edited)
    stats = {}
    assert build([c], out, engine="serial", stats=stats) == 1
    assert stats["extracted"] == 1 and stats["cached"] == 3
    full = tmp_path / "full"
    assert build([c], full, engine="serial", cache=False) == 1
    assert outputs(out) == outputs(full)


@pytest.mark.slow
def test_keys_do_not_depend_on_where_the_corpus_lives(tmp_path):
    from kg.corpus.driver import build
    a = _corpus(tmp_path / "one" / "c", bad=False)
    b = tmp_path / "two" / "deeper" / "corpus"
    shutil.copytree(a, b)
    build([a], tmp_path / "oa", engine="serial", cache=False)
    build([b], tmp_path / "ob", engine="serial", cache=False)
    for name in ("graph.json", "graph.ttl", "graph.graphml", "nodes.csv", "edges.csv", "evidence.csv"):
        assert (tmp_path / "oa" / name).read_bytes() == (tmp_path / "ob" / name).read_bytes(), name


@pytest.mark.slow
def test_require_date_makes_an_undated_article_an_error(tmp_path):
    from kg.corpus.driver import build
    c, out = _corpus(tmp_path / "c", bad=False), tmp_path / "out"
    assert build([c], out, engine="serial", require_date=True) == 1
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert "rows.csv#r1" not in {a["source"] for a in graph["articles"]}
    (row,) = [r.split("\t") for r in (out / "errors.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert row[1] == "no-date" and row[2].startswith("no date (--require-date)")


@pytest.mark.slow
def test_the_command_names_a_broken_records_file_in_one_line(tmp_path, capsys):
    from kg.cli import main
    c = _corpus(tmp_path / "c", bad=False)
    (c / "cut.jsonl.gz").write_bytes(gzip.compress(b'{"id": "a", "text": "x"}\n')[:-6])
    assert main(["build", str(c), "-o", str(tmp_path / "out"), "--engine", "serial", "--require-date"]) == 1
    err = capsys.readouterr().err
    assert f"kg: {c / 'cut.jsonl.gz'}: not a gzip file, or cut short" in err
    assert f"kg: {c / 'rows.csv'}:2: no date (--require-date)" in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_an_html_page_in_a_folder_is_a_source_with_its_metadata(tmp_path):
    pytest.importorskip("trafilatura")
    from pathlib import Path
    from kg.corpus.driver import build
    c = tmp_path / "c" / "portal"
    c.mkdir(parents=True)
    shutil.copy(Path(__file__).parent / "pages" / "county-notice.html", c / "notice.html")
    assert build([tmp_path / "c"], tmp_path / "out", engine="serial") == 0
    graph = json.loads((tmp_path / "out" / "graph.json").read_text(encoding="utf-8"))
    (art,) = graph["articles"]
    assert art["source"] == "portal/notice.html" and art["date"] == "2022-06-14"
    assert art["url"] == "http://www.example.gov.cn/zwgk/tzgg/202206/t20220614_1001.html"
    names = {e["name"] for e in graph["entities"]}
    assert any(n.endswith("财政局") for n in names)
    assert not [n for n in names if "办公室承办" in n or "大数据中心" in n]   # nothing of the footer
