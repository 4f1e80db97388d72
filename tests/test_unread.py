"""A run of thousands of characters with no sentence end is not prose: the
extraction reads its first articles.sentences.max_chars characters and says
what it did not read (the article's `unread`, `kg extract`'s warning, a
not-prose row of errors.tsv), instead of spending minutes on it."""

import json

import pytest

from kg import extract, ruleset

READ = "国务院办公厅印发《关于加强数字政府建设的指导意见》。"


def _unpunctuated(n: int) -> str:
    """n characters of news with every mark taken out."""
    words = "水利部召开会议部署推进河湖长制工作要求各地加强统筹协调落实管护责任"
    return (words * (n // len(words) + 1))[:n]


def test_a_long_unpunctuated_run_is_read_up_to_the_bound_and_reported():
    longest = ruleset.current().articles.sentences.max_chars
    run = _unpunctuated(longest + 5000)
    out = extract(READ + "\n" + run + "\n" + READ, "2021-09-15")
    (art,) = out["articles"]
    start = len(READ) + 1
    assert art["unread"] == [[start + longest, start + len(run)]]
    names = {e["name"] for e in out["entities"]}
    assert "《关于加强数字政府建设的指导意见》" in names and "国务院办公厅" in names
    # the text after the run is read as before
    mentions = [m["start"] for e in out["entities"] for m in e["mentions"]]
    assert any(m > start + len(run) for m in mentions)
    assert not any(start + longest <= m < start + len(run) for m in mentions)


def test_ordinary_text_has_no_unread():
    out = extract(READ * 3, "2021-09-15")
    assert all("unread" not in a for a in out["articles"])


@pytest.mark.slow
def test_a_build_lists_the_unread_run_in_errors_tsv(tmp_path):
    from kg.corpus.driver import build
    c = tmp_path / "c"
    c.mkdir()
    longest = ruleset.current().articles.sentences.max_chars
    (c / "2021-09-15_long.txt").write_text(READ + "\n" + _unpunctuated(longest * 2), encoding="utf-8")
    (c / "2021-09-15_news.txt").write_text(READ, encoding="utf-8")
    out = tmp_path / "out"
    assert build([c], out, engine="serial") == 0
    rows = [r.split("\t") for r in (out / "errors.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    assert [(r[0], r[1]) for r in rows] == [("2021-09-15_long.txt", "not-prose")]
    assert rows[0][2].startswith(f"{longest} character(s) not read")
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    assert any(a.get("unread") for a in graph["articles"])
