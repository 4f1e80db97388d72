"""Edges between a document's entities, each with the sentence it was read from.

- located_in: a place to the nearest of its ancestors the document names
  (direct parent edges only); a local body to its place, also to a village
  known only to this document (one whose township the text does not tell).
- part_of: a nested body to its host (公安部法制局 -> 公安部); a central body
  to its table parent when the text names both and its name says so
  (国务院办公厅 -> 国务院, not 外交部 -> 国务院).
- leads / member_of: a titled person to the body the title follows (see
  kg.relations.posts).
- introduced / cooperates_with: trigger verbs in a clause (see
  kg.relations.triggers, kg.relations.subjects, kg.relations.cooperation).
The anaphors of each sentence (该县, 全县: kg.relations.anaphora) are found
once here and read by both the post and the verb reader. Every reader takes
its words from the linker's rule set: rules/relations.toml, rules/titles.toml,
rules/central_bodies.tsv.
"""

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from kg.relations import anaphora
from kg.text.sentences import sentence_at, sentence_spans


class RelationSet:
    """Relations keyed by (head key, type, tail key); the first evidence is kept.

    Works on entity keys, not ids: the relation layer may add entities the
    text implies but does not name as such (市长 -> the city's 人民政府).
    """

    def __init__(self, document, linker):
        self.document = document
        self.linker = linker
        self.rels = {}
        self.made_by = {}   # key -> the rule id of the mechanism that first read it

    def add(self, head_key, rtype, tail_key, article, sent, attrs=None, *, rule: str):
        """One relation with its evidence sentence; `rule` names the mechanism
        that read it (kept in `made_by` for --explain, not in the JSON). A
        relation already there keeps its evidence and gains missing attrs."""
        ents = self.linker.entities
        if head_key is None or tail_key is None or head_key == tail_key:
            return
        if head_key not in ents or tail_key not in ents:
            return
        k = (head_key, rtype, tail_key)
        if k in self.rels:
            for a, v in (attrs or {}).items():
                self.rels[k]["attrs"].setdefault(a, v)
            return
        text = self.document.norm.text
        rs, re_ = self.document.norm.raw_span(*sent)
        self.made_by[k] = rule
        self.rels[k] = {
            "head": head_key, "type": rtype, "tail": tail_key, "attrs": dict(attrs or {}),
            "evidence": {"article": article, "text": text[sent[0]:sent[1]],
                         "start": sent[0], "end": sent[1], "raw_start": rs, "raw_end": re_},
        }

    def as_list(self, ids):
        out = [dict(r, head=ids[r["head"]], tail=ids[r["tail"]]) for r in self.rels.values()]
        return sorted(out, key=lambda r: (int(r["head"][1:]), r["type"], int(r["tail"][1:])))


def extract_relations(document, per_article, linker) -> RelationSet:
    """The relations of a linked document, article by article, read with
    the linker's rule set."""
    from kg.relations.posts import post_relations
    from kg.relations.triggers import trigger_relations

    rules = linker.rules
    rels = RelationSet(document, linker)
    text = document.norm.text
    by_article = {}     # the linked mentions of each article, in the linker's order
    for lm in linker.linked:
        by_article.setdefault(lm.article, []).append(lm)
    for art, _doc, mentions in per_article:
        sents = sentence_spans(text, art.start, art.end)
        keyed = by_article.get(art.id, [])
        stand_ins = anaphora.by_sentence(text, sents, sorted(keyed, key=lambda lm: lm.mention.start), rules)
        _structural(rels, linker, keyed, sents, art.id)
        post_relations(rels, linker, keyed, sents, art.id, text, stand_ins, rules)
        trigger_relations(rels, keyed, sents, art.id, text, document.date, stand_ins, rules)
    return rels


def _structural(rels, linker, keyed, sents, article):
    _place_tree(rels, linker, keyed, sents, article)
    # the bodies themselves: a unit's key (central, host, tail) names no body of the table
    central = {k[1]: k for k in linker.entities if k[0] == "central" and len(k) == 2}
    parents = central_parents(linker.rules)
    unseated = tuple(linker.rules.relations.unseated_heads)
    # places of this document only (a village whose township the text does not tell)
    bare_places = {(lm.mention.start, lm.mention.end): lm.key for lm in keyed
                   if lm.key[:2] == ("bare", "PLACE")}
    for lm in keyed:
        m, key = lm.mention, lm.key
        sent = sentence_at(sents, m.start) or (m.start, m.end)
        ent = linker.entities.get(key)
        if ent is None or ent.type not in ("AGENCY", "ORG"):
            continue
        host = ent.attrs.get("host")
        if host:
            host = _commission(rels, linker, key, host, article, sent)
            rels.add(key, "part_of", host, article, sent, rule="structural.unit_of_host")
        if ent.attrs.get("place") and (not host or ent.attrs.get("seated")) \
                and not ent.name.endswith(unseated):   # 某某卫星发射中心: named after a place, not in it
            place_in_name = lm.mention.attrs.get("place_span") is not None or ent.type == "ORG"
            rels.add(key, "located_in", ("place", ent.attrs["place"]), article, sent,
                     None if place_in_name else {"basis": "context"}, rule="structural.seat")
        elif not host and tuple(m.attrs.get("place_span") or ()) in bare_places:
            # 新河村|党支部 with 新河村 placed nowhere: the body is still in it
            rels.add(key, "located_in", bare_places[tuple(m.attrs["place_span"])], article, sent,
                     rule="structural.seat")
        if key[0] == "central" and len(key) == 2:   # the body itself, not a unit of it (key + tail)
            parent = parents.get(key[1])
            if parent in central:
                rels.add(key, "part_of", central[parent], article, sent, rule="structural.central_parent")


def _commission(rels, linker, key, host, article, sent) -> tuple:
    """The body unit `key` of `host` is part of: the commission whose office
    it is (某委办, 某委会办公室: relations.commission_office), a unit of the
    host itself (created when the text does not name it), else the host."""
    r = linker.rules.relations
    m = _compiled(r.commission_office).fullmatch(key[-1]) if isinstance(key[-1], str) else None
    if m is None:
        return host
    name = m["commission"]   # 某局党委办公室, 某某工委办: a party committee's name is whole
    name += m["rest"] or ("" if name.endswith(linker.rules.agencies.party_suffixes) else r.commission_tail)
    commission = linker.unit_of(host, name, "AGENCY")
    rels.add(commission, "part_of", host, article, sent, rule="structural.unit_of_host")
    return commission


@lru_cache(maxsize=8)
def _compiled(pattern: str):
    return re.compile(pattern)


def _place_tree(rels, linker, keyed, sents, article):
    """Each named place -> the nearest ancestor the document also names.

    The evidence is a sentence naming both when there is one; otherwise the
    child's sentence, and the edge says it rests on the division table."""
    gaz = linker.gaz
    place_keys = {k for k in linker.entities if k[0] == "place"}
    where = {}
    for lm in keyed:
        if lm.key[0] == "place":
            sent = sentence_at(sents, lm.mention.start)
            if sent:
                where.setdefault(lm.key, []).append(sent)
    for key, child_sents in where.items():
        parent = next((("place", a) for a in gaz.ancestors(key[1]) if ("place", a) in place_keys), None)
        if parent is None:
            continue
        both = [s for s in child_sents if s in where.get(parent, [])]
        if both:
            rels.add(key, "located_in", parent, article, both[0], rule="structural.division_tree")
        else:
            rels.add(key, "located_in", parent, article, child_sents[0], {"basis": "division table"},
                     rule="structural.division_tree")
    _foreign_tree(rels, linker, keyed, sents, article)


FOREIGN_RULES = ("places.foreign_run", "places.world_division")


def _foreign_tree(rels, linker, keyed, sents, article):
    """A foreign place no table holds (a run of transliteration, a division
    named after a city) -> the foreign place written right before it, or
    before it and a word of rules/places.toml foreign_runs.within_gaps
    (某国|某某州|某某市, 某国|东北部|某某州, 某某州|的|某某市): each in the next
    outer one. A division named after a table city with none so written is
    in the city's country (某某州 of the city 某某: the same country's)."""
    text = rels.document.norm.text
    gaps = linker.rules.places.foreign_runs.within_gaps
    places = [lm for lm in keyed if lm.mention.type == "PLACE"]
    ends = {}
    for lm in places:
        ends.setdefault(lm.mention.end, lm)
    scenes = _scenes(linker, text, places, sents)
    for lm in places:
        m = lm.mention
        run = _foreign_run(lm)
        if not run and not (_abroad(linker, lm.key) and linker.gaz.by_code(lm.key[1]).level == "city"):
            continue    # a country or a continent lies in no state
        sent = sentence_at(sents, m.start) or (m.start, m.end)
        outer = ends.get(m.start) or next((ends[m.start - len(g)] for g in gaps if m.start - len(g) in ends
                                           and text.startswith(g, m.start - len(g))), None)
        if outer is not None and not run:
            # a table city after a state, of no table (某国某某州|某城) or of
            # the foreign divisions' (kg.nlp.world_divisions): in the state
            if _foreign_run(outer) or (_abroad(linker, outer.key)
                                       and linker.gaz.by_code(outer.key[1]).level == "state"):
                rels.add(lm.key, "located_in", outer.key, article, sent, rule="structural.foreign_within")
        elif outer is not None and (_foreign_run(outer) or _abroad(linker, outer.key)):
            rels.add(lm.key, "located_in", outer.key, article, sent, rule="structural.foreign_within")
        elif m.attrs.get("country"):
            rels.add(lm.key, "located_in", ("place", m.attrs["country"]), article, sent,
                     rule="structural.foreign_within")
        elif run and outer is None and sent in scenes and scenes[sent].mention.end < m.start \
                and not m.text.endswith(scenes[sent].mention.text):   # 某段内|英格兰: the region misread again
            rels.add(lm.key, "located_in", scenes[sent].key, article, sent, rule="structural.foreign_within")


def _scenes(linker, text, places, sents) -> dict:
    """{sentence: the foreign region it opens with} (在某某斯克地区，…: rules/
    places.toml foreign_runs scene_opener and scene_regions), a place of no
    table or a world place below a country."""
    cfg = linker.rules.places.foreign_runs
    out = {}
    for lm in places:
        m = lm.mention
        sent = sentence_at(sents, m.start)
        k = m.start - len(cfg.scene_opener)
        if sent is None or sent in out or k < 0 or not text.startswith(cfg.scene_opener, k) \
                or not (k == sent[0] or text[k - 1] in "，："):
            continue
        if not any(text.startswith(w + "，", m.end) for w in cfg.scene_regions):
            continue
        if _foreign_run(lm) or (_abroad(linker, lm.key)
                                and linker.gaz.by_code(lm.key[1]).level not in ("country", "continent")):
            out[sent] = lm
    return out


def _foreign_run(lm) -> bool:
    """Whether `lm` is a foreign place no table holds (no code: a bare key)."""
    return lm.key[:2] == ("bare", "PLACE") and lm.mention.rule in FOREIGN_RULES


def _abroad(linker, key) -> bool:
    """Whether `key` is a place of the world table other than the home country."""
    if key[0] != "place" or not str(key[1]).startswith("world-"):
        return False
    place = linker.gaz.by_code(key[1])
    return place is not None and place.name not in linker.rules.places.world.home


@lru_cache(maxsize=8)
def central_parents(rules) -> Mapping:
    """{central body: its parent body} from rules/central_bodies.tsv (the
    third column; top-level bodies have none), for the bodies whose name
    says so: the parent's name or one of its other names opens one of
    theirs (国务院办公厅, 中共中央组织部, 中央纪委常委会). A ministry the table
    files under 国务院 (外交部) is no part_of it unless the text says so."""
    names = {row[0]: [row[0], *(a for a in (row[1].split("|") if len(row) > 1 else []) if a)]
             for row in rules.central_bodies}
    return MappingProxyType({
        row[0]: row[2] for row in rules.central_bodies if len(row) > 2 and row[2]
        and any(n.startswith(p) and n != p for n in names[row[0]] for p in names.get(row[2], ()))})
