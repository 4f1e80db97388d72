"""kg.text.sentences: evidence sentences of real news text, ended as
rules/articles.toml [sentences] says."""

import shutil

from kg import ruleset
from kg.paths import rules_dir
from kg.text.sentences import sentence_at, sentence_spans


def _sentences(text, rules=None):
    return [text[s:e] for s, e in sentence_spans(text, rules=rules)]


def test_full_stop_and_semicolon_end_a_sentence_with_their_closing_quote():
    text = "他说：“要抓好落实。”会议强调，建立长效机制；完善考核制度。"
    assert _sentences(text) == ["他说：“要抓好落实。”", "会议强调，建立长效机制；", "完善考核制度。"]


def test_an_ellipsis_stays_inside_its_sentence():
    text = "推进简政放权……取得明显成效。"
    assert _sentences(text) == [text]


def test_a_line_break_ends_a_headline_without_punctuation():
    text = "公安部召开新闻发布会\n公安部9月14日召开新闻发布会。"
    assert _sentences(text) == ["公安部召开新闻发布会", "公安部9月14日召开新闻发布会。"]


def test_spans_stay_inside_the_range_asked_for():
    text = "第一句。第二句；第三句。"
    assert sentence_spans(text, 4, 8) == [(4, 8)]
    assert sentence_at(sentence_spans(text), text.index("三")) == (8, 12)


def test_sentence_ends_are_read_from_the_rule_set_given(tmp_path):
    copy = tmp_path / "rules"
    shutil.copytree(rules_dir(), copy)
    toml = copy / "articles.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('ends = "。！？!?；;"', 'ends = "。！？!?"'),
                    encoding="utf-8")
    text = "建立长效机制；完善考核制度。"
    assert _sentences(text) == ["建立长效机制；", "完善考核制度。"]
    assert _sentences(text, ruleset.load(copy)) == [text]
