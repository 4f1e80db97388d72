"""The resolver's results where spaCy keeps entities: `doc.ents` and span groups.

Entity components propose `Mention`s on character offsets (kg.nlp.mentions);
kg_resolve picks among them. This module turns both into spaCy's own views:

- `doc.ents`: the resolved top-level mentions (label = entity type; `kb_id_`
  the linker's key once kg.extraction has linked the document, `id_` the rule
  that proposed it, or its component while no rule id is recorded);
- `doc.spans["kg_nested"]`: resolved mentions inside a resolved body's name
  (临沧市 in 临沧市纪委);
- `doc.spans["kg_candidates"]`: every proposal, overlaps allowed.

A Span must cover exactly its mention's characters. pkuseg glues some words
(北京市|委 is one token), so a mention edge inside a token splits that token
(`doc.retokenize()`); text and offsets are unchanged, and no later stage
reads the tokens (links and relations work on the mentions' offsets).

The attributes a resolved mention carries are typed `Span._` extensions
(`SPAN_EXTENSIONS`). spaCy keys a span's extension values by its character
range, so they are set on the resolved spans only, whose ranges are distinct;
a candidate's provenance is its label and `id_` (the rule, as spaCy's
SpanRuler sets a pattern's id).
"""

from bisect import bisect_right
from spacy.tokens import Doc, Span

from kg.nlp.words import word_bounds

CANDIDATES = "kg_candidates"
NESTED = "kg_nested"

# name -> (what it holds, the Mention attrs key it is read from or None)
SPAN_EXTENSIONS: dict[str, tuple[str, str | None]] = {
    "source": ("str: the component that proposed the mention (kg_agencies)", None),
    "rule": ("str: the id of the rule that proposed it ('' when not known)", None),
    "priority": ("int: the proposal's priority in kg_resolve", None),
    "code": ("str | None: a PLACE's division code (530927)", "code"),
    "parent": ("str | None: a PLACE's parent division code (530900)", "parent"),
    "level": ("str | None: a PLACE's level (county, country)", "level"),
    "canonical": ("str | None: the full name of a short form (昆明 -> 昆明市)", "canonical"),
    "title": ("str | None: a PERSON's post (局长)", "title"),
    "host": ("(start_char, end_char) | None: the resolved body a nested mention sits in", None),
    "rivals": ("tuple of (start_char, end_char, label, source, rule): the proposals it beat", None),
}

for _name in SPAN_EXTENSIONS:
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


def rule_of(m) -> str:
    """The id of the rule that proposed `m` ('' until the components set it)."""
    return getattr(m, "rule", "") or ""


def align_tokens(doc: Doc, mentions) -> None:
    """Split every token that a mention starts or ends inside, so that each
    mention is a run of whole tokens (北京市委 -> 北京市|委 when 北京市 is a
    mention)."""
    starts, ends = word_bounds(doc)
    inner = {}      # token index -> the cuts strictly inside that token, in order
    for c in sorted({b for m in mentions for b in (m.start, m.end)}):
        k = bisect_right(starts, c) - 1
        if k >= 0 and starts[k] < c < ends[k]:
            inner.setdefault(k, []).append(c)
    splits = []
    for k in sorted(inner):
        tok, a, b = doc[k], starts[k], ends[k]
        edges = [a, *inner[k], b]
        splits.append((tok, [tok.text[x - a:y - a] for x, y in zip(edges, edges[1:])]))
    if not splits:
        return
    with doc.retokenize() as retok:
        for tok, orths in splits:
            retok.split(tok, orths, heads=[(tok, i) for i in range(len(orths))])


def _span(doc: Doc, m) -> Span:
    span = doc.char_span(m.start, m.end, label=m.type, span_id=rule_of(m) or m.source)
    if span is None or span.text != m.text:
        raise ValueError(f"mention {m.text!r} ({m.start}, {m.end}) is not a run of tokens")
    return span


def _annotate(span: Span, m, host=None, rivals=()) -> None:
    span._.source = m.source
    span._.rule = rule_of(m)
    span._.priority = m.priority
    for name, (_doc, key) in SPAN_EXTENSIONS.items():
        if key is not None and m.attrs.get(key) is not None:
            span._.set(name, m.attrs[key])
    span._.host = host
    span._.rivals = tuple((r.start, r.end, r.type, r.source, rule_of(r)) for r in rivals)


def set_views(doc: Doc, candidates, resolved, beaten=None) -> None:
    """Fill doc.ents, doc.spans["kg_nested"] and doc.spans["kg_candidates"]
    from the proposals and the resolver's choice. `beaten`: id(winner) ->
    the proposals it beat."""
    beaten = beaten or {}
    align_tokens(doc, candidates)
    top = [m for m in resolved if not m.attrs.get("nested")]
    nested = [m for m in resolved if m.attrs.get("nested")]
    doc.spans[CANDIDATES] = [_span(doc, m) for m in candidates]
    ents = [_span(doc, m) for m in top]
    doc.ents = ents
    nested_spans = [_span(doc, m) for m in nested]
    doc.spans[NESTED] = nested_spans
    for span, m in zip(ents, top):
        _annotate(span, m, rivals=beaten.get(id(m), ()))
    ent_starts = [e.start_char for e in ents]     # sorted, and entities don't overlap
    for span, m in zip(nested_spans, nested):
        i = bisect_right(ent_starts, m.start) - 1
        host = ents[i] if i >= 0 and m.end <= ents[i].end_char else None
        _annotate(span, m, host=None if host is None else (host.start_char, host.end_char),
                  rivals=beaten.get(id(m), ()))


def set_kb_ids(doc: Doc, key_of) -> None:
    """Give each resolved span (doc.ents and doc.spans["kg_nested"]) its
    knowledge-base id: `key_of(span)`, the linker's key string, or None for
    a mention the linker left out."""
    def keyed(spans):
        return [Span(doc, s.start, s.end, label=s.label, kb_id=key_of(s) or "", span_id=s.id) for s in spans]
    doc.ents = keyed(doc.ents)
    if NESTED in doc.spans:
        doc.spans[NESTED] = keyed(doc.spans[NESTED])
