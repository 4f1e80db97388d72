"""Name folding and body-name variants, shared by linking and export.

`fold` is the comparison form (NFKC, no spaces, quotes or 《》), the same one
the scorer uses. `variants` expands a body name through the abbreviation
table of rules/agencies.toml (市场监管局 <-> 市场监督管理局, 政府 <-> 人民政府).
"""

import re
import unicodedata

from kg.ruleset import load_toml

_DROP = re.compile(r"[\s\u3000“”\"'‘’「」『』《》〈〉]")


def fold(name: str) -> str:
    return _DROP.sub("", unicodedata.normalize("NFKC", name or ""))


def _pairs():
    return sorted(load_toml("agencies.toml").get("abbreviations", {}).items(),
                  key=lambda kv: -len(kv[1]))


def canonical_tail(tail: str) -> str:
    """The comparison form of a body's own name: every short form expanded."""
    out = tail
    for short, full in _pairs():
        if full not in out:
            out = out.replace(short, full)
    return out


def variants(name: str) -> set[str]:
    """The name with each abbreviation applied one way or the other."""
    out = {name}
    for short, full in _pairs():
        for n in list(out):
            if full in n:
                out.add(n.replace(full, short))
            elif short in n:
                out.add(n.replace(short, full))
    return out
