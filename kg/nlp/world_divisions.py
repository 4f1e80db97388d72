"""Foreign states and provinces, read from pycountry's ISO 3166-2 table.

JioNLP's world table (kg.nlp.gazetteer.parse_world) has countries, capitals
and major cities but no first-level divisions: news writes a US state, an
Indian state or a Japanese prefecture on its own (某某州的某某市发生枪击),
and without a record the place has no country. pycountry ships ISO 3166-2
with its names in Chinese (the iso-codes project's zh_CN catalogue), so the
divisions come from that maintained data set, never from a typed list.

Only names a reader would take for a division are kept (rules/places.toml
[world_divisions]): a first-level division whose Chinese name ends with a
division word (州, 省, 邦, 县 …) and is long enough, of a country the world
table has; not the home country's (the division table has those); not a name
that two countries share or that the home table already holds; not a name the
home state does not recognise as the other country's (a catalogue entry
marked with one of `skip_prefixes`).
"""

import gettext
from collections import Counter


def _catalogue(domain: str):
    import pycountry
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)


def country_codes(countries) -> dict:
    """ISO alpha-2 code -> world-table country code, matching pycountry's
    Chinese country names (common, short, official) with the table's names."""
    import pycountry
    names = {}
    for p in countries:
        for n in (p.name, *p.shorts):
            names.setdefault(n, p.code)
    zh = _catalogue("iso3166-1")
    out = {}
    for c in pycountry.countries:
        for field in ("common_name", "name", "official_name"):
            en = getattr(c, field, None)
            code = names.get(zh.gettext(en)) if en else None
            if code:
                out[c.alpha_2] = code
                break
    return out


def divisions(cfg, countries, taken=frozenset()) -> list:
    """(name, world-table country code) of the foreign divisions `cfg` keeps,
    in ISO code order; `countries`: the world table's country records."""
    import pycountry
    by_alpha = country_codes(countries)
    zh = _catalogue("iso3166-2")
    home = set(cfg.home_codes)
    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code or sub.country_code in home or sub.country_code not in by_alpha:
            continue
        name = zh.gettext(sub.name).strip()
        if (name == sub.name or len(name) < cfg.min_length or not name.endswith(tuple(cfg.suffixes))
                or name.startswith(tuple(cfg.skip_prefixes)) or not _is_han(name)):
            continue
        rows.append((name, by_alpha[sub.country_code]))
    shared = Counter(n for n, _ in dict.fromkeys(rows))
    return [(n, c) for n, c in dict.fromkeys(rows) if shared[n] == 1 and n not in taken]


def _is_han(name: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in name)
