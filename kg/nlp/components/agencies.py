"""AGENCY: state and party bodies.

Three readings, all from rules/agencies.toml and rules/central_bodies.tsv:
- central bodies by name (公安部, 国家金融监督管理总局 and its short forms);
- a body after a place or a chain of places (云南省临沧市沧源佤族自治县 +
  纪委监委), after a level character standing for the place in context
  (县 + 公安局, 省 + 政府), or after another body (公安部 + 法制局: nested,
  the outer one is recorded as `host` for part_of);
- an unprefixed body ending in a restricted suffix (组织部, 法制局).
Runs after kg_places, whose PLACE mentions are its anchors.

Size: one finder, its readings sharing the place anchors, the word cuts and
the shape gate; the shape and foreign tests live in body_shape and foreign.
"""

import re

from spacy.language import Language

from kg import ruleset
from kg.nlp.mentions import Mention, doc_text, mentions_of
from kg.nlp.textscan import Automaton, PUNCT, is_cjk, longest_first
from kg.nlp.titles import find_titles, load_titles
from kg.nlp.components.bodies import BodyRules, joined_fields_start
from kg.nlp.components.body_shape import CoreShape, Words, place_chains
from kg.nlp.components.committees import BareCommittees
from kg.nlp.components.foreign import ForeignBodies
from kg.nlp.names import central_bodies


@Language.factory("kg_agencies", default_config={"rules": None},
                  assigns=["doc._.kg_mentions"], requires=["doc._.kg_mentions"])
def make_agencies(nlp, name, rules: str | None):
    """Reads the PLACE mentions kg_places left in doc._.kg_mentions."""
    return AgencyFinder(rules)


class AgencyFinder:
    """`rules`: a rules folder (None: the rule set in force)."""

    def __init__(self, rules: str | None = None):
        self.rules = ruleset.load(rules)
        cfg = self.rules.agencies
        self.priority = self.rules.priorities
        self.bodies = BodyRules.from_rules(cfg, cfg.suffixes)
        self.shape = CoreShape(self.bodies, self.rules.places.level_chars)
        # 县公安局, 省政府, 市纪委: a level character standing for the place in context
        self.level_chars = set(self.rules.places.level_chars)
        self.bare_suffixes = longest_first(cfg.bare_suffixes)
        self.generic_alone = set(cfg.generic_alone)
        self.nested_whole = frozenset(cfg.nested_whole_bodies)
        self.nested_first = frozenset(cfg.nested_first_bodies)
        self.nested_first_not_before = tuple(cfg.nested_first_not_before)
        self.attach_words = cfg.attach_words
        self.stationed_units = set(cfg.stationed_units)
        self.term_marker = re.compile(cfg.term_marker)
        names, self.parents = central_bodies(self.rules)
        self.committees = BareCommittees(self.rules, self.parents, self.priority["agency_central"])
        self.central_patterns = [(re.compile(p), c) for p, c in cfg.central_patterns.items()
                                 if c in self.parents]
        self.central = Automaton(names)
        self.numbered = [re.compile(p) for p in cfg.numbered_units]
        # {a parent whose name ends so (某某战区): its names}, for _named_parent
        self.titles = load_titles(self.rules)
        self.parent_names = {}
        self.named_parent_ends = tuple(cfg.named_parent_ends)
        self.named_parent_offices = tuple(cfg.named_parent_offices)
        committee_parents = {self.parents[c] for c in self.committees.rows}
        office_parents = {self.parents[c] for c in self.parents if c.endswith(self.named_parent_offices)}
        for name, canonical in names.items():
            if canonical.endswith(tuple(cfg.named_parent_ends)) or canonical in committee_parents \
                    or canonical in office_parents:
                self.parent_names.setdefault(canonical, []).append(name)
        self.collective = Automaton({n: n for n in cfg.collective_bodies})
        self.level_anchor_words = cfg.level_anchor_words
        self.standalone = Automaton({n: n for n in cfg.standalone_bodies})
        local = self.rules.places.local
        self.village_bodies = BodyRules.from_rules(cfg, local.body_followers)
        self.village_body_names = frozenset(local.body_followers)
        self.zone_body_max_core = local.zone_body_max_core
        self.min_bare_core = cfg.min_bare_core
        self.max_bare_core = cfg.max_bare_core
        self.max_level_core = cfg.max_level_core
        lv = re.escape("".join(self.level_chars))
        self.distributive = re.compile(rf"{re.escape(cfg.distributive_marker)}[{lv}、（(]*$")
        self.distributive_window = cfg.distributive_window
        self.title_window = cfg.title_window
        self.foreign = ForeignBodies(self.rules, self.bodies.core_char_ok)
        self.org_endings = self.rules.orgs.suffixes
        self.party_suffixes = cfg.party_suffixes
        self.party_people = cfg.party_people
        self.party_name_ends = tuple(cfg.party_name_ends)
        # 该局 (the bureau just named) + a unit: rules/relations.toml [anaphora]
        self.anaphor_marker = cfg.anaphor_marker
        self.anaphor_tails = sorted((k for k, v in self.rules.relations.anaphora.items()
                                     if v == "AGENCY"), key=len, reverse=True)

    def __call__(self, doc):
        text = doc_text(doc)
        words = Words(doc, self.bodies.numeral_chars)
        places = sorted((m for m in mentions_of(doc) if m.type == "PLACE"), key=lambda m: m.start)
        persons = [m for m in mentions_of(doc) if m.type == "PERSON"]
        found = self._central(text, places, words) + self._anchored(text, places, words)
        found.extend(self._bare(text, found, words))
        found = [self._anaphoric(text, m, found) for m in found]
        nested = self._nested(text, found, words, places)
        # 菲律宾新任总统马科|斯: a body's name runs into no person's (a
        # central name is a body whatever a person reading says)
        found, nested = ([m for m in ms if m.attrs.get("central")
                          or not any(m.start < p.start < m.end for p in persons)] for ms in (found, nested))
        # a bare reading that ends a longer nested name was cut at an inner
        # character (生态环境部固体废物与|化学品司): the nested name is the body
        wrong = {id(m) for m in found if m.attrs.get("bare")
                 and any(n.start < m.start and n.end == m.end for n in nested)}
        found = [m for m in found if id(m) not in wrong] + nested
        found.extend(self._stationed(text, found, places))
        found.extend(self._listed(text))
        found.extend(self._numbered(text))
        found.extend(self.foreign.administrations(text, places, self.foreign.seats(places),
                                                  self.priority["agency_prefixed"]))
        found.extend(self.committees.read(text, found))   # 经济委员会 where the text names 全国政协
        mentions_of(doc).extend(self._in_org(text, m) for m in found)
        return doc

    def _central(self, text, places, words) -> list:
        """Central bodies by name (rules/central_bodies.tsv) and by pattern;
        a central name in a foreign body's is that body (kg.nlp.components.foreign)."""
        found = []
        foreign = self.foreign.seats(places)
        for s, e, canonical in self.central.longest(text):
            # 财政部门, 教育部门: a central name that ends a word (部门, 部分)
            # names a kind of department, not the ministry
            if text[e:e + 1] in self.bodies.not_followed_by.get(text[e - 1], ()):
                continue
            own = self.foreign.body(text, s, e, foreign, words, self.priority["agency_prefixed"])
            if own is not None:
                found.extend(own)
                continue
            # 中国共产党人: the party's people; the name is read (no place inside it) and linked to nothing
            people = text[e - 1] in self.party_name_ends and text.startswith(self.party_people, e)
            found.append(Mention(s, e, "AGENCY", text[s:e], "kg_agencies", self.priority["agency_central"],
                                 {"canonical": canonical, "central": True,
                                  "host_name": self.parents.get(canonical), **({"people": True} if people else {})},
                                 rule="agencies.central_name"))
            found.extend(self._named_parent(text, s, e, canonical))
        for pattern, canonical in self.central_patterns:   # 中国共产党第二十届中央委员会: 中共中央
            for m in pattern.finditer(text):
                # above a name read after a central one (中国共产党|第二十届中央委员会)
                found.append(Mention(m.start(), m.end(), "AGENCY", m.group(), "kg_agencies",
                                     self.priority["agency_central_pattern"],
                                     {"canonical": canonical, "central": True,
                                      "host_name": self.parents.get(canonical)}, rule="agencies.central_pattern"))
        return found

    def _anchored(self, text, places, words) -> list:
        """Bodies read after a chain of places or a level character standing for one."""
        found = []
        starts = {m.start for m in places}
        in_place = _covering(places, len(text))
        for chain in place_chains(places):
            if self.shape.glued_abbreviation(text, chain[0]):
                continue
            end = self._body_after_place(text, chain[-1], self.shape.predicate(text, words, places, chain[-1].end))
            # 与/和 may stand inside a name (文化和旅游厅), not before another
            # place: 北京分行|与|北京市朝阳区人民政府 are two names
            if end and not any(text[k] in self.bodies.inner_chars and k + 1 in starts
                               for k in range(chain[-1].end, end)):
                found.append(self._prefixed(text, chain[0].start, end, chain))
                found.extend(self.foreign.elided(text, found[-1], places))   # 某国和|某国政府
        for i, ch in enumerate(text):
            if ch in self.level_chars and self._level_anchor_ok(text, i, in_place):
                end = self.bodies.body_after(text, i + 1, max_core=self.max_level_core,
                                             shape=self.shape.predicate(text, words, places, i + 1))
                if end:
                    found.append(Mention(i, end, "AGENCY", text[i:end], "kg_agencies",
                                         self.priority["agency_prefixed"], {"level_prefix": ch},
                                         rule="agencies.level_char_anchor"))
        return found

    def _body_after_place(self, text, place, shape):
        """End of the body read after a place: after a village only the
        bodies a village has (新河村|党支部, not 新河村|地处), after a zone one
        with a short core (高新区|管委会, 高新区|税务局: rules/places.toml [local])."""
        level = place.attrs.get("level")
        if level == "village":
            return self.village_bodies.body_after(text, place.end, allowed=self.village_body_names, max_core=1)
        if level == "zone":
            return self.bodies.body_after(text, place.end, max_core=self.zone_body_max_core)
        end = self.bodies.body_after(text, place.end, shape=shape)
        opener = self.foreign.ministry_opener(text, place)    # 某国|公共|卫生部
        return end or (self.bodies.body_after(text, place.end + opener, shape=shape) if opener else None) \
            or self.foreign.organ_end(text, place) or None     # 某国|军方

    def _listed(self, text) -> list:
        """Collective (公安机关) and standalone (村委会) bodies of the fixed lists."""
        found = []
        for s, e, n in self.collective.longest(text):
            found.append(Mention(s, e, "AGENCY", n, "kg_agencies", self.priority["agency_collective"],
                                 {"collective": True}, rule="agencies.collective"))
        for s, e, n in self.standalone.longest(text):
            found.append(Mention(s, e, "AGENCY", n, "kg_agencies", self.priority["agency_standalone"],
                                 {"standalone": True}, rule="agencies.standalone"))
        return found

    def _named_parent(self, text, s, e, canonical) -> list:
        """The parent a central name opens with (北部战区|海军: 北部战区), when
        its name ends so (rules/agencies.toml named_parent_ends), or the
        commission a central office's name opens with (named_parent_offices:
        中央财经委员会|办公室); kept nested."""
        parent = self.parents.get(canonical)
        if not parent or not (parent.endswith(self.named_parent_ends) or canonical in self.committees.rows
                              or canonical.endswith(self.named_parent_offices)):
            return []   # 全国人大|财经委: a special committee names its parent too, 全国人大常委会 does not here
        for name in self.parent_names.get(parent, ()):
            if text.startswith(name, s) and s + len(name) < e:
                return [Mention(s, s + len(name), "AGENCY", name, "kg_agencies", self.priority["agency_central"],
                                {"canonical": parent, "central": True, "host_name": self.parents.get(parent)},
                                rule="agencies.named_parent")]
        return []

    def _numbered(self, text) -> list:
        """Units named by their number (第79集团军, rules/agencies.toml
        numbered_units): no place or body before them to anchor a reading."""
        return [Mention(m.start(), m.end(), "AGENCY", m.group(), "kg_agencies",
                        self.priority["agency_central_pattern"], {"numbered": True},
                        rule="agencies.numbered_unit")
                for p in self.numbered for m in p.finditer(text)]

    def _prefixed(self, text, start, end, chain):
        if _joint(chain):
            return Mention(start, end, "AGENCY", text[start:end], "kg_agencies", self.priority["agency_prefixed"],
                           {"joint": True}, rule="agencies.joint_body")
        opener = self.foreign.party_opener(text, chain[0], chain[-1])
        if opener:      # 统一|某国|党中央: the party's body under the party's whole name
            return Mention(start - opener, end, "AGENCY", text[start - opener:end], "kg_agencies",
                           self.priority["agency_prefixed"], {"party_body": True}, rule="agencies.other_party")
        last = chain[-1]
        return Mention(start, end, "AGENCY", text[start:end], "kg_agencies", self.priority["agency_prefixed"],
                       {"place_code": last.attrs.get("code"), "place_span": (last.start, last.end),
                        "prefix_end": last.end}, rule="agencies.place_prefixed")

    def _level_anchor_ok(self, text, i, in_place):
        """A level char stands for a place when it starts a name: after
        punctuation, a function character or a verb, never inside a place
        (`in_place`: _covering of the places)."""
        if in_place[i]:
            return False
        if self.distributive.search(text, max(0, i - self.distributive_window), i):
            return False  # 各州、市人民政府, 各县(市、区): every such body, not one
        if any(t.start == 0 for t in find_titles(text[i:i + self.title_window], self.rules)):
            return False  # 省长, 市委书记: a post, not a body
        if i == 0:
            return True
        prev = text[i - 1]
        return prev in PUNCT or prev in self.bodies.stop_chars or not is_cjk(prev) or \
            any(text.endswith(w, 0, i) for w in self.bodies.stop_words) or \
            any(text.endswith(w, 0, i) for w in self.level_anchor_words)

    def _bare(self, text, found, words):
        """Unprefixed bodies with a restricted suffix, where nothing else is."""
        taken = _covering(found, len(text))
        out = []
        for suf in self.bare_suffixes:
            j = text.find(suf)
            while j != -1:
                end = j + len(suf)
                nxt = text[end:end + 1]
                ok = not (nxt and (nxt in self.bodies.title_followers or
                                   nxt in self.bodies.not_followed_by.get(suf, ())))
                if ok and taken.find(1, j, end) < 0:
                    start = self.bodies.body_before(text, j, suf, self.min_bare_core, self.max_bare_core,
                                                    core_may_be_verb=True, after_verb=True, words=words)
                    if start is not None and suf in self.rules.agencies.field_joined_suffixes:
                        start = joined_fields_start(text, start, words, taken, self.rules.agencies, self.titles)
                    stationed = start is not None and any(text.endswith(w, 0, start) for w in self.attach_words)
                    if start is not None and not stationed and text[start:end] not in self.generic_alone:
                        out.append(Mention(start, end, "AGENCY", text[start:end], "kg_agencies",
                                           self.priority["agency_bare"], {"bare": True},
                                           rule="agencies.bare_suffix"))
                        taken[start:end] = b"\x01" * (end - start)
                j = text.find(suf, j + 1)
        return out

    def _in_org(self, text, m):
        """A body inside or right after a non-state organisation's name (an
        ORG suffix of rules/orgs.toml) is a department of it: an ORG, unless
        a party body (rules/agencies.toml party_suffixes); so is a body whose
        name ends like a research institute's (rules/orgs.toml institute_endings:
        某国某某研究中心)."""
        # 第73集团军: 集团 inside an army's name is no company's ending
        if m.attrs.get("central") or m.attrs.get("numbered") or m.text.endswith(self.party_suffixes):
            return m
        inside = any(o in m.text[1:-1] for o in self.org_endings) \
            or m.text.endswith(tuple(self.rules.orgs.institute_endings))
        if inside or text.endswith(self.org_endings, 0, m.start):
            # at an ORG's priority: the organisation's whole name, where kg_orgs
            # reads one (中国科学院|某某研究所), is the longer reading
            return Mention(m.start, m.end, "ORG", m.text, m.source, self.rules.priorities["org"],
                           {"department": True}, rule="agencies.org_department")
        return m

    def _anaphoric(self, text, m, found):
        """该局刑事侦查支队: the unit of the bureau named before (attrs
        `anaphor_host`: its span; the linker names it after it), not a body
        called 局刑事侦查支队."""
        if not m.attrs.get("bare"):
            return m
        # the bare reading starts at the tail (该|局刑事侦查支队) or, read by
        # words, after the word 该局 (该局|刑事侦查支队)
        before = next((t for t in self.anaphor_tails if text.endswith(self.anaphor_marker + t, 0, m.start)), None)
        tail = before or next((t for t in self.anaphor_tails if m.text.startswith(t) and len(m.text) > len(t)
                               and text.endswith(self.anaphor_marker, 0, m.start)), None)
        if tail is None:
            return m
        tail_start = m.start - len(tail) if before else m.start
        hosts = [h for h in found if h.end <= tail_start - len(self.anaphor_marker) and not h.attrs.get("bare")
                 and (h.attrs.get("canonical") or h.text).endswith(tail)]
        attrs = dict(m.attrs)
        if hosts:
            host = max(hosts, key=lambda h: h.end)
            attrs["anaphor_host"] = (host.start, host.end)
        start = tail_start + len(tail)
        return Mention(start, m.end, "AGENCY", text[start:m.end], m.source, m.priority, attrs,
                       rule="agencies.anaphoric_unit")

    def _nested(self, text, found, words, places):
        """Bodies read right after another body: 公安部|法制局, 北京市委|组织部,
        中央纪委国家监委|驻|应急管理部|纪检监察组. Repeats for deeper nesting."""
        out, frontier = [], list(found)
        central = [(m.start, m.end) for m in found if m.attrs.get("central")]
        while frontier:
            new = []
            for host in frontier:
                if any(text.endswith(w, 0, host.start) for w in self.attach_words):
                    continue  # 驻应急管理部|纪检监察组 belongs to the body before 驻
                pos = host.end
                if any(text.startswith(w, pos) for w in self.attach_words):
                    continue  # read by _stationed once every body is known
                mark = next((k for k in self.bodies.former_marks if text.startswith(k, pos)), "")
                if mark and text.startswith(tuple(self.party_suffixes), pos + len(mark)):
                    continue  # 某某中心|原|党委书记: a former party title follows (not 某军|原|总政治部)
                first = self.bodies.suffix_at(text, pos, allowed=self.nested_first)
                if first and text.startswith(self.nested_first_not_before, pos + len(first)):
                    first = None
                end = pos + len(first) if first else \
                    self.bodies.body_after(text, pos, min_core=2, core_may_be_verb=True,
                                           shape=self.shape.predicate(text, words if host.attrs.get("bare") else None,
                                                                      places))
                rule = "agencies.nested_whole" if first else "agencies.nested"
                if end and host.attrs.get("central") and any(
                        pos <= cs and ce == end and not self._term_only(text[pos:cs]) for cs, ce in central):
                    continue  # 中共中央政治局|中央军事委员会, 中共中央委托|中央统战部: two bodies
                if not end:   # 县人民政府|办公室, 县委|办: a body's word alone, no core to read
                    whole = self.bodies.suffix_at(text, pos, allowed=self.nested_whole)
                    end = pos + len(whole) if whole else None
                    rule = "agencies.nested_whole"
                if end:
                    m = Mention(host.start, end, "AGENCY", text[host.start:end], "kg_agencies",
                                host.priority + self.priority["agency_nested_step"],
                                {"host_span": (host.start, host.end),
                                 "place_code": host.attrs.get("place_code"),
                                 "prefix_end": host.attrs.get("prefix_end")}, rule=rule)
                    new.append(m)
            out.extend(new)
            frontier = new
        return out


    def _term_only(self, gap: str) -> bool:
        """Whether `gap` is a term alone (第十九届): the party, its term and
        a central body of it are one formal name (中国共产党|第十九届|中央纪律检查委员会)."""
        m = self.term_marker.match(gap)
        return m is not None and m.end() == len(gap)

    def _stationed(self, text, found, places):
        """A unit one body keeps in another: A + 驻 + B + unit
        (中央纪委国家监委驻应急管理部纪检监察组); B is the longest body read
        at that point, the unit one of `stationed_units`; or a place, or a
        region's one-character short form (驻港), + unit: the body's office
        there (某部驻某地|特派员公署). Part of A."""
        out = []
        for host in sorted(found, key=lambda m: (m.start, -m.end)):
            for w in self.attach_words:
                if not text.startswith(w, host.end):
                    continue
                at = host.end + len(w)
                inner = [m for m in found if m.start == at]
                end = None
                for b in sorted(inner, key=lambda m: -m.end):
                    end = self.bodies.body_after(text, b.end, allowed=self.stationed_units) or \
                        self._stationed_office(text, b)
                    if end:
                        break
                if not inner and host.attrs.get("central"):
                    seat = max((p.end for p in places if p.start == at), default=at + 1)
                    unit = next((u for u in sorted(self.stationed_units, key=len, reverse=True)
                                 if text.startswith(u, seat)), None)
                    end = seat + len(unit) if unit and is_cjk(text[at]) else None
                if end and not any(o.start == host.start and o.end == end for o in out):
                    out.append(Mention(host.start, end, "AGENCY", text[host.start:end], "kg_agencies",
                                       host.priority + self.priority["agency_stationed_step"],
                                       {"host_span": (host.start, host.end)}, rule="agencies.stationed_unit"))
        return out

    def _stationed_office(self, text, body):
        """The end of a place's office read after 驻 when the office is one
        a body keeps there (某中央机关驻某特别行政区|联络办公室): the place +
        unit is no local body of that place but the unit of the body before 驻."""
        pe = body.attrs.get("prefix_end")
        return body.end if pe is not None and text[pe:body.end] in self.stationed_units else None


def _covering(mentions, n: int) -> bytearray:
    """1 at each of the n characters some mention covers, else 0: whether a
    stretch overlaps one is then a look at its own characters, not a scan
    of every mention."""
    out = bytearray(n)
    for m in mentions:
        out[m.start:m.end] = b"\x01" * (m.end - m.start)
    return out


def _joint(chain) -> bool:
    """Two countries' one-character short forms in a row (中某|合作委员会,
    某中|关系全国委员会) name a body of both, seated in neither: its whole
    name is its own, not the last country's body."""
    return len(chain) >= 2 and all(p.rule == "places.country_character" for p in chain[-2:])
