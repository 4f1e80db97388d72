"""A parse of a data table, pickled beside the table.

Parsing the 12 MB division table is slow next to loading its result, and
every process that extracts would pay it, so the result is kept as a pickle
next to the table, keyed by a hash of the table and of a `key` string (the
settings and the parsing code); any change makes a new key, and older
pickles of the same tag are removed.
"""

import dataclasses
import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Mapping
from pathlib import Path


def settings_json(cfg) -> str:
    """A rule table's settings as JSON: part of a pickle's key."""
    def plain(v):
        return dict(v) if isinstance(v, Mapping) else v
    data = {f.name: plain(getattr(cfg, f.name)) for f in dataclasses.fields(cfg)}
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def through_pickle(table: Path, key: str, tag: str, parse):
    """parse(open table) as pickled beside the table under `tag`, keyed by
    the table and `key`; a damaged pickle is parsed again, never trusted."""
    h = hashlib.sha256(table.read_bytes())
    h.update(key.encode())
    pickled = table.parent / f"{tag}-{h.hexdigest()[:16]}.pickle"
    try:
        with open(pickled, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, TypeError):
        pass
    with open(table, encoding="utf-8") as fh:  # universal newlines eat the CRs
        data = parse(fh)
    tmp = None
    try:   # atomic; a read-only data dir just means no cache
        fd, tmp = tempfile.mkstemp(prefix=f".{tag}-", dir=table.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, pickled)
        tmp = None
        for old in table.parent.glob(f"{tag}-*.pickle"):
            if old != pickled:
                old.unlink(missing_ok=True)
    except OSError:
        pass
    finally:
        if tmp is not None and os.path.exists(tmp):
            os.unlink(tmp)
    return data
