"""kg.nlp.textscan: which characters may be part of a name (is_cjk, PUNCT)
and the literal matchers the components scan text with."""

import re

import pytest

from kg.extraction import extract_text
from kg.nlp.textscan import PUNCT, Automaton, WordList, alternation, is_cjk


@pytest.mark.parametrize("ch", [
    "\u4e00", "国", "\u9fff",                      # CJK Unified Ideographs
    "\u3400", "㑇", "㛃", "䶮", "\u4dbf",          # Extension A (U+3400-U+4DBF)
])
def test_cjk_ideographs_of_the_basic_block_and_extension_a(ch):
    assert is_cjk(ch)


@pytest.mark.parametrize("ch", ["\u33ff", "\u4dc0", "\ua000", "A", "1", "，", "　", "ｱ", "の", "한"])
def test_neighbours_of_the_blocks_letters_and_punctuation_are_not(ch):
    assert not is_cjk(ch)


def test_punctuation_that_ends_a_name():
    assert {"，", "。", "、", "《", "》", "（", "）", "“", "”", "\u3000", " ", "\n"} <= PUNCT
    assert not any(is_cjk(ch) for ch in PUNCT)


@pytest.mark.parametrize("text, person, body, rel, title", [
    # 䶮 (U+4DAE), 㑇 (U+3447), 㛃 (U+36C3): Extension A characters in given names
    ("公安部法制局局长王䶮介绍了有关情况。", "王䶮", "公安部法制局", "leads", "局长"),
    ("公安部法制局局长王㑇说，将开展执法监督工作。", "王㑇", "公安部法制局", "leads", "局长"),
    ("苍溪县副县长刘㛃出席。", "刘㛃", "苍溪县人民政府", "member_of", "副县长"),
], ids=["U+4DAE", "U+3447", "U+36C3"])
def test_a_name_with_an_extension_a_character_is_a_person(text, person, body, rel, title):
    out = extract_text(text, "2021-09-15")
    names = {e["id"]: e["name"] for e in out["entities"]}
    assert person in [e["name"] for e in out["entities"] if e["type"] == "PERSON"]
    got = {(names[r["head"]], r["type"], names[r["tail"]]): r["attrs"].get("title") for r in out["relations"]}
    assert got[(person, rel, body)] == title


def test_automaton_finds_every_overlapping_match_and_longest_picks_leftmost_longest():
    a = Automaton({"公安": 1, "公安部": 2, "安部": 3, "法制局": 4})
    text = "公安部法制局"
    assert sorted(a.iter(text)) == [(0, 2, 1), (0, 3, 2), (1, 3, 3), (3, 6, 4)]
    assert a.longest(text) == [(0, 3, 2), (3, 6, 4)]
    assert list(Automaton({}).iter(text)) == [] and Automaton({}).longest(text) == []


def test_alternation_is_literal_and_longest_first():
    pattern = alternation(["市长", "副市长", "a.b", "市长"])
    assert pattern.split("|") == ["a\\.b", "副市长", "市长"]   # by length, then code point
    assert re.findall(pattern, "副市长和市长，a.b 不是 axb") == ["副市长", "市长", "a.b"]


def test_wordlist_gives_the_longest_word_at_a_start_or_an_end():
    words = WordList(["说", "介绍", "表示", "介绍说"])
    text = "孙茂利介绍说"
    assert words.starts(text, 3) == "介绍说" and words.starts(text, 0) is None
    assert words.ends(text, 6) == "介绍说" and words.ends(text, 5) == "介绍"
    assert words.starts(text, 6) is None and words.ends(text, 0) is None
