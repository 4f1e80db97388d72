"""Mentions -> entities: one node per thing, with a canonical name and aliases.

Within a document every mention gets a key that says what it refers to:
a place by its division code; a central body by its gazetteer name; a local
body by (its place's code, its own name with short forms expanded); a body
nested in another by (the host's key, its own name); a level-prefixed body
(县市场监管局) by the place of that level named nearest before it in the same
article. Mentions with one key are one entity. Across documents (`merge`)
entities with the same key are one node, except keys that only make sense
inside their document (bare names, unresolved level prefixes).
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field

from kg.nlp.names import canonical_tail, fold, variants
from kg.nlp.gazetteer import load_gazetteer
from kg.ruleset import load_toml

LEVEL_OF_CHAR = {
    "省": ("province", "省"), "市": (None, "市"), "县": ("county", "县"),
    "区": ("county", "区"), "旗": ("county", "旗"), "州": ("prefecture", "州"),
    "盟": ("prefecture", "盟"), "乡": ("township", "乡"), "镇": ("township", "镇"),
}


def key_string(key: tuple) -> str:
    """A key as one string (`place:530927`, `central:公安部`); the graph's node id."""
    return ":".join(str(k) if not isinstance(k, tuple) else key_string(k) for k in key)


@dataclass
class Entity:
    key: tuple
    type: str
    name: str
    aliases: set = field(default_factory=set)
    mentions: list = field(default_factory=list)   # (source, article, start, end)
    attrs: dict = field(default_factory=dict)


# A 《》 title this short that ends an earlier title of the article is that
# document's short title (《意见》, 《通知》, 《实施方案》).
SHORT_TITLE = 6


@dataclass
class LinkedMention:
    mention: object        # kg.nlp.mentions.Mention, offsets global in the normalised text
    article: str
    key: tuple


class DocumentLinker:
    """Assigns keys to the resolved mentions of one document's articles."""

    def __init__(self, source: str):
        self.source = source
        self.gaz = load_gazetteer()
        agencies = load_toml("agencies.toml")
        self.tails_need_level = tuple(agencies.get("tails_need_level_char", ()))
        self.term_marker = re.compile(agencies.get("term_marker", "(?!)"))
        self.name_prefixes = set(agencies.get("name_prefix_bodies", ()))
        self.entities: dict[tuple, Entity] = {}
        self.linked: list[LinkedMention] = []

    # -- keys -------------------------------------------------------------
    def link_article(self, article_id: str, mentions: list) -> None:
        by_span = {(m.start, m.end, m.type): m for m in mentions}
        places = [m for m in mentions if m.type == "PLACE" and m.attrs.get("code")]
        keyed = {}

        def key_of(m):
            k = (m.start, m.end, m.type)
            if k not in keyed:
                keyed[k] = self._key(m, by_span, places, key_of)
            return keyed[k]

        docs = []   # (inner title, key) of the documents named so far in the article
        # 中国共产党|北京市委员会: the party's name as a prefix names no entity of its own
        prefix_spans = {tuple(m.attrs["host_span"]) for m in mentions if m.attrs.get("host_span")}
        for m in mentions:
            if m.attrs.get("canonical") in self.name_prefixes and (m.start, m.end) in prefix_spans:
                continue
            key, name, aliases, attrs = key_of(m)
            if m.type == "DOCUMENT":
                # 《意见》提出 after 《关于…的意见》: the short title of that document
                inner = m.text.strip("《》")
                earlier = [k for t, k in docs if len(inner) <= SHORT_TITLE < len(t) and t.endswith(inner)]
                if earlier:
                    key, name, aliases, attrs = earlier[-1], self.entities[earlier[-1]].name, set(), {}
                else:
                    docs.append((inner, key))
            ent = self.entities.get(key)
            if ent is None:
                ent = self.entities[key] = Entity(key, m.type, name, set(), [], dict(attrs))
            elif attrs.get("name_rank", 9) < ent.attrs.get("name_rank", 9):
                ent.aliases.add(ent.name)
                ent.name, ent.attrs["name_rank"] = name, attrs["name_rank"]
            ent.aliases.update(aliases)
            ent.aliases.add(m.text)
            ent.mentions.append((self.source, article_id, m.start, m.end))
            self.linked.append(LinkedMention(m, article_id, key))

    def _key(self, m, by_span, places, key_of):
        t = m.type
        if t == "PLACE":
            p = self.gaz.by_code(m.attrs["code"]) if m.attrs.get("code") else None
            if p is None:
                return ("bare", t, fold(m.text)), m.text, set(), {}
            return (("place", p.code), p.name, set(self.gaz.names_of(p.code)),
                    {"code": p.code, "parent": p.parent, "level": p.level})
        if t == "AGENCY":
            return self._agency_key(m, by_span, places, key_of)
        if t == "PERSON":
            return ("person", m.text), m.text, set(), {}
        if t == "DOCUMENT":
            f = fold(m.text)
            f = f.removeprefix("中华人民共和国")
            return ("document", f), m.text, set(), {}
        if t == "PROGRAM":
            return ("program", fold(m.text)), m.text, set(), {}
        inner = sorted((p for p in places if m.start <= p.start and p.end <= m.end and p.end - p.start < m.end - m.start),
                       key=lambda p: -p.start)
        core = m.text
        for p in inner:   # 北京丰台长峰医院 and 北京长峰医院 are one hospital
            core = core[:p.start - m.start] + core[p.end - m.start:]
        return ("org", fold(core) or fold(m.text)), m.text, set(), {}

    def _agency_key(self, m, by_span, places, key_of):
        a = m.attrs
        if a.get("central"):
            return ("central", a["canonical"]), a["canonical"], set(), {"central": True}
        host = by_span.get((*a["host_span"], "AGENCY")) if a.get("host_span") else None
        # 该局刑事侦查支队: the unit of a bureau named earlier, written apart from it
        far = by_span.get((*a["anaphor_host"], "AGENCY")) if a.get("anaphor_host") else None
        if host is not None or far is not None:
            hkey, hname, haliases, _ = key_of(host or far)
            tail = m.text[host.end - m.start:] if host is not None else m.text
            unit = by_span.get((host.end, m.end, "AGENCY")) if host is not None else None
            if unit is not None and unit.attrs.get("place_code") and not unit.attrs.get("host_span"):
                ukey, uname, ualiases, uattrs = key_of(unit)
                if host.attrs.get("canonical") in self.name_prefixes:
                    # 中国共产党|北京市委员会: the party's name in front of its local
                    # committee's, which is no unit of a body called 中国共产党
                    return ukey, uname, ualiases | {m.text}, uattrs
                # 国家税务总局|厦门市税务局: a local body named with the system it
                # belongs to is that local body (厦门市税务局 alone, later, is
                # the same one), under its full name, part of the system
                return ukey, m.text, ualiases | {h + tail for h in haliases}, {
                    **uattrs, "host": hkey, "name_rank": -1, "seated": True}
            attrs = {"host": hkey}
            if a.get("place_code"):
                attrs["place"] = a["place_code"]
            return ((*hkey, canonical_tail(tail)), hname + tail,
                    {tail, *(h + tail for h in haliases)} | variants(tail), attrs)
        if a.get("prefix_end") and a.get("place_code"):
            p = self.gaz.by_code(a["place_code"])
            tail = m.text[a["prefix_end"] - m.start:]
            ps = a.get("place_span")
            written = m.text[ps[0] - m.start: ps[1] - m.start] if ps else None
            return self._local(p, tail, m.text, written)
        if a.get("level_prefix"):
            p = self._place_in_context(a["level_prefix"], m.start, places)
            tail = m.text[1:]
            if p is not None:
                return self._local(p, tail, m.text)
            return ("level", m.text), m.text, set(), {}
        if a.get("standalone"):   # 村委会: this document's, named as written
            return ("level", m.text), m.text, set(), {}
        if a.get("collective"):
            return ("collective", m.text), m.text, set(), {"collective": True}
        return ("bare", "AGENCY", canonical_tail(m.text)), m.text, variants(m.text), {}

    def _local(self, place, tail, surface, written=None):
        """A local body. Its canonical name keeps the place as the text writes
        it (西藏森林消防总队, not 西藏自治区…), preferring the place's full
        official form where the text uses it (沧源佤族自治县纪委监委 over
        沧源县纪委监委); a body only implied by a level character (县公安局)
        is named with the place's official name (苍溪县公安局)."""
        tail = self.term_marker.sub("", tail) or tail   # 省|十四届|人大常委会: the body, not its term
        rank = 2 if written is None else (0 if written == place.name else 1)
        rank = rank * 2 + (0 if canonical_tail(tail) == tail else 1)   # 人民政府 over 政府
        name = place.name + tail if written is None else written + tail
        aliases = {surface, place.name + tail} | variants(name) | {
            s + tail for s in self.gaz.names_of(place.code)
            if s.endswith(place.name[-1]) or not tail.startswith(self.tails_need_level)}
        return (("local", place.code, canonical_tail(tail)), name, aliases,
                {"place": place.code, "name_rank": rank})

    def _place_in_context(self, ch, pos, places):
        """The place a level character (县 in 县公安局) stands for: the nearest
        place of that level named before it, else after it, in the article,
        where a place counts as named wherever a place inside it is (本报郑州电
        … 省政府: 河南省; 本报昆明电 … 沧源县 … 市纪委: 临沧市, not the
        dateline's 昆明)."""
        level, ending = LEVEL_OF_CHAR.get(ch, (None, ch))

        def fits(p):
            return p is not None and p.name.endswith(ending) and (
                not level or p.level == level or (ch == "市" and p.level in ("province", "prefecture")))

        cands = []
        for pm in places:
            p = self.gaz.by_code(pm.attrs["code"])
            own = [p] if fits(p) else [a for a in self.gaz.ancestor_places(pm.attrs["code"]) if fits(a)][:1]
            cands += [(pm.start, q) for q in own]
        before = [c for c in cands if c[0] < pos]
        if before:
            return max(before, key=lambda c: c[0])[1]
        after = [c for c in cands if c[0] >= pos]
        return min(after, key=lambda c: c[0])[1] if after else None

    # -- merging bare names into the entity they abbreviate ---------------
    def finish(self) -> list[Entity]:
        """Fold bare AGENCY names (法制局, 组织部) into the one entity whose own
        name they are, then return entities in order of first mention."""
        by_tail = defaultdict(set)
        for key, ent in self.entities.items():
            if (ent.type == "AGENCY" and key[0] in ("local", "central")) or ent.attrs.get("host"):
                for al in ent.aliases:
                    by_tail[canonical_tail(al)].add(key)
        for key in [k for k in self.entities if k[0] == "bare" and k[1] == "AGENCY"]:
            targets = by_tail.get(key[2], set())
            if len(targets) == 1:
                target = next(iter(targets))
                self._merge_into(key, target)
        self._merge_program_suffixes()
        return self.ordered()

    def ordered(self) -> list[Entity]:
        """Entities by first mention; implied ones (no mention) last, by name."""
        return sorted(self.entities.values(), key=lambda e: (
            min((mm[2] for mm in e.mentions), default=10**12), e.type, e.name))

    def implied(self, key, etype, name, aliases=(), attrs=None) -> tuple:
        """An entity the text implies (省长 -> 省人民政府) without naming it."""
        if key not in self.entities:
            self.entities[key] = Entity(key, etype, name, set(aliases), [], dict(attrs or {}))
        return key

    def local_body(self, place_code, tail):
        """Key of the body `tail` of a place, created when the text implies it."""
        p = self.gaz.by_code(place_code)
        key, name, aliases, attrs = self._local(p, tail, p.name + tail)
        return self.implied(key, "AGENCY", name, aliases, attrs)

    def _merge_program_suffixes(self):
        """A program named by the tail of exactly one longer program name is
        that program (投诉平台 -> 12389投诉平台; 不见面审批改革 ->
        "零跑腿不见面"审批改革), and so is a headline's shortening of it
        (领导干部包联化解信访积案机制 <- 省市县三级领导干部集中包联化解信访积案机制:
        same head, every character in order)."""
        progs = [k for k in self.entities if k[0] == "program"]
        for k in sorted(progs, key=lambda k: len(k[1])):
            if k not in self.entities:
                continue
            longer = [o for o in progs if o != k and o in self.entities
                      and len(o[1]) > len(k[1]) and _shortening(k[1], o[1])]
            if len(longer) == 1 and len(k[1]) >= 4:
                self._merge_into(k, longer[0])

    def _merge_into(self, key, target):
        src = self.entities.pop(key)
        dst = self.entities[target]
        dst.aliases |= src.aliases | {src.name}
        dst.mentions.extend(src.mentions)
        for lm in self.linked:
            if lm.key == key:
                lm.key = target


def _shortening(short: str, long: str) -> bool:
    """short is long's tail, or long's characters in order with the same last two."""
    if long.endswith(short):
        return True
    if len(short) < 6 or short[-2:] != long[-2:]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)
