"""kg_resolve: from overlapping proposals to the doc's entity mentions.

Every component proposes; this one disposes. Mentions are taken greedily by
(priority, length, earliest start); a proposal that overlaps a taken one is
dropped, except a PLACE or AGENCY wholly inside a taken AGENCY or ORG: it is
kept as a nested mention (云南省临沧市沧源佤族自治县纪委监委 still names the
places 临沧市 and 云南省), marked `nested`, and so is a title in single angle
quotes inside a document's title (《关于修改〈某某法〉的决定》 names both). A world place (a country, a
continent) inside a body's name is part of that name, not a seat: 中国人民银行,
中国银行 and 亚洲开发银行 are not "in" China or Asia the way 河北省信访局 is in
河北省, so it is not kept; except in front of a state body the rules made
from a place and a body's word (德国政府, 印度当局, 美国联邦调查局): that
body is the country's own, as 河北省信访局 is 河北省's, and the country is its
seat (a central body's fixed name, 中国人民银行, is no such case, nor is one
that opens a body's name, 中国证监会广东监管局), and a foreign country in
front of an ORG's name (美国有线电视新闻网: in 美国, spec §7).
Result: `doc._.kg_resolved`, sorted by position, and the same choice in
spaCy's views (kg.nlp.spans): `doc.ents`, `doc.spans["kg_nested"]` and every
proposal in `doc.spans["kg_candidates"]`.
"""

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from kg.nlp.gazetteer import WORLD_LEVELS
from kg.nlp.mentions import mentions_of
from kg.nlp.spans import SPAN_EXTENSIONS, set_views

if not Doc.has_extension("kg_resolved"):
    Doc.set_extension("kg_resolved", default=None)

HOSTS = {"AGENCY", "ORG"}
NESTABLE = {"PLACE", "AGENCY"}


# assigns doc.spans["kg_candidates"] and doc.spans["kg_nested"]; splits glued tokens
@Language.factory("kg_resolve", assigns=["doc.ents", "doc.spans", *(f"span._.{n}" for n in SPAN_EXTENSIONS)],
                  requires=["doc._.kg_mentions"], retokenizes=True)
def make_resolve(nlp, name):
    return resolve_doc


def resolve_doc(doc):
    candidates = mentions_of(doc)
    beaten = {}
    doc._.kg_resolved = resolve(candidates, beaten)
    set_views(doc, candidates, doc._.kg_resolved, beaten)
    return doc


def is_world_place(m) -> bool:
    return m.type == "PLACE" and m.attrs.get("level") in WORLD_LEVELS


def _seat_of(m, host) -> bool:
    """A world place `m` that opens a rule-made state body `host` (德国|政府),
    or a foreign country that opens a company's, outlet's or school's name
    (美国|有线电视新闻网, 韩国|三星电子公司: spec §7, an ORG is in the place
    its name is prefixed with); a continent (亚洲开发银行) or the home
    country (中国石油) names no seat."""
    if host.start != m.start:
        return False
    if host.type == "ORG":
        return m.attrs.get("level") == "country" and m.attrs.get("canonical") not in _home()
    return (host.type == "AGENCY" and not host.attrs.get("central")
            and not host.attrs.get("host_span"))   # 中国证监会|广东监管局: a central name's 中国


def _home() -> tuple:
    from kg import ruleset
    return tuple(ruleset.current().places.world.home)


def _hosts(t, m) -> bool:
    """Whether a taken mention `t` may hold the proposal `m` nested: a body
    holds a place or a body, a document's title the title inside it
    (《关于修改〈某某法〉的决定》), an unquoted 关于-title any name inside it."""
    if t.attrs.get("holds_names"):      # 关于某地某某工作情况的报告: any name read inside it
        return True
    return t.type == "DOCUMENT" if m.attrs.get("inner_title") else t.type in HOSTS


def _fits_among(m, held) -> bool:
    """Whether a name read inside an unquoted 关于-title overlaps none of the
    names already kept in it, but a body holding it (关于某地某局…: the place
    in the body): inside the title they are resolved as anywhere else."""
    return all(n.type in HOSTS and n.start <= m.start and m.end <= n.end and n.end - n.start > m.end - m.start
               for n in held if n.start < m.end and m.start < n.end)


def resolve(mentions, beaten=None):
    """The kept mentions, sorted by position. `beaten`, when given, is filled
    with id(kept mention) -> the proposals it made the resolver drop."""
    order = sorted(mentions, key=lambda m: (-m.priority, -(m.end - m.start), m.start, m.type))
    taken, nested, spans, held = _Taken(order), [], {}, []   # held: the names nested in a 关于-title
    for m in order:
        key = (m.start, m.end, m.type)
        if key in spans:        # the same reading proposed twice: the first stands
            if beaten is not None:
                beaten.setdefault(id(spans[key]), []).append(m)
            continue
        clash = taken.overlapping(m)
        if not clash:
            taken.add(m)
            spans[key] = m
        elif (titled := all(t.attrs.get("holds_names") for t in clash)) and not _fits_among(m, held):
            if beaten is not None:      # 关于…|四级法院审级…改革|…的决定: 四级法院 inside the reform read first
                for t in clash:
                    beaten.setdefault(id(t), []).append(m)
        elif (m.type in NESTABLE or m.attrs.get("inner_title") or titled) and all(
                _hosts(t, m) and t.start <= m.start and m.end <= t.end and
                ((t.end - t.start) > (m.end - m.start) or t.attrs.get("shared_tail")) and
                (not is_world_place(m) or _seat_of(m, t))   # 某国|和某国政府: the place in its organ
                for t in clash):
            m.attrs["nested"] = True
            nested.append(m)
            spans[key] = m
            if titled:
                held.append(m)
        elif beaten is not None:
            for t in clash:
                beaten.setdefault(id(t), []).append(m)
    # a nested mention inside another nested one of the same span type is noise
    same = Counter((n.type, n.start, n.end) for n in nested)
    out = taken.kept + [n for n in nested if same[n.type, n.start, n.end] == 1]
    return sorted(out, key=lambda m: (m.start, m.end, m.type))


class _Taken:
    """The mentions kept so far, in the order kept, and which of them covers
    each character. Kept mentions never overlap (one that would is not
    kept), so a proposal's clashes are the owners of its characters: found
    in time linear in its length, not by a look at every kept mention."""

    def __init__(self, mentions):
        self.kept, self.rank = [], {}
        self.owner = [None] * max((m.end for m in mentions), default=0)
        self.points = []    # kept empty spans (start == end): they own no character

    def add(self, m) -> None:
        self.rank[id(m)] = len(self.kept)
        self.kept.append(m)
        if m.end <= m.start:
            self.points.append(m)
        for c in range(m.start, m.end):
            self.owner[c] = m

    def overlapping(self, m) -> list:
        """The kept mentions t with t.start < m.end and m.start < t.end, in
        the order they were kept."""
        if m.end > m.start:
            found = {id(t): t for c in range(m.start, m.end) if (t := self.owner[c]) is not None}
        else:   # an empty span clashes with a kept one strictly around it
            t = self.owner[m.start] if 0 <= m.start < len(self.owner) else None
            found = {id(t): t} if t is not None and t.start < m.start else {}
        found.update((id(t), t) for t in self.points if t.start < m.end and m.start < t.end)
        return sorted(found.values(), key=lambda t: self.rank[id(t)]) if len(found) > 1 else list(found.values())
