"""Where the clauses of a sentence end (rules/relations.toml clause_ends).

The verb reader asks, for many positions of one sentence, where the clause
holding it ends: the ends are found once per sentence and each question is
a binary search, so a long unpunctuated line costs linear time, not
quadratic.
"""

import re
from bisect import bisect_left
from functools import lru_cache


class ClauseEnds:
    """The clause ends of the sentence text[s:e]."""

    def __init__(self, text: str, s: int, e: int, rules):
        self.s, self.e = s, e
        self.stops = [m.start() for m in _clause_end_re(rules).finditer(text, s, e)]

    def after(self, pos: int) -> int:
        """The first clause end at or after `pos`, else the sentence end
        (`pos` itself when it is at or past the sentence end)."""
        if pos >= self.e:
            return pos
        i = bisect_left(self.stops, pos)
        return self.stops[i] if i < len(self.stops) else self.e

    def start_of(self, pos: int) -> int:
        """Where the clause holding `pos` starts (after the clause end before
        it; the sentence start `s` for the first clause)."""
        i = bisect_left(self.stops, pos)
        return self.stops[i - 1] + 1 if i else self.s


@lru_cache(maxsize=8)
def _clause_end_re(rules) -> re.Pattern:
    return re.compile(f"[{re.escape(rules.relations.clause_ends)}]")
