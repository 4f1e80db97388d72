"""Entities that turn out to be one when the whole document has been read.

A bare body name (法制局, 组织部) is the one keyed body whose own name it is;
a program named by a shortening of exactly one longer program name is that
program. Both need every mention of the document, so they run after the
last article is linked, on the linker's entity table and linked mentions.
"""

from collections import defaultdict

from kg.nlp.names import canonical_tail


def merge_bare_bodies(entities: dict, linked: list) -> None:
    """Fold bare AGENCY names into the one entity whose own name they are."""
    by_tail = defaultdict(set)
    for key, ent in entities.items():
        if (ent.type == "AGENCY" and key[0] in ("local", "central")) or ent.attrs.get("host"):
            for al in ent.aliases:
                by_tail[canonical_tail(al)].add(key)
    for key in [k for k in entities if k[0] == "bare" and k[1] == "AGENCY"]:
        targets = by_tail.get(key[2], set())
        if len(targets) == 1:
            merge_into(entities, linked, key, next(iter(targets)))


def merge_program_shortenings(entities: dict, linked: list, linking) -> None:
    """A program named by the tail of exactly one longer program name is
    that program (投诉平台 -> 12389投诉平台; 不见面审批改革 ->
    "零跑腿不见面"审批改革), and so is a headline's shortening of it
    (领导干部包联化解信访积案机制 <- 省市县三级领导干部集中包联化解信访积案机制:
    same head, every character in order). `linking` is rules.relations.linking."""
    progs = [k for k in entities if k[0] == "program"]
    for k in sorted(progs, key=lambda k: len(k[1])):
        if k not in entities:
            continue
        longer = [o for o in progs if o != k and o in entities
                  and len(o[1]) > len(k[1]) and _shortening(k[1], o[1], linking.program_shortening_min)]
        if len(longer) == 1 and len(k[1]) >= linking.program_tail_min:
            merge_into(entities, linked, k, longer[0])


def merge_into(entities: dict, linked: list, key, target) -> None:
    """Entity `key` is entity `target`: its names and mentions move there."""
    src = entities.pop(key)
    dst = entities[target]
    dst.aliases |= src.aliases | {src.name}
    dst.mentions.extend(src.mentions)
    for lm in linked:
        if lm.key == key:
            lm.key = target


def _shortening(short: str, long: str, min_len: int) -> bool:
    """short is long's tail, or (at least min_len long) long's characters
    in order with the same last two."""
    if long.endswith(short):
        return True
    if len(short) < min_len or short[-2:] != long[-2:]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)
