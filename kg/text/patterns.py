"""The regexes of rules/articles.toml, compiled once per rule set.

Normalising a page and splitting it into articles test every line against
the same patterns (what ends a paragraph, what a dateline, byline or editor
line looks like); compiling them is worth doing once per RuleSet, and only
from the RuleSet, so a different rules folder gives different patterns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.ruleset import RuleSet


@dataclass(frozen=True)
class ArticlePatterns:
    """rules/articles.toml [patterns] and [names], compiled."""

    paragraph_end: tuple[re.Pattern, ...]
    dateline: tuple[re.Pattern, ...]
    source_prefix: re.Pattern
    byline: tuple[re.Pattern, ...]
    editor: tuple[re.Pattern, ...]
    credit_line: re.Pattern
    furniture: tuple[re.Pattern, ...]
    furniture_date: re.Pattern
    trailing_credit: re.Pattern
    photo_credit: re.Pattern
    signature_date: re.Pattern
    addressee: re.Pattern
    name_markers: re.Pattern
    name_separators: re.Pattern
    name: re.Pattern

    def ends_paragraph(self, text: str, pos: int = 0) -> bool:
        """Whether clean text ends a paragraph (full stop, credit, caption),
        by a match starting at or after `pos`."""
        return any(p.search(text, pos) for p in self.paragraph_end)

    def dateline_match(self, text: str) -> re.Match | None:
        """The dateline opening a clean line, or None."""
        for p in self.dateline:
            m = p.match(text)
            if m:
                return m
        return None


@lru_cache(maxsize=8)
def article_patterns(rules: RuleSet) -> ArticlePatterns:
    """The compiled patterns of `rules` (cached by rule set)."""
    punct, pat, names = rules.articles.punctuation, rules.articles.patterns, rules.articles.names
    comp = re.compile
    full_stop = f"[{re.escape(punct.sentence_final)}][{re.escape(punct.closers)}]*$"
    markers = sorted(names.markers, key=len, reverse=True)
    return ArticlePatterns(
        paragraph_end=(comp(full_stop), *map(comp, pat.paragraph_end)),
        dateline=tuple(map(comp, pat.dateline)),
        source_prefix=comp(pat.source_prefix),
        byline=tuple(map(comp, pat.byline)),
        editor=tuple(map(comp, pat.editor)),
        credit_line=comp(pat.credit_line),
        furniture=tuple(map(comp, pat.furniture)),
        furniture_date=comp(pat.furniture_date),
        trailing_credit=comp(pat.trailing_credit),
        photo_credit=comp(pat.photo_credit),
        signature_date=comp(pat.signature_date),
        addressee=comp(pat.addressee),
        name_markers=comp("|".join(map(re.escape, markers))),
        name_separators=comp(names.separators),
        name=comp(names.name),
    )
