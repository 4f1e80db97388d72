"""A normalised page -> its articles: headlines, dateline, byline, editor line.

A page printed from a newspaper PDF holds several articles, each with its
headline printed before or after its body; a web page holds one article
under its headline. We decide the layout once per page (is the last thing on
the page a headline, or does the page open with body text? then headlines
follow their bodies), then walk the lines the normaliser classified:

- a dateline (`本报某地9月14日电（记者张三）`) or a source tag
  (`央视网消息：`) opens the body of a new article;
- a headline block closes or opens an article only when a dateline, byline,
  furniture or the end of the page is next to it; otherwise it is a subhead
  inside the current article;
- bylines, photo credits, the dateline's parentheses and a trailing `(name)`
  give the creators; the page's editor line gives `editors`.
"""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from kg.text.normalize import Line, Normalized, Rules, classify_text_line, rules

_CONTENT = ("headline", "body", "dateline")
_FILENAME_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


@dataclass
class Article:
    """One article of a page; offsets index the normalised text."""

    id: str
    title: str
    date: str | None
    place: str | None
    creators: list[str]
    start: int
    end: int
    body_start: int
    body_end: int
    editors: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """The spec §5 form of an article."""
        return {"id": self.id, "title": self.title, "date": self.date,
                "place": self.place, "creators": list(self.creators),
                "start": self.start, "end": self.end}


@dataclass
class Page:
    """The articles of a page, in page order, and the page's editors."""

    articles: list[Article]
    editors: list[str]


def date_from_filename(path) -> str | None:
    """A valid YYYY-MM-DD anywhere in the file's name, as an ISO date."""
    for m in _FILENAME_DATE.finditer(Path(str(path)).name):
        try:
            return _dt.date(*map(int, m.groups())).isoformat()
        except ValueError:
            continue
    return None


def split_articles(norm: Normalized, date=None) -> Page:
    """The articles of a normalised page. `date` is the publication date
    (ISO string or datetime.date); datelines give only the dispatch day, so
    without it an article's date is None."""
    R = rules()
    lines = _unsign(norm, norm.lines or _lines_from_text(norm.text), R)
    editors = _page_editors(norm, lines, R)
    after = _headlines_follow_bodies(lines)
    drafts = _walk_after(norm, lines, R) if after else _walk_before(norm, lines, R)
    iso = _iso(date)
    articles = [d.build(f"a{k}", norm, R, iso, editors)
                for k, d in enumerate((d for d in drafts if d.headlines or d.body), 1)]
    return Page(articles, editors)


# ---------------------------------------------------------------- helpers


def _unsign(norm: Normalized, lines: list[Line], R: Rules) -> list[Line]:
    """A notice ends on its issuer's name over the date (云南省人民政府 /
    2024年10月30日): a short line the layout reads as a headline. On a page
    that opens with a headline, such a last headline over a date-only last line
    is the signature, body of the notice, not the headline of an article."""
    content = [k for k, ln in enumerate(lines) if ln.kind in _CONTENT]
    if len(content) < 3 or lines[content[0]].kind != "headline":
        return lines
    k = content[-1]
    rest = [ln for ln in lines[k + 1:] if _text(norm, ln).strip()]
    if lines[k].kind != "headline" or len(rest) != 1 or not R.signature_date.fullmatch(
            _text(norm, rest[0]).strip()):
        return lines
    out = list(lines)
    out[k] = Line(lines[k].start, lines[k].end, "body")
    return out


def _iso(date) -> str | None:
    """The publication date as ISO text, or None."""
    if date is None or date == "":
        return None
    if isinstance(date, (_dt.date, _dt.datetime)):
        return date.isoformat()[:10]
    return str(date)


def _lines_from_text(text: str) -> list[Line]:
    """Line kinds for a Normalized built without them (classified from text)."""
    out, pos = [], 0
    for part in text.split("\n") if text else []:
        if part:
            out.append(Line(pos, pos + len(part), classify_text_line(part)))
        pos += len(part) + 1
    return out


def _text(norm: Normalized, ln: Line) -> str:
    return norm.text[ln.start:ln.end]


def _dispatch(norm: Normalized, ln: Line, R: Rules):
    """(place, credit span, end of the prefix) when the line opens a dispatch
    with a dateline or source tag, else None."""
    if ln.kind not in ("body", "dateline", "furniture"):
        return None
    text = _text(norm, ln)
    m = R.dateline_match(text)
    if m:
        credit = None
        if m.groupdict().get("credit"):
            credit = (ln.start + m.start("credit"), ln.start + m.end("credit"))
        return m.groupdict().get("place"), credit, ln.start + m.end()
    m = R.source_prefix.match(text)
    if m:
        return None, None, ln.start + m.end()
    return None


def _headlines_follow_bodies(lines: list[Line]) -> bool:
    """Page layout: headlines printed after their bodies when the page ends
    on a headline or opens with body text."""
    content = [ln for ln in lines if ln.kind in _CONTENT]
    if not content:
        return False
    return content[-1].kind == "headline" or content[0].kind != "headline"


def names_in(norm: Normalized, start: int, end: int, R: Rules) -> list[str]:
    """The person names in text[start:end]: cut at credit words (记者, 摄),
    then split the raw text, where the spaces between names survive."""
    seg = norm.text[start:end]
    names, pos = [], 0
    cuts = [(m.start(), m.end()) for m in R.markers.finditer(seg)] + [(len(seg), len(seg))]
    for a, b in cuts:
        if a > pos:
            names.extend(_split_names(norm, start + pos, start + a, R))
        pos = b
    return names


def _split_names(norm: Normalized, start: int, end: int, R: Rules) -> list[str]:
    rs, re_ = norm.raw_span(start, end)
    # a line break inside a name is wrapping, not a separator
    raw = re.sub(r"\s*[\r\n]\s*", "", norm.raw[rs:re_].strip())
    parts: list[str] = []
    for p in R.name_separators.split(raw):
        # no name has one character: 张 天 培 is a spaced-out name
        if parts and p and (len(parts[-1]) == 1 or len(p) == 1):
            parts[-1] += p
        elif p:
            parts.append(p)
    out = []
    for p in parts:
        p = unicodedata.normalize("NFKC", p).strip("（）()[]【】：:")
        if R.name.match(p) and p not in R.not_names:
            out.append(p)
    return out


def _page_editors(norm: Normalized, lines: list[Line], R: Rules) -> list[str]:
    """Names on the page's editor line(s), after their colon."""
    eds: list[str] = []
    for ln in lines:
        if ln.kind != "editor":
            continue
        text = _text(norm, ln)
        m = re.search(r"[：:]", text)
        start = ln.start + (m.end() if m else 0)
        for name in names_in(norm, start, ln.end, R):
            if name not in eds:
                eds.append(name)
    return eds


# ---------------------------------------------------------------- drafts


@dataclass
class _Draft:
    """An article being collected line by line."""

    headlines: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    extra: list[Line] = field(default_factory=list)   # subheads, bylines, credits
    title_done: bool = False

    def build(self, aid, norm, R, date, editors) -> Article:
        spans = self.headlines + self.body + self.extra
        start = min(ln.start for ln in spans)
        end = max(ln.end for ln in spans)
        place, body_start = self._dispatch_facts(norm, R)
        body_end = max((ln.end for ln in self.body), default=end)
        if body_start is None or body_start > body_end:
            body_start = body_end
        return Article(aid, self._title(norm, R), date, place,
                       self._creators(norm, R), start, end, body_start, body_end,
                       list(editors))

    def _title(self, norm, R) -> str:
        """Headline lines joined by one space; a line that reads like a
        sentence (holds a comma) is a kicker or deck and goes after."""
        texts = [_text(norm, ln) for ln in self.headlines]
        texts.sort(key=lambda t: any(c in t for c in R.kicker))
        return " ".join(texts)

    def _dispatch_facts(self, norm, R):
        """(place, body start): the dateline's city, and where the body text
        begins once a dateline or source tag is skipped."""
        if not self.body:
            return None, None
        first = self.body[0]
        d = _dispatch(norm, first, R)
        if d is None:
            return None, first.start
        place, _, prefix_end = d
        if prefix_end >= first.end and len(self.body) > 1:
            return place, self.body[1].start
        return place, prefix_end

    def _creators(self, norm, R) -> list[str]:
        """Reporters and photographers: bylines and credit lines, the
        dateline's parentheses, photo credits closing a paragraph, and a
        trailing (name) after the last sentence."""
        found: list[str] = []
        for ln in sorted(self.extra, key=lambda ln: ln.start):
            if ln.kind in ("byline", "credit"):
                found += names_in(norm, ln.start, ln.end, R)
        for ln in self.body:
            d = _dispatch(norm, ln, R)
            if d and d[1]:
                found += names_in(norm, *d[1], R)
            m = R.photo_credit.search(_text(norm, ln))
            if m:
                found += names_in(norm, ln.start + m.start("names"), ln.start + m.end("names"), R)
        if self.body:
            last = self.body[-1]
            m = R.trailing_credit.search(_text(norm, last))
            if m:
                found += names_in(norm, last.start + m.start("names"), last.start + m.end("names"), R)
        return list(dict.fromkeys(found))


def _headline_block(lines: list[Line], i: int) -> int:
    """Index of the last line of the run of headline lines starting at i."""
    j = i
    while j + 1 < len(lines) and lines[j + 1].kind == "headline":
        j += 1
    return j


def _opens_article(norm, lines, R, k: int) -> bool:
    """Whether line k opens a new article's text (dateline, source tag)."""
    return _dispatch(norm, lines[k], R) is not None


def _headline_is_boundary(norm, lines, R, j: int) -> bool:
    """A headline block ending at line j belongs to an article boundary when
    a byline, credit or furniture follows it, or (editor lines skipped) the
    end of the page, another headline or a dateline."""
    k = j + 1
    if k < len(lines) and lines[k].kind in ("byline", "credit", "furniture"):
        return True
    while k < len(lines) and lines[k].kind == "editor":
        k += 1
    return k >= len(lines) or lines[k].kind == "headline" or _opens_article(norm, lines, R, k)


def _index(lines: list[Line], ln: Line) -> int:
    return next(k for k, x in enumerate(lines) if x is ln)


def _walk_after(norm, lines, R) -> list[_Draft]:
    """Headlines follow their bodies: a boundary headline block closes the
    article whose body came before it."""
    drafts, cur, i = [], _Draft(), 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "headline":
            j = _headline_block(lines, i)
            block = lines[i:j + 1]
            # A dispatch (本报昆明…电) is a short item: on a page whose headlines
            # follow their bodies, the first headline after it is its own,
            # even when the next article's body (no dateline) comes right after.
            dispatch = bool(cur.body) and not cur.extra and _opens_article(norm, lines, R, _index(lines, cur.body[0]))
            if _headline_is_boundary(norm, lines, R, j) or (dispatch and not cur.title_done):
                cur.headlines += block
                cur.title_done = True
            else:
                if cur.title_done:
                    drafts.append(cur)
                    cur = _Draft()
                cur.extra += block
            i = j + 1
            continue
        if ln.kind in ("byline", "credit"):
            cur.extra.append(ln)
        elif ln.kind in ("body", "dateline"):
            if cur.title_done or (cur.body and _opens_article(norm, lines, R, i)):
                drafts.append(cur)
                cur = _Draft()
            cur.body.append(ln)
        i += 1
    drafts.append(cur)
    return drafts


def _walk_before(norm, lines, R) -> list[_Draft]:
    """Headlines precede their bodies: a headline block opens an article at
    the top, or when a dateline, byline or furniture follows it; elsewhere it
    is a subhead."""
    drafts, cur, i = [], None, 0
    while i < len(lines):
        ln = lines[i]
        if ln.kind == "headline":
            j = _headline_block(lines, i)
            block = lines[i:j + 1]
            if cur is None:
                cur = _Draft(headlines=list(block))
            elif not cur.body and not cur.title_done:
                cur.headlines += block
            elif cur.body and _headline_is_boundary(norm, lines, R, j):
                drafts.append(cur)
                cur = _Draft(headlines=list(block))
            else:
                cur.extra += block
            i = j + 1
            continue
        if ln.kind == "furniture":
            if cur is not None:
                cur.title_done = True
        elif ln.kind in ("byline", "credit"):
            cur = cur or _Draft()
            cur.extra.append(ln)
            cur.title_done = True
        elif ln.kind in ("body", "dateline"):
            if cur is not None and cur.body and _opens_article(norm, lines, R, i):
                drafts.append(cur)
                cur = None
            cur = cur or _Draft()
            cur.body.append(ln)
            cur.title_done = True
        i += 1
    if cur is not None:
        drafts.append(cur)
    return drafts
