"""Dates in Chinese news text -> ISO strings (partial allowed: 2021-05).

`2015年11月` -> 2015-11; `今年5月` on a 2021-09-15 page -> 2021-05;
`9月14日` -> 2021-09-14 (the page's year); `近日`, `日前`, `今年以来` -> no date.
The patterns and words are rules/relations.toml's (written_date, month_day,
relative_years, period_words).
"""

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

from kg import ruleset
from kg.ruleset import RuleSet


@dataclass(frozen=True)
class _DatePatterns:
    written: re.Pattern
    relative: tuple[tuple[re.Pattern, int], ...]   # (word + optional month/day, years from now)
    month_day: re.Pattern                           # a month and day on its own
    period_words: tuple[str, ...]


@lru_cache(maxsize=8)
def _date_patterns(rules: RuleSet) -> _DatePatterns:
    rel = rules.relations
    relative = tuple((re.compile(f"{re.escape(word)}(?:{rel.month_day})?"), delta)
                     for word, delta in rel.relative_years.items())
    return _DatePatterns(
        written=re.compile(rel.written_date),
        relative=relative,
        month_day=re.compile(f"(?<!{rel.month_day_not_after}){rel.month_day}"),
        period_words=rel.period_words,
    )


def _iso(y, m=None, d=None):
    out = f"{int(y):04d}"
    if m:
        out += f"-{int(m):02d}"
        if d:
            out += f"-{int(d):02d}"
    return out


def find_dates(text: str, pub_date: str | None, rules: RuleSet | None = None):
    """Every (start, end, iso) date expression in text, in order."""
    dp = _date_patterns(rules or ruleset.current())
    year = int(pub_date[:4]) if pub_date else None
    out = []
    for m in dp.written.finditer(text):
        out.append((m.start(), m.end(), _iso(m["year"], m["month"], m["day"])))
    for pattern, delta in dp.relative:
        for m in pattern.finditer(text):
            if text.startswith(dp.period_words, m.end()):
                continue   # 今年以来: a stretch of time, not the date of an act
            if year is not None:
                out.append((m.start(), m.end(), _iso(year + delta, m["month"], m["day"])))
    if year is not None:
        taken = sorted((s, e) for s, e, _ in out)
        starts = [s for s, _ in taken]
        reach = list(accumulate((e for _, e in taken), max))   # the furthest end of any span so far
        for m in dp.month_day.finditer(text):
            i = bisect_right(starts, m.start())
            if not (i and reach[i - 1] > m.start()):     # inside no written or relative date
                out.append((m.start(), m.end(), _iso(year, m["month"], m["day"])))
    return sorted(out)


class DatesBefore:
    """The date expressions of a text, asked for the closest one before a
    position: found once, answered by bisection (a sentence asks once per
    trigger verb, and a long line has thousands)."""

    def __init__(self, text: str, pub_date: str | None, rules: RuleSet | None = None):
        by_end = sorted(find_dates(text, pub_date, rules), key=lambda d: d[1])
        self.ends = [d[1] for d in by_end]
        self.last = list(accumulate(by_end, max))    # the last in text order among those ending so far

    def at(self, pos: int):
        """The date (iso) of the expression closest before `pos`, else None."""
        i = bisect_right(self.ends, pos)
        return self.last[i - 1][2] if i else None


def date_near(text: str, pos: int, pub_date: str | None, rules: RuleSet | None = None):
    """The date expression closest before pos (else None)."""
    return DatesBefore(text, pub_date, rules).at(pos)
