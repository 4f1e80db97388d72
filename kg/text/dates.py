"""Dates in Chinese news text -> ISO strings (partial allowed: 2021-05).

`2015年11月` -> 2015-11; `今年5月` on a 2021-09-15 page -> 2021-05;
`9月14日` -> 2021-09-14 (the page's year); `近日`, `日前`, `今年以来` -> no date.
"""

import re

from kg.ruleset import load_toml

_ABS = re.compile(r"(\d{4})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?")
_MD = re.compile(r"(?<![\d年])(\d{1,2})月(?:(\d{1,2})日)?")


def _rel():
    return load_toml("relations.toml").get("relative_years", {})


def _spans():
    return load_toml("relations.toml").get("period_words", ["以来"])


def _iso(y, m=None, d=None):
    out = f"{int(y):04d}"
    if m:
        out += f"-{int(m):02d}"
        if d:
            out += f"-{int(d):02d}"
    return out


def find_dates(text: str, pub_date: str | None):
    """Every (start, end, iso) date expression in text, in order."""
    year = int(pub_date[:4]) if pub_date else None
    out = []
    for m in _ABS.finditer(text):
        out.append((m.start(), m.end(), _iso(m.group(1), m.group(2), m.group(3))))
    for word, delta in _rel().items():
        for m in re.finditer(re.escape(word) + r"(?:(\d{1,2})月(?:(\d{1,2})日)?)?", text):
            if text.startswith(tuple(_spans()), m.end()):
                continue   # 今年以来: a stretch of time, not the date of an act
            if year is not None:
                out.append((m.start(), m.end(), _iso(year + delta, m.group(1), m.group(2))))
    for m in _MD.finditer(text):
        if year is not None and not any(s <= m.start() < e for s, e, _ in out):
            out.append((m.start(), m.end(), _iso(year, m.group(1), m.group(2))))
    return sorted(out)


def date_near(text: str, pos: int, pub_date: str | None):
    """The date expression closest before pos (else None)."""
    before = [d for d in find_dates(text, pub_date) if d[1] <= pos]
    return before[-1][2] if before else None
