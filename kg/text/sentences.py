"""Sentence spans of a text: the unit of evidence for every relation.

What ends a sentence is rules/articles.toml [sentences]; a line break (the
end of a paragraph or headline in clean text) always does.
"""

import re
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
    """(s, e) spans of the sentences of text[start:end], offsets into text."""
    end = len(text) if end is None else end
    out, s = [], start
    for m in sentence_end(rules or ruleset.current()).finditer(text, start, end):
        e = m.end() if not m.group().startswith("\n") else m.start()
        if text[s:e].strip():
            out.append((s, e))
        s = m.end()
    if text[s:end].strip():
        out.append((s, end))
    return out


def sentence_at(spans, pos: int):
    """The span of `spans` holding position pos, or None."""
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return None
