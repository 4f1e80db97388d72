"""The people credited on a page: reporters, photographers, editors.

Credits are read from the clean text (a byline, a dateline's parentheses, a
photo credit closing a paragraph, the page's editor line), but names are
split on the raw text, where the spaces between two names survive
normalisation (本报记者 张三 李四 is two people, 张 天 培 one).
"""

from __future__ import annotations

import re
import unicodedata

from kg.ruleset import RuleSet
from kg.text.normalize import Line, Normalized
from kg.text.patterns import article_patterns

_WRAPPED_BREAK = re.compile(r"\s*[\r\n]\s*")


def names_in(norm: Normalized, start: int, end: int, rules: RuleSet) -> list[str]:
    """The person names in text[start:end]: cut at credit words (记者, 摄),
    then split the raw text, where the spaces between names survive."""
    seg = norm.text[start:end]
    names, pos = [], 0
    markers = article_patterns(rules).name_markers
    cuts = [(m.start(), m.end()) for m in markers.finditer(seg)] + [(len(seg), len(seg))]
    for a, b in cuts:
        if a > pos:
            names.extend(_split_names(norm, start + pos, start + a, rules))
        pos = b
    return names


def _split_names(norm: Normalized, start: int, end: int, rules: RuleSet) -> list[str]:
    """The names in one stretch of credit text with no credit word in it."""
    patterns, table = article_patterns(rules), rules.articles.names
    rs, re_ = norm.raw_span(start, end)
    # a line break inside a name is wrapping, not a separator
    raw = _WRAPPED_BREAK.sub("", norm.raw[rs:re_].strip())
    parts: list[str] = []
    for p in patterns.name_separators.split(raw):
        # no name has one character: 张 天 培 is a spaced-out name
        if parts and p and (len(parts[-1]) == 1 or len(p) == 1):
            parts[-1] += p
        elif p:
            parts.append(p)
    out = []
    for p in parts:
        p = unicodedata.normalize("NFKC", p).strip(table.trim)
        if patterns.name.match(p) and p not in table.not_names:
            out.append(p)
    return out


def page_editors(norm: Normalized, lines: list[Line], rules: RuleSet) -> list[str]:
    """Names on the page's editor line(s), after their label (本版责编：)."""
    colons = rules.articles.names.label_colons
    eds: list[str] = []
    for ln in lines:
        if ln.kind != "editor":
            continue
        text = norm.text[ln.start:ln.end]
        colon = next((k for k, c in enumerate(text) if c in colons), -1)
        for name in names_in(norm, ln.start + colon + 1, ln.end, rules):
            if name not in eds:
                eds.append(name)
    return eds


def names_in_group(norm: Normalized, ln: Line, pattern: re.Pattern, rules: RuleSet) -> list[str]:
    """The names in the `names` group of `pattern` found in line ln, if any."""
    m = pattern.search(norm.text[ln.start:ln.end])
    if not m:
        return []
    return names_in(norm, ln.start + m.start("names"), ln.start + m.end("names"), rules)
