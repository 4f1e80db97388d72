"""Atomic writes: a reader (or a build killed halfway) never sees half a file.

A write fills a hidden temp file beside its target (`.NAME.` and eight
characters of tempfile.mkstemp) and renames it over the target. A process
killed before the rename leaves that temp file behind; `is_temp` tells such
names from the target's, for whoever owns the directory to remove them
(kg.corpus.publish, under the build's lock).
"""

import os
import re
import tempfile
from pathlib import Path

# `.NAME.XXXXXXXX`: tempfile.mkstemp's eight characters after the prefix write_chunks gives
_TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}")


def is_temp(name: str) -> bool:
    """Whether a file name is one of write_chunks' temp files."""
    return _TEMP_NAME.fullmatch(name) is not None


def write_bytes(path: Path, data: bytes, durable: bool = True) -> None:
    write_chunks(path, (data,), durable)


def write_chunks(path: Path, chunks, durable: bool = True) -> None:
    """Write the concatenation of `chunks` (bytes) without joining them
    first: an output assembled from a million record texts is not copied
    once more in memory. `durable`: fsync before the rename (outputs; a
    build's private state, which it can rebuild, skips it)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.writelines(chunks)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))
