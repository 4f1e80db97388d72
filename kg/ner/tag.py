"""`kg ner`: the entity layer alone, on JSONL sentences, to check it against NER data.

Input lines `{"text": …}`, output lines `{"text": …, "spans": [[start, end, TYPE], …]}`
with the top-level (not nested) mentions the pipeline keeps, and one kind of
nested mention: the country a foreign state body is named after (德国政府,
印度当局: the body and the country are both named; kg.nlp.components.resolve).
NER corpora read such a span either way (MSRA tags 德国 a LOC and leaves
政府 out, CLUENER tags 德国政府 government); a place nested in a domestic
body's name (北京市公安局) is part of that name in both and is not written.
A line that is not JSON or has no text is reported by line number and skipped.
"""

import json
import sys
from pathlib import Path

from kg.atomic import write_text
from kg.nlp.components.resolve import is_world_place
from kg.errors import InputError
from kg.nlp.pipeline import get_nlp


def reported(m) -> bool:
    """Whether `kg ner` writes this resolved mention."""
    return not m.attrs.get("nested") or is_world_place(m)


def spans_of(doc) -> list:
    return [[m.start, m.end, m.type] for m in (doc._.kg_resolved or []) if reported(m)]


def tag_texts(texts, batch_size=64, statistical=False):
    for doc in get_nlp(statistical).pipe(texts, batch_size=batch_size):
        yield spans_of(doc)


def read_jsonl(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except UnicodeDecodeError as e:
        raise InputError(path, f"not a text file ({e.reason})") from None
    rows = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise ValueError("no \"text\" string")
        except ValueError as e:
            print(f"kg: {path}:{i}: skipped ({e})", file=sys.stderr)
            continue
        rows.append(row)
    return rows


def run_ner_jsonl(inp: Path, out: Path, statistical: bool = False) -> None:
    rows = read_jsonl(inp)
    texts = [r["text"] for r in rows]
    lines = [json.dumps({"text": t, "spans": s}, ensure_ascii=False)
             for t, s in zip(texts, tag_texts(texts, statistical=statistical))]
    write_text(out, "".join(line + "\n" for line in lines))
