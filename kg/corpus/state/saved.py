"""A build's private state between builds: tables saved as a base plus a delta.

A rebuild after a one-page edit changes a few dozen of the tens of thousands
of entries in each table it keeps (kg.corpus.state.reuse: the outputs' record
texts; kg.corpus.state.foldstate: the folded graph), so rewriting whole
tables would cost more than the change itself. A table set is kept
as NAME.base.pickle (all entries) and NAME.delta.pickle (the entries
changed or gone since that base); loading overlays the delta on the base;
saving writes a new delta, or a new base when the delta has grown past a
fifth of the base, in entries or in bytes (a few big entries, such as the
blob of a node with 10^4 mentions, make a delta heavy that is short). Both carry the tag (build digest) they stand for, and a
delta names the base it applies to, so a build killed between two writes
leaves a set that either loads as the old tag, or does not load at all.

The files are pickles the build itself wrote into its own output directory,
trusted like the rest of it (the cache, the outputs).
"""

import os
import pickle
from pathlib import Path

from kg.atomic import write_bytes

_ERRORS = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, ValueError,
           TypeError, KeyError, IndexError)
_GROWTH = 0.2   # a delta past this share of the base's entries: write a new base


def read_pickle(path: Path):
    """The object pickled in `path`, or None when it is missing or unreadable."""
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except _ERRORS:
        return None


class Saved:
    """One named set of tables ({table: {key: value}}) in directory `dir`."""

    def __init__(self, dir: Path, name: str):
        self.base_path = Path(dir) / f"{name}.base.pickle"
        self.delta_path = Path(dir) / f"{name}.delta.pickle"
        self.base_tag = None     # what load() found, for save() to write a delta on
        self.base_bytes = 0
        self.delta = None
        self.loaded = None

    def load(self, tag: str) -> dict | None:
        """The tables as saved under `tag`, or None. The caller may change
        them in place; save_changes() then names what it changed."""
        base = read_pickle(self.base_path)
        if not isinstance(base, dict) or not isinstance(base.get("tables"), dict):
            return None
        delta = read_pickle(self.delta_path) if self.delta_path.exists() else None
        if not (isinstance(delta, dict) and delta.get("base") == base.get("tag")):
            delta = None
        if (delta["tag"] if delta else base.get("tag")) != tag:
            return None
        tables = base["tables"]
        if delta is not None:
            for name, entries in delta["tables"].items():
                table = tables.setdefault(name, {})
                table.update(entries)
                for k in delta["gone"].get(name, ()):
                    table.pop(k, None)
        self.base_tag, self.delta, self.loaded = base["tag"], delta, tables
        try:
            self.base_bytes = self.base_path.stat().st_size
        except OSError:
            self.base_bytes = 0
        return tables


    def save_changes(self, tag: str, upserts: dict, deletions: dict, compact=None) -> None:
        """Save under `tag` the loaded tables with `upserts` ({table: {key:
        value}}) and `deletions` ({table: keys}) applied: as a delta, or as a
        new base when the delta has grown past a fifth of the base. `compact`,
        a function of the tables, may rewrite them before they make a base."""
        if self.loaded is None:
            raise ValueError(f"{self.base_path}: save_changes() without a load()")
        tables = self.loaded
        for name, keys in deletions.items():
            table = tables.get(name, {})
            for k in keys:
                table.pop(k, None)
        for name, entries in upserts.items():
            tables.setdefault(name, {}).update(entries)
        prev = self.delta or {"tables": {}, "gone": {}}
        names = prev["tables"].keys() | prev["gone"].keys() | upserts.keys() | deletions.keys()
        upd = {name: dict(prev["tables"].get(name, {})) for name in names}
        gone = {name: set(prev["gone"].get(name, ())) for name in names}
        for name in names:
            for k in deletions.get(name, ()):
                upd[name].pop(k, None)
                gone[name].add(k)
            for k in upserts.get(name, {}):
                upd[name][k] = tables[name][k]
                gone[name].discard(k)
        size = sum(map(len, upd.values())) + sum(map(len, gone.values()))
        data = None
        if size <= _GROWTH * max(1, sum(map(len, tables.values()))):
            data = pickle.dumps({"base": self.base_tag, "tag": tag, "tables": upd, "gone": gone}, protocol=5)
        if data is None or len(data) > _GROWTH * self.base_bytes:
            return self.save(tag, compact(tables) if compact else tables)
        self.base_path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(self.delta_path, data, durable=False)
        self.loaded = None   # one save per load

    def save(self, tag: str, tables: dict) -> None:
        """Save all of `tables` under `tag`, as a new base."""
        self.base_path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(self.base_path, pickle.dumps({"tag": tag, "tables": tables}, protocol=5), durable=False)
        try:
            os.unlink(self.delta_path)
        except FileNotFoundError:
            pass
        self.loaded = None


