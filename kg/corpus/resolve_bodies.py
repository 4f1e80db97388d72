"""One node per body across a corpus: a body named bare (no place, no host) in several documents.

The fold (kg.graph) keeps a bare body name (欧盟委员会, 法制局) as its
document's own node (`bare:AGENCY:NAME@<fingerprint>`): inside one text a
法制局 is the one of the bureau it belongs to, which another text's need not
be. Across the corpus a bare name is one body when the corpus itself shows
the name is no generic one (rules/relations.toml [resolution]):
- a name some body seated at home has as its own (local:350000:法制局), or
  that two or more bodies have (卫生部 of two countries), is generic; a name
  just one national or foreign body has is that body (联邦调查局 → the
  United States' one), and so is a name just one such body has as an alias
  (a short form written in full elsewhere);
- a name that ends the own names of `body_short_of` or more other bodies
  (党支部 → 某村党支部, 临时党支部) is the short form of several, unless what
  comes before it ends in a joiner (某某和欧盟委员会: the list's last body whole);
  one such name is more likely a phrase read into a name (连任某某委员会);
- a name shorter than `body_min_chars` (编辑部) is generic.
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
    return r.body_min_chars, tuple(r.body_joiners), r.foreign_seat, r.body_short_of


def _keyed_at_home(key: str, foreign: str) -> bool:
    parts = key.split(":")
    return parts[0] == HOME_SEATED and len(parts) > 2 and not parts[1].startswith(foreign)


def resolve_bodies(g, rules) -> dict:
    """{per-document or keyed body node: (resolved id, basis)} for the bare
    body nodes of `g` this merges and the keyed bodies they merge into."""
    min_chars, joiners, foreign, short_of = _rules(rules)
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
        target, basis = _target(name, keyed.get(name, set()), aliases.get(name, set()), foreign)
        if target is None and (len(name) < min_chars or len(longer.get(name, ())) >= short_of
                               or name in keyed or len(nodes) < 2):
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


def _target(name: str, own: set, alias: set, foreign: str) -> tuple:
    """(the one keyed body a bare name is, why), or (None, None)."""
    if own:
        if len(own) == 1 and not any(_keyed_at_home(k, foreign) for k in own):
            (k,) = own
            return k, f"a bare {name} is the one body of the corpus with that name, {k}"
        return None, None
    homeless = {k for k in alias if not _keyed_at_home(k, foreign)}
    if len(alias) == 1 and homeless:
        (k,) = homeless
        return k, f"a bare {name} is an other name of the one body {k}"
    return None, None
