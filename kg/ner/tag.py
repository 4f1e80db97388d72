"""`kg ner`: the entity layer alone, on JSONL sentences, to check it against NER data.

Input lines `{"text": …}`, output lines `{"text": …, "spans": [[start, end, TYPE], …]}`
with the top-level (not nested) mentions the pipeline keeps, and one kind of
nested mention: the country a foreign state body is named after (德国政府,
印度当局: the body and the country are both named; kg.nlp.components.resolve).
NER corpora read such a span either way (MSRA tags 德国 a LOC and leaves
政府 out, CLUENER tags 德国政府 government); a place nested in a domestic
body's name (北京市公安局) is part of that name in both and is not written.
A bad line (not JSON, no text, a lone surrogate) is reported by its line
number and skipped (kg.ner.jsonl); the other lines are still written.
"""

import json
from pathlib import Path

from kg.atomic import write_text
from kg.ner.jsonl import read_jsonl
from kg.nlp.components.resolve import is_world_place
from kg.nlp.pipeline import get_nlp


def reported(m) -> bool:
    """Whether `kg ner` writes this resolved mention."""
    return not m.attrs.get("nested") or is_world_place(m)


def reported_spans(doc) -> list:
    """[start, end, TYPE] of the mentions `kg ner` writes for one doc."""
    return [[m.start, m.end, m.type] for m in (doc._.kg_resolved or []) if reported(m)]


def tag_texts(texts, batch_size=64, statistical=False):
    for doc in get_nlp(statistical).pipe(texts, batch_size=batch_size):
        yield reported_spans(doc)


def run_ner_jsonl(inp: Path, out: Path, statistical: bool = False, name: str | None = None) -> None:
    """Tag the rows of `inp` into `out`; `name` is how messages call the input."""
    rows = read_jsonl(inp, name=name)
    texts = [r["text"] for r in rows]
    lines = [json.dumps({"text": t, "spans": s}, ensure_ascii=False)
             for t, s in zip(texts, tag_texts(texts, statistical=statistical))]
    write_text(out, "".join(line + "\n" for line in lines))
