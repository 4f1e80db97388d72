"""A normalised page -> its articles: headlines, dateline, byline, editor line.

Which lines make up each article is `kg.text.walk`'s job; here each article
gets its title (headlines, a kicker or deck last), its place (the
dateline's city), where its body starts (after a dateline or source tag),
and its creators (bylines, photo credits, the dateline's parentheses, a
trailing `(name)`: `kg.text.credits`); the page's editor line gives
`editors`.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from kg import ruleset
from kg.ruleset import RuleSet
from kg.text.credits import names_in, names_in_group, page_editors
from kg.text.normalize import Line, Normalized, classify_text_line
from kg.text.patterns import ArticlePatterns, article_patterns
from kg.text.walk import CONTENT, Draft, dispatch, walk_page

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


def split_articles(norm: Normalized, date=None, rules: RuleSet | None = None) -> Page:
    """The articles of a normalised page. `date` is the publication date
    (ISO string or datetime.date); datelines give only the dispatch day, so
    without it an article's date is None. `rules`: the rule set in force if
    not given."""
    rules = rules or ruleset.current()
    patterns = article_patterns(rules)
    lines = norm.lines or _lines_from_text(norm.text, rules)
    lines = _unsign(norm, lines, patterns)
    editors = page_editors(norm, lines, rules)
    drafts = walk_page(norm, lines, patterns)
    iso = _iso(date)
    articles = [_build(d, f"a{k}", norm, rules, iso, editors) for k, d in enumerate(drafts, 1)]
    return Page(articles, editors)


def dateline_match(rules: RuleSet, text: str) -> re.Match | None:
    """The dateline opening clean text (新华社北京3月11日电), or None; its
    groups `place`, `month`, `day` and `credit` are set when present."""
    return article_patterns(rules).dateline_match(text)


# ---------------------------------------------------------------- helpers


def _unsign(norm: Normalized, lines: list[Line], patterns: ArticlePatterns) -> list[Line]:
    """A notice ends on its issuer's name over the date (云南省人民政府 /
    2024年10月30日): a short line the layout reads as a headline. On a page
    that opens with a headline, such a last headline over a date-only last line
    is the signature, body of the notice, not the headline of an article."""
    content = [k for k, ln in enumerate(lines) if ln.kind in CONTENT]
    if len(content) < 3 or lines[content[0]].kind != "headline":
        return lines
    k = content[-1]
    rest = [ln for ln in lines[k + 1:] if _text(norm, ln).strip()]
    if lines[k].kind != "headline" or len(rest) != 1 or not patterns.signature_date.fullmatch(
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


def _lines_from_text(text: str, rules: RuleSet) -> list[Line]:
    """Line kinds for a Normalized built without them (classified from text)."""
    out, pos = [], 0
    for part in text.split("\n") if text else []:
        if part:
            out.append(Line(pos, pos + len(part), classify_text_line(part, rules)))
        pos += len(part) + 1
    return out


def _text(norm: Normalized, ln: Line) -> str:
    return norm.text[ln.start:ln.end]


# ---------------------------------------------------------------- an article from its draft


def _build(draft: Draft, aid: str, norm: Normalized, rules: RuleSet, date, editors) -> Article:
    """The Article a draft makes: its span, title, place, body and creators."""
    patterns = article_patterns(rules)
    spans = draft.headlines + draft.body + draft.extra
    start = min(ln.start for ln in spans)
    end = max(ln.end for ln in spans)
    place, body_start = _dispatch_facts(draft, norm, patterns)
    body_end = max((ln.end for ln in draft.body), default=end)
    if body_start is None or body_start > body_end:
        body_start = body_end
    return Article(aid, _title(draft, norm, rules), date, place,
                   _creators(draft, norm, rules), start, end, body_start, body_end,
                   list(editors))


def _title(draft: Draft, norm: Normalized, rules: RuleSet) -> str:
    """Headline lines joined by one space; a line that reads like a
    sentence (holds a comma) is a kicker or deck and goes after."""
    kicker = rules.articles.punctuation.kicker
    texts = [_text(norm, ln) for ln in draft.headlines]
    texts.sort(key=lambda t: any(c in t for c in kicker))
    return " ".join(texts)


def _dispatch_facts(draft: Draft, norm: Normalized, patterns: ArticlePatterns):
    """(place, body start): the dateline's city, and where the body text
    begins once a dateline or source tag is skipped."""
    if not draft.body:
        return None, None
    first = draft.body[0]
    d = dispatch(norm, first, patterns)
    if d is None:
        return None, first.start
    place, _, prefix_end = d
    if prefix_end >= first.end and len(draft.body) > 1:
        return place, draft.body[1].start
    return place, prefix_end


def _creators(draft: Draft, norm: Normalized, rules: RuleSet) -> list[str]:
    """Reporters and photographers: bylines and credit lines, the
    dateline's parentheses, photo credits closing a paragraph, and a
    trailing (name) after the last sentence."""
    patterns = article_patterns(rules)
    found: list[str] = []
    for ln in sorted(draft.extra, key=lambda ln: ln.start):
        if ln.kind in ("byline", "credit"):
            found += names_in(norm, ln.start, ln.end, rules)
    for ln in draft.body:
        d = dispatch(norm, ln, patterns)
        if d and d[1]:
            found += names_in(norm, *d[1], rules)
        found += names_in_group(norm, ln, patterns.photo_credit, rules)
    if draft.body:
        found += names_in_group(norm, draft.body[-1], patterns.trailing_credit, rules)
    return list(dict.fromkeys(found))
