"""The plan step of a build: which files, under which cache keys, and what changed since the last build.

Each file is read once, to hash it (its key covers its bytes, name, date and
the extraction code and rules, kg.corpus.cache); nothing holds its text. The
digest of the plan, the options and all of the package's code is what the
outputs are a function of: the same digest as the last build's, with its
outputs in place, means there is nothing to do (kg.corpus.outputs).
"""

import hashlib
import os
from pathlib import Path
from typing import NamedTuple

TEXT_SUFFIXES = {".txt"}


def collect(inputs) -> list[Path]:
    """The input files: each file given, and every .txt file under each
    directory given (os.walk: a million pages are listed in seconds)."""
    files = []
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            found = []
            for root, _dirs, names in os.walk(p):
                found.extend(os.path.join(root, n) for n in names if os.path.splitext(n)[1] in TEXT_SUFFIXES)
            files.extend(Path(f) for f in sorted(found) if os.path.isfile(f))
        else:
            files.append(p)
    return files


def hash_files(files, date, cache, version):
    """[(path, key or None, chars, cached?)] in build order. Reads each file
    once, to hash it; holds no text. key None: unreadable here (the engine
    reports why)."""
    from kg.corpus.cache import file_key
    plan = []
    for _name, _path, f in sorted({(f.name, str(f), f) for f in files}):
        try:
            with open(f, "rb") as fh:
                data = fh.read()
        except OSError:
            plan.append((f, None, 0, False))
            continue
        key = file_key(data, f.name, date, version)
        hit = cache.has(key)
        chars = 0 if hit else len(data.decode("utf-8", "ignore"))   # for the rates of extraction only
        plan.append((f, key, chars, hit))
    return plan


class Planned(NamedTuple):
    """The plan step's result: `plan`, [(path, key or None, chars, cached?)]
    in build order; `todo`, the files to extract; `digest`, what the
    outputs are a function of (None without a cache)."""
    store: object
    version: str
    plan: list
    todo: list
    digest: str | None
    t_planned: float


class Changes(NamedTuple):
    """What changed since the last build: `keys`, this build's {file name:
    cache key}; `last`, the last build's record (kg.corpus.state.reuse.read_plan);
    `sources`, the names whose key differs from that build's, or None when
    that build is unknown, ran other code or options, or most of the corpus
    changed (everything is then folded and rendered again)."""
    keys: dict
    last: dict | None
    sources: set | None


def what_changed(out: Path, plan, digest, settings: str) -> Changes | None:
    """None without a cache, or with two inputs of one name (nothing is then
    kept for the next build either)."""
    from kg.corpus.state.reuse import read_plan
    if digest is None:
        return None
    keys = {f.name: key for f, key, _c, _hit in plan}
    if len(keys) != len(plan):
        return None
    last = read_plan(out)
    if last is None or last.get("settings") != settings:   # other code or options: render all
        return Changes(keys, None, None)
    old = last["keys"]
    changed = {s for s in keys.keys() | old.keys() if keys.get(s) != old.get(s)}
    changed |= {f.name for f, _key, _c, hit in plan if not hit}   # to extract again (--retry-failed)
    return Changes(keys, last, changed if len(changed) <= len(plan) // 2 else None)


def build_settings(date, base_iri, version) -> str:
    """The part of build_digest that is not the inputs: options and all code."""
    from kg.corpus.cache import package_fingerprint
    return f"{version}\0{package_fingerprint()}\0{date or ''}\0{base_iri or ''}\n"


def build_digest(plan, date, base_iri, version) -> str:
    """What the outputs are a function of: every input (path and cache key,
    which covers its bytes, name, date and the extraction code and rules),
    the options, and all of the package's code (the exporters included)."""
    h = hashlib.sha256(build_settings(date, base_iri, version).encode())
    for f, key, _chars, _hit in plan:
        h.update(f"{f}\0{key}\n".encode())
    return h.hexdigest()
