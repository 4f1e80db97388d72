"""One input file taken as far as articles: read -> normalise -> split.

Kept apart from extraction so `kg normalize` and `kg articles` need no spaCy.
"""

from dataclasses import dataclass
from pathlib import Path

from .articles import Page, date_from_filename, split_articles
from .normalize import Normalized, normalize
from .read import read_text


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
    return Document(path, date, norm, split_articles(norm, date))
