"""Character-level helpers shared by the entity components.

The segmenter cannot be trusted with names, so components scan characters.
`Automaton` wraps pyahocorasick for many literal names at once; `is_cjk`
and `PUNCT` tell which characters may be part of a name.
"""

import re

import ahocorasick

# The CJK Unified Ideographs block, as the body of a regex character class.
CJK = "\u4e00-\u9fff"
PUNCT = set("，。、；：？！“”‘’「」『』（）()《》〈〉【】—…·,.;:?!\"' \n\t\u3000")


def is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class Automaton:
    """Literal multi-pattern matcher: every (start, end, value) of a set of keys."""

    def __init__(self, mapping: dict):
        self._a = ahocorasick.Automaton()
        for key, value in mapping.items():
            if key:
                self._a.add_word(key, (len(key), value))
        self._empty = not mapping
        if not self._empty:
            self._a.make_automaton()

    def iter(self, text: str):
        if self._empty:
            return
        for end_idx, (length, value) in self._a.iter(text):
            yield end_idx + 1 - length, end_idx + 1, value

    def longest(self, text: str):
        """Non-overlapping matches, leftmost-longest first."""
        hits = sorted(self.iter(text), key=lambda h: (h[0], -(h[1] - h[0])))
        out, last = [], 0
        for s, e, v in hits:
            if s >= last:
                out.append((s, e, v))
                last = e
        return out


def longest_first(words) -> tuple:
    """The distinct words, longest first, words of one length in their own
    order: a longer word is tried before its prefix, and the order never
    depends on the iteration order of a set (the interpreter's hash seed)."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so a longer word
    wins over its prefix)."""
    return "|".join(re.escape(w) for w in longest_first(words))


class WordList(tuple):
    """Cue words, longest first, indexed by first and last character.

    `starts(text, k)` / `ends(text, j)` give the longest word beginning at k /
    ending at j, or None. The person finder asks this at almost every
    character, so only the words sharing that character are tried.
    """

    def __new__(cls, words):
        self = super().__new__(cls, longest_first(words))
        self._first, self._last = {}, {}
        for w in self:
            if w:
                self._first.setdefault(w[0], []).append(w)
                self._last.setdefault(w[-1], []).append(w)
        return self

    def starts(self, text: str, k: int):
        if k >= len(text):
            return None
        for w in self._first.get(text[k], ()):
            if text.startswith(w, k):
                return w
        return None

    def ends(self, text: str, j: int):
        if j <= 0:
            return None
        for w in self._last.get(text[j - 1], ()):
            if text.endswith(w, 0, j):
                return w
        return None
