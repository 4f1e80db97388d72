"""The currency between entity components: a typed character span.

pkuseg splits personal names (孙/茂利) and glues bodies to titles, so entity
components work on character offsets of `doc.text`, not on tokens. Each
component appends `Mention`s to `doc._.kg_mentions`; the resolver component
(`kg_resolve`, last) picks a non-overlapping set by priority and length,
and kg.nlp.spans makes spaCy Spans of them (doc.ents and span groups).
"""

import dataclasses
from dataclasses import dataclass, field

import srsly
from spacy.tokens import Doc

ENTITY_TYPES = ("AGENCY", "PERSON", "PLACE", "PROGRAM", "DOCUMENT", "ORG")

if not Doc.has_extension("kg_mentions"):
    Doc.set_extension("kg_mentions", default=None)


@dataclass
class Mention:
    start: int          # character offset into doc.text (inclusive)
    end: int            # character offset (exclusive)
    type: str           # one of ENTITY_TYPES
    text: str           # doc.text[start:end]
    source: str = ""    # the component that proposed it
    priority: int = 0   # higher wins an overlap; ties go to the longer span
    attrs: dict = field(default_factory=dict)
    # attrs by type, filled where known:
    #   PLACE:  code (division code), parent (parent code), level, canonical
    #   PERSON: title (局长), body (start, end) of the body the title attaches to
    #   AGENCY: canonical, place_prefix
    rule: str = ""      # the id of the rule that proposed it (agencies.level_char_anchor)

    def shifted(self, offset: int) -> "Mention":
        """The mention moved by `offset` characters (an article's mention at
        page offsets), with every offset it holds in `attrs` moved too."""
        self.start += offset
        self.end += offset
        for k in SPAN_ATTRS:
            if isinstance(self.attrs.get(k), tuple):
                s, e = self.attrs[k]
                self.attrs[k] = (s + offset, e + offset)
        for k in OFFSET_ATTRS:
            if self.attrs.get(k) is not None:
                self.attrs[k] += offset
        return self


# The attrs that hold character offsets of doc.text: a (start, end) span, or
# one offset. A component that adds one declares it here, so that moving a
# mention (Mention.shifted) moves it too.
SPAN_ATTRS = ("host_span", "anaphor_host", "place_span", "title_span", "body")
OFFSET_ATTRS = ("prefix_end",)


# Mentions live in doc.user_data (doc._.kg_mentions, doc._.kg_resolved), which
# DocBin(store_user_data=True) writes with srsly's msgpack: these hooks let it
# write a Mention as a tagged map and read it back.
_MSGPACK_TAG = "__kg_mention__"


def _encode_mention(obj, chain=None):
    if isinstance(obj, Mention):
        return {_MSGPACK_TAG: True, **{f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    return obj if chain is None else chain(obj)


def _decode_mention(obj, chain=None):
    if isinstance(obj, dict) and obj.get(_MSGPACK_TAG):
        fields = {k: v for k, v in obj.items() if k != _MSGPACK_TAG}
        fields["attrs"] = dict(fields.get("attrs") or {})
        return Mention(**fields)
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("kg_mention", func=_encode_mention)
srsly.msgpack_decoders.register("kg_mention", func=_decode_mention)


# where a Doc keeps its input string (kg.nlp.tokenizer sets it)
TEXT_KEY = "kg_text"


def doc_text(doc: Doc) -> str:
    """doc.text, computed once per Doc (spaCy rebuilds it from the tokens on
    every access, which cost more than segmentation itself)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def mentions_of(doc: Doc) -> list[Mention]:
    """The doc's mention list, created on first use (never a shared default)."""
    if doc._.kg_mentions is None:
        doc._.kg_mentions = []
    return doc._.kg_mentions
