"""One input file taken as far as articles: read -> normalise -> split.

Kept apart from extraction so `kg normalize` and `kg articles` need no spaCy.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from kg.text.articles import Page, date_from_filename, split_articles
from kg.text.normalize import Normalized, normalize
from kg.text.read import read_text
from kg.ruleset import load_toml


@dataclass
class Document:
    path: Path
    date: str | None
    norm: Normalized
    page: Page


def load_normalized(path) -> Normalized:
    return normalize(read_text(path))


def load_page(path, date=None) -> Page:
    return load_document(path, date).page


def text_document(text: str, date=None, name: str = "<text>") -> Document:
    """A document from a string (the API's `extract`, tests)."""
    norm = normalize(text)
    return Document(Path(name), date, norm, split_articles(norm, date))


def load_document(path, date=None) -> Document:
    path = Path(path)
    date = date or date_from_filename(path.name)
    norm = load_normalized(path)
    date = date or date_from_furniture(norm)
    return Document(path, date, norm, split_articles(norm, date))


def date_from_furniture(norm: Normalized) -> str | None:
    """The publication date printed in a furniture line (发布时间：2021-01-27),
    for pages whose user gave no date and whose file name carries none."""
    pattern = re.compile(load_toml("articles.toml")["patterns"]["furniture_date"])
    for ln in getattr(norm, "lines", []):
        if ln.kind != "furniture":
            continue
        m = pattern.search(norm.text[ln.start:ln.end])
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None
