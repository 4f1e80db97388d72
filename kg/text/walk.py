"""Which lines of a page belong to which article.

A page printed from a newspaper PDF holds several articles, each with its
headline printed before or after its body; a web page holds one article
under its headline. The layout is decided once per page (is the last thing
on the page a headline, or does the page open with body text? then headlines
follow their bodies), then the classified lines are walked:

- a dateline (`本报某地9月14日电（记者张三）`) or a source tag
  (`央视网消息：`) opens the body of a new article;
- a headline block closes or opens an article only when a dateline, byline,
  furniture or the end of the page is next to it; otherwise it is a subhead
  inside the current article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.text.normalize import Line, Normalized
from kg.text.patterns import ArticlePatterns

CONTENT = ("headline", "body", "dateline")


@dataclass
class Draft:
    """An article being collected line by line."""

    headlines: list[Line] = field(default_factory=list)
    body: list[Line] = field(default_factory=list)
    extra: list[Line] = field(default_factory=list)   # subheads, bylines, credits
    title_done: bool = False


def walk_page(norm: Normalized, lines: list[Line], patterns: ArticlePatterns) -> list[Draft]:
    """The articles of a page as drafts, in page order (empty ones left out)."""
    walk = _walk_after if _headlines_follow_bodies(lines) else _walk_before
    return [d for d in walk(norm, lines, patterns) if d.headlines or d.body]


def dispatch(norm: Normalized, ln: Line, patterns: ArticlePatterns):
    """(place, credit span, end of the prefix) when the line opens a dispatch
    with a dateline or source tag, else None."""
    if ln.kind not in ("body", "dateline", "furniture"):
        return None
    text = norm.text[ln.start:ln.end]
    m = patterns.dateline_match(text)
    if m:
        credit = None
        if m.groupdict().get("credit"):
            credit = (ln.start + m.start("credit"), ln.start + m.end("credit"))
        return m.groupdict().get("place"), credit, ln.start + m.end()
    m = patterns.source_prefix.match(text)
    if m:
        return None, None, ln.start + m.end()
    return None


def _headlines_follow_bodies(lines: list[Line]) -> bool:
    """Page layout: headlines printed after their bodies when the page ends
    on a headline or opens with body text."""
    content = [ln for ln in lines if ln.kind in CONTENT]
    if not content:
        return False
    return content[-1].kind == "headline" or content[0].kind != "headline"


def _blocks(lines: list[Line]):
    """(index, block) for each run of headline lines and each other line."""
    i = 0
    while i < len(lines):
        j = i
        if lines[i].kind == "headline":
            while j + 1 < len(lines) and lines[j + 1].kind == "headline":
                j += 1
        yield i, lines[i:j + 1]
        i = j + 1


def _opens_article(norm: Normalized, ln: Line, patterns: ArticlePatterns) -> bool:
    """Whether a line opens a new article's text (dateline, source tag)."""
    return dispatch(norm, ln, patterns) is not None


def _headline_is_boundary(norm: Normalized, lines: list[Line], patterns: ArticlePatterns,
                          j: int) -> bool:
    """A headline block ending at line j belongs to an article boundary when
    a byline, credit or furniture follows it, or (editor lines skipped) the
    end of the page, another headline or a dateline."""
    k = j + 1
    if k < len(lines) and lines[k].kind in ("byline", "credit", "furniture"):
        return True
    while k < len(lines) and lines[k].kind == "editor":
        k += 1
    return k >= len(lines) or lines[k].kind == "headline" or _opens_article(norm, lines[k], patterns)


def _walk_after(norm: Normalized, lines: list[Line], patterns: ArticlePatterns) -> list[Draft]:
    """Headlines follow their bodies: a boundary headline block closes the
    article whose body came before it."""
    drafts, cur = [], Draft()
    for i, block in _blocks(lines):
        ln = block[0]
        if ln.kind == "headline":
            # A dispatch (本报昆明…电) is a short item: on a page whose headlines
            # follow their bodies, the first headline after it is its own,
            # even when the next article's body (no dateline) comes right after.
            after_dispatch = (bool(cur.body) and not cur.extra
                              and _opens_article(norm, cur.body[0], patterns))
            if (_headline_is_boundary(norm, lines, patterns, i + len(block) - 1)
                    or (after_dispatch and not cur.title_done)):
                cur.headlines += block
                cur.title_done = True
            else:
                if cur.title_done:
                    drafts.append(cur)
                    cur = Draft()
                cur.extra += block
        elif ln.kind in ("byline", "credit"):
            cur.extra.append(ln)
        elif ln.kind in ("body", "dateline"):
            if cur.title_done or (cur.body and _opens_article(norm, ln, patterns)):
                drafts.append(cur)
                cur = Draft()
            cur.body.append(ln)
    drafts.append(cur)
    return drafts


def _walk_before(norm: Normalized, lines: list[Line], patterns: ArticlePatterns) -> list[Draft]:
    """Headlines precede their bodies: a headline block opens an article at
    the top, or when a dateline, byline or furniture follows it; elsewhere it
    is a subhead."""
    drafts, cur = [], None
    for i, block in _blocks(lines):
        ln = block[0]
        if ln.kind == "headline":
            if cur is None:
                cur = Draft(headlines=list(block))
            elif not cur.body and not cur.title_done:
                cur.headlines += block
            elif cur.body and _headline_is_boundary(norm, lines, patterns, i + len(block) - 1):
                drafts.append(cur)
                cur = Draft(headlines=list(block))
            else:
                cur.extra += block
        elif ln.kind == "furniture":
            if cur is not None:
                cur.title_done = True
        elif ln.kind in ("byline", "credit"):
            cur = cur or Draft()
            cur.extra.append(ln)
            cur.title_done = True
        elif ln.kind in ("body", "dateline"):
            if cur is not None and cur.body and _opens_article(norm, ln, patterns):
                drafts.append(cur)
                cur = None
            cur = cur or Draft()
            cur.body.append(ln)
            cur.title_done = True
    if cur is not None:
        drafts.append(cur)
    return drafts
