"""kg.text.lines: what a line of a news page is when it is not plain text."""

import pytest

from kg import ruleset
from kg.text.lines import classify_text_line, describe, physical_lines, special_kind


@pytest.mark.parametrize("raw, kind", [
    ("本版责编：张三 李四 王五", "editor"),
    ("本报记者 张三", "byline"),
    ("张三 摄", "credit"),
    ("新华社北京3月11日电", "dateline"),
    ("新华社北京3月11日电（记者张三）国务院总理李克强11日上午出席记者会。", "dispatch"),
    ("央视网消息（新闻联播）：今天，全国公安机关召开会议。", "dispatch"),
    ("来源：人民日报", "furniture"),
    ("2021-09-15 10:20 来源：公安部网站", "furniture"),
    ("公安部召开新闻发布会。", None),
])
def test_special_kinds(raw, kind):
    [line] = physical_lines(raw)
    describe(line, ruleset.current())
    assert line.kind == kind
    assert special_kind(line.text, line.spaced, ruleset.current()) == kind


@pytest.mark.parametrize("text, kind", [
    ("公安部召开新闻发布会，介绍全国公安机关深化执法规范化建设的进展。", "body"),
    ("新华社北京3月11日电（记者张三）国务院总理李克强出席记者会。", "body"),
    ("公安部召开新闻发布会", "headline"),
    ("本报记者张三", "byline"),
])
def test_clean_lines_are_classified_from_their_text(text, kind):
    assert classify_text_line(text) == kind


def test_physical_lines_keep_their_breaks_and_the_blank_lines_after_them():
    raw = "公安部召开新闻发布会\r\n\r\n介绍进展。\n会议强调。"
    lines = physical_lines(raw)
    assert ["".join(c for c, _ in ln.toks) for ln in lines] == ["公安部召开新闻发布会", "介绍进展。", "会议强调。"]
    assert [ln.blank_after for ln in lines] == [True, False, False]
    assert raw[lines[0].brk:lines[0].brk + 2] == "\r\n"
