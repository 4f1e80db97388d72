"""The per-document cache of a build: one JSON extraction per source (a page, or an article of a records file).

An entry is keyed by what the extraction depends on: the file's bytes (a
SHA-256 of its content), its name (the `source` of every fact) and the date
it is read against, and the pipeline version — `kg.__version__`, a hash of
the extraction code and `kg.ruleset.rules_fingerprint()` (every file in rules/,
which also names the data assets). Changing one file re-extracts that file;
changing a rule file or the code re-extracts everything.

Entries live in `DIR/<2 hex>/<key>.json` and are written atomically (temp
file + rename), so a build killed halfway leaves only whole entries: the next
build starts where the killed one stopped. Old entries are never read again
once their key is unused; delete the directory to reclaim the space.
"""

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

from kg.paths import PACKAGE_DIR

TEMP_PREFIX = ".tmp."   # an entry being written: .tmp.PID.XXXXXXXX beside it
# how a cached failure begins: json.dumps({"__error__": reason}) (kg.corpus.fold)
FAILURE_PREFIX = b'{"__error__"'

# The layers whose code decides what one document's extraction is (the
# layers above them, graph, corpus, export, ner and the CLI, do not; but
# corpus/records.py reads a records file's articles and puts their
# metadata on the extraction).
_EXTRACTION = ("errors.py", "paths.py", "__init__.py", "extraction.py",
               "ruleset/", "text/", "nlp/", "link/", "relations/", "corpus/records.py")


def _hash_code(keep) -> str:
    h = hashlib.sha256()
    for p in sorted(PACKAGE_DIR.rglob("*.py")):
        rel = p.relative_to(PACKAGE_DIR).as_posix()
        if keep(rel):
            h.update(rel.encode())
            h.update(p.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the package's extraction code (the layers up to kg.extraction)."""
    return _hash_code(lambda rel: rel.startswith(_EXTRACTION))


@lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """A hash of all of the package's code, exporters and drivers included
    (what a build's outputs depend on besides its inputs and options)."""
    return _hash_code(lambda rel: True)


def pipeline_version() -> str:
    """What every cache key carries: package version, code hash, rules hash."""
    from kg import __version__
    from kg.ruleset import rules_fingerprint
    return f"{__version__}+{code_fingerprint()}+{rules_fingerprint()}"


def file_key(data: bytes, name: str, date, version: str) -> str:
    """The cache key of one file's extraction."""
    h = hashlib.sha256()
    h.update(f"{version}\0{name}\0{date or ''}\0".encode(errors="surrogateescape"))
    h.update(hashlib.sha256(data).digest())
    return h.hexdigest()


class Cache:
    """A directory of extraction JSON texts keyed by `file_key`."""

    def __init__(self, root):
        self.root = Path(root)
        self._prefix = str(self.root) + os.sep

    def _path(self, key: str) -> str:
        """DIR/<2 hex>/<key>.json, as a string: has() asks it of every input."""
        return f"{self._prefix}{key[:2]}{os.sep}{key}.json"

    def has(self, key) -> bool:
        return key is not None and os.path.isfile(self._path(key))

    def get(self, key: str) -> str | None:
        """The cached JSON text, or None (absent or unreadable: a miss)."""
        try:
            with open(self._path(key), encoding="utf-8") as fh:
                return fh.read()
        except (OSError, UnicodeDecodeError):
            return None

    def failed(self, key) -> bool:
        """Whether the entry records a failure (a file that was not usable, or
        over a limit, or whose worker died: {"__error__": reason}), which
        `--retry-failed` extracts again."""
        try:
            with open(self._path(key), "rb") as fh:
                return fh.read(len(FAILURE_PREFIX)) == FAILURE_PREFIX
        except (OSError, TypeError):
            return False

    def put(self, key: str, text: str) -> None:
        path = self._path(key)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}.", dir=os.path.dirname(path))
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise


    def remove_leftovers(self) -> None:
        """Remove the temp files of writers that are gone (a killed build's):
        each carries its writer's pid, and a cache may be shared by builds of
        other OUTs, whose live writers' files stay."""
        try:
            subdirs = [d for d in os.scandir(self.root) if d.is_dir()]
        except OSError:
            return
        for d in subdirs:
            for entry in os.scandir(d.path):
                if entry.name.startswith(TEMP_PREFIX) and not _alive(entry.name.split(".")[2]):
                    try:
                        os.unlink(entry.path)
                    except OSError:
                        pass


def _alive(pid: str) -> bool:
    """Whether process `pid` (a text; a name without one: no) still runs."""
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


class NoCache:
    """`--no-cache`: every file is a miss and nothing is kept."""

    def has(self, key):
        return False

    def get(self, key):
        return None

    def put(self, key, text):
        pass

    def remove_leftovers(self):
        pass

    def failed(self, key):
        return False
