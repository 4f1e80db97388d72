"""Corpus files that hold articles with their metadata: JSON Lines (plain or gzip), CSV, HTML, Markdown.

A JSONL line or a CSV row is one article: `text` (required), `id`, `date`,
`title`, and optional `url`, `source` (the outlet), `place` (its dateline)
and `creators`. Each becomes a source of the build of its own, keyed
`FILE#id` (FILE relative to the corpus root), hashed by its own fields, so
a changed line re-extracts that article only. A line that cannot be used
(not JSON, no text, a duplicate id, a date that is none) is a Bad naming
FILE:LINE and why; the others go on.

An HTML page is read by trafilatura (main text without navigation, title,
date and URL from its metadata: the README says why this library); a
Markdown page is its text with the markup that is not prose taken off.
Both are read in the worker that extracts them (`load_item`), not here.

The text a record is extracted from is its title, a blank line, its text:
the layout of a page saved from a news site, which the article splitter
reads (kg.text.articles), so a JSONL corpus and the same articles saved as
.txt pages give the same facts.
"""

import csv
import gzip
import io
import json
import re
import zlib
from datetime import date as _date
from typing import NamedTuple

RECORD_SUFFIXES = (".jsonl", ".jsonl.gz", ".json.gz", ".ndjson", ".csv")
PAGE_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
TEXT_SUFFIX = ".txt"
FIELDS = ("id", "date", "title", "text", "url", "source", "place", "creators")
_DATE = re.compile(r"\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?")
_COMPACT_DATE = re.compile(r"\s*(\d{4})(\d{2})(\d{2})\s*")
_CREATOR_SEPARATORS = re.compile(r"\s*[,，、;；]\s*")


class Bad(NamedTuple):
    """A line or row that is no usable article: FILE:LINE, a kind, why."""
    where: str
    kind: str
    reason: str


class Item(NamedTuple):
    """One article of a records file: its line, its id and its fields
    (`source` kept as `publisher`: in the graph `source` names the input)."""
    line: int
    id: str
    date: str | None
    title: str
    text: str
    url: str | None
    publisher: str | None
    place: str | None
    creators: tuple

    def key_bytes(self) -> bytes:
        """What its cache key hashes: every field the extraction reads."""
        return json.dumps(self[1:], ensure_ascii=False).encode("utf-8", "surrogatepass")

    def body(self) -> str:
        return f"{self.title}\n\n{self.text}" if self.title else self.text

    def meta(self) -> dict:
        return {"url": self.url, "publisher": self.publisher, "place": self.place,
                "creators": list(self.creators)}


def kind_of_name(name: str) -> str | None:
    """"text", "records", "html", "markdown", or None for a name the build does not read."""
    low = name.lower()
    if low.endswith(TEXT_SUFFIX):
        return "text"
    if low.endswith(RECORD_SUFFIXES):
        return "records"
    return next((k for suffix, k in PAGE_SUFFIXES.items() if low.endswith(suffix)), None)


def iso_date(value) -> str | None:
    """A record's date as YYYY-MM-DD (2021-01-05, 2021/1/5, 2021年1月5日, 20210105,
    an ISO timestamp); None for none; ValueError for one that is no date."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = str(value)
    m = _DATE.fullmatch(text) or _COMPACT_DATE.fullmatch(text)
    if not m:
        raise ValueError(f"date {text[:40]!r} is not a date (YYYY-MM-DD)")
    try:
        return _date(*map(int, m.groups())).isoformat()
    except ValueError:
        raise ValueError(f"date {text[:40]!r} is not a date (YYYY-MM-DD)") from None


def _optional(row: dict, name: str) -> str | None:
    v = row.get(name)
    if v is None or v == "":
        return None
    if not isinstance(v, (str, int, float)):
        raise ValueError(f"`{name}` is not a string")
    return str(v).strip() or None


def _creators(v) -> tuple:
    if v is None or v == "":
        return ()
    if isinstance(v, str):
        return tuple(c for c in _CREATOR_SEPARATORS.split(v.strip()) if c)
    if isinstance(v, list) and all(isinstance(c, str) for c in v):
        return tuple(c.strip() for c in v if c.strip())
    raise ValueError("`creators` is not a list of names")


def item_of(row, line: int) -> Item:
    """The Item of one parsed line or row; ValueError says why it is none."""
    if not isinstance(row, dict):
        raise ValueError("not a JSON object")
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("no text" if text is None or isinstance(text, str) else "`text` is not a string")
    ident = _optional(row, "id") or f"line{line}"
    title = _optional(row, "title") or ""
    return Item(line, ident, iso_date(row.get("date")), title, text, _optional(row, "url"),
                _optional(row, "source"), _optional(row, "place"), _creators(row.get("creators")))


def _json_rows(data: bytes):
    """(line, parsed object or the ValueError) of each non-blank line."""
    for n, raw in enumerate(data.split(b"\n"), 1):
        if not raw.strip():
            continue
        try:
            yield n, json.loads(raw.decode("utf-8-sig" if n == 1 else "utf-8"))
        except UnicodeDecodeError:
            yield n, ValueError("not UTF-8")
        except ValueError as e:
            yield n, ValueError(f"not JSON ({e.msg if hasattr(e, 'msg') else e})")


def _csv_rows(data: bytes):
    """(line, row dict or the ValueError) of each row; the header names the columns."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError("not a UTF-8 CSV file") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames or "text" not in [f.strip() for f in reader.fieldnames]:
        raise ValueError("not a corpus CSV (no `text` column in its header)")
    start = 2
    try:
        for row in reader:
            yield start, {(k or "").strip(): v for k, v in row.items()}
            start = reader.line_num + 1
    except csv.Error as e:
        yield start, ValueError(f"not CSV ({e})")


def decompressed(data: bytes, name: str) -> bytes:
    """A .gz file's content; ValueError when it is no gzip file or cut short."""
    if not name.lower().endswith(".gz"):
        return data
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as e:
        raise ValueError(f"not a gzip file, or cut short ({e})") from None


def read_items(data: bytes, name: str, where: str):
    """([Item] in file order, [Bad]) of a records file's bytes; ValueError
    when the file as a whole cannot be read (not gzip, a CSV with no header)."""
    content = decompressed(data, name)
    rows = _csv_rows(content) if name.lower().endswith(".csv") else _json_rows(content)
    items, bad, seen = [], [], {}
    for line, row in rows:
        try:
            if isinstance(row, ValueError):
                raise row
            item = item_of(row, line)
        except ValueError as e:
            bad.append(Bad(f"{where}:{line}", "bad record", str(e)))
            continue
        if item.id in seen:
            bad.append(Bad(f"{where}:{line}", "bad record", f"duplicate id {item.id!r} (first on line {seen[item.id]})"))
            continue
        seen[item.id] = line
        items.append(item)
    return items, bad


def item_name(ident: str) -> str:
    """The document name an item is extracted under (one path part)."""
    return ident.replace("/", "_").replace("\\", "_") or "_"


def extract_item(path, date, item) -> dict:
    """The spec §5 JSON of one Item of a records file (its own date, else
    `date`), or of the HTML or Markdown page at `path` (item "html" or
    "markdown"), with the record's or page's URL, outlet, dateline and
    creators on its articles and the URL on its evidence."""
    from pathlib import Path
    from kg.extraction import extract_document
    from kg.text.articles import date_from_filename
    from kg.text.document import text_document
    from kg.text.pages import read_html, read_markdown
    if isinstance(item, Item):
        doc = text_document(item.body(), item.date or date, item_name(item.id))
        meta = item.meta()
    else:
        path = Path(path)
        page = read_html(path) if item == "html" else read_markdown(path)
        day = page.date or date or date_from_filename(path.name)
        doc = text_document(page.text, day, path.name)
        meta = {"url": page.url, "publisher": page.publisher}
    return with_meta(extract_document(doc), meta)


def with_meta(ext: dict, meta: dict) -> dict:
    """`ext` with a record's metadata: `url` and `publisher` on every
    article, its dateline `place` and `creators` where the text gave none,
    `url` on every evidence."""
    for a in ext["articles"]:
        for k in ("url", "publisher"):
            if meta.get(k):
                a[k] = meta[k]
        if meta.get("place") and not a.get("place"):
            a["place"] = meta["place"]
        if meta.get("creators") and not a.get("creators"):
            a["creators"] = list(meta["creators"])
    if meta.get("url"):
        for r in ext["relations"]:
            r["evidence"]["url"] = meta["url"]
    return ext
