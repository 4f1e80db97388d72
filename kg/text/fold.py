"""A raw line's characters -> clean tokens, each with the raw index it came from.

Letters and digits are NFKC-folded (１２３ -> 123), whitespace and invisible
format characters become one kind of space, and a space is kept only where
it means something: between two half-width words (Hello World), or, in a
headline, where two headlines printed on one line meet. Characters are only
dropped or folded, never reordered, so the clean text maps back to the raw.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from kg.ruleset.schema import ArticlesLayout

Tok = tuple  # (char, raw index); " " stands for any whitespace


def is_wide(ch: str) -> bool:
    """CJK ideographs, kana, CJK and full-width punctuation, curly quotes,
    dashes: characters next to which a space is never meaningful."""
    return ord(ch) >= 0x2000


def is_latin(ch: str) -> bool:
    """A half-width letter (words of Latin script wrap at spaces)."""
    return ch.isalpha() and not is_wide(ch) and ord(ch) < 0x1100


def width(text: str) -> float:
    """Printed width in CJK cells: half-width characters count one half."""
    return sum(1.0 if ord(c) >= 0x1100 else 0.5 for c in text)


def _fold(ch: str) -> str:
    """NFKC for letters and digits only (１２３ -> 123, ＡＢＣ -> ABC): NFKC on
    punctuation would turn ，（） into ,() and … into ..., which we keep."""
    cat = unicodedata.category(ch)
    if cat[0] == "L" or cat == "Nd":
        return unicodedata.normalize("NFKC", ch)
    return ch


@lru_cache(maxsize=None)
def _char_out(ch: str) -> tuple:
    """What one raw character becomes in a line: (" ",) for whitespace and
    invisible format characters, else its folded characters (memoised: a
    page repeats a few thousand distinct characters)."""
    if ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc", "Zs"):
        return (" ",)
    return tuple(" " if out.isspace() else out for out in _fold(ch))


def tokens(content: str, start: int) -> list[Tok]:
    """The characters of one raw line with their raw indexes: whitespace and
    invisible format characters as " ", letters/digits NFKC-folded, leading
    indentation and trailing blanks dropped."""
    toks: list[Tok] = []
    append = toks.append
    for k, ch in enumerate(content, start):
        outs = _char_out(ch)
        if len(outs) == 1:
            append((outs[0], k))
        else:
            for out in outs:
                append((out, k))
    i, j = 0, len(toks)
    while i < j and toks[i][0] == " ":
        i += 1
    while j > i and toks[j - 1][0] == " ":
        j -= 1
    return toks[i:j]


def _space_runs(toks: list[Tok]):
    """(i, j) index ranges of the runs of spaces inside a stripped line."""
    i, n = 0, len(toks)
    while i < n:
        if toks[i][0] == " ":
            j = i
            while j < n and toks[j][0] == " ":
                j += 1
            yield i, j
            i = j
        else:
            i += 1


def collapse(toks: list[Tok]) -> list[Tok]:
    """Drop every space touching a CJK character or CJK punctuation (知 情 权,
    9 月, 2500 余个); keep one space between two half-width characters
    (Hello World, CD 2021)."""
    out: list[Tok] = []
    i, n = 0, len(toks)
    while i < n:
        if toks[i][0] != " ":
            out.append(toks[i])
            i += 1
            continue
        j = i
        while j < n and toks[j][0] == " ":
            j += 1
        if out and j < n and not is_wide(out[-1][0]) and not is_wide(toks[j][0]):
            out.append(toks[i])
        i = j
    return out


def spaced_out(toks: list[Tok], layout: ArticlesLayout) -> bool:
    """Whether a line has its characters spaced out (知 情 权 等) rather than
    a few spaces separating phrases (选聘信息员 织密监督网)."""
    pairs = spaced = 0
    prev, gap = None, False
    for ch, _ in toks:
        if ch == " ":
            gap = True
            continue
        if prev is not None and (is_wide(prev) or is_wide(ch)):
            pairs += 1
            spaced += gap
        prev, gap = ch, False
    return spaced >= layout.spaced_out_min_gaps and spaced >= layout.spaced_out_share * pairs


def _separates(a: str, b: str) -> bool:
    """Whether a space between a and b, in a headline, separates two
    headlines (or headline parts) rather than a number from its unit."""
    if is_wide(a) and is_wide(b):
        return True
    if is_wide(a):
        return not b.isalnum()
    if is_wide(b):
        return not a.isalnum()
    return False


def headline_segments(toks: list[Tok], layout: ArticlesLayout) -> list[tuple[list[Tok], int | None]]:
    """A headline line cut at its separating spaces, as (clean tokens, raw
    index of the space that ended it); the last segment has None. Printed
    headlines put a space where two headlines or a headline and its deck meet
    on one line; the clean text puts each on a line of its own instead."""
    if spaced_out(toks, layout):
        return [(collapse(toks), None)]
    cuts, last, least = [], 0, layout.min_headline_part
    for i, j in _space_runs(toks):
        left = sum(1 for c, _ in toks[last:i] if c != " ")
        right = sum(1 for c, _ in toks[j:] if c != " ")
        if left >= least and right >= least and _separates(toks[i - 1][0], toks[j][0]):
            cuts.append((i, j))
            last = j
    segs, pos = [], 0
    for i, j in cuts:
        segs.append((collapse(toks[pos:i]), toks[i][1]))
        pos = j
    segs.append((collapse(toks[pos:]), None))
    return segs
