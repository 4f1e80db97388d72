"""kg.text.normalize: clean text from PDF copies, and the map back to raw offsets."""

import random
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from kg import ruleset
from kg.paths import rules_dir
from kg.text.normalize import normalize
from kg.text.read import read_text

CORPUS = Path(__file__).parent.parent / "fixtures" / "corpus"
SEED = CORPUS / "000_ba7bb21c1752cf58.txt"
CJK = r"\u4e00-\u9fff"
FINAL = re.compile(r"[。！？!?…][”’\"」』）)]*$|[。！？][（(][^（()）]+[）)]$|摄$")


def _fold(s: str) -> str:
    return "".join(unicodedata.normalize("NFKC", s).split())


@pytest.fixture(scope="module")
def seed():
    return normalize(read_text(SEED))


def _lines(norm, kind=None):
    return [norm.text[ln.start:ln.end] for ln in norm.lines if kind in (None, ln.kind)]


# -- spaces, widths, line endings


@pytest.mark.parametrize("raw, clean", [
    ("9 月 14 日，公安部召开发布会。", "9月14日，公安部召开发布会。"),
    ("已建成 2500 余个。", "已建成2500余个。"),
    ("知 情 权 等 执 业 权 利 ，积 极 维 护 公 民 合 法 权 益。", "知情权等执业权利，积极维护公民合法权益。"),
    ("他说 Hello  World 了。", "他说Hello World了。"),
    ("宣传CD 2021 版。", "宣传CD 2021版。"),
    ("共１２３件ＡＢＣ。", "共123件ABC。"),
    ("标点，。：；（）“”《》！？、保留。", "标点，。：；（）“”《》！？、保留。"),
    ("  两个空格缩进。", "两个空格缩进。"),
    ("\u3000\u3000全角缩进。", "全角缩进。"),
])
def test_cleans_one_line(raw, clean):
    assert normalize(raw).text == clean


@pytest.mark.parametrize("eol", ["\n", "\r\n", "\r"])
def test_line_endings_all_break_lines(eol):
    raw = eol.join(["公安部召开新闻发布会，介绍全国公安", "", "机关最新进展。", "", "第二段。"])
    assert normalize(raw).text == "公安部召开新闻发布会，介绍全国公安机关最新进展。\n第二段。"


def test_empty_text():
    norm = normalize("")
    assert norm.text == "" and norm.offsets == [0] and norm.lines == []


def test_blank_only_text():
    assert normalize(" \n\n\u3000\r\n").text == ""


# -- the seed page


def test_seed_has_no_space_between_cjk(seed):
    assert not re.search(rf"[{CJK}][ \t\u3000]+[{CJK}]", seed.text)
    assert not re.search(rf"[{CJK}] +[，。：；、（）“”]|[，。：；、（）“”] +[{CJK}]", seed.text)


def test_seed_paragraphs_are_single_lines(seed):
    assert "\n\n" not in seed.text
    assert not seed.text.startswith("\n") and not seed.text.endswith("\n")


def test_seed_body_paragraphs_end_with_sentence_final(seed):
    bodies = _lines(seed, "body")
    assert len(bodies) >= 25
    assert [b for b in bodies if not FINAL.search(b)] == []


def test_seed_headlines_and_subheads(seed):
    heads = _lines(seed, "headline")
    for h in ["深入推进受案立案改革，及时发现和整改隐案瞒案等问题",
              "已建成执法办案管理中心2500余个，强化全流程全要素监督",
              "保障律师执业权利，建立12389投诉平台，接受社会各界监督",
              "公安执法越来越规范",
              "强化受案立案监管，执法活动全程留痕，全国范围内建立投诉平台",
              "武汉江夏区推行不见面审批改革", "已上线政务服务和便民事项236个",
              "西藏首家森林消防站正式挂牌"]:
        assert h in heads
    assert all(not FINAL.search(h) for h in heads)


def test_seed_special_lines(seed):
    assert _lines(seed, "byline") == ["本报记者张天培"]
    assert _lines(seed, "editor") == ["本版责编：苏显龙赵晓曦徐雷鹏"]
    assert _lines(seed, "dateline") == ["本报武汉9月14日电（记者田豆豆）"]


def test_seed_numbers_and_units(seed):
    for s in ["9月14日，公安部", "今年5月", "于2015年11月", "18个省级", "2500余个", "提高145%。", "236个，1—8月累计"]:
        assert s in seed.text


def test_seed_first_paragraph(seed):
    first = seed.text.split("\n")[0]
    assert first.startswith("9月14日，公安部召开新闻发布会，介绍全国公安机关深入推进执法规范化建设最新进展。")
    assert first.endswith("为深化执法规范化建设提供了重要切入点和有力抓手。")


# -- the offset map


def _all_norms():
    return [normalize(read_text(p)) for p in sorted(CORPUS.glob("*.txt"))]


def test_offsets_shape():
    for norm in _all_norms():
        assert len(norm.offsets) == len(norm.text) + 1
        assert norm.offsets == sorted(norm.offsets)
        assert norm.offsets[-1] == len(norm.raw)


def test_offsets_round_trip_random_spans():
    rng = random.Random(20210915)
    for norm in _all_norms():
        n = len(norm.text)
        for _ in range(300):
            s = rng.randrange(n)
            e = rng.randrange(s, min(n, s + 200) + 1)
            rs, re_ = norm.raw_span(s, e)
            assert _fold(norm.raw[rs:re_]) == _fold(norm.text[s:e]), (s, e)


def test_each_character_maps_to_itself():
    for norm in _all_norms():
        for k, ch in enumerate(norm.text):
            if not ch.isspace():
                assert _fold(norm.raw[norm.offsets[k]]) .startswith(_fold(ch))


def test_offsets_with_crlf_and_fullwidth():
    raw = "  全角１２３，\r\n\r\n继续 写 完。\r\n"
    norm = normalize(raw)
    assert norm.text == "全角123，继续写完。"
    rs, re_ = norm.raw_span(2, 5)
    assert raw[rs:re_] == "１２３"
    rs, re_ = norm.raw_span(0, len(norm.text))
    assert _fold(raw[rs:re_]) == _fold(norm.text)


def test_headline_split_maps_to_the_space():
    body = "沧源县纪委监委整合县、乡两级监督力量，紧盯乡村振兴项目发展，将监督抓在日常。"
    norm = normalize("选聘信息员 织密监督网\n\n" + body)
    assert norm.text.split("\n") == ["选聘信息员", "织密监督网", body]
    assert norm.raw[norm.offsets[5]] == " "


# -- the seed printed differently normalises the same


def _seed_raw():
    return read_text(SEED)


@pytest.mark.parametrize("variant", [
    lambda t: re.sub(r"\n\s*\n", "\n", t),                                    # no blank lines
    lambda t: "\n".join("\u3000\u3000" + ln if ln.strip() else ln for ln in t.split("\n")),
    lambda t: "\n".join("\t" + ln + "  " if ln.strip() else ln for ln in t.split("\n")),
    lambda t: t.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789"}),  # full-width digits
    lambda t: t.replace("\n", "\r\n"),
], ids=["no-blank-lines", "ideographic-indent", "tabs-and-trailing", "fullwidth-digits", "crlf"])
def test_seed_variants_normalise_the_same(seed, variant):
    assert normalize(variant(_seed_raw())).text == seed.text


def test_line_kinds_follow_the_rule_set_given(tmp_path):
    """Rules are read from the RuleSet passed in, not from a copy kept at
    import: without 。 among the sentence-final marks, a short line ending
    in 。 no longer ends a paragraph, and reads as a headline."""
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    toml = copy / "articles.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace(
        'sentence_final = "。！？!?…"', 'sentence_final = "！？!?…"'), encoding="utf-8")
    line = "会议强调，要抓好落实。"
    assert [ln.kind for ln in normalize(line).lines] == ["body"]
    assert [ln.kind for ln in normalize(line, ruleset.load(copy)).lines] == ["headline"]
