"""One input file taken as far as articles: read -> normalise -> split.

Kept apart from extraction so `kg normalize` and `kg articles` need no spaCy.
"""

from dataclasses import dataclass
from pathlib import Path

from kg import ruleset
from kg.ruleset import RuleSet
from kg.text.articles import Page, date_from_filename, split_articles
from kg.text.normalize import Normalized, normalize
from kg.text.patterns import article_patterns
from kg.text.read import read_text


@dataclass
class Document:
    """One input file read, normalised and split into articles."""

    path: Path
    date: str | None
    norm: Normalized
    page: Page


def load_normalized(path, rules: RuleSet | None = None) -> Normalized:
    return normalize(read_text(path), rules)


def load_page(path, date=None, rules: RuleSet | None = None) -> Page:
    return load_document(path, date, rules).page


def text_document(text: str, date=None, name: str = "<text>",
                  rules: RuleSet | None = None) -> Document:
    """A document from a string (the API's `extract`, tests)."""
    rules = rules or ruleset.current()
    norm = normalize(text, rules)
    return Document(Path(name), date, norm, split_articles(norm, date, rules))


def load_document(path, date=None, rules: RuleSet | None = None) -> Document:
    """The document of the file at `path`; its date is `date`, else the one
    in the file's name, else the one printed in the page furniture."""
    rules = rules or ruleset.current()
    path = Path(path)
    date = date or date_from_filename(path.name)
    norm = load_normalized(path, rules)
    date = date or date_from_furniture(norm, rules)
    return Document(path, date, norm, split_articles(norm, date, rules))


def date_from_furniture(norm: Normalized, rules: RuleSet | None = None) -> str | None:
    """The publication date printed in a furniture line (发布时间：2021-01-27),
    for pages whose user gave no date and whose file name carries none."""
    pattern = article_patterns(rules or ruleset.current()).furniture_date
    for ln in getattr(norm, "lines", []):
        if ln.kind != "furniture":
            continue
        m = pattern.search(norm.text[ln.start:ln.end])
        if m:
            y, mo, d = (int(g) for g in m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{mo:02d}-{d:02d}"
    return None
