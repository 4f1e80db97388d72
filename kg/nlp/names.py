"""Name folding and body-name variants, shared by linking and export.

`fold` is the comparison form (NFKC, no spaces, quotes or 《》), the same one
the scorer uses. `variants` expands a body name through the abbreviation
table of rules/agencies.toml (市场监管局 <-> 市场监督管理局, 政府 <-> 人民政府).
`central_bodies` is the table of central bodies' names (rules/central_bodies.tsv).
"""

import re
import unicodedata
from functools import lru_cache

from kg import ruleset

_DROP = re.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉]")


def fold(name: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", name or ""))


@lru_cache(maxsize=8)
def _pairs(rules: ruleset.RuleSet) -> tuple[tuple[str, str], ...]:
    """(short, full) of the abbreviation table, longest full form first."""
    return tuple(sorted(rules.agencies.abbreviations.items(), key=lambda kv: -len(kv[1])))


def canonical_tail(tail: str, rules: ruleset.RuleSet | None = None) -> str:
    """The comparison form of a body's own name: every short form expanded."""
    out = tail
    for short, full in _pairs(rules or ruleset.current()):
        if full not in out:
            out = out.replace(short, full)
    return out


def variants(name: str, rules: ruleset.RuleSet | None = None) -> set[str]:
    """The name with each abbreviation applied one way or the other."""
    out = {name}
    for short, full in _pairs(rules or ruleset.current()):
        for n in list(out):
            if full in n:
                out.add(n.replace(full, short))
            elif short in n:
                out.add(n.replace(short, full))
    return out


def central_bodies(rules: ruleset.RuleSet | None = None):
    """{name or alias: canonical}, {canonical: parent canonical} of
    rules/central_bodies.tsv (of `rules`, else the rule set in force)."""
    return _central_bodies(rules or ruleset.current())


def table_names(rows) -> dict:
    """{name or alias: canonical} of a table's rows (canonical, then its
    other names joined by |, rules/*.tsv)."""
    names = {}
    for row in rows:
        for n in [row[0], *(a for a in (row[1].split("|") if len(row) > 1 else []) if a)]:
            names[n] = row[0]
    return names


@lru_cache(maxsize=8)
def _central_bodies(rules: ruleset.RuleSet):
    parents = {row[0]: row[2] if len(row) > 2 and row[2] else None for row in rules.central_bodies}
    return table_names(rules.central_bodies), parents
