"""The plan step of a build: which sources, under which cache keys, and what changed since the last build.

A source is a page file (.txt, .html/.htm, .md) or one article of a
records file (a JSONL, JSONL gzip or CSV line: kg.corpus.records), keyed
`FILE#id`. Each file is read once, to hash it (a key covers the page's
bytes or the article's fields, its name, the date and the extraction code
and rules, kg.corpus.cache); nothing holds a page's text (a records file's
articles are held, parsed, until they are extracted). The
digest of the plan, the options and all of the package's code is what the
outputs are a function of: the same digest as the last build's, with its
outputs in place, means there is nothing to do (kg.corpus.outputs).
"""

import errno
import hashlib
import os
import stat
from pathlib import Path
from typing import NamedTuple

from kg.corpus.records import Item, item_name, kind_of_name, read_items
from kg.corpus.report import Failure, escaped


class Input(NamedTuple):
    """A file to read, and its source name: its path from the corpus root, '/'-separated."""
    path: Path
    source: str


class Collected(NamedTuple):
    """collect()'s result: the files to read, in build order, and the paths passed over (Failure)."""
    files: list
    skipped: list


class PlanEntry(NamedTuple):
    """One source of the plan: its file's path, source name, cache key,
    characters (0 when cached), whether the cache has its extraction, and
    `item`: None for a .txt page, else what the worker reads
    (kg.corpus.records.extract_item: an Item, "html" or "markdown")."""
    path: Path
    source: str
    key: str
    chars: int
    hit: bool
    item: object = None

    @property
    def where(self) -> str:
        """How a message names it: the file, or FILE:LINE of an article of a records file."""
        return f"{self.path}:{self.item.line}" if isinstance(self.item, Item) else str(self.path)


def collect(inputs) -> Collected:
    """The input files: each file given, and every .txt, .md, .html/.htm,
    .jsonl, .jsonl.gz, .json.gz and .csv file (in any case) under each
    directory given, directory links followed; each file once,
    however many ways it was reached. Anything passed over is in `skipped`:
    missing paths, dangling links, link loops, unreadable directories and
    special files (a FIFO is never opened). Files are keyed by their path
    relative to the corpus root (corpus_root), and come in the order of
    their base name, then key, whatever order the inputs were given in."""
    found, skipped, roots = [], [], []
    for item in inputs:
        item = os.fspath(item)
        st = _stat(item, skipped)
        if st is None:
            continue
        if stat.S_ISDIR(st.st_mode):
            roots.append(os.path.abspath(item))
            _walk(item, [(st.st_dev, st.st_ino)], found, skipped)
        elif stat.S_ISREG(st.st_mode):
            roots.append(os.path.dirname(os.path.abspath(item)))
            found.append((item, st))
        else:
            skipped.append(Failure(item, "special", _special(st)))
    return Collected(_keyed(found, corpus_root(roots)), skipped)


def corpus_root(roots) -> str:
    """What sources are keyed relative to: the one directory given (so a
    flat directory's keys are its file names), the directory of the one
    file given, or the deepest directory holding all of them."""
    return os.path.commonpath(roots) if roots else ""


def _keyed(found, root: str) -> list:
    """Input per distinct file (device and inode), keyed relative to `root`
    (escaped: a control character in a name reaches no output); a file
    reached twice keeps its smallest key."""
    by_file = {}
    for path, st in found:
        source = escaped(os.path.relpath(os.path.abspath(path), root).replace(os.sep, "/"))
        ident = (st.st_dev, st.st_ino)
        if ident not in by_file or source < by_file[ident].source:
            by_file[ident] = Input(Path(path), source)
    return sorted(by_file.values(), key=lambda i: (i.source.rsplit("/", 1)[-1], i.source))


def _stat(path: str, skipped: list):
    """os.stat of `path` (through links), or None with the reason in `skipped`."""
    try:
        return os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            skipped.append(Failure(path, "symlink loop", "a symbolic link loop"))
        elif e.errno == errno.ENOENT and os.path.islink(path):
            skipped.append(Failure(path, "dangling link", f"a symbolic link to {os.readlink(path)}, which does not exist"))
        elif e.errno == errno.ENOENT:
            skipped.append(Failure(path, "missing", "no such file or directory"))
        else:
            skipped.append(Failure(path, "unreadable", f"cannot be read ({e.strerror or e})"))
        return None


def _special(st) -> str:
    kind = ("a FIFO" if stat.S_ISFIFO(st.st_mode) else "a socket" if stat.S_ISSOCK(st.st_mode)
            else "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else "special")
    return f"{kind}, not a regular file (not opened)"


def _walk(top: str, ancestors: list, found: list, skipped: list) -> None:
    """Every input file under directory `top` into `found`, what is passed
    over into `skipped`; `ancestors`: (device, inode) of the directories
    from the root down to `top`, where a link back up is a loop."""
    try:
        with os.scandir(top) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as e:
        skipped.append(Failure(top, "unreadable", f"directory cannot be read ({e.strerror or e})"))
        return
    for entry in entries:
        path = entry.path
        is_text = kind_of_name(entry.name) is not None
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if not (is_dir or is_text or entry.is_symlink()):
            continue
        st = _stat(path, skipped)
        if st is None:
            continue
        if stat.S_ISDIR(st.st_mode):
            ident = (st.st_dev, st.st_ino)
            if ident in ancestors:
                skipped.append(Failure(path, "symlink loop", "a link to a directory above it"))
            else:
                _walk(path, ancestors + [ident], found, skipped)
        elif not is_text:
            continue
        elif stat.S_ISREG(st.st_mode):
            found.append((path, st))
        else:
            skipped.append(Failure(path, "special", _special(st)))


def _read_regular(path) -> bytes:
    """The bytes of `path`, opened without blocking and read only when it is
    a regular file (a FIFO put there since collect() must not hang the build)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise IsADirectoryError(errno.EISDIR, _special(st)) if stat.S_ISDIR(st.st_mode) else \
                OSError(errno.EINVAL, _special(st))
        return fh.read()


def blank(data: bytes) -> str | None:
    """Why a file's bytes are no text to extract from ("empty file", "only
    whitespace"), or None."""
    if not data:
        return "empty file"
    if not data.strip():
        return "only whitespace"
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    return None if text.strip() else "only whitespace"


def hash_files(files, date, cache, version) -> tuple[list, list]:
    """([PlanEntry] in build order, [Failure] of files that cannot be
    read or are blank, and of the lines of records files that are no
    article). Reads each file once, to hash it; holds no page's text."""
    plan, failed = [], []
    for f, source in files:
        try:
            data = _read_regular(f)
        except OSError as e:
            failed.append(Failure(str(f), "unreadable", f"cannot be read ({e.strerror or e})"))
            continue
        why = blank(data)
        if why is not None:
            failed.append(Failure(str(f), "empty", why))
        elif kind_of_name(f.name) == "records":
            _hash_items(f, source, data, date, cache, version, plan, failed)
        else:
            plan.append(_page_entry(f, source, data, date, cache, version))
    return plan, failed


def _page_entry(f: Path, source: str, data: bytes, date, cache, version) -> PlanEntry:
    from kg.corpus.cache import file_key
    kind = kind_of_name(f.name)
    if kind == "html":   # the main text is the HTML reader's
        version = f"{version}+trafilatura-{_reader_version('trafilatura')}"
    key = file_key(data, f.name, date, version)
    hit = cache.has(key)
    chars = 0 if hit else len(data.decode("utf-8", "ignore"))   # for the rates of extraction only
    return PlanEntry(f, source, key, chars, hit, None if kind in (None, "text") else kind)


def _reader_version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version(package)
    except PackageNotFoundError:   # HTML pages then fail in the worker, with the reason
        return "none"


def _hash_items(f: Path, source: str, data: bytes, date, cache, version, plan: list, failed: list) -> None:
    """The articles of a records file into `plan` (in file order), its bad lines into `failed`."""
    from kg.corpus.cache import file_key
    try:
        items, bad = read_items(data, f.name, str(f))
    except ValueError as e:
        failed.append(Failure(str(f), "not records", str(e)))
        return
    failed.extend(Failure(*b) for b in bad)
    if not items and not bad:
        failed.append(Failure(str(f), "empty", "no article in it"))
    for item in items:
        key = file_key(item.key_bytes(), f"record:{item_name(item.id)}", date, version)
        hit = cache.has(key)
        plan.append(PlanEntry(f, f"{source}#{escaped(item.id)}", key, 0 if hit else len(item.text), hit, item))


class Planned(NamedTuple):
    """The plan step's result: `plan`, [PlanEntry] in build order;
    `skipped`, [Failure] of the paths passed over and the files that cannot
    be read or are blank; `todo`, the files to extract; `digest`, what the
    outputs are a function of (None without a cache)."""
    store: object
    version: str
    plan: list
    skipped: list
    todo: list
    digest: str | None
    t_planned: float


class Changes(NamedTuple):
    """What changed since the last build: `keys`, this build's {source:
    cache key}; `last`, the last build's record (kg.corpus.state.reuse.read_plan);
    `sources`, the names whose key differs from that build's, or None when
    that build is unknown, ran other code or options, or most of the corpus
    changed (everything is then folded and rendered again)."""
    keys: dict
    last: dict | None
    sources: set | None


def what_changed(out: Path, plan, digest, settings: str) -> Changes | None:
    """None without a cache."""
    from kg.corpus.state.reuse import read_plan
    if digest is None:
        return None
    keys = {e.source: e.key for e in plan}
    last = read_plan(out)
    if last is None or last.get("settings") != settings:   # other code or options: render all
        return Changes(keys, None, None)
    old = last["keys"]
    changed = {s for s in keys.keys() | old.keys() if keys.get(s) != old.get(s)}
    changed |= {e.source for e in plan if not e.hit}   # to extract again (--retry-failed)
    return Changes(keys, last, changed if len(changed) <= len(plan) // 2 else None)


def build_settings(date, base_iri, version, require_date: bool = False) -> str:
    """The part of build_digest that is not the inputs: options and all code."""
    from kg.corpus.cache import package_fingerprint
    need = "\0require-date" if require_date else ""
    return f"{version}\0{package_fingerprint()}\0{date or ''}\0{base_iri or ''}{need}\n"


def build_digest(plan, skipped, date, base_iri, version, require_date: bool = False) -> str:
    """What the outputs are a function of: every input (path, source and
    cache key, which covers its bytes, name, date and the extraction code
    and rules), every path passed over and why (errors.tsv lists them), the
    options, and all of the package's code (the exporters included)."""
    h = hashlib.sha256(build_settings(date, base_iri, version, require_date).encode())
    for e in plan:
        h.update(f"{e.path}\0{e.source}\0{e.key}\n".encode(errors="surrogateescape"))
    for f in skipped:
        h.update(f"{f.path}\0{f.kind}\0{f.reason}\n".encode(errors="surrogateescape"))
    return h.hexdigest()
