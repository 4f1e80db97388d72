"""kg.text.articles: pages -> articles, checked against the gold files, on the seed
page in other encodings, and on pages degraded the way PDF copies are."""

import datetime
import json
import re
from pathlib import Path

import pytest

from kg import ruleset
from kg.text.articles import Article, Page, date_from_filename, dateline_match, split_articles
from kg.text.normalize import Normalized, normalize
from kg.text.read import read_text

FIX = Path(__file__).parent.parent / "fixtures"
CORPUS, GOLD = FIX / "corpus", FIX / "gold"
SEED = "000_ba7bb21c1752cf58"
SINGLE = ["01_henan-beijing-strategic-agreement", "06_cangxi-cold-chain-three-in-one",
          "09_scio-finance-regulators-briefing", "11_changfeng-hospital-fire-accountability"]


def gold(name):
    return json.loads((GOLD / f"{name}.gold.json").read_text(encoding="utf-8"))


def page_of(path, date=None) -> Page:
    return split_articles(normalize(read_text(path)), date)


def title_set(title: str) -> set:
    return set(title.split(" "))


def assert_matches_gold(arts, gold_arts):
    assert len(arts) == len(gold_arts)
    got = sorted((sorted(title_set(a.title)), a.place, a.creators) for a in arts)
    want = sorted((sorted(title_set(g["title"])), g["place"], g["creators"]) for g in gold_arts)
    assert got == want


# -- the seed page


@pytest.fixture(scope="module")
def seed_page():
    return page_of(CORPUS / f"{SEED}.txt", "2021-09-15")


def test_seed_articles_match_gold(seed_page):
    assert_matches_gold(seed_page.articles, gold(SEED)["articles"])


def test_seed_articles_in_page_order(seed_page):
    g = gold(SEED)["articles"]
    assert [title_set(a.title) for a in seed_page.articles] == [title_set(x["title"]) for x in g]
    assert [a.id for a in seed_page.articles] == ["a1", "a2", "a3", "a4", "a5"]
    assert all(a.date == "2021-09-15" for a in seed_page.articles)


def test_seed_spans_cover_the_page_in_order(seed_page):
    arts = seed_page.articles
    for a in arts:
        assert a.start <= a.body_start < a.body_end <= a.end
    for a, b in zip(arts, arts[1:]):
        assert a.end < b.start


def test_seed_bodies_start_with_the_first_sentence(seed_page):
    norm = normalize(read_text(CORPUS / f"{SEED}.txt"))
    for a, g in zip(seed_page.articles, gold(SEED)["articles"]):
        assert norm.text[a.body_start:].startswith(g["first_sentence"])


def test_seed_spans_include_headlines(seed_page):
    norm = normalize(read_text(CORPUS / f"{SEED}.txt"))
    for a in seed_page.articles:
        span = norm.text[a.start:a.end]
        for line in a.title.split(" "):
            assert line in span


def test_seed_inner_subheads_are_not_titles(seed_page):
    a1 = seed_page.articles[0]
    assert title_set(a1.title) == {"公安执法越来越规范",
                                   "强化受案立案监管，执法活动全程留痕，全国范围内建立投诉平台"}
    norm = normalize(read_text(CORPUS / f"{SEED}.txt"))
    body = norm.text[a1.body_start:a1.body_end]
    for sub in ["深入推进受案立案改革，及时发现和整改隐案瞒案等问题",
                "已建成执法办案管理中心2500余个，强化全流程全要素监督",
                "保障律师执业权利，建立12389投诉平台，接受社会各界监督"]:
        assert sub in body


def test_seed_editors(seed_page):
    assert seed_page.editors == ["苏显龙", "赵晓曦", "徐雷鹏"]
    assert all(a.editors == seed_page.editors for a in seed_page.articles)


def test_to_dict_shape(seed_page):
    d = seed_page.articles[1].to_dict()
    assert list(d) == ["id", "title", "date", "place", "creators", "start", "end"]
    assert d["place"] == "昆明" and d["creators"] == ["史一棋"]
    json.dumps(d)


def test_date_is_the_publication_date():
    path = CORPUS / f"{SEED}.txt"
    assert all(a.date is None for a in page_of(path).articles)
    assert all(a.date == "2021-09-15" for a in page_of(path, datetime.date(2021, 9, 15)).articles)


# -- the seed in other encodings


@pytest.mark.parametrize("variant", ["gb18030", "crlf", "bom", "crlf-gb18030-no-blank-lines"])
def test_seed_variants_give_same_articles(tmp_path, variant, seed_page):
    text = (CORPUS / f"{SEED}.txt").read_text(encoding="utf-8")
    tight = re.sub(r"\n\s*\n", "\n", text).replace("\n", "\r\n")
    data = {"gb18030": text.encode("gb18030"),
            "crlf": text.replace("\n", "\r\n").encode("utf-8"),
            "bom": b"\xef\xbb\xbf" + text.encode("utf-8"),
            "crlf-gb18030-no-blank-lines": tight.encode("gb18030")}[variant]
    p = tmp_path / f"seed-{variant}.txt"
    p.write_bytes(data)
    page = page_of(p, "2021-09-15")
    assert [a.to_dict() for a in page.articles] == [a.to_dict() for a in seed_page.articles]
    assert page.editors == seed_page.editors


# -- single-article pages


@pytest.mark.parametrize("name", SINGLE)
def test_single_article_pages_match_gold(name):
    g = gold(name)
    page = page_of(CORPUS / f"{name}.txt", g["date"])
    assert len(page.articles) == 1
    a = page.articles[0]
    ga = g["articles"][0]
    assert title_set(a.title) == title_set(ga["title"])
    assert (a.place, a.creators, a.date) == (ga["place"], ga["creators"], ga["date"])
    norm = normalize(read_text(CORPUS / f"{name}.txt"))
    assert norm.text[a.body_start:].startswith(ga["first_sentence"])


def test_page_furniture_is_not_title():
    for name in SINGLE:
        a = page_of(CORPUS / f"{name}.txt").articles[0]
        for furniture in ["来源", "发布机构", "责编", "央视网消息"]:
            assert furniture not in a.title


def test_page_editor_of_a_web_page():
    assert page_of(CORPUS / f"{SINGLE[0]}.txt").editors == ["高御"]


# -- degraded pages


def _clean_lines(name):
    lines = [ln for ln in (CORPUS / f"{name}.txt").read_text(encoding="utf-8").split("\n") if ln.strip()]
    return lines[0], lines[1:]


def _is_paragraph(line: str) -> bool:
    return line.rstrip().endswith(("。", "）", ")", "摄"))


def _wrap(line: str, width: int) -> list[str]:
    line = line.strip()
    return [line[k:k + width] for k in range(0, len(line), width)]


def _degrade(name, width, spaced, after, blank=True):
    """The clean page printed into a narrow column: body paragraphs wrapped at
    `width`, every other printed line spaced out, the headline moved after
    the body; headlines, furniture and editor lines kept on their own lines."""
    title, rest = _clean_lines(name)
    printed = []
    for line in rest:
        if not _is_paragraph(line) or width is None:
            printed.append(line.strip())
            continue
        for k, part in enumerate(_wrap(line, width)):
            printed.append(" ".join(part) if spaced and k % 2 else part)
    printed = printed + [title] if after else [title] + printed
    sep = "\n\n" if blank else "\n"
    return sep.join(printed) + "\n"


def _body_paragraphs(norm: Normalized):
    return ["".join(norm.text[ln.start:ln.end].split()) for ln in norm.lines
            if ln.kind in ("body", "credit")]


def assert_same_paragraphs(norm: Normalized, original: Normalized):
    """Same body text (spaces aside), and every original paragraph break
    kept; a wrap that falls just after a full stop may add a break there."""
    got, want = _body_paragraphs(norm), _body_paragraphs(original)
    assert "".join(got) == "".join(want)
    breaks = lambda paras: {sum(map(len, paras[:k])) for k in range(len(paras) + 1)}
    assert breaks(want) <= breaks(got)
    extra = breaks(got) - breaks(want)
    joined = "".join(got)
    assert all(joined[k - 1] in "。！？" for k in extra)


DEGRADED = [(name, width, spaced, after)
            for name in SINGLE
            for width in range(15, 26)
            for spaced in (False, True)
            for after in (False, True)]


@pytest.mark.parametrize("name, width, spaced, after", DEGRADED)
def test_degraded_pages_keep_title_and_paragraphs(name, width, spaced, after):
    g = gold(name)
    norm = normalize(_degrade(name, width, spaced, after))
    page = split_articles(norm, g["date"])
    assert len(page.articles) == 1
    a, ga = page.articles[0], g["articles"][0]
    assert title_set(a.title) == title_set(ga["title"])
    assert (a.place, a.creators) == (ga["place"], ga["creators"])
    original = normalize(read_text(CORPUS / f"{name}.txt"))
    assert_same_paragraphs(norm, original)


@pytest.mark.parametrize("name", SINGLE)
def test_headline_after_unwrapped_body(name):
    g = gold(name)
    page = split_articles(normalize(_degrade(name, None, False, True)), g["date"])
    assert len(page.articles) == 1
    assert title_set(page.articles[0].title) == title_set(g["articles"][0]["title"])


@pytest.mark.parametrize("name", SINGLE)
def test_wrapped_without_blank_lines(name):
    g = gold(name)
    norm = normalize(_degrade(name, 20, False, False, blank=False))
    page = split_articles(norm, g["date"])
    assert len(page.articles) == 1
    assert title_set(page.articles[0].title) == title_set(g["articles"][0]["title"])
    original = normalize(read_text(CORPUS / f"{name}.txt"))
    assert_same_paragraphs(norm, original)


def test_two_pages_glued_split_in_two():
    text = "\n\n".join((CORPUS / f"{n}.txt").read_text(encoding="utf-8") for n in SINGLE[2:])
    page = split_articles(normalize(text))
    assert [title_set(a.title) for a in page.articles] == \
        [title_set(gold(n)["articles"][0]["title"]) for n in SINGLE[2:]]


# -- small things


def test_empty_text_has_no_articles():
    page = split_articles(normalize(""))
    assert page.articles == [] and page.editors == []


def test_normalized_without_line_kinds_still_splits():
    norm = normalize(read_text(CORPUS / f"{SINGLE[2]}.txt"))
    bare = Normalized(norm.text, norm.raw, norm.offsets)
    page = split_articles(bare)
    assert len(page.articles) == 1
    assert title_set(page.articles[0].title) == {"多项政策发力", "进一步支持经济稳增长"}


@pytest.mark.parametrize("name, date", [
    ("people-daily-2021-09-15.txt", "2021-09-15"),
    ("/tmp/x/2023-10-25_fire.txt", "2023-10-25"),
    ("2021-13-40.txt", None),
    ("page.txt", None),
])
def test_date_from_filename(name, date):
    assert date_from_filename(name) == date


def test_article_is_a_plain_dataclass():
    a = Article("a1", "标题", None, None, [], 0, 2, 0, 2)
    assert a.to_dict()["title"] == "标题" and a.editors == []


# -- datelines and bylines in other shapes (generic names)


@pytest.mark.parametrize("text, place, creators", [
    ("某部推进改革试点工作\n\n新华社北京9月14日电（记者张三、李四）今天，某部召开新闻发布会，介绍有关情况。\n\n"
     "第二段内容比较长，这里再写一些文字凑够长度。", "北京", ["张三", "李四"]),
    ("某部推进改革试点工作\n\n本报讯（记者 王小五 赵六）今天，某部召开新闻发布会，介绍有关情况。\n\n第二段内容。",
     None, ["王小五", "赵六"]),
    ("某部推进改革试点工作\n\n本报记者近日电话采访了有关负责人，了解到相关情况。", None, []),
])
def test_dateline_shapes(text, place, creators):
    (a,) = split_articles(normalize(text), "2024-01-02").articles
    assert (a.title, a.place, a.creators, a.date) == ("某部推进改革试点工作", place, creators, "2024-01-02")


def test_headline_first_page_with_bylines_splits_at_each_headline():
    text = "第一篇标题\n本报记者 张三\n第一篇正文，内容若干。\n\n第二篇标题\n本报记者 李四\n第二篇正文，内容若干。"
    arts = split_articles(normalize(text)).articles
    assert [(a.title, a.creators) for a in arts] == [("第一篇标题", ["张三"]), ("第二篇标题", ["李四"])]


def test_a_dispatch_followed_by_an_article_without_dateline_keeps_its_headline():
    """Seed articles reordered so the lead article (no dateline, byline after
    its headline) comes after dispatches: still five articles, same titles."""
    raw = (Path(__file__).parent.parent / "fixtures" / "corpus" / "000_ba7bb21c1752cf58.txt").read_text(encoding="utf-8")
    norm = normalize(raw)
    arts = split_articles(norm, "2021-09-15").articles
    pieces = [raw[slice(*norm.raw_span(a.start, a.end))] for a in arts]
    for order in ([1, 3, 0, 2, 4], [4, 3, 2, 1, 0]):
        page = split_articles(normalize("\n\n".join(pieces[i] for i in order)), "2021-09-15")
        assert [a.title for a in page.articles] == [arts[i].title for i in order]


NOTICE = ("云南省人民政府关于李明等同志职务任免的通知\n\n各州、市人民政府：\n\n"
          "经省人民政府研究决定：任命李明为云南省交通运输厅厅长。\n\n云南省人民政府\n2024年10月30日\n")


def test_a_notice_keeps_its_title_over_addressees_and_signature():
    """An official notice: title, addressees (各…：), text, then the issuer over
    the date. The addressee line is body, the signature is not a headline
    after the body: one article under the notice's title, signature included."""
    page = split_articles(normalize(NOTICE), "2024-10-30")
    assert [a.title for a in page.articles] == ["云南省人民政府关于李明等同志职务任免的通知"]
    norm = normalize(NOTICE)
    art = page.articles[0]
    assert norm.text[art.start:art.end].rstrip().endswith("云南省人民政府")


def test_dateline_match_gives_the_place_and_credit_of_a_dispatch():
    text = "新华社北京3月11日电（记者张三）国务院总理李克强11日上午出席记者会。"
    m = dateline_match(ruleset.current(), text)
    assert m["place"] == "北京" and m["credit"] == "记者张三"
    assert text[m.end():].startswith("国务院总理")
    assert dateline_match(ruleset.current(), "国务院总理李克强出席记者会。") is None
