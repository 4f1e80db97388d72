"""What a mention refers to, as a key, and a key as the graph's node id.

A place is keyed by its division code; a central body by its gazetteer
name; a local body by (its place's code, its own name with short forms
expanded); a body nested in another by (the host's key, its own name); a
level-prefixed body (县市场监管局) by the place of that level named nearest
before it in the same article. Keys whose first part is `bare` or `level`
only make sense inside their document.
"""

import re
from functools import lru_cache
from typing import NamedTuple

from kg.link.context import place_in_context, village_of_body
from kg.link.naming import local_name
from kg.nlp.names import canonical_tail, fold, variants


class Keyed(NamedTuple):
    """A mention's key with the name, aliases and attributes its entity gets
    when this mention is the first of it."""
    key: tuple
    name: str
    aliases: set
    attrs: dict


def key_string(key: tuple) -> str:
    """A key as one string (`place:530927`, `central:公安部`); the graph's node id."""
    return ":".join(str(k) if not isinstance(k, tuple) else key_string(k) for k in key)


class ArticleKeys:
    """The keys of one article's mentions, each computed once: a nested
    body's key is built from its host's, a seated unit's from the unit's."""

    def __init__(self, gaz, rules, mentions):
        self.gaz = gaz
        self.rules = rules
        self.by_span = {(m.start, m.end, m.type): m for m in mentions}
        self.places = [m for m in mentions if m.type == "PLACE" and m.attrs.get("code")]
        self._keyed = {}

    def of(self, m) -> Keyed:
        k = (m.start, m.end, m.type)
        if k not in self._keyed:
            self._keyed[k] = self._key(m)
        return self._keyed[k]

    def _key(self, m) -> Keyed:
        t = m.type
        if t == "PLACE":
            p = self.gaz.by_code(m.attrs["code"]) if m.attrs.get("code") else None
            if p is None:
                return Keyed(("bare", t, fold(m.text)), m.text, set(), {})
            return Keyed(("place", p.code), p.name, set(self.gaz.names_of(p.code)),
                         {"code": p.code, "parent": p.parent, "level": p.level})
        if t == "AGENCY":
            return self._agency(m)
        if t == "PERSON":
            return Keyed(("person", m.text), m.text, set(), {})
        if t == "DOCUMENT":     # a plan listed by its subject alone (…和立法工作计划) has its full name
            name = m.attrs.get("full_name", m.text)
            f = fold(name).removeprefix(self.rules.relations.linking.document_name_prefix)
            return Keyed(("document", f), name, set(), {})
        if t == "PROGRAM":
            return Keyed(("program", fold(m.text)), m.text, set(), {})
        return self._org(m)

    def _org(self, m) -> Keyed:
        """北京丰台长峰医院 and 北京长峰医院 are one hospital: an ORG's key
        leaves out a place named inside it within a place named before it
        (丰台 in 北京), and keeps the first: 厦门大学 and 福州大学 are two.
        One named by a table (北约) is keyed by its canonical name."""
        inner = sorted((p for p in self.places
                        if m.start <= p.start and p.end <= m.end and p.end - p.start < m.end - m.start),
                       key=lambda p: p.start)
        if m.attrs.get("canonical"):   # a table's name: only a foreign country opening it seats it (上海合作组织: none)
            foreign = self.rules.relations.resolution.foreign_seat
            seat = self._org_seat(m, [p for p in inner if p.attrs["code"].startswith(foreign)])
            return Keyed(("org", fold(m.attrs["canonical"])), m.attrs["canonical"], set(),
                         {"place": seat.attrs["code"]} if seat is not None else {})
        within = [p for k, p in enumerate(inner) if any(_inside(p.attrs["code"], q.attrs["code"]) for q in inner[:k])]
        core = m.text
        for p in sorted(within, key=lambda p: -p.start):
            core = core[:p.start - m.start] + core[p.end - m.start:]
        # a team (某地队) plays for its place rather than sitting in it
        seat = self._org_seat(m, inner) if m.rule != "orgs.team" else None
        return Keyed(("org", fold(core) or fold(m.text)), m.text, set(),
                     {"place": seat.attrs["code"]} if seat is not None else {})

    def _org_seat(self, m, inner):
        """The PRC place an ORG is seated in, read from its name (spec §7): a
        place after the name of the body it is a branch or campus of, or
        after an academy (某某大学|某地|研究院, 中科院|某地|某某所), or in
        brackets (某某（某地）有限公司); else the place its name opens with,
        or the last of a chain of them each inside the one before (北京|丰台|
        某某医院: 丰台). A foreign place counts only as the place the name
        opens with (美国|有线电视新闻网 in 美国); the home country never (中国|
        石油: a national name, no seat, spec §7)."""
        orgs = self.rules.orgs
        heads = (*orgs.suffixes, *orgs.academy_units.hosts, "（", "(")
        res = self.rules.relations.resolution
        abroad = [p for p in inner if p.attrs["code"].startswith(res.foreign_seat)]
        inner = [p for p in inner if p not in abroad]
        if abroad and abroad[0].start == m.start and abroad[0].attrs["code"] != res.home_seat \
                and not (inner and inner[0].start < abroad[0].end):
            return abroad[0]
        after = [p for p in inner if p.start > m.start and m.text.endswith(heads, 0, p.start - m.start)]
        first = after[-1] if after else None
        if first is None and inner and inner[0].start == m.start:
            first = inner[0]
        if first is None:
            return None
        chain = [q for q in inner if q.start >= first.start]
        seat = first
        for q in chain[1:]:
            if q.start != seat.end or not _inside(q.attrs["code"], seat.attrs["code"]):
                break   # 上海|某省|商会: the province's merchants, seated in the city
            seat = q
        return seat

    def _agency(self, m) -> Keyed:
        a = m.attrs
        if a.get("central"):
            return Keyed(("central", a["canonical"]), a["canonical"], set(), {"central": True})
        host = self.by_span.get((*a["host_span"], "AGENCY")) if a.get("host_span") else None
        # 该局刑事侦查支队: the unit of a bureau named earlier, written apart from it
        far = self.by_span.get((*a["anaphor_host"], "AGENCY")) if a.get("anaphor_host") else None
        if host is not None or far is not None:
            return self._hosted(m, host, far)
        if a.get("prefix_end") and a.get("place_code"):
            p = self.gaz.by_code(a["place_code"])
            # 某国和某国政府: the first state's organ, its word written once after the last
            shared = a.get("shared_tail") or ""
            tail = m.text[a["prefix_end"] - m.start:] + shared
            ps = a.get("place_span")
            written = m.text[ps[0] - m.start: ps[1] - m.start] if ps else None
            if p is not None and p.level == "zone" and written in self.rules.places.local.zone_kinds:
                written = m.text[: a["prefix_end"] - m.start]   # 济南|高新区|管委会: the zone with its city
            return self._local(p, tail, m.text + shared, written)
        if a.get("level_prefix"):
            p = place_in_context(self.gaz, self.rules, a["level_prefix"], m.start, self.places)
            if p is not None:
                return self._local(p, m.text[1:], m.text)
            return Keyed(("level", m.text), m.text, set(), {})
        if a.get("standalone"):   # 村委会: the village's named just before, else this document's
            v = village_of_body(self.gaz, self.rules, m.text, m.start, self.places)
            if v is not None:
                return self._local(v, m.text, m.text)
            return Keyed(("level", m.text), m.text, set(), {})
        if a.get("collective"):
            return Keyed(("collective", m.text), m.text, set(), {"collective": True})
        return Keyed(("bare", "AGENCY", canonical_tail(m.text)), m.text, variants(m.text), {})

    def _hosted(self, m, host, far) -> Keyed:
        """A body written after its host (公安部法制局), or after the anaphor
        of a host named earlier (该局刑事侦查支队): a unit of the host."""
        hkey, hname, haliases, _ = self.of(host or far)
        tail = m.text[host.end - m.start:] if host is not None else m.text
        unit = self.by_span.get((host.end, m.end, "AGENCY")) if host is not None else None
        if unit is not None and unit.attrs.get("place_code") and not unit.attrs.get("host_span"):
            ukey, uname, ualiases, uattrs = self.of(unit)
            if host.attrs.get("canonical") in self.rules.agencies.name_prefix_bodies:
                # 中国共产党|北京市委员会: the party's name in front of its local
                # committee's, which is no unit of a body called 中国共产党
                return Keyed(ukey, uname, ualiases | {m.text}, uattrs)
            # 国家税务总局|厦门市税务局: a local body named with the system it
            # belongs to is that local body (厦门市税务局 alone, later, is
            # the same one), under its full name, part of the system
            return Keyed(ukey, m.text, ualiases | {h + tail for h in haliases}, {
                **uattrs, "host": hkey, "name_rank": -1, "seated": True})
        attrs = {"host": hkey}
        if m.attrs.get("place_code"):
            attrs["place"] = m.attrs["place_code"]
        return Keyed((*hkey, canonical_tail(tail)), hname + tail,
                     {tail, *(h + tail for h in haliases)} | variants(tail), attrs)

    def _local(self, place, tail, surface, written=None) -> Keyed:
        return local_key(self.gaz, self.rules, place, tail, surface, written)


def local_key(gaz, rules, place, tail, surface, written=None) -> Keyed:
    """A local body: the body `tail` of `place`, written `surface`, with the
    place written `written` in it (None when only a level character implies
    the place: 县公安局). Its aliases are every name of the place + tail,
    short forms applied either way."""
    tail = _term_marker(rules).sub("", tail) or tail   # 省|十四届|人大常委会: the body, not its term
    name = local_name(place, tail, written)
    aliases = {surface, place.name + tail} | variants(name.text) | {
        s + tail for s in gaz.names_of(place.code)
        if s.endswith(place.name[-1]) or not tail.startswith(rules.agencies.tails_need_level_char)}
    return Keyed(("local", place.code, canonical_tail(tail)), name.text, aliases,
                 {"place": place.code, "name_rank": name.rank})


@lru_cache(maxsize=8)
def _inside(code: str, area: str) -> bool:
    """Whether division `code` lies inside division `area` (6-digit codes:
    a province's end in 0000, a city's in 00)."""
    if not (code.isdigit() and area.isdigit()):
        return False
    stem = area.rstrip("0")
    stem = stem + "0" * (len(stem) % 2)
    return code != area and len(stem) < len(code) and code.startswith(stem)


def _term_marker(rules) -> re.Pattern:
    return re.compile(rules.agencies.term_marker)
