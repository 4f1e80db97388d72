"""Codes, levels and names of places below the division table's tree.

A village, a township the table lacks or a development zone is coded
PARENTCODE-NAME under the place that holds it (a village under its township,
a zone under its city), so the gazetteer can make its record from the code
alone (kg.nlp.gazetteer.Gazetteer.by_code). Which endings make which level,
and the full and short forms of a zone's kind, are rules/places.toml [local].
"""


def level_of(cfg, name: str) -> str | None:
    """The level a name below the table is of, by its ending: `zone`,
    `village`, `township`, or None."""
    if name.endswith(cfg.zone_kinds):
        return "zone"
    if name.endswith(cfg.village_suffixes):
        return "village"
    return "township" if name.endswith(cfg.town_suffixes) else None


def code_of(cfg, parent: str, name: str) -> str:
    """The code of place `name` under `parent`; a zone's by the full form
    of its kind (成都高新区 and 成都高新技术产业开发区 are one zone)."""
    if level_of(cfg, name) == "zone":
        for full, short in cfg.zone_forms.items():
            if name.endswith(short) and not name.endswith(full):
                name = name[: -len(short)] + full
                break
    return f"{parent}-{name}"


def names_of(cfg, parent, name: str, level: str) -> tuple:
    """(name, *other forms) of place `name` of `level` under place `parent`.
    A zone of its kind only (高新技术产业开发区) is named with its city's short
    form, 成都高新技术产业开发区, and known by the short form of the kind and
    the city's full name too; a zone of its own name (临江新区) keeps it,
    unless its own stem is shorter than zone_own_stem_min (天津港保税区)."""
    if level != "zone":
        return (name,)
    stems = [s for s in parent.shorts if parent.name.startswith(s)] or [parent.name]
    stem = min(stems, key=lambda s: (len(s), s))
    kind = max((k for k in cfg.zone_kinds if name.endswith(k)), key=len)
    if len(name) - len(kind) >= cfg.zone_own_stem_min:
        return (name, stem + name)
    if name not in cfg.zone_kinds:     # 天津|港保税区: too short a stem to name it alone
        return (stem + name, parent.name + name)
    tails = (name, cfg.zone_forms[name]) if name in cfg.zone_forms else (name,)
    forms = [stem + t for t in tails] + [parent.name + t for t in tails]
    return tuple(dict.fromkeys(forms))
