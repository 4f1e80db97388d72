"""Web pages and Markdown files -> the article text the pipeline reads, with what their metadata says.

An HTML page's main text comes from trafilatura (kept up, offline, and
measured on government-style pages: it keeps the article's paragraphs and
drops the navigation, the share bar, the related-links box and the footer;
the README has the comparison). Its title, date and URL come from the
page's own metadata (`<meta>`, Open Graph, `<title>`, the date printed
near the headline) through trafilatura and htmldate.

A Markdown file is its prose: front matter (`title:`, `date:`, `url:`
between `---` lines) is read as metadata, and heading marks, emphasis,
link targets, images and code fences are taken off.
"""

import re
from typing import NamedTuple

from kg.errors import InputError
from kg.text.read import read_text

_FRONT = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_FRONT_FIELD = re.compile(r"^([A-Za-z_]+)\s*:\s*(.*?)\s*$", re.M)
_MD_RULES = (
    (re.compile(r"^```.*?^```[ \t]*$", re.S | re.M), ""),   # code blocks
    (re.compile(r"!\[[^\]]*\]\([^)]*\)"), ""),              # images
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),          # links: their text
    (re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t#]*$", re.M), r"\1"),   # heading marks
    (re.compile(r"^[ \t]{0,3}>[ \t]?", re.M), ""),          # quote marks
    (re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1"), r"\2"),   # emphasis, code spans
    (re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$", re.M), ""),  # rules
)


class Page(NamedTuple):
    """A page's text (title, blank line, body) and its metadata (None: not given)."""
    text: str
    date: str | None
    url: str | None
    publisher: str | None


def read_html(path) -> Page:
    """The main text of the HTML page at `path`; InputError when it has none."""
    try:
        import trafilatura
    except ImportError:   # pragma: no cover - a dependency of the project
        raise InputError(path, "cannot read HTML: the trafilatura package is not installed") from None
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as e:
        raise InputError(path, f"cannot be read ({e.strerror or e})") from None
    doc = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_precision=True)
    body = (getattr(doc, "text", None) or "").strip() if doc is not None else ""
    if not body:
        raise InputError(path, "not a text file (an HTML page with no main text)")
    title = (doc.title or "").strip()
    if title and body.startswith(title):   # the headline as the page prints it, then its text
        body = body[len(title):].lstrip()
    text = f"{title}\n\n{body}" if title else body
    return Page(text, _iso(doc.date), doc.url or None, doc.sitename or None)


def read_markdown(path) -> Page:
    """The prose of the Markdown file at `path` (read as any text file)."""
    text = read_text(path)
    meta = {}
    m = _FRONT.match(text)
    if m:
        meta = {k.lower(): v.strip("'\"") for k, v in _FRONT_FIELD.findall(m.group(1))}
        text = text[m.end():]
    for pattern, repl in _MD_RULES:
        text = pattern.sub(repl, text)
    text = text.strip() + "\n"
    title = meta.get("title", "")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Page(text, _iso(meta.get("date")), meta.get("url") or None, meta.get("source") or None)


def _iso(value) -> str | None:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", str(value or ""))
    return "-".join(m.groups()) if m else None
