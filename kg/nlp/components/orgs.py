"""ORG: companies, hospitals, associations, media — bodies that are not state organs.

Read leftwards from a suffix (rules/orgs.toml) to the nearest character that
cannot be in a name; full-width brackets are allowed inside the name
(中源信诚（北京）建筑装饰有限公司). State bodies win any overlap in the resolver
(中国人民银行 is a central body, not a bank).
"""

import re

from spacy.language import Language

from kg import ruleset
from kg.nlp.mentions import Mention, doc_text, mentions_of
from kg.nlp.textscan import Automaton, alternation, is_cjk
from kg.nlp.components.bodies import BodyRules
from kg.nlp.components.body_shape import Words
from kg.nlp.components.international import foreign_parties, international_orgs, people_parties
from kg.nlp.components.lac_edges import org_start
from kg.nlp.lexical import Tagged, tag_window, window_start


@Language.factory("kg_orgs", default_config={"rules": None},
                  assigns=["doc._.kg_mentions"], requires=["doc._.kg_mentions"])
def make_orgs(nlp, name, rules: str | None):
    """Reads the PLACE and PERSON mentions of the components before it."""
    return OrgFinder(rules)


class OrgFinder:
    """`rules`: a rules folder (None: the rule set in force)."""

    def __init__(self, rules: str | None = None):
        self.rules = ruleset.load(rules)
        cfg = self.cfg = self.rules.orgs
        self.priority = self.rules.priorities["org"]
        self.bodies = BodyRules.from_rules(self.rules.agencies, cfg.suffixes, cfg.extra_name_chars)
        self.bodies.stops_opening_words = cfg.stops_opening_words
        self.suffixes = Automaton({s: s for s in cfg.suffixes})
        self.count_core = re.compile(cfg.generic_core_pattern)
        self.count_prefix = re.compile(cfg.count_prefix_pattern)
        self.counted_after = re.compile(cfg.counted_after_pattern)
        t = cfg.teams
        self.team_tail = re.compile(f"(?:{alternation(t.qualifiers)}){{0,{t.max_qualifiers}}}"
                                    f"(?:{alternation(t.sports)})?{re.escape(t.team_word)}")
        self.team_not_before = set(t.not_before)
        self.not_followed_by = {k: set(v) for k, v in cfg.not_followed_by.items()}
        self.quantified = tuple(cfg.quantified_before)
        self.party_suffixes = sorted(self.rules.agencies.party_suffixes, key=len, reverse=True)
        self.party_priority = self.rules.priorities["agency_prefixed"]
        au = cfg.academy_units
        self.academy_re = re.compile(f"(?:{alternation(au.hosts)})")
        self.academy_suffixes = sorted(au.suffixes, key=len, reverse=True)
        it = cfg.introduced
        self.introduced_re = re.compile(f"{re.escape(it.cue)}(?=[^{re.escape(self.cfg.lac_edge.stops)}，,]"
                                        f"{{0,{it.max_between}}}?(?:{alternation(it.kinds)}))")
        ls = cfg.listed
        self.listed = ls
        # 等两家|知名企业, 两家|企业, or 等 alone (某某、某某等|一批外资企业)
        self.listed_re = re.compile(f"(?:{re.escape(ls.open_marker)}?(?:{ls.count_pattern})"
                                    f"|{re.escape(ls.open_marker)}(?=[^{re.escape(ls.not_between)}]"
                                    f"{{0,{ls.max_between}}}?(?:{alternation(ls.kinds)})))"
                                    f"[^{re.escape(cfg.lac_edge.stops)}，,、]{{0,{ls.max_between}}}?"
                                    f"(?:{alternation(ls.kinds)})")

    def __call__(self, doc):
        text = doc_text(doc)
        ends = {}
        for s, e, suf in self.suffixes.iter(text):
            if e not in ends or len(suf) > len(ends[e][1]):
                ends[e] = (s, suf)
        out, seen = mentions_of(doc), set()
        words = Words(doc)
        places = {(m.start, m.end) for m in out if m.type == "PLACE"}
        read = []
        for e, (s, suf) in sorted(ends.items()):
            if text[e:e + 1] in self.not_followed_by.get(suf, ()) or self.counted_after.match(text, e):
                continue   # 集团军, 大学生: the suffix opens another word; 某某集团169个: a kind counted
            start = self.bodies.body_before(text, s, suf, self.cfg.min_core, self.cfg.max_core,
                                            after_verb=True, words=words, stops_in_words=True)
            if start is not None:
                read.append((self._trim_left(doc, start, s), s, e))
        tagged = Tagged([(start, e) for start, _s, e in read], text, self.cfg.lac_edge) if read else None
        for start, s, e in read:
            start = org_start(tagged, text, start, s, e, self.cfg.lac_edge, self.bodies.stop_chars,
                              self.bodies.former_marks)
            if start is None or start >= s or self._credit(text, s, e) or self._unnamed(places, tagged, text, start, s, e):
                continue
            start = self._after_count_or_kind(text, start, s)
            if start is None or text.endswith(self.quantified, 0, start):
                continue    # 建设更多的|某某研究中心: a kind of body, counted
            core = text[start:s]
            # a core that is one place names that place's organisation (北京市|妇联)
            generic = (start, s) not in places and (any(core.endswith(g) for g in self.cfg.generic_cores)
                                                    and not self._named_whole(tagged, core, start, e)
                                                    or core in self.cfg.kind_cores)
            if (start, e) in seen or len(core) < self.cfg.min_core or _unbalanced(core) \
                    or self.count_core.match(core) or generic:
                continue
            seen.add((start, e))
            out.append(Mention(start, e, "ORG", text[start:e], "kg_orgs", self.priority, rule="orgs.suffix"))
        out.extend(international_orgs(text, words, self.rules, self.bodies, out))
        out.extend(foreign_parties(text, [m for m in out if m.type == "PLACE"], self.bodies, self.rules))
        out.extend(people_parties(text, self.rules, {(m.start, m.end) for m in out if m.type == "ORG"}))
        for start, e in self._listed(text):
            if (start, e) not in seen:
                seen.add((start, e))
                out.append(Mention(start, e, "ORG", text[start:e], "kg_orgs", self.priority, rule="orgs.listed"))
        for start, e in self._introduced(text):
            if (start, e) not in seen:
                seen.add((start, e))
                out.append(Mention(start, e, "ORG", text[start:e], "kg_orgs", self.priority, rule="orgs.introduced"))
        units = list(self._academy_units(text, out))
        # 中科院|苏州纳米所: the body read from the place inside is the institute's name's end
        out[:] = [m for m in out if not (m.type == "AGENCY" and any(s <= m.start and m.end <= e for s, e in units))]
        out.extend(Mention(start, e, "ORG", text[start:e], "kg_orgs", self.party_priority, rule="orgs.academy_unit")
                   for start, e in units)
        out.extend(self._party_bodies(text, [m for m in out if m.type == "ORG"]))
        for start, e in self._teams(text, out):
            if (start, e) not in seen:
                seen.add((start, e))
                out.append(Mention(start, e, "ORG", text[start:e], "kg_orgs", self.priority, rule="orgs.team"))
        return doc

    def _unnamed(self, places, tagged, text, start, s, e) -> bool:
        """Whether a name with a suffix that also ends the names of
        facilities (rules/orgs.toml named_suffixes: 植物科学|研究中心) holds
        neither a place nor another organisation's suffix (某国|某某研究中心,
        某某大学|某某研究中心), nor opens with a word LAC reads as a place
        (a region no division table lists: 东南亚|某某研究中心)."""
        if text[s:e] not in self.cfg.named_suffixes:
            return False
        lac_place = any(t.start == start and t.end < s and t.tag in self.cfg.named_place_tags
                        for t in tagged.inside(start, s))
        return not any(start <= ps and pe <= s for ps, pe in places) and not lac_place \
            and not any(x in text[start:s] for x in self.cfg.suffixes)

    def _named_whole(self, tagged, core, start, e) -> bool:
        """Whether LAC reads the whole name as one name word and the core
        holds min_core characters before its generic ending (中国人民财产|保险
        股份有限公司, 某大学重阳|金融研究院): a name, not a kind (保险|公司)."""
        tok = tagged.ending_at(e)
        if tok is None or tok.start != start or tok.tag not in self.cfg.named_whole_tags:
            return False
        g = max((g for g in self.cfg.generic_cores if core.endswith(g)), key=len)
        return len(core) - len(g) >= self.cfg.min_core

    def _credit(self, text, s, e) -> bool:
        """Whether a medium's name (suffix at s..e) credits the page or its
        reporter (某某日报记者, a masthead or 来源：某某日报 line): article
        metadata (spec §2), no entity."""
        mc = self.cfg.media_credit
        return text[s:e] in mc.suffixes and (e == len(text) or text[e] in mc.line_ends
                                              or text.startswith(tuple(mc.followers), e))

    def _academy_units(self, text, persons):
        """(start, end) of an academy's institute named after it (中科院某某所;
        rules/orgs.toml [academy_units]): the first unit suffix after a core."""
        au, persons = self.cfg.academy_units, [p for p in persons if p.type == "PERSON"]
        for m in self.academy_re.finditer(text):
            for j in range(m.end(), min(len(text), m.end() + au.max_core + 1)):
                if j > m.end() and (not self.bodies.core_char_ok(text[j - 1])
                                    or any(p.start < j and m.end() < p.end for p in persons)):
                    break   # 中科院院士某某|所带领: a person, no institute's name
                suf = next((x for x in self.academy_suffixes if text.startswith(x, j)), None)
                if suf is not None and text[j + len(suf):j + len(suf) + 1] in self.bodies.not_followed_by.get(suf, ()):
                    break   # 所在, 所属: the suffix opens another word (中科院|所属…)
                if suf is not None and j - m.end() >= au.min_core and self.bodies.acceptable(text[m.end():j], suf):
                    yield m.start(), j + len(suf)
                    break

    def _listed(self, text):
        """(start, end) of the names listed before a count of firms and
        their kind (某某铝业、某某快递两家知名企业; rules/orgs.toml [listed]);
        the last item, where LAC reads it as no one ORG word (某某、某某、
        开|某某等企业), is one when two ORG items at least stand before it."""
        ls, stops = self.listed, self.cfg.lac_edge.stops
        for m in self.listed_re.finditer(text):
            lo = max(m.start() - ls.reach, max(text.rfind(c, 0, m.start()) for c in stops) + 1)
            tokens = tag_window(text, lo, m.start())
            last, k = self._untagged_last(text, tokens)
            items = []
            while k >= 0 and tokens[k].tag == ls.item_tag:
                items.append((tokens[k].start, tokens[k].end))
                k -= 1
                if k < 0 or text[tokens[k].start:tokens[k].end] not in ls.joiners:
                    break
                k -= 1
            if last is not None:
                items = items + [last] if len(items) >= 2 else []
            if len(items) >= 2 or (items and text.startswith(ls.open_marker, m.start())):
                yield from items

    def _introduced(self, text):
        """(start, end) of a firm named bare before the cue that introduces
        it as one (某某|是一家…企业; rules/orgs.toml [introduced])."""
        it, stops = self.cfg.introduced, self.cfg.lac_edge.stops + "，,、"
        for m in self.introduced_re.finditer(text):
            tokens = tag_window(text, window_start(text, m.start(), it.reach, stops), m.start())
            if tokens and tokens[-1].end == m.start() and tokens[-1].tag in it.subject_tags \
                    and tokens[-1].end - tokens[-1].start >= self.cfg.min_core:
                yield tokens[-1].start, tokens[-1].end

    def _untagged_last(self, text, tokens):
        """(span, k): the last item when LAC reads it as no one ORG word
        (the CJK tokens after the last joiner, no longer than
        listed.max_untagged_last) and k the index of the token before that
        joiner; else (None, index of the last token)."""
        ls, k = self.listed, len(tokens) - 1
        while k >= 0 and text[tokens[k].start:tokens[k].end] not in ls.joiners:
            k -= 1
        tail = tokens[k + 1:]
        if k < 1 or not tail or (len(tail) == 1 and tail[0].tag == ls.item_tag):
            return None, len(tokens) - 1
        s, e = tail[0].start, tail[-1].end
        if e - s > ls.max_untagged_last or not all(is_cjk(c) and c not in ls.not_between for c in text[s:e]):
            return None, len(tokens) - 1
        return (s, e), k - 1

    def _party_bodies(self, text, orgs):
        """A party committee written right after an organisation's name
        (某某大学|党委, 某某集团|纪委): an AGENCY of its own (spec §7),
        named with the organisation."""
        out = []
        for m in orgs:
            suf = next((p for p in self.party_suffixes if text.startswith(p, m.end)), None)
            if suf is not None:
                e = m.end + len(suf)
                out.append(Mention(m.start, e, "AGENCY", text[m.start:e], "kg_orgs", self.party_priority,
                                   rule="orgs.party_body"))
        return out

    def _after_count_or_kind(self, text, start, core_end):
        """The start of the name after a count (两家|) or a kind word in
        apposition (领先企业|) in the core, when a name is left after it;
        None when the core ends with a count (某江干流六座|水电站: a count
        of such bodies, none named)."""
        core = text[start:core_end]
        cuts = [m.end() for m in self.count_prefix.finditer(core)]
        if cuts and cuts[-1] == len(core):
            return None
        cuts += [k + len(w) for w in self.cfg.kind_words if (k := core.rfind(w)) != -1]
        cut = max(cuts, default=0)
        return start + cut if len(core) - cut >= self.cfg.min_core else start

    def _teams(self, text, mentions):
        """(start, end) of each place + team tail (rules/orgs.toml [teams])."""
        for m in [m for m in mentions if m.type == "PLACE"]:
            tail = self.team_tail.match(text, m.end)
            if tail and text[tail.end():tail.end() + 1] not in self.team_not_before:
                yield m.start, tail.end()


    def _trim_left(self, doc, start, core_end):
        """Start after a person named in the core, or at a place that opens
        the name (副市长靳伟因|北京长峰医院); a place in brackets stays inside,
        and so does a person no cue vouched for (orgs.uncued_person_rules:
        某国沃某能源公司)."""
        text = doc_text(doc)
        places = {(m.start, m.end) for m in mentions_of(doc) if m.type == "PLACE"}
        for m in mentions_of(doc):
            if not (start <= m.start and m.end <= core_end):
                continue
            if m.type == "PERSON" and (m.start, m.end) not in places and m.rule not in self.cfg.uncued_person_rules:
                start = max(start, m.end)
        for m in sorted(mentions_of(doc), key=lambda m: m.start):
            if m.type == "PLACE" and start <= m.start < core_end and (m.start == 0 or text[m.start - 1] not in "（("):
                if any(text.endswith(s, start, m.start) for s in self.cfg.suffixes):
                    return start   # 中国工商银行|北京分行: a branch named after its bank
                return m.start
        return start


def _unbalanced(core: str) -> bool:
    opens = sum(core.count(c) for c in "（(")
    closes = sum(core.count(c) for c in "）)")
    return opens != closes or core[:1] in "（()）"
