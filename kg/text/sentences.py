"""Sentence spans of a text: the unit of evidence for every relation."""

import re

_END = re.compile(r"[。！？!?；;]+[”’」』）)]*|\n+")


def sentence_spans(text: str, start: int = 0, end: int | None = None):
    """(s, e) spans of the sentences of text[start:end], offsets into text."""
    end = len(text) if end is None else end
    out, s = [], start
    for m in _END.finditer(text, start, end):
        e = m.end() if not m.group().startswith("\n") else m.start()
        if text[s:e].strip():
            out.append((s, e))
        s = m.end()
    if text[s:end].strip():
        out.append((s, end))
    return out


def sentence_at(spans, pos: int):
    for s, e in spans:
        if s <= pos < e:
            return s, e
    return None
