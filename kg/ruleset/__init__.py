"""The rules/ folder, read once into one typed, frozen rule set.

Every layer takes its patterns, word lists and thresholds from a RuleSet:
`current()` for the folder in force ($KG_RULES_DIR or the one shipped
beside the package), `load(path)` for any other. A rule set is cached by
its folder's resolved path, so switching folders in one process gives the
other folder's rules, and `fingerprint` (a hash of the folder's bytes) is
what the build cache keys extractions by. A file whose keys or types do
not match kg/ruleset/schema.py is a RuleError naming the file and the key.

Besides the TOML tables the folder holds two plain data files: a line list
(`surnames.txt`, `#` comments) and three TSV tables (`central_bodies.tsv`,
`international_orgs.tsv`, `central_enterprises.tsv`).
"""

import dataclasses
import hashlib
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from kg.paths import rules_dir
from kg.ruleset import schema
from kg.ruleset.tables import Json, RuleError, convert

__all__ = ["RuleSet", "RuleError", "Json", "current", "load", "rules_fingerprint"]


@dataclasses.dataclass(frozen=True, eq=False)
class RuleSet:
    """All of rules/: one attribute per file."""
    path: Path
    fingerprint: str
    agencies: schema.AgenciesRules
    articles: schema.ArticlesRules
    assets: Mapping[str, schema.AssetSpec]
    html: schema.HtmlRules
    orgs: schema.OrgsRules
    persons: schema.PersonsRules
    places: schema.PlacesRules
    priorities: Mapping[str, int]
    programs: schema.ProgramsRules
    relations: schema.RelationsRules
    statistical: schema.StatisticalRules
    titles: schema.TitlesRules
    surnames: tuple[str, ...]
    central_bodies: tuple[tuple[str, ...], ...]
    international_orgs: tuple[tuple[str, ...], ...]
    central_enterprises: tuple[tuple[str, ...], ...]


# attribute -> (file, declared type)
_TOML = {
    "agencies": ("agencies.toml", schema.AgenciesRules),
    "articles": ("articles.toml", schema.ArticlesRules),
    "assets": ("assets.toml", Mapping[str, schema.AssetSpec]),
    "html": ("html.toml", schema.HtmlRules),
    "orgs": ("orgs.toml", schema.OrgsRules),
    "persons": ("persons.toml", schema.PersonsRules),
    "places": ("places.toml", schema.PlacesRules),
    "priorities": ("priorities.toml", Mapping[str, int]),
    "programs": ("programs.toml", schema.ProgramsRules),
    "relations": ("relations.toml", schema.RelationsRules),
    "statistical": ("statistical.toml", schema.StatisticalRules),
    "titles": ("titles.toml", schema.TitlesRules),
}
LINE_FILES = {"surnames": "surnames.txt"}
TSV_FILES = {"central_bodies": "central_bodies.tsv", "international_orgs": "international_orgs.tsv",
             "central_enterprises": "central_enterprises.tsv"}


def current() -> RuleSet:
    """The rule set of the folder in force ($KG_RULES_DIR, else rules/)."""
    return load(rules_dir())


def load(path=None) -> RuleSet:
    """The rule set of the folder `path` (cached by its resolved path), or
    of the folder in force when `path` is None (a component's default)."""
    return _load(_resolved(str(path) if path else str(rules_dir())))


@lru_cache(maxsize=32)
def _resolved(path: str) -> str:
    """The resolved form of a folder's path: asked of every rule-set look-up
    (hundreds per document), so resolved once per path string."""
    return str(Path(path).resolve())


@lru_cache(maxsize=8)
def _load(path: str) -> RuleSet:
    folder = Path(path)
    if not folder.is_dir():
        raise RuleError(folder, "no such rules folder")
    tables = {}
    for attr, (name, hint) in _TOML.items():
        file = folder / name
        tables[attr] = convert(hint, _read_toml(file), "", str(file))
    for attr, name in LINE_FILES.items():
        tables[attr] = _lines(folder / name)
    for attr, name in TSV_FILES.items():
        tables[attr] = tuple(tuple(c.strip() for c in line.split("\t")) for line in _lines(folder / name))
    return RuleSet(path=folder, fingerprint=_fingerprint(folder), **tables)


def _read_toml(file: Path) -> dict:
    try:
        with open(file, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise RuleError(file, "missing rules file") from None
    except tomllib.TOMLDecodeError as e:
        raise RuleError(file, f"not valid TOML: {e}") from None


def _lines(file: Path) -> tuple[str, ...]:
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RuleError(file, "missing rules file") from None
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


def _fingerprint(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(folder).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


def rules_fingerprint() -> str:
    """A hash of every file of the rules folder in force."""
    return current().fingerprint
