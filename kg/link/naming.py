"""Which name an entity goes by when the text writes it several ways.

A local body's canonical name keeps its place as the text writes it, and
among several mentions the best-ranked name wins (a lower `name_rank`); a
body named bare in a chain of posts after its host's takes the host's name
in front. The linker applies these rules within a document; across
documents the graph names a node by `preference` over what each document
called it, so neither file names nor input order choose the name.
"""

from typing import NamedTuple

from kg.nlp.names import canonical_tail

# The rank of a name no rule ranked: any ranked name is better.
UNRANKED = 9


class Name(NamedTuple):
    """A canonical name and its rank (lower is better)."""
    text: str
    rank: int


def local_name(place, tail: str, written: str | None) -> Name:
    """A local body's name keeps the place as the text writes it
    (西藏森林消防总队, not 西藏自治区…), preferring the place's full
    official form where the text uses it (沧源佤族自治县纪委监委 over
    沧源县纪委监委); a body only implied by a level character (县公安局,
    `written` None) is named with the place's official name (苍溪县公安局).
    A country written by one character (俄|外交部) is named by its short
    name (俄罗斯外交部), ranked below that name written out. The full form of the body's own name ranks first
    (人民政府 over 政府)."""
    rank = 2 if written is None or len(written) == 1 else (0 if written == place.name else 1)
    rank = rank * 2 + (0 if canonical_tail(tail) == tail else 1)
    if written is not None and len(written) == 1:   # 俄|外交部: named by the country's short name
        written = (getattr(place, "shorts", None) or (place.name,))[0]
    return Name(place.name + tail if written is None else written + tail, rank)


def take_better_name(ent, name: str, attrs: dict) -> None:
    """A later mention whose name ranks better renames the entity; the old
    name stays an alias."""
    if attrs.get("name_rank", UNRANKED) < ent.attrs.get("name_rank", UNRANKED):
        ent.aliases.add(ent.name)
        ent.name, ent.attrs["name_rank"] = name, attrs["name_rank"]


def name_after_host(ent, host) -> None:
    """A bare body is named with the body it belongs to (组织部 of 北京市委:
    北京市委组织部, 组织部 an alias), as a body written after its host is."""
    if ent.name.startswith(host.name):
        return
    ent.aliases.add(ent.name)
    ent.aliases.update(a + ent.name for a in host.aliases)
    ent.name = host.name + ent.name


def preference(name: str, rank: int, mentions: int) -> tuple:
    """How a name one or more documents gave a node ranks against the others
    (lower first): the most official name (its best `name_rank`: 北京市人民政府
    before 北京市政府), then the one written most often, then the string."""
    return (rank, -mentions, name)
