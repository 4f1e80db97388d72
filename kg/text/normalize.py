"""PDF-copy text -> clean text, with a map back to raw offsets.

A newspaper page copied out of a PDF breaks lines anywhere, puts blank lines
between printed lines, spaces characters out and mixes full- and half-width
forms. Extraction wants one paragraph per line, headlines on lines of their
own, and no stray spaces; evidence must still point back into the file. So
every character of the clean text remembers the raw index it came from
(`Normalized.offsets`), and characters are only ever dropped or folded, never
reordered.

Which lines belong together is decided from the layout alone (see
`_Joiner`): a paragraph runs until sentence-final punctuation; a line that
cannot be the first line of a wrapped paragraph (too short or too wide for the
text column, printed tight against others on a page that leaves blank lines,
or followed by a dateline/byline/end of page before any full stop) is a
headline. Everything the decisions depend on lives in rules/articles.toml.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

from kg.paths import rules_dir

KINDS = ("headline", "body", "dateline", "byline", "editor", "furniture", "credit")


@dataclass(frozen=True)
class Line:
    """One line of the clean text: [start, end) in `Normalized.text`, and
    what the page layout made of it (one of KINDS)."""

    start: int
    end: int
    kind: str


@dataclass
class Normalized:
    """Clean text, the raw text it came from, and the map between them."""

    text: str
    raw: str
    offsets: list[int]
    lines: list[Line] = field(default_factory=list)

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The raw span holding text[start:end]: the same characters, plus at
        most the spaces and line breaks normalisation removed between them."""
        if end <= start:
            pos = self.offsets[min(start, len(self.text))]
            return pos, pos
        return self.offsets[start], self.offsets[end - 1] + 1


# ---------------------------------------------------------------- rules


class Rules:
    """rules/articles.toml, compiled once."""

    def __init__(self, data: dict):
        punct, lay, pat, names = (data["punctuation"], data["layout"],
                                  data["patterns"], data["names"])
        self.final = punct["sentence_final"]
        self.closers = punct["closers"]
        self.clause = punct["clause"]
        self.kicker = punct["kicker"]
        self.layout = lay
        comp = re.compile
        full_stop = f"[{re.escape(self.final)}][{re.escape(self.closers)}]*$"
        self.paragraph_end = [comp(full_stop)] + [comp(p) for p in pat["paragraph_end"]]
        self.dateline = [comp(p) for p in pat["dateline"]]
        self.source_prefix = comp(pat["source_prefix"])
        self.byline = [comp(p) for p in pat["byline"]]
        self.editor = [comp(p) for p in pat["editor"]]
        self.credit_line = comp(pat["credit_line"])
        self.furniture = [comp(p) for p in pat["furniture"]]
        self.furniture_max_width = pat["furniture_max_width"]
        self.trailing_credit = comp(pat["trailing_credit"])
        self.photo_credit = comp(pat["photo_credit"])
        self.signature_date = comp(pat["signature_date"])
        self.addressee = comp(pat["addressee"])
        markers = sorted(names["markers"], key=len, reverse=True)
        self.markers = comp("|".join(map(re.escape, markers)))
        self.name_separators = comp(names["separators"])
        self.name = comp(names["name"])
        self.not_names = set(names["not_names"])

    def ends_paragraph(self, text: str) -> bool:
        """Whether clean text ends a paragraph (full stop, credit, caption)."""
        return any(p.search(text) for p in self.paragraph_end)

    def dateline_match(self, text: str):
        """The dateline opening a clean line, or None."""
        for p in self.dateline:
            m = p.match(text)
            if m:
                return m
        return None


@lru_cache(maxsize=4)
def _rules_at(path: str) -> Rules:
    with open(path, "rb") as fh:
        return Rules(tomllib.load(fh))


def rules() -> Rules:
    """The compiled article rules from the current rules directory."""
    return _rules_at(str(rules_dir() / "articles.toml"))


# ---------------------------------------------------------------- characters

Tok = tuple  # (char, raw index); " " stands for any whitespace


def is_wide(ch: str) -> bool:
    """CJK ideographs, kana, CJK and full-width punctuation, curly quotes,
    dashes: characters next to which a space is never meaningful."""
    return ord(ch) >= 0x2000


def _latin(ch: str) -> bool:
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


def _tokens(content: str, start: int) -> list[Tok]:
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


def spaced_out(toks: list[Tok]) -> bool:
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
    return spaced >= 2 and spaced >= 0.4 * pairs


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


def headline_segments(toks: list[Tok]) -> list[tuple[list[Tok], int | None]]:
    """A headline line cut at its separating spaces, as (clean tokens, raw
    index of the space that ended it); the last segment has None. Printed
    headlines put a space where two headlines or a headline and its deck meet
    on one line; the clean text puts each on a line of its own instead."""
    if spaced_out(toks):
        return [(collapse(toks), None)]
    cuts, last = [], 0
    for i, j in _space_runs(toks):
        left = sum(1 for c, _ in toks[last:i] if c != " ")
        right = sum(1 for c, _ in toks[j:] if c != " ")
        if left >= 2 and right >= 2 and _separates(toks[i - 1][0], toks[j][0]):
            cuts.append((i, j))
            last = j
    segs, pos = [], 0
    for i, j in cuts:
        segs.append((collapse(toks[pos:i]), toks[i][1]))
        pos = j
    segs.append((collapse(toks[pos:]), None))
    return segs


# ---------------------------------------------------------------- raw lines


@dataclass
class _RawLine:
    """A non-blank physical line of the raw text and what we know of it."""

    toks: list[Tok]
    brk: int                     # raw index of the line break after it
    blank_after: bool = False    # a blank line follows before the next line
    clean: list[Tok] = field(default_factory=list)
    text: str = ""               # clean text of the line alone
    spaced: str = ""             # the line with whitespace runs as one space
    width: float = 0.0
    kind: str | None = None      # special kind, "dispatch", or None (plain)


def _physical_lines(raw: str) -> list[_RawLine]:
    """The non-blank lines of raw (CRLF, CR and LF all end a line)."""
    out: list[_RawLine] = []
    pos = 0
    bounds = [(m.start(), m.end()) for m in re.finditer(r"\r\n|\r|\n", raw)]
    bounds.append((len(raw), len(raw)))
    for brk, nxt in bounds:
        toks = _tokens(raw[pos:brk], pos)
        if toks:
            out.append(_RawLine(toks, brk))
        elif out:
            out[-1].blank_after = True
        pos = nxt
    return out


def _describe(line: _RawLine, R: Rules) -> None:
    """Fill in the clean text, width and special kind of a raw line."""
    line.clean = collapse(line.toks)
    line.text = "".join(c for c, _ in line.clean)
    line.spaced = re.sub(r" +", " ", "".join(c for c, _ in line.toks))
    line.width = width(line.text)
    line.kind = special_kind(line.text, line.spaced, R)


def special_kind(text: str, spaced: str, R: Rules) -> str | None:
    """What a line is when it is not plain text: editor, byline, credit,
    dateline (alone on its line), dispatch (text opening with a dateline or
    a source tag), furniture; None for plain text."""
    short = width(text) <= R.furniture_max_width
    if short and any(p.search(spaced) for p in R.editor):
        return "editor"
    if short and any(p.search(spaced) for p in R.byline):
        return "byline"
    if short and R.credit_line.search(spaced):
        return "credit"
    m = R.dateline_match(text)
    if m:
        return "dateline" if m.end() == len(text) else "dispatch"
    if short and any(p.search(spaced) for p in R.furniture):
        return "furniture"
    if R.source_prefix.match(text):
        return "dispatch"
    return None


# ---------------------------------------------------------------- joining


@dataclass
class _Para:
    kind: str
    toks: list[Tok]
    brk: int  # raw index the line break after this paragraph maps to


class _Joiner:
    """Decides, line by line, where paragraphs and headlines begin and end."""

    def __init__(self, lines: list[_RawLine], R: Rules):
        self.lines, self.R, self.L = lines, R, R.layout
        self.content = [i for i, ln in enumerate(lines)
                        if ln.kind in (None, "dispatch")]
        self.full = [i for i in self.content
                     if not R.ends_paragraph(lines[i].text)]
        self.blank_separated = self._blank_separated()
        self.wrapped = self._wrapped()

        self.forced: set[int] = set()

    def force_repeated_headlines(self, paras: list[_Para]) -> bool:
        """Mark as headlines the plain lines that repeat a headline found on
        the page (web pages repeat their title's parts as section heads,
        which may be as wide as the text column). True if any was marked."""
        heads = {"".join(c for c, _ in p.toks) for p in paras if p.kind == "headline"}
        new = {i for i, ln in enumerate(self.lines)
               if ln.kind is None and ln.text in heads
               and i not in self.headline_lines and i not in self.forced}
        self.forced |= new
        return bool(new)

    # -- page-level facts

    def _blank_separated(self) -> bool:
        """Most lines are followed by a blank line (the seed's PDF copy)."""
        if len(self.lines) < 3:
            return False
        share = sum(ln.blank_after for ln in self.lines[:-1]) / (len(self.lines) - 1)
        return share >= self.L["blank_separated_ratio"]

    def _wrapped(self) -> bool:
        """Lines are printed lines, not one paragraph each: most of them do
        not end a paragraph."""
        votes = [self.R.ends_paragraph(self.lines[i].text) for i in self.content
                 if self.lines[i].width >= self.L["min_vote_width"]]
        if not votes:
            return False
        return votes.count(False) / len(votes) > self.L["wrapped_ratio"]

    def _neighbour_widths(self, i: int) -> list[float]:
        """Widths of the full printed lines around line i (not i itself):
        plain lines that run on, so they show the width of the text column
        (a paragraph's last line is shorter and says nothing about it)."""
        w = self.L["window"]
        full = self.full
        k = next((n for n, j in enumerate(full) if j >= i), len(full))
        near = full[max(0, k - w):k] + [j for j in full[k:k + w + 1] if j != i]
        return [self.lines[j].width for j in near]

    @staticmethod
    def _p75(values: list[float]) -> float:
        vals = sorted(values)
        return vals[int(0.75 * (len(vals) - 1) + 0.5)]

    # -- the walk

    def paragraphs(self) -> list[_Para]:
        """The page as paragraphs and headline lines, in order."""
        self.headline_lines: set[int] = set()
        out: list[_Para] = []
        i, n = 0, len(self.lines)
        while i < n:
            ln = self.lines[i]
            if ln.kind not in (None, "dispatch"):
                out.append(_Para(ln.kind, ln.clean, ln.brk))
                i += 1
                continue
            if ln.kind is None and not self.R.ends_paragraph(ln.text):
                group = self._headline_group(i)
                while group and not self.lines[group[-1]].blank_after:
                    more = self._next_headline(group[-1] + 1)
                    if not more:
                        break
                    group += more
                if group:
                    self.headline_lines.update(group)
                    out.extend(self._headline_paras(group))
                    i = group[-1] + 1
                    continue
            j = self._paragraph_end(i)
            out.append(self._body_para(i, j))
            i = j + 1
        return out

    def _headline_group(self, i: int) -> list[int]:
        """The lines of the headline starting at line i, or [] if line i
        starts a body paragraph."""
        ln = self.lines[i]
        if ln.width > self.L["max_headline_width"]:
            return []
        if self.R.addressee.match(ln.text):
            return []   # 各州、市人民政府：: a notice's addressees open its body
        if i in self.forced:
            return [i]
        tight = self._tight_group(i)
        if tight:
            return tight
        if not self.wrapped:
            # one paragraph per line: only a clause left open runs on
            return [] if ln.text.endswith(tuple(self.R.clause)) else [i]
        nb = self._neighbour_widths(i)
        column = self._p75(nb) if nb else None
        if column and ln.width > column * self.L["long_line_ratio"]:
            return [i]
        if column and ln.width < column * self.L["short_line_ratio"]:
            return [i]
        return [i] if self._no_full_stop_ahead(i) else []

    def _next_headline(self, k: int) -> list[int]:
        """The headline starting at line k, if line k is printed right under
        a headline (no blank line between): it may continue that headline."""
        if k >= len(self.lines):
            return []
        ln = self.lines[k]
        if ln.kind is not None or self.R.ends_paragraph(ln.text):
            return []
        return self._headline_group(k)

    def _tight_group(self, i: int) -> list[int]:
        """On a page that leaves blank lines between printed lines, lines
        printed tight together at a paragraph start are a headline (a
        wrapped subhead, or a headline over its byline)."""
        if not self.blank_separated or self.lines[i].blank_after:
            return []
        group, j = [i], i
        while (j + 1 < len(self.lines) and not self.lines[j].blank_after
               and self.lines[j + 1].kind is None
               and not self.R.ends_paragraph(self.lines[j + 1].text)):
            j += 1
            group.append(j)
        nxt = self.lines[j + 1] if j + 1 < len(self.lines) else None
        if nxt is not None and not self.lines[j].blank_after and nxt.kind in ("byline", "credit"):
            return group
        if len(group) < 2:
            return []
        nb = self._neighbour_widths(i) or [self.lines[i].width]
        limit = self._p75(nb) * self.L["tight_headline_ratio"]
        return group if all(self.lines[g].width <= limit for g in group) else []

    def _no_full_stop_ahead(self, i: int, limit: int = 40) -> bool:
        """Reading on from line i, a dateline, byline, editor line or the end
        of the page comes before any sentence ends: no paragraph can start
        at i, so it is a headline."""
        acc = self.lines[i].text
        for k in range(i + 1, min(len(self.lines), i + limit)):
            if self.lines[k].kind is not None:
                return True
            acc += self.lines[k].text
            if self.R.ends_paragraph(acc):
                return False
        return i + limit >= len(self.lines)

    def _paragraph_end(self, i: int) -> int:
        """The last line of the body paragraph starting at line i."""
        acc, j = self.lines[i].text, i
        while not self.R.ends_paragraph(acc) and j + 1 < len(self.lines):
            nxt = self.lines[j + 1]
            if nxt.kind is not None:
                break
            if not self.wrapped and not acc.endswith(tuple(self.R.clause)):
                break
            j += 1
            acc += nxt.text
        return j

    def _body_para(self, i: int, j: int) -> _Para:
        toks: list[Tok] = []
        for k in range(i, j + 1):
            _append_joined(toks, self.lines[k].clean, self.lines[k - 1].brk)
        return _Para("body", toks, self.lines[j].brk)

    def _headline_paras(self, group: list[int]) -> list[_Para]:
        """A headline group as clean lines: wrapped parts joined, separate
        headlines (and phrases set apart by a space) on lines of their own."""
        out = []
        for part in self._join_wrapped(group):
            toks: list[Tok] = []
            for k in part:
                _append_joined(toks, self.lines[k].toks, self.lines[k - 1].brk)
            segs = headline_segments(toks)
            for n, (seg, brk) in enumerate(segs):
                end = brk if brk is not None else self.lines[part[-1]].brk
                out.append(_Para("headline", seg, end))
        return out

    def _join_wrapped(self, group: list[int]) -> list[list[int]]:
        """Split a group of headline lines printed without blank lines
        between them into headlines: a line runs on into the next when it
        ends mid-clause, when the next is an orphan like "问题", or when the
        next opens with a number carried over ("2500余个，…")."""
        parts = [[group[0]]]
        for prev, nxt in zip(group, group[1:]):
            a, b = self.lines[prev], self.lines[nxt]
            run_on = (a.text.endswith(tuple(self.R.clause))
                      or b.width <= self.L["orphan_max"]
                      or b.text[:1].isdigit())
            if run_on:
                parts[-1].append(nxt)
            else:
                parts.append([nxt])
        return parts


def _append_joined(toks: list[Tok], more: list[Tok], brk: int) -> None:
    """Append a wrapped line's tokens; between two Latin letters the line
    break becomes a space (mapped to the break), as words wrap at spaces;
    digits wrapped mid-number join up."""
    if toks and more and _latin(toks[-1][0]) and _latin(more[0][0]):
        toks.append((" ", brk))
    toks.extend(more)


# ---------------------------------------------------------------- entry point


def normalize(raw: str) -> Normalized:
    """Clean the raw text of a page (see the module docstring)."""
    R = rules()
    lines = _physical_lines(raw)
    for ln in lines:
        _describe(ln, R)
    if not lines:
        return _emit(raw, [])
    joiner = _Joiner(lines, R)
    paras = joiner.paragraphs()
    if joiner.force_repeated_headlines(paras):
        paras = joiner.paragraphs()
    return _emit(raw, paras)


def _emit(raw: str, paras: list[_Para]) -> Normalized:
    """Paragraphs -> text with one "\\n" between them, and the offset map."""
    chars: list[str] = []
    offs: list[int] = []
    out_lines: list[Line] = []
    prev_brk = 0
    for p in paras:
        if not p.toks:
            continue
        if chars:
            chars.append("\n")
            offs.append(prev_brk)
        prev_brk = p.brk
        start = len(chars)
        for ch, idx in p.toks:
            chars.append(ch)
            offs.append(idx)
        out_lines.append(Line(start, len(chars), p.kind))
    offs.append(len(raw))
    return Normalized("".join(chars), raw, offs, out_lines)


def classify_text_line(text: str) -> str:
    """The kind of an already clean line, for Normalized objects built without
    line kinds: special kinds by pattern, else body if it ends a sentence or
    is too wide for a headline, else headline."""
    R = rules()
    kind = special_kind(text, text, R)
    if kind == "dispatch":
        return "body"
    if kind:
        return kind
    if R.ends_paragraph(text) or width(text) > R.layout["max_headline_width"]:
        return "body"
    return "headline"
