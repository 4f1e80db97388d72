"""Sentence spans of a text: the unit of evidence for every relation.

What ends a sentence is rules/articles.toml [sentences]; a line break (the
end of a paragraph or headline in clean text) always does.
"""

import math
import re
from bisect import bisect_right
from functools import lru_cache

from kg import ruleset
from kg.ruleset import RuleSet


@lru_cache(maxsize=8)
def sentence_end(rules: RuleSet) -> re.Pattern:
    """The end of a sentence: a run of sentence-ending punctuation with the
    closing quotes after it, or a run of line breaks."""
    table = rules.articles.sentences
    return re.compile(f"[{re.escape(table.ends)}]+[{re.escape(table.closers)}]*|\\n+")


def sentence_spans(text: str, start: int = 0, end: int | None = None,
                   rules: RuleSet | None = None):
    """(s, e) spans of the sentences of text[start:end], offsets into text;
    a sentence longer than articles.sentences.max_chars as pieces that long."""
    rules = rules or ruleset.current()
    end = len(text) if end is None else end
    longest = rules.articles.sentences.max_chars
    out, s = [], start
    for m in sentence_end(rules).finditer(text, start, end):
        e = m.end() if not m.group().startswith("\n") else m.start()
        _add_sentence(out, text, s, e, longest)
        s = m.end()
    _add_sentence(out, text, s, end, longest)
    return out


def unread_runs(text: str, rules: RuleSet | None = None) -> list:
    """(s, e) stretches of `text` not read as prose: all but the first
    articles.sentences.max_chars characters of a run with no sentence end
    longer than that (a line with no punctuation at all: no real sentence
    comes near the bound). The extraction reads them as blanks and says so."""
    rules = rules or ruleset.current()
    longest = rules.articles.sentences.max_chars
    out, s = [], 0
    for m in sentence_end(rules).finditer(text):
        if m.start() - s > longest:
            out.append((s + longest, m.start()))
        s = m.end()
    if len(text) - s > longest:
        out.append((s + longest, len(text)))
    return out


def blanked(text: str, runs) -> str:
    """`text` with each (s, e) of `runs` as spaces: the same length, so
    every offset stays where it was."""
    if not runs:
        return text
    parts, pos = [], 0
    for s, e in runs:
        parts += [text[pos:s], " " * (e - s)]
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _add_sentence(out: list, text: str, s: int, e: int, longest: int) -> None:
    """text[s:e] as a sentence (pieces of at most `longest` characters), if
    it holds more than white space."""
    for a in range(s, e, longest):
        b = min(a + longest, e)
        if text[a:b].strip():
            out.append((a, b))


def sentence_at(spans, pos: int):
    """The span of `spans` (sorted, disjoint: sentence_spans) holding
    position pos, or None; found by bisection."""
    i = bisect_right(spans, (pos, math.inf)) - 1
    if i >= 0 and pos < spans[i][1]:
        return spans[i]
    return None
