"""A build's outputs published together: a generation directory and one atomic switch.

A build writes all of its outputs (kg.corpus.outputs.PUBLISHED: the graph
files, errors.tsv, the manifest) into a new directory OUT/.gen-N. When
every one is written, one rename publishes them all: a symlink
OUT/.current -> .gen-N renamed over the old one. The documented paths stay
where they were: OUT/graph.json, OUT/graph.ttl ... are symlinks to
.current/graph.json ..., made once, so a user or a test opening
OUT/graph.ttl reads the current generation's. A kill at any moment of
writing leaves .current on the previous generation, whole, or on the new
one, whole: OUT never mixes two builds.

Why not the other ways: renaming each finished file over OUT/NAME is five
renames, and a kill between two mixes two builds until the next one; a
manifest written last that readers check protects kg's own readers only,
not a user opening graph.ttl. (The one time an OUT of plain files, from a
kg before generations, gets its symlinks, they replace the files one by one.)
A reader that wants several outputs of one build reads them in
os.path.realpath(OUT / ".current"). The links are relative, so a copied or
moved OUT still works; a tool that reads a link's target itself instead of
opening the path (pyshacl does) is given the real path
(scripts/check_turtle.py).

The build's private state (OUT/.reuse, OUT/.cache) stays outside the
generations: it is tagged with the build it belongs to (kg.corpus.state.saved)
and is read only by the next build. Everything here runs under the build's
lock (kg.corpus.lock), so what a killed build left — generations that never
became current, kg.atomic temp files in OUT and OUT/.reuse — is no live
build's, and is removed.
"""

import os
import secrets
import shutil
from pathlib import Path

from kg.atomic import is_temp

CURRENT = ".current"
GEN_PREFIX = ".gen-"
PRIVATE = (".reuse",)   # the build's own directories whose temp files are cleaned


def current_generation(out: Path) -> str | None:
    """The name of the published generation (.gen-N), or None."""
    try:
        return os.readlink(Path(out) / CURRENT)
    except OSError:
        return None


def new_generation(out: Path) -> Path:
    """A new, empty generation directory to write a build's outputs into."""
    out = Path(out)
    numbers = [_number(p.name) for p in out.iterdir() if p.name.startswith(GEN_PREFIX)]
    gen = out / f"{GEN_PREFIX}{max([n for n in numbers if n is not None], default=0) + 1}"
    gen.mkdir()
    return gen


def publish(out: Path, gen: Path, names) -> None:
    """Make generation `gen` (holding every one of `names`) the current one,
    in one rename, and remove the others."""
    out = Path(out)
    _fsync_dir(gen)
    _symlink(out / CURRENT, gen.name)
    for name in names:   # in place after the first build: nothing to do
        target = f"{CURRENT}/{name}"
        path = out / name
        if not (path.is_symlink() and os.readlink(path) == target):
            _symlink(path, target)
    _fsync_dir(out)
    remove_leftovers(out)


def remove_leftovers(out: Path) -> None:
    """Remove the generations that are not current, and kg.atomic's temp
    files in OUT and its private directories (a killed build's)."""
    out = Path(out)
    if not out.is_dir():
        return
    current = current_generation(out)
    for p in out.iterdir():
        if p.name.startswith(GEN_PREFIX) and p.name != current and not p.is_symlink() and p.is_dir():
            shutil.rmtree(p, ignore_errors=True)
    for d in (out, *(out / name for name in PRIVATE)):
        if d.is_dir():
            for p in d.iterdir():
                if is_temp(p.name) and (p.is_symlink() or not p.is_dir()):
                    p.unlink(missing_ok=True)


def _symlink(path: Path, target: str) -> None:
    """Point `path` at `target` in one rename (a temp link renamed over it)."""
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}")   # a kg.atomic temp name
    os.symlink(target, tmp)
    os.replace(tmp, path)


def _number(name: str) -> int | None:
    tail = name[len(GEN_PREFIX):]
    return int(tail) if tail.isdigit() else None


def _fsync_dir(d: Path) -> None:
    """The renames in `d` on disk (a crash of the machine, not only of the build)."""
    try:
        fd = os.open(d, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
