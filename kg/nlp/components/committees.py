"""Special committees named bare: 经济委员会, 外事委员会, 提案委员会.

The national legislature's and the CPPCC's special committees are central
bodies (rules/central_bodies.tsv), but their bare names are shared by the
committees of every local people's congress and CPPCC. A bare name (the
table's fourth column) is read as the central committee only where the text
names its parent: the nearest mention before it (else after it) of a body of
the parent's kind (rules/agencies.toml [committee_parent_kinds]: 人大, 政协)
must be the central parent, one of its own bodies (全国政协常委会) or the body
above it (全国人大, for the standing committee's 代表资格审查委员会); a local
one (省政协) leaves the name to the other readings.
"""

from kg.nlp.mentions import Mention
from kg.nlp.textscan import Automaton


class BareCommittees:
    def __init__(self, rules, parents: dict, priority: int):
        self.parents = parents
        self.priority = priority
        self.kinds = {p: tuple(ws) for p, ws in rules.agencies.committee_parent_kinds.items()}
        forms = {}
        self.rows = frozenset(row[0] for row in rules.central_bodies if len(row) > 3 and row[3])
        for row in rules.central_bodies:
            if len(row) > 3 and row[3]:
                for n in row[3].split("|"):
                    forms.setdefault(n, []).append(row[0])
        self.forms = Automaton({n: tuple(cs) for n, cs in forms.items()})

    def read(self, text: str, found: list) -> list:
        """The bare committee names of `text` whose parent the text names,
        given the AGENCY mentions `found` so far."""
        out = []
        central = [m for m in found if m.attrs.get("central")]
        for s, e, canonicals in self.forms.longest(text):
            if any(m.start <= s and e <= m.end and m.attrs.get("canonical") in self.parents
                   and m.end - m.start > e - s for m in central):
                continue    # 全国政协|经济委员会: the table's whole name was read
            canonical = self._resolved(s, e, canonicals, found)
            if canonical:
                out.append(Mention(s, e, "AGENCY", text[s:e], "kg_agencies", self.priority,
                                   {"canonical": canonical, "central": True,
                                    "host_name": self.parents.get(canonical)},
                                   rule="agencies.bare_committee"))
        return out

    def _resolved(self, s, e, canonicals, found):
        words = {w for c in canonicals for w in self.kinds.get(self.parents.get(c), ())}
        anchors = [m for m in found if m.type == "AGENCY" and any(w in m.text for w in words)
                   and not (m.start <= s and e <= m.end)]
        before = [m for m in anchors if m.end <= s]
        after = [m for m in anchors if m.start >= e]
        anchor = max(before, key=lambda m: m.end) if before else \
            min(after, key=lambda m: m.start) if after else None
        # 全国政协|十三届常委会: a body nested in a central one is the central one's
        spans = {(m.start, m.end): m for m in found}
        while anchor is not None and not anchor.attrs.get("central") and anchor.attrs.get("host_span"):
            anchor = spans.get(tuple(anchor.attrs["host_span"]))
        if anchor is None or not anchor.attrs.get("central"):
            return None
        # the anchor is the parent, one of its bodies (全国政协常委会) or the
        # body above it (全国人大 for the 全国人大常委会's committee)
        named = anchor.attrs.get("canonical")
        return next((c for c in canonicals if self.parents.get(c) in self._chain(named)
                     or named in self._chain(self.parents.get(c))), None)

    def _chain(self, c) -> set:
        """c and the bodies above it in the table."""
        out = set()
        while c and c not in out:
            out.add(c)
            c = self.parents.get(c)
        return out
