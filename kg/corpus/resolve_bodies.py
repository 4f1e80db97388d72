"""One node per body across a corpus: a body named bare (no place, no host) in several documents.

The fold (kg.graph) keeps a bare body name (欧盟委员会, 法制局) as its
document's own node (`bare:AGENCY:NAME@<fingerprint>`): inside one text a
法制局 is the one of the bureau it belongs to, which another text's need not
be. Across the corpus a bare name is one body when the corpus itself shows
the name is no generic one (rules/relations.toml [resolution]):
- a name some keyed body has as its own (local:350000:法制局, a unit
  central:某部:法制局, local:world-某国:安全委员会) is generic: the body of
  a place, a host or a country the text did not name; a name just one
  national body (central:某某委员会) has as an other name is that body (a
  short form written in full elsewhere);
- a name that ends the own names of `body_short_of` or more other bodies
  (党支部 → 某村党支部, 临时党支部) is the short form of several, unless what
  comes before it ends in a joiner (某某和欧盟委员会: the list's last body whole);
  one such name is more likely a phrase read into a name (连任某某委员会);
- a name shorter than `body_min_chars` (编辑部) is generic, and so is a unit
  of a body named by a generic word alone (领导小组办公室).
Any other bare name is one node, `bare:AGENCY:NAME`, over every document.
A body keyed as a unit of its host in some documents (central:中共中央:政治局)
and by its whole name in others (central:中共中央政治局) is one node too. The
reason is the node's `attrs.basis`.
"""

from functools import lru_cache

BARE = "bare:"
HOME_SEATED = "local"


def _own(key: str) -> str:
    return key.rsplit(":", 1)[-1]


@lru_cache(maxsize=8)
def _rules(rules) -> tuple:
    r = rules.relations.resolution
    return r.body_min_chars, tuple(r.body_joiners), r.body_short_of, frozenset(r.national_kinds)


def resolve_bodies(g, rules) -> dict:
    """{per-document or keyed body node: (resolved id, basis)} for the bare
    body nodes of `g` this merges and the keyed bodies they merge into."""
    min_chars, joiners, short_of, national = _rules(rules)
    bare, keyed, aliases, longer = {}, {}, {}, {}
    for n, d in g.nodes(data=True):
        if d["type"] not in ("AGENCY", "ORG"):
            continue
        head, at, _fp = n.partition("@")
        own = _own(head)
        for i in range(1, len(own)):
            if not own[:i].endswith(joiners):
                longer.setdefault(own[i:], set()).add(own)
        if head.startswith(BARE) and at:
            bare.setdefault(head, []).append(n)
        elif not at:
            keyed.setdefault(own, set()).add(n)
            for a in d["aliases"]:
                if a != own:
                    aliases.setdefault(a, set()).add(n)
    out = _joined_forms(g)
    for head in sorted(bare):
        name = _own(head)
        nodes = sorted(bare[head])
        target, basis = _target(name, keyed.get(name, set()), aliases.get(name, set()), national)
        if target is None and (len(name) < min_chars or len(longer.get(name, ())) >= short_of
                               or name in keyed or len(nodes) < 2 or _unit_of_unnamed(name, rules)):
            continue
        target = out[target][0] if target in out else target
        rid = target or head
        basis = basis or (f"same name in {len(nodes)} documents; no body of a place, none within "
                          f"another body and no two bodies have it as their own")
        for n in nodes:
            out[n] = (rid, basis)
        if target is not None and target not in out:
            out[target] = (target, basis)
    return out


def _joined_forms(g) -> dict:
    """{node: (resolved id, basis)} of the bodies keyed as a unit of a host
    (central:中共中央:政治局) whose host's and own names written as one are
    the key of a body of the graph (central:中共中央政治局): one body, named
    whole in some documents and as host and unit in others; and that body."""
    out = {}
    for n in sorted(g.nodes):
        parts = n.split(":")
        lead = 2 if parts[0] == HOME_SEATED else 1
        if "@" in n or len(parts) < lead + 2:
            continue
        whole = ":".join(parts[:lead] + ["".join(parts[lead:])])
        if whole in g and g.nodes[whole]["type"] == g.nodes[n]["type"]:
            basis = f"{n} is {whole}: its host's name and its own written as one"
            out[n] = (whole, basis)
            out.setdefault(whole, (whole, basis))
    return out


def _unit_of_unnamed(name: str, rules) -> bool:
    """A unit (rules/agencies.toml nested_whole_bodies) of a body named by a
    generic word alone (领导小组办公室, 某委员会办公室 of a 委员会 the text named
    before): whose unit it is, the name does not say."""
    a = rules.agencies
    return any(name.endswith(u) and name[: -len(u)].endswith(tuple(a.generic_alone))
               for u in a.nested_whole_bodies if len(name) > len(u))


def _target(name: str, own: set, alias: set, national: frozenset) -> tuple:
    """(the one national body a bare name is another name of, why), or (None, None)."""
    whole = {k for k in alias if k.split(":")[0] in national and k.count(":") == 1}
    if own or len(alias) != 1 or not whole:
        return None, None
    (k,) = whole
    return k, f"a bare {name} is an other name of the one national body {k}"
