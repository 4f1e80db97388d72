"""govkg: Chinese government news -> a knowledge graph of government actors.

The public API is kept small: `extract` for one text, `build` for a corpus.
"""

__version__ = "0.1.0"


def extract(text: str, date: str | None = None) -> dict:
    """Entities and relations of one text, as the spec §5 JSON (a dict)."""
    from kg.extraction import extract_text
    return extract_text(text, date)


def build(paths, out, date: str | None = None, require_date: bool = False) -> int:
    """Build graph.{json,ttl,html,graphml} in `out` from files or folders;
    returns the number of files that could not be read. `require_date`, as
    `kg build --require-date`: a file with an article of no date (none in the
    text, its record or its name, and no `date`) fails, kind no-date."""
    from pathlib import Path

    from kg.corpus.driver import build as _build
    return _build(paths, Path(out), date=date, require_date=require_date)
