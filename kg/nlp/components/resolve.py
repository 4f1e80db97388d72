"""kg_resolve: from overlapping proposals to the doc's entity mentions.

Every component proposes; this one disposes. Mentions are taken greedily by
(priority, length, earliest start); a proposal that overlaps a taken one is
dropped, except a PLACE or AGENCY wholly inside a taken AGENCY or ORG: it is
kept as a nested mention (云南省临沧市沧源佤族自治县纪委监委 still names the
places 临沧市 and 云南省), marked `nested`. A world place (a country, a
continent) inside a body's name is part of that name, not a seat: 中国人民银行,
中国银行 and 亚洲开发银行 are not "in" China or Asia the way 河北省信访局 is in
河北省, so it is not kept; except in front of a state body the rules made
from a place and a body's word (德国政府, 印度当局, 美国联邦调查局): that
body is the country's own, as 河北省信访局 is 河北省's, and the country is its
seat (a central body's fixed name, 中国人民银行, is no such case, nor is one
that opens a body's name, 中国证监会广东监管局).
Result: `doc._.kg_resolved`, sorted by position.
"""

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.mentions import mentions_of
from kg.nlp.gazetteer import WORLD_LEVELS

if not Doc.has_extension("kg_resolved"):
    Doc.set_extension("kg_resolved", default=None)

HOSTS = {"AGENCY", "ORG"}
NESTABLE = {"PLACE", "AGENCY"}


@Language.factory("kg_resolve")
def make_resolve(nlp, name):
    return resolve_doc


def resolve_doc(doc):
    doc._.kg_resolved = resolve(mentions_of(doc))
    return doc


def is_world_place(m) -> bool:
    return m.type == "PLACE" and m.attrs.get("level") in WORLD_LEVELS


def _seat_of(m, host) -> bool:
    """A world place `m` that opens a rule-made state body `host` (德国|政府)."""
    return (host.type == "AGENCY" and host.start == m.start and not host.attrs.get("central")
            and not host.attrs.get("host_span"))   # 中国证监会|广东监管局: a central name's 中国


def resolve(mentions):
    order = sorted(mentions, key=lambda m: (-m.priority, -(m.end - m.start), m.start, m.type))
    taken, nested, spans = [], [], set()
    for m in order:
        key = (m.start, m.end, m.type)
        if key in spans:
            continue
        clash = [t for t in taken if t.start < m.end and m.start < t.end]
        if not clash:
            taken.append(m)
            spans.add(key)
        elif m.type in NESTABLE and all(
                t.type in HOSTS and t.start <= m.start and m.end <= t.end and
                (t.end - t.start) > (m.end - m.start) and (not is_world_place(m) or _seat_of(m, t))
                for t in clash):
            m.attrs["nested"] = True
            nested.append(m)
            spans.add(key)
    # a nested mention inside another nested one of the same span type is noise
    out = taken + [n for n in nested if not any(
        o is not n and o.type == n.type and o.start == n.start and o.end == n.end for o in nested)]
    return sorted(out, key=lambda m: (m.start, m.end, m.type))
