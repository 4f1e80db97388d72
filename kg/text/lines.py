"""Physical lines of a raw page, and what each is when it is not plain text.

A line that matches a pattern of rules/articles.toml is an editor line, a
byline, a photo credit, a dateline alone on its line, page furniture, or the
opening of a dispatch (text after a dateline or a source tag); the rest is
plain text, for the joiner to make paragraphs and headlines of.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg import ruleset
from kg.ruleset import RuleSet
from kg.text.fold import Tok, collapse, tokens, width
from kg.text.patterns import article_patterns

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_SPACE_RUN = re.compile(r" +")


@dataclass
class RawLine:
    """A non-blank physical line of the raw text and what we know of it."""

    toks: list[Tok]
    brk: int                     # raw index of the line break after it
    blank_after: bool = False    # a blank line follows before the next line
    clean: list[Tok] = field(default_factory=list)
    text: str = ""               # clean text of the line alone
    spaced: str = ""             # the line with whitespace runs as one space
    width: float = 0.0
    kind: str | None = None      # special kind, "dispatch", or None (plain)


def physical_lines(raw: str) -> list[RawLine]:
    """The non-blank lines of raw (CRLF, CR and LF all end a line)."""
    out: list[RawLine] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in _LINE_BREAK.finditer(raw)]
    bounds.append((len(raw), len(raw)))
    for brk, nxt in bounds:
        toks = tokens(raw[pos:brk], pos)
        if toks:
            out.append(RawLine(toks, brk))
        elif out:
            out[-1].blank_after = True
        pos = nxt
    return out


def describe(line: RawLine, rules: RuleSet) -> None:
    """Fill in the clean text, width and special kind of a raw line."""
    line.clean = collapse(line.toks)
    line.text = "".join(c for c, _ in line.clean)
    line.spaced = _SPACE_RUN.sub(" ", "".join(c for c, _ in line.toks))
    line.width = width(line.text)
    line.kind = special_kind(line.text, line.spaced, rules)


def special_kind(text: str, spaced: str, rules: RuleSet) -> str | None:
    """What a line is when it is not plain text: editor, byline, credit,
    dateline (alone on its line), dispatch (text opening with a dateline or
    a source tag), furniture; None for plain text. `text` is the clean line,
    `spaced` the line with each run of whitespace as one space."""
    patterns = article_patterns(rules)
    short = width(text) <= rules.articles.patterns.furniture_max_width
    if short and any(p.search(spaced) for p in patterns.editor):
        return "editor"
    if short and any(p.search(spaced) for p in patterns.byline):
        return "byline"
    if short and patterns.credit_line.search(spaced):
        return "credit"
    m = patterns.dateline_match(text)
    if m:
        return "dateline" if m.end() == len(text) else "dispatch"
    if short and any(p.search(spaced) for p in patterns.furniture):
        return "furniture"
    if patterns.source_prefix.match(text):
        return "dispatch"
    return None


def classify_text_line(text: str, rules: RuleSet | None = None) -> str:
    """The kind of an already clean line, for Normalized objects built without
    line kinds: special kinds by pattern, else body if it ends a sentence or
    is too wide for a headline, else headline."""
    rules = rules or ruleset.current()
    kind = special_kind(text, text, rules)
    if kind == "dispatch":
        return "body"
    if kind:
        return kind
    if (article_patterns(rules).ends_paragraph(text)
            or width(text) > rules.articles.layout.max_headline_width):
        return "body"
    return "headline"
