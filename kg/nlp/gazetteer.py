"""The gazetteer: China's administrative divisions, read from JioNLP's table.

Every place the project knows comes from `china_location.txt` (fetched at
set-up, see kg.nlp.assets); nothing is typed by hand. The file is a tab-indented
tree: province (0 tabs), prefecture (1), county (2) rows carry `NAME CODE
SHORT`; townships (3 tabs) carry only a name. Villages and communities (4
tabs, 300k names, most of them shared by many townships) are no nodes: an
index of name -> the townships holding one (`village_parents`), loaded on
first use, lets a township or county the text names say which one is meant.
Places below the table get codes `PARENTCODE-NAME` (kg.nlp.local_codes) that
`by_code` makes records from, so they are keyed and placed like any other.

Quirks handled here, because the matcher should not care:
- municipalities (北京市) appear as a province row and again as a prefecture
  row with the same code: one node is kept, the districts hang off it;
- bookkeeping rows (省直辖县级行政区划, 市直辖行政区划) are skipped and their
  children attached to the row above;
- codes that repeat (Hong Kong districts all say 810000) or are missing
  (Taiwan districts) get a synthetic key `PARENTCODE-NAME`, as townships do.
The parsed table and village index are pickled beside the table
(kg.nlp.table_pickle), keyed by the [gazetteer] settings and this code.

Size: one reader of the two place tables (the tree, its quirks, the village
index, the world table) and the one record type they share.
"""

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from kg import ruleset
from kg.nlp import local_codes, packed_index, world_divisions
from kg.nlp.assets import divisions_path, world_places_path
from kg.nlp.table_pickle import settings_json, through_pickle
from kg.ruleset.schema import PlacesGazetteer, PlacesWorld

LEVELS = ("province", "prefecture", "county", "township")
# Places below or beside the table's tree, coded PARENTCODE-NAME (see by_code).
LOCAL_LEVELS = ("zone", "village")
# Places outside the PRC tree (JioNLP's world_location.txt; states from ISO 3166-2,
# kg.nlp.world_divisions); ranked after it.
WORLD_LEVELS = ("continent", "country", "state", "city")
LEVEL_RANK = {lvl: i for i, lvl in enumerate(LEVELS + LOCAL_LEVELS + WORLD_LEVELS)}  # lower = higher level


class Place(NamedTuple):
    """One place (a NamedTuple: the ~43k of them are made at every pipeline
    load, and tuples are the cheapest records to make and unpickle)."""

    code: str                # 6-digit GB code, or synthetic PARENTCODE-NAME
    name: str                # full official name: 沧源佤族自治县
    shorts: tuple            # short forms: ('沧源', '沧源县')
    level: str               # one of LEVELS
    parent: str | None       # parent code (None for provinces)


class Gazetteer:
    """Places by code and by surface (full name or short form). `local`
    (rules/places.toml [local]) says which names below the table are places
    of which level; `villages` is a callable giving the village index."""

    def __init__(self, places: list, local=None, villages=None):
        self._by_code = {p.code: p for p in places}
        self._local_cfg = local
        self._villages = villages
        self._local: dict = {}
        self._surfaces: dict[str, list] = {}
        for p in places:
            for s in (p.name, *p.shorts):
                lst = self._surfaces.setdefault(s, [])
                if not lst or lst[-1] is not p:   # p's own surfaces come one after another
                    lst.append(p)

    def __len__(self):
        return len(self._by_code)

    def __iter__(self):
        return iter(self._by_code.values())

    def by_code(self, code: str) -> Place | None:
        p = self._by_code.get(code)
        if p is None and code and "-" in code and self._local_cfg is not None:
            if code not in self._local:
                self._local[code] = self._local_place(code)
            p = self._local[code]
        return p

    def village_parents(self, name: str) -> tuple:
        """Codes of the townships (or counties) the division table has a
        village or community called `name` in; () when none."""
        if self._villages is None:
            return ()
        got = self._villages().get(name, ())
        return (got,) if isinstance(got, str) else got

    def local_level(self, name: str) -> str | None:
        """The level a name below the table is of (kg.nlp.local_codes)."""
        return local_codes.level_of(self._local_cfg, name) if self._local_cfg is not None else None

    def local_code(self, parent: str, name: str) -> str:
        """The code of place `name` under `parent` (kg.nlp.local_codes)."""
        return local_codes.code_of(self._local_cfg, parent, name)

    def _local_place(self, code: str) -> Place | None:
        """The record of a PARENTCODE-NAME code below the table, or None."""
        parent_code, name = code.rsplit("-", 1)
        parent, level = self.by_code(parent_code), self.local_level(name)
        if parent is None or level is None or LEVEL_RANK[parent.level] >= LEVEL_RANK[level] \
                or parent.level in WORLD_LEVELS:
            return None
        names = local_codes.names_of(self._local_cfg, parent, name, level)
        return Place(code, names[0], names[1:], level, parent_code)

    def candidates(self, surface: str) -> list:
        """Every place that this exact string names (full or short form)."""
        return list(self._surfaces.get(surface, ()))

    def surfaces(self):
        """(surface, [places]) for every known surface: the matcher's keys."""
        return self._surfaces.items()

    def names_of(self, code: str) -> list:
        """Full name then short forms: the aliases of a place entity."""
        p = self.by_code(code)
        return [p.name, *p.shorts] if p else []

    def parent(self, code: str) -> Place | None:
        p = self.by_code(code)
        return self.by_code(p.parent) if p and p.parent else None

    def ancestor_places(self, code: str) -> list:
        """Parent, grandparent, ... up to the province (nearest first)."""
        out, p = [], self.parent(code)
        while p is not None:
            out.append(p)
            p = self.parent(p.code)
        return out

    def ancestors(self, code: str) -> list:
        """Codes of ancestor_places(code), nearest first (codes are graph keys)."""
        return [p.code for p in self.ancestor_places(code)]


def _derived_shorts(name: str, short_col: str, level: str, cfg: PlacesGazetteer) -> list:
    shorts = [s for s in short_col.split("/") if len(s) >= cfg.min_short_len]
    if level == "county" and cfg.county_short_must_prefix:
        shorts = [s for s in shorts if name.startswith(s)]
    for ending, plain in cfg.autonomous_endings.items():
        if name.endswith(ending):
            for stem in list(shorts):  # 沧源 + 县
                if not stem.endswith(plain) and name.startswith(stem):
                    shorts.append(stem + plain)
    return [s for i, s in enumerate(shorts) if s != name and s not in shorts[:i]]


def parse_divisions(lines, cfg: PlacesGazetteer, villages: dict | None = None) -> list:
    """The Place records of the table's lines (pure: testable without the file).
    `villages`, when given, is filled with village name -> [codes of the
    townships holding one] (the county's code under a township not loaded)."""
    levels = set(cfg.levels)
    pseudo = cfg.pseudo_markers
    town_suffixes = cfg.township_suffixes
    town_min = cfg.township_min_len
    places: dict[str, Place] = {}
    # stack[d] = code of the current node that rows at depth d+1 attach to
    stack: list = [None, None, None, None]
    for line in lines:
        if not line.strip():
            continue
        if line.startswith("\t\t\t\t"):
            if villages is not None and stack[3]:
                villages.setdefault(line.strip(), []).append(stack[3])
            continue
        depth = len(line) - len(line.lstrip("\t"))
        level = LEVELS[depth]
        fields = line.strip().split("\t")
        name = fields[0]
        parent = stack[depth - 1] if depth else None
        if depth == 3:
            stack[3] = parent
            if level in levels and parent and name.endswith(town_suffixes) and len(name) >= town_min:
                code = stack[3] = f"{parent}-{name}"
                if code not in places:
                    places[code] = Place(code, name, (), level, parent)
            continue
        code = fields[1] if len(fields) > 1 else ""
        short = fields[2] if len(fields) > 2 else ""
        if any(m in name for m in pseudo) or (depth == 1 and code == parent):
            # bookkeeping row, or a municipality's second row: one node only
            stack[depth] = parent
            continue
        if not code or code in places or (parent and code == parent):
            code = f"{parent}-{name}"
        stack[depth] = code
        if level not in levels:
            continue
        places[code] = Place(code, name, tuple(_derived_shorts(name, short, level, cfg)), level, parent)
    return list(places.values())


def load_gazetteer(rules: ruleset.RuleSet | None = None) -> Gazetteer:
    """The gazetteer of `rules` (else of the rule set in force), built once
    per rule set."""
    return _gazetteer(rules or ruleset.current())


@lru_cache(maxsize=4)
def _gazetteer(rules: ruleset.RuleSet) -> Gazetteer:
    places = _parsed_divisions(divisions_path(), rules.places.gazetteer)
    world = rules.places.world
    if world.enabled:
        with open(world_places_path(), encoding="utf-8") as fh:
            taken = {s for p in places for s in (p.name, *p.shorts)}
            places = places + parse_world(fh, world, taken=taken)
        divs = rules.places.world_divisions
        if divs.enabled:
            places = places + world_division_places(places, divs, taken)
    return Gazetteer(places, rules.places.local, lambda: _village_index(rules))


@lru_cache(maxsize=4)
def _village_index(rules: ruleset.RuleSet) -> packed_index.PackedIndex:
    """Village name -> township code (one, a string) or codes (a tuple) of
    the table (see parse_divisions), packed (kg.nlp.packed_index), through
    its own pickle, read once."""
    cfg = rules.places.gazetteer

    def parse(fh):
        villages: dict = {}
        parse_divisions(fh, cfg, villages)
        table = {n: (c[0] if len(c) == 1 else tuple(dict.fromkeys(c))) for n, c in villages.items()}
        return packed_index.PackedIndex(table)
    key = _pickle_key(cfg) + Path(packed_index.__file__).read_text(encoding="utf-8")
    return through_pickle(divisions_path(), key, "village-index", parse)


def _pickle_key(cfg: PlacesGazetteer) -> str:
    """What a pickle of the table depends on: the settings and this code."""
    return settings_json(cfg) + Path(__file__).read_text(encoding="utf-8")


def world_division_places(places, cfg, taken) -> list:
    """Place records of the foreign divisions (kg.nlp.world_divisions), each
    inside its world-table country; a name a place already has is left out."""
    countries = [p for p in places if p.level == "country"]
    have = set(taken) | {s for p in places if p.level in WORLD_LEVELS for s in (p.name, *p.shorts)}
    return [Place(f"{country}-{name}", name, (), "state", country)
            for name, country in world_divisions.divisions(cfg, countries, have)]


def parse_world(lines, cfg: PlacesWorld, taken=frozenset()) -> list:
    """Place records of world_location.txt: `洲名:` heads a continent; a row
    `SHORT<TAB>OFFICIAL<TAB>CAPITAL[<TAB>CITY/CITY...]` is a country (named by
    its official name, the short one an alias; an official name that is just
    SHORT + cfg.country_suffix, 日本国, is not used) with its capital and
    cities inside it. A name the PRC table already has (北京, 上海) or that is
    in cfg.skip (ordinary words) is left out; a country whose official name
    is in cfg.home (中华人民共和国) keeps no cities: the PRC table has them."""
    skip = set(cfg.skip) | set(taken)
    home = set(cfg.home)
    levels = set(cfg.levels)
    out: dict[str, Place] = {}
    seen: set = set()

    def add(code, name, shorts, level, parent):
        shorts = tuple(x for x in shorts if x and x != name and x not in skip and x not in seen)
        if level not in levels or name in skip or name in seen or code in out:
            return
        out[code] = Place(code, name, shorts, level, parent)
        seen.update((name, *shorts))

    rows = [ln.rstrip("\n").split("\t") for ln in lines if ln.strip()]
    for f in rows:                       # continents and countries first, then cities
        if len(f) == 1 and f[0].endswith((":", "：")):
            add(f"world-{f[0][:-1]}", f[0][:-1], (), "continent", None)
        elif len(f) >= 2:
            # 日本国 / 以色列国 name the country as SHORT + 国, which in text is
            # mostly SHORT + a word (日本国内, 以色列国防军): the short name only
            official = f[1] if f[1] and f[1] != f[0] + cfg.country_suffix else f[0]
            add(f"world-{f[0]}", official, (f[0],), "country", None)
    for f in rows:
        if len(f) >= 3 and f[1] not in home:
            country = f"world-{f[0]}"
            if country not in out:
                continue
            cities = [f[2]] + (f[3].split("/") if len(f) > 3 else [])
            for city in cities:
                add(f"{country}-{city}", city, (), "city", country)
    return list(out.values())


def _parsed_divisions(table: Path, cfg: PlacesGazetteer) -> list:
    """parse_divisions of the table, through the pickle beside it."""
    def parse(fh):
        # plain tuples: much faster to unpickle than 43k records of a class
        return [(p.code, p.name, p.shorts, p.level, p.parent) for p in parse_divisions(fh, cfg)]
    return list(map(Place._make, through_pickle(table, _pickle_key(cfg), "parsed", parse)))


def located_in_edges(codes, closed: bool = False, rules: ruleset.RuleSet | None = None) -> list:
    """(child_code, parent_code) containment edges for the relation layer.

    Default: every direct parent edge on the chains from the given places up to
    their provinces (沧源 -> 临沧市 -> 云南省), each once, in a stable order.
    closed=True: only edges inside the set, each place linked to its nearest
    ancestor that is in the set (沧源 -> 云南省 when 临沧市 is absent).
    """
    gaz = load_gazetteer(rules)
    wanted = [c for c in dict.fromkeys(codes) if gaz.by_code(c)]
    inside = set(wanted)
    edges = []
    for code in wanted:
        child = code
        for anc in gaz.ancestors(code):
            if closed:
                if anc in inside:
                    edges.append((code, anc))
                    break
                continue
            edges.append((child, anc))
            child = anc
    return list(dict.fromkeys(edges))
