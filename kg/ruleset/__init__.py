"""Read the data files in rules/: TOML tables, line lists and TSV tables.

Comments start with `#`; blank lines are skipped. Every component loads its
patterns through here, so a rule change never needs a code change.
"""

import tomllib
from functools import lru_cache

from kg.paths import rules_dir


@lru_cache(maxsize=None)
def load_toml(name: str) -> dict:
    with open(rules_dir() / name, "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=None)
def load_lines(name: str) -> tuple[str, ...]:
    out = []
    for line in (rules_dir() / name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return tuple(out)


@lru_cache(maxsize=None)
def load_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c.strip() for c in line.split("\t")) for line in load_lines(name))


def rules_fingerprint() -> str:
    """A hash of every file in rules/: changes whenever any rule changes."""
    import hashlib
    h = hashlib.sha256()
    for p in sorted(rules_dir().rglob("*")):
        if p.is_file():
            h.update(p.relative_to(rules_dir()).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]
