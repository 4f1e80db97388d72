"""The records of the last build's outputs that a rebuild may copy, and the plan of that build.

graph.json, graph.ttl, graph.graphml and graph.html are sorted lists of
records (an entity, a relation, a subject block, a node or edge of the
page), and a record is a function of its own node's or edge's data alone
(positional ids are put in front of it when the file is assembled). A
node's or edge's data changes only where an added, changed or removed
document adds to it: its footprint (kg.graph.footprint), old extraction and
new. So the text of each output's records is kept next to the outputs
(OUT/.reuse/NAME.*.pickle, kg.corpus.state.saved: a base and a delta,
tagged with the digest of the build that wrote them,
kg.corpus.plan.build_digest: inputs, options and all package code); the
next build renders again only the records in the changed documents'
footprints and copies the others (kg.corpus.assemble).

The pickles are the build's own private files, read only from the output
directory the build writes, like its cache.
"""

import pickle
from dataclasses import dataclass, field
from pathlib import Path

from kg.atomic import write_bytes
from kg.corpus.state.saved import Saved, read_pickle

REUSE_DIR = ".reuse"
EXPORTERS = ("json", "graphml", "turtle", "html", "layout")


@dataclass(frozen=True)
class Reuse:
    """What a rebuild may copy: records saved under tag `old` except those
    of the `nodes`, `edges` (head, tail, relation) and `sources` it touched;
    records are saved under tag `new` (kg.corpus.state.saved: a base and a delta).
    `old` None: nothing to copy (save only)."""

    dir: Path
    old: str | None
    new: str
    nodes: frozenset = frozenset()
    edges: frozenset = frozenset()
    sources: frozenset = frozenset()   # names of the files added, changed or removed
    stores: dict = field(default_factory=dict, compare=False, repr=False)

    def load(self, name: str) -> dict | None:
        """The saved records of exporter `name`, if they are those of build `old`."""
        if name not in self.stores:
            self.stores[name] = _open(self.dir, name, self.old)
        return self.stores[name][1]

    def save(self, name: str, tables: dict) -> None:
        """Save all of exporter `name`'s records."""
        store = self.stores[name][0] if name in self.stores else Saved(self.dir, name)
        store.save(self.new, tables)

    def save_changes(self, name: str, upserts: dict, deletions: dict) -> None:
        """Save exporter `name`'s records as loaded with these changes
        ({table: {key: record}}, {table: keys}); load() must have found them."""
        self.stores[name][0].save_changes(self.new, upserts, deletions)


def preload(dir: Path, old: str, names=EXPORTERS) -> dict:
    """The exporters' saved records of build `old`, read now, for Reuse(stores=...):
    the build reads them while its worker loads the pipeline, and the
    exporters, forked later, find them in memory."""
    return {name: _open(dir, name, old) for name in names}


def _open(dir: Path, name: str, old: str | None) -> tuple:
    """(the Saved set of exporter `name`, its tables of build `old` or None)."""
    store = Saved(dir, name)
    return store, store.load(old) if old is not None else None


def plan_file(out: Path) -> Path:
    return Path(out) / REUSE_DIR / "build.pickle"


def read_plan(out: Path) -> dict | None:
    """{"build": digest, "settings": options and code (kg.corpus.plan.build_settings),
    "keys": {source name: cache key}} of the last build, or None."""
    data = read_pickle(plan_file(out))
    if not isinstance(data, dict) or not isinstance(data.get("keys"), dict):
        return None
    return data


def write_plan(out: Path, digest: str, settings: str, keys: dict) -> None:
    """Written after every exporter has saved its records: until then the
    last build's tag stays, and records saved with the new one are not used."""
    plan_file(out).parent.mkdir(parents=True, exist_ok=True)
    write_bytes(plan_file(out), pickle.dumps({"build": digest, "settings": settings, "keys": keys}, protocol=5))
