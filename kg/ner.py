"""`kg ner`: the entity layer alone, on JSONL sentences, to check it against NER data.

Input lines `{"text": …}`, output lines `{"text": …, "spans": [[start, end, TYPE], …]}`
with the top-level (not nested) mentions the pipeline keeps. A line that is
not JSON or has no text is reported by line number and skipped.
"""

import json
import sys
from pathlib import Path

from .atomic import write_text
from .errors import InputError
from .pipeline import get_nlp


def spans_of(doc) -> list:
    return [[m.start, m.end, m.type] for m in (doc._.kg_resolved or []) if not m.attrs.get("nested")]


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
