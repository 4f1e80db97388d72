"""kg.text.join: a line's neighbourhood (the text column's width around it)
is found from a count made once per page, not by scanning the page again
for every line; the neighbours, and so the clean text, are those of the
scan it replaces, on real pages and on a long page of many of them."""

from pathlib import Path

import pytest

from kg import ruleset
from kg.text import join
from kg.text.lines import describe, physical_lines
from kg.text.normalize import normalize
from kg.text.read import read_text

FIXTURES = Path(__file__).parent.parent / "fixtures" / "corpus"
PAGES = sorted(FIXTURES.glob("*.txt"))


def _scanned_neighbour_widths(joiner: join.Joiner, i: int) -> list[float]:
    """The neighbours of line i found by scanning the page's full lines
    from the top (the computation the per-page count replaces)."""
    w = joiner.layout.window
    full = joiner.full
    k = next((n for n, j in enumerate(full) if j >= i), len(full))
    near = full[max(0, k - w):k] + [j for j in full[k:k + w + 1] if j != i]
    return [joiner.lines[j].width for j in near]


def _joiner(raw: str) -> join.Joiner:
    rules = ruleset.current()
    lines = physical_lines(raw)
    for ln in lines:
        describe(ln, rules)
    return join.Joiner(lines, rules)


def _long_page() -> str:
    """Every fixture page, one after the other: a page of many lines, where
    windows reach across from one article into the next."""
    return "\n\n".join(read_text(p) for p in PAGES)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_neighbours_are_those_of_the_scan_on_each_page(page):
    joiner = _joiner(read_text(page))
    assert joiner.full, "the page has full printed lines"
    for i in range(len(joiner.lines)):
        assert joiner._neighbour_widths(i) == _scanned_neighbour_widths(joiner, i), i


def test_neighbours_are_those_of_the_scan_on_a_long_page():
    joiner = _joiner(_long_page())
    assert len(joiner.lines) > 200
    for i in range(len(joiner.lines)):
        assert joiner._neighbour_widths(i) == _scanned_neighbour_widths(joiner, i), i


def test_long_page_normalises_as_with_the_scan(monkeypatch):
    raw = _long_page()
    counted = normalize(raw)
    monkeypatch.setattr(join.Joiner, "_neighbour_widths", _scanned_neighbour_widths)
    scanned = normalize(raw)
    assert counted.text == scanned.text
    assert counted.offsets == scanned.offsets
    assert counted.lines == scanned.lines
    kinds = {ln.kind for ln in counted.lines}
    assert {"headline", "body"} <= kinds


def test_count_before_counts_the_indexes_below_each_line():
    assert join._count_before([1, 2, 5], 7) == [0, 0, 1, 2, 2, 2, 3]
    assert join._count_before([], 3) == [0, 0, 0]


def _wrapped(body: str, width: int = 30) -> str:
    return "\n".join(body[i:i + width] for i in range(0, len(body), width))


def test_a_paragraph_of_many_wrapped_lines_without_a_full_stop_is_one_paragraph():
    """Only the last characters of a growing paragraph are searched for its
    end: a paragraph of hundreds of printed lines with no full stop still
    runs on to the line that ends it, and the page after it is unchanged."""
    unit = "县市场监管局会同县公安局开展食品安全专项检查检查冷库和运输车辆"
    body = unit * 300 + "。"
    raw = _wrapped(body) + "\n\n" + _wrapped("县公安局通报了检查结果并要求各单位立即整改到位。")
    clean = normalize(raw).text.split("\n")
    assert clean[0] == body
    assert clean[-1] == "县公安局通报了检查结果并要求各单位立即整改到位。"


def test_a_closing_credit_split_over_two_printed_lines_still_ends_the_paragraph():
    unit = "县市场监管局会同县公安局开展食品安全专项检查检查冷库和运输车辆"
    body = unit * 40 + "。（李明"
    raw = _wrapped(body) + "\n）\n\n" + _wrapped("县公安局通报了检查结果并要求各单位立即整改到位。")
    joiner = _joiner(raw)
    last = next(i for i, ln in enumerate(joiner.lines) if ln.text == "）")
    assert last > 40 and joiner._paragraph_end(0) == last
