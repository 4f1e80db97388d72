"""Where a post seats its holder, from the post body's key alone (rules/relations.toml [resolution]).

Two posts can be one person's at once when their seats are the same place,
one inside the other (division codes), or one of them the state's national
level and the other at home; a post abroad is apart from every other place.
"""

from functools import lru_cache


@lru_cache(maxsize=8)
def seat_rules(rules) -> tuple:
    r = rules.relations.resolution
    return (frozenset(r.seated_kinds), frozenset(r.national_kinds), r.foreign_seat, r.division_filler,
            r.home_seat, tuple(r.unseating_suffixes))


def seat(body: str, rules) -> str | None:
    """The place a post body seats its holder in: a division code, a foreign
    country (`world-…`), "" for the state's national bodies, None for no place."""
    seated, national, _foreign, _filler, home, besides = seat_rules(rules)
    parts = body.split(":")
    if parts[-1].endswith(besides):
        return None
    if parts[0] in seated and len(parts) > 1:
        return "" if parts[1] == home else parts[1]
    return "" if parts[0] in national else None


def within(a: str, b: str, rules) -> bool:
    """Place `a` and place `b` can hold one person at once: the same, one
    inside the other (division codes: 350000 holds 350100), or one of them
    the state's national level and the other at home."""
    foreign, filler = seat_rules(rules)[2:4]
    if a == b:
        return True
    if a.startswith(foreign) or b.startswith(foreign):
        return False
    if a == "" or b == "":
        return True
    ta, tb = _trim(a, filler), _trim(b, filler)
    return ta.startswith(tb) or tb.startswith(ta)


def _trim(code: str, filler: str) -> str:
    while code.endswith(filler) and len(code) > len(filler):
        code = code[: -len(filler)]
    return code
