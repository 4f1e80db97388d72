"""Mentions -> entities: one node per thing, with a canonical name and aliases.

Within a document every mention gets a key that says what it refers to
(kg.link.keys); mentions with one key are one entity, named by the rules of
kg.link.naming. Once the document is read, bare names and program
shortenings are folded into the entity they abbreviate (kg.link.merge).
Across documents (kg.graph.add_extraction) entities with the same key are one node, except
keys that only make sense inside their document (bare names, unresolved
level prefixes). The linker owns the entity table: the relation layer reads
it, and asks the linker for the entities it implies and for renames.
"""

from dataclasses import dataclass, field

from kg import ruleset
from kg.link import merge, naming
from kg.link.context import place_in_context
from kg.link.keys import ArticleKeys, Keyed, key_string, local_key
from kg.nlp.gazetteer import load_gazetteer

__all__ = ["DocumentLinker", "Entity", "LinkedMention", "key_string"]


@dataclass
class Entity:
    key: tuple
    type: str
    name: str
    aliases: set = field(default_factory=set)
    mentions: list = field(default_factory=list)   # (source, article, start, end)
    attrs: dict = field(default_factory=dict)


@dataclass
class LinkedMention:
    mention: object        # kg.nlp.mentions.Mention, offsets global in the normalised text
    article: str
    key: tuple


class DocumentLinker:
    """Assigns keys to the resolved mentions of one document's articles."""

    def __init__(self, source: str, rules: ruleset.RuleSet | None = None):
        self.source = source
        self.rules = rules or ruleset.current()
        self.gaz = load_gazetteer()
        self.entities: dict[tuple, Entity] = {}
        self.linked: list[LinkedMention] = []

    def link_article(self, article_id: str, mentions: list) -> None:
        keys = ArticleKeys(self.gaz, self.rules, mentions)
        docs = []   # (inner title, key) of the documents named so far in the article
        # 中国共产党|北京市委员会: the party's name as a prefix names no entity of its own
        prefix_spans = {tuple(m.attrs["host_span"]) for m in mentions if m.attrs.get("host_span")}
        for m in mentions:
            if m.attrs.get("canonical") in self.rules.agencies.name_prefix_bodies \
                    and (m.start, m.end) in prefix_spans or m.attrs.get("people"):
                continue    # …or a party's name naming its people (中国共产党人: rules agencies.party_people)
            keyed = keys.of(m)
            if m.type == "DOCUMENT":
                keyed = self._short_title(m, keyed, docs)
            key, name, aliases, attrs = keyed
            ent = self.entities.get(key)
            if ent is None:
                ent = self.entities[key] = Entity(key, m.type, name, set(), [], dict(attrs))
            else:
                naming.take_better_name(ent, name, attrs)
            ent.aliases.update(aliases)
            # 某国|和某国政府: the place's name is no name of the body; …和立法工作计划: 立法 none of the plan
            if not m.attrs.get("shared_tail") and "full_name" not in m.attrs:
                ent.aliases.add(m.text)
            ent.mentions.append((self.source, article_id, m.start, m.end))
            self.linked.append(LinkedMention(m, article_id, key))

    def _short_title(self, m, keyed: Keyed, docs: list) -> Keyed:
        """《意见》提出 after 《关于…的意见》: the short title of that document."""
        linking = self.rules.relations.linking
        inner = m.text.strip(linking.title_marks)
        earlier = [k for t, k in docs if len(inner) <= linking.short_title_max < len(t) and t.endswith(inner)]
        if earlier:
            return Keyed(earlier[-1], self.entities[earlier[-1]].name, set(), {})
        docs.append((inner, keyed.key))
        return keyed

    def place_in_context(self, ch: str, pos: int, places: list):
        """The place the level character `ch` at `pos` stands for among the
        article's PLACE mentions (see kg.link.context.place_in_context)."""
        return place_in_context(self.gaz, self.rules, ch, pos, places)

    def finish(self) -> list[Entity]:
        """Fold bare AGENCY names (法制局, 组织部) into the one entity whose own
        name they are, and program shortenings into their program; return
        entities in order of first mention."""
        merge.merge_bare_bodies(self.entities, self.linked)
        merge.merge_program_shortenings(self.entities, self.linked, self.rules.relations.linking)
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

    def local_body(self, place_code, tail) -> tuple:
        """Key of the body `tail` of a place, created when the text implies it."""
        p = self.gaz.by_code(place_code)
        key, name, aliases, attrs = local_key(self.gaz, self.rules, p, tail, p.name + tail)
        return self.implied(key, "AGENCY", name, aliases, attrs)

    def unit_of(self, host, tail, etype) -> tuple:
        """Key of the unit `tail` (an `etype` entity) of body `host` the text
        implies without naming it (某部党组书记: the 某部's 党组), named after
        the host as a unit written after it is (kg.link.keys)."""
        h = self.entities[host]
        key = (*host, tail)
        return self.implied(key, etype, h.name + tail, {a + tail for a in h.aliases}, {"host": host})

    def name_after_host(self, key, host) -> None:
        """The text says body `key` (a bare name) belongs to body `host`: it
        is named after the host (kg.link.naming.name_after_host)."""
        ent, h = self.entities.get(key), self.entities.get(host)
        if ent is not None and h is not None:
            naming.name_after_host(ent, h)
