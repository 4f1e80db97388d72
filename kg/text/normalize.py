"""PDF-copy text -> clean text, with a map back to raw offsets.

A newspaper page copied out of a PDF breaks lines anywhere, puts blank lines
between printed lines, spaces characters out and mixes full- and half-width
forms. Extraction wants one paragraph per line, headlines on lines of their
own, and no stray spaces; evidence must still point back into the file. So
every character of the clean text remembers the raw index it came from
(`Normalized.offsets`), and characters are only ever dropped or folded, never
reordered.

The work is done in three steps, each in a module of its own: folding the
characters of each line (`kg.text.fold`), telling what each line is
(`kg.text.lines`), and joining lines into paragraphs and headlines from the
layout alone (`kg.text.join`). Everything they decide by lives in
rules/articles.toml.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg import ruleset
from kg.ruleset import RuleSet
from kg.text.join import Joiner, Para
from kg.text.lines import classify_text_line, describe, physical_lines

__all__ = ["KINDS", "Line", "Normalized", "classify_text_line", "normalize"]

KINDS = ("headline", "body", "dateline", "byline", "editor", "furniture", "credit")


@dataclass(frozen=True)
class Line:
    """One line of the clean text: [start, end) in `Normalized.text`, and
    what the page layout made of it (one of KINDS)."""

    start: int
    end: int
    kind: str


@dataclass
class Normalized:
    """Clean text, the raw text it came from, and the map between them."""

    text: str
    raw: str
    offsets: list[int]
    lines: list[Line] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span holding text[start:end]: the same characters, plus at
        most the spaces and line breaks normalisation removed between them."""
        if end <= start:
            pos = self.offsets[min(start, len(self.text))]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


def normalize(raw: str, rules: RuleSet | None = None) -> Normalized:
    """Clean the raw text of a page (see the module docstring), by `rules`
    (the rule set in force if not given)."""
    rules = rules or ruleset.current()
    lines = physical_lines(raw)
    for ln in lines:
        describe(ln, rules)
    if not lines:
        return _emit(raw, [])
    joiner = Joiner(lines, rules)
    paras = joiner.paragraphs()
    if joiner.force_repeated_headlines(paras):
        paras = joiner.paragraphs()
    return _emit(raw, paras)


def _emit(raw: str, paras: list[Para]) -> Normalized:
    """Paragraphs -> text with one "\\n" between them, and the offset map."""
    chars: list[str] = []
    offs: list[int] = []
    out_lines: list[Line] = []
    prev_brk = 0
    for p in paras:
        if not p.toks:
            continue
        if chars:
            chars.append("\n")
            offs.append(prev_brk)
        prev_brk = p.brk
        start = len(chars)
        for ch, idx in p.toks:
            chars.append(ch)
            offs.append(idx)
        out_lines.append(Line(start, len(chars), p.kind))
    offs.append(len(raw))
    return Normalized("".join(chars), raw, offs, out_lines)
