"""JSON Lines of sentences, as `kg ner` and the NER scorers read them.

One reader for both: a line that is not JSON, has no `text` string, or
holds text that cannot be written back as UTF-8 (a lone surrogate from a
broken escape, "\\ud800") is reported by its line number and skipped, so
one bad line never costs the other lines of the file.
"""

import json
import sys
from pathlib import Path

from kg.text.read import read_text


def read_jsonl(path, limit: int | None = None, warn=None, name: str | None = None) -> list[dict]:
    """The usable rows of `path` (at most `limit`), each a dict with a `text` str.

    `warn(line_number, reason)` hears about every skipped line (default: one
    `kg: NAME:N: skipped (reason)` line on standard error, NAME the path
    unless `name` is given: `<stdin>` for standard input)."""
    path = Path(path)
    name = name or str(path)
    warn = warn or (lambda i, why: print(f"kg: {name}:{i}: skipped ({why})", file=sys.stderr))
    lines = read_text(path).splitlines()     # InputError when there is no text to read
    rows = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append(_row(line))
        except ValueError as e:
            warn(i, str(e))
            continue
        if limit is not None and len(rows) >= limit:
            break
    return rows


def _row(line: str) -> dict:
    row = json.loads(line)
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        raise ValueError('no "text" string')
    try:
        row["text"].encode("utf-8")
    except UnicodeEncodeError as e:
        raise ValueError(f"text holds a lone surrogate at {e.start}") from None
    return row
