"""Described raw lines -> paragraphs and headline lines, decided from the layout.

A paragraph runs until sentence-final punctuation; a line that cannot be the
first line of a wrapped paragraph (too short or too wide for the text
column, printed tight against others on a page that leaves blank lines, or
followed by a dateline/byline/end of page before any full stop) is a
headline. Every threshold is in rules/articles.toml [layout].
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.ruleset import RuleSet
from kg.text.fold import Tok, headline_segments, is_latin
from kg.text.lines import RawLine
from kg.text.patterns import article_patterns


@dataclass
class Para:
    """One line of the clean text to be: its kind and tokens."""

    kind: str
    toks: list[Tok]
    brk: int  # raw index the line break after this paragraph maps to


class Joiner:
    """Decides, line by line, where paragraphs and headlines begin and end."""

    def __init__(self, lines: list[RawLine], rules: RuleSet):
        self.lines = lines
        self.patterns = article_patterns(rules)
        self.layout = rules.articles.layout
        self.clause = tuple(rules.articles.punctuation.clause)
        self.content = [i for i, ln in enumerate(lines)
                        if ln.kind in (None, "dispatch")]
        self.full = [i for i in self.content
                     if not self.patterns.ends_paragraph(lines[i].text)]
        self.full_before = _count_before(self.full, len(lines))
        self.blank_separated = self._blank_separated()
        self.wrapped = self._wrapped()
        self.forced: set[int] = set()
        self.headline_lines: set[int] = set()

    def force_repeated_headlines(self, paras: list[Para]) -> bool:
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
        return share >= self.layout.blank_separated_ratio

    def _wrapped(self) -> bool:
        """Lines are printed lines, not one paragraph each: most of them do
        not end a paragraph."""
        votes = [self.patterns.ends_paragraph(self.lines[i].text) for i in self.content
                 if self.lines[i].width >= self.layout.min_vote_width]
        if not votes:
            return False
        return votes.count(False) / len(votes) > self.layout.wrapped_ratio

    def _neighbour_widths(self, i: int) -> list[float]:
        """Widths of the full printed lines around line i (not i itself):
        plain lines that run on, so they show the width of the text column
        (a paragraph's last line is shorter and says nothing about it)."""
        w = self.layout.window
        full = self.full
        k = self.full_before[i]   # full[k] is the first full line at or after i
        near = full[max(0, k - w):k] + [j for j in full[k:k + w + 1] if j != i]
        return [self.lines[j].width for j in near]

    def _column(self, widths: list[float]) -> float:
        """The usual width of the text column, from neighbours' widths."""
        vals = sorted(widths)
        return vals[int(self.layout.column_percentile * (len(vals) - 1) + 0.5)]

    # -- the walk

    def paragraphs(self) -> list[Para]:
        """The page as paragraphs and headline lines, in order."""
        self.headline_lines = set()
        out: list[Para] = []
        i, n = 0, len(self.lines)
        while i < n:
            ln = self.lines[i]
            if ln.kind not in (None, "dispatch"):
                out.append(Para(ln.kind, ln.clean, ln.brk))
                i += 1
                continue
            if ln.kind is None and not self.patterns.ends_paragraph(ln.text):
                group = self._headline_run(i)
                if group:
                    self.headline_lines.update(group)
                    out.extend(self._headline_paras(group))
                    i = group[-1] + 1
                    continue
            j = self._paragraph_end(i)
            out.append(self._body_para(i, j))
            i = j + 1
        return out

    def _headline_run(self, i: int) -> list[int]:
        """The lines of the headline starting at line i together with the
        headlines printed right under it, or [] if line i starts a body."""
        group = self._headline_group(i)
        while group and not self.lines[group[-1]].blank_after:
            more = self._next_headline(group[-1] + 1)
            if not more:
                break
            group += more
        return group

    def _headline_group(self, i: int) -> list[int]:
        """The lines of the headline starting at line i, or [] if line i
        starts a body paragraph."""
        ln = self.lines[i]
        if ln.width > self.layout.max_headline_width:
            return []
        if self.patterns.addressee.match(ln.text):
            return []   # 各州、市人民政府：: a notice's addressees open its body
        if i in self.forced:
            return [i]
        tight = self._tight_group(i)
        if tight:
            return tight
        if not self.wrapped:
            # one paragraph per line: only a clause left open runs on
            return [] if ln.text.endswith(self.clause) else [i]
        nb = self._neighbour_widths(i)
        column = self._column(nb) if nb else None
        if column and ln.width > column * self.layout.long_line_ratio:
            return [i]
        if column and ln.width < column * self.layout.short_line_ratio:
            return [i]
        return [i] if self._no_full_stop_ahead(i) else []

    def _next_headline(self, k: int) -> list[int]:
        """The headline starting at line k, if line k is printed right under
        a headline (no blank line between): it may continue that headline."""
        if k >= len(self.lines):
            return []
        ln = self.lines[k]
        if ln.kind is not None or self.patterns.ends_paragraph(ln.text):
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
               and not self.patterns.ends_paragraph(self.lines[j + 1].text)):
            j += 1
            group.append(j)
        nxt = self.lines[j + 1] if j + 1 < len(self.lines) else None
        if nxt is not None and not self.lines[j].blank_after and nxt.kind in ("byline", "credit"):
            return group
        if len(group) < 2:
            return []
        nb = self._neighbour_widths(i) or [self.lines[i].width]
        limit = self._column(nb) * self.layout.tight_headline_ratio
        return group if all(self.lines[g].width <= limit for g in group) else []

    def _no_full_stop_ahead(self, i: int) -> bool:
        """Reading on from line i, a dateline, byline, editor line or the end
        of the page comes before any sentence ends: no paragraph can start
        at i, so it is a headline."""
        acc, limit = self.lines[i].text, self.layout.headline_lookahead
        for k in range(i + 1, min(len(self.lines), i + limit)):
            if self.lines[k].kind is not None:
                return True
            acc += self.lines[k].text
            if self.patterns.ends_paragraph(acc):
                return False
        return i + limit >= len(self.lines)

    def _paragraph_end(self, i: int) -> int:
        """The last line of the body paragraph starting at line i. Only the
        joined lines' last layout.paragraph_end_reach characters are kept
        and searched (one more, before them, only as what a look-behind
        sees; `^` matches only where the paragraph starts)."""
        reach = self.layout.paragraph_end_reach
        acc, j, cut = self.lines[i].text, i, False
        while not self.patterns.ends_paragraph(acc, 1 if cut else 0) and j + 1 < len(self.lines):
            nxt = self.lines[j + 1]
            if nxt.kind is not None:
                break
            if not self.wrapped and not acc.endswith(self.clause):
                break
            j += 1
            acc += nxt.text
            if len(acc) > reach + 1:
                acc, cut = acc[-(reach + 1):], True
        return j

    def _body_para(self, i: int, j: int) -> Para:
        toks: list[Tok] = []
        for k in range(i, j + 1):
            _append_joined(toks, self.lines[k].clean, self.lines[k - 1].brk)
        return Para("body", toks, self.lines[j].brk)

    def _headline_paras(self, group: list[int]) -> list[Para]:
        """A headline group as clean lines: wrapped parts joined, separate
        headlines (and phrases set apart by a space) on lines of their own."""
        out = []
        for part in self._join_wrapped(group):
            toks: list[Tok] = []
            for k in part:
                _append_joined(toks, self.lines[k].toks, self.lines[k - 1].brk)
            for seg, brk in headline_segments(toks, self.layout):
                end = brk if brk is not None else self.lines[part[-1]].brk
                out.append(Para("headline", seg, end))
        return out

    def _join_wrapped(self, group: list[int]) -> list[list[int]]:
        """Split a group of headline lines printed without blank lines
        between them into headlines: a line runs on into the next when it
        ends mid-clause, when the next is an orphan like "问题", or when the
        next opens with a number carried over ("2500余个，…")."""
        parts = [[group[0]]]
        for prev, nxt in zip(group, group[1:]):
            a, b = self.lines[prev], self.lines[nxt]
            run_on = (a.text.endswith(self.clause)
                      or b.width <= self.layout.orphan_max
                      or b.text[:1].isdigit())
            if run_on:
                parts[-1].append(nxt)
            else:
                parts.append([nxt])
        return parts


def _count_before(indexes: list[int], n: int) -> list[int]:
    """For each line index i < n, how many of the (sorted) `indexes` are
    below i: one pass, so finding a line's neighbours costs no scan."""
    out, c = [], 0
    for i in range(n):
        out.append(c)
        if c < len(indexes) and indexes[c] == i:
            c += 1
    return out


def _append_joined(toks: list[Tok], more: list[Tok], brk: int) -> None:
    """Append a wrapped line's tokens; between two Latin letters the line
    break becomes a space (mapped to the break), as words wrap at spaces;
    digits wrapped mid-number join up."""
    if toks and more and is_latin(toks[-1][0]) and is_latin(more[0][0]):
        toks.append((" ", brk))
    toks.extend(more)
