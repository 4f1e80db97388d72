"""A large read-only name -> value(s) table packed into a few flat objects.

The village index (kg.nlp.gazetteer.village_parents) maps 300k names to one
township code or a tuple of them. As a dict it is ~700k Python objects that
every process which meets a village name unpickles (a quarter of a second)
and holds (tens of MB), to answer a few look-ups a document. Packed, it is
the names sorted end to end in one string with their offsets, and the values
likewise: unpickling is a copy of four buffers, and a look-up is a binary
search over the sorted names. `get` answers exactly what the dict did.
"""

from array import array
from bisect import bisect_left

SEP = "\t"   # before each code of a tuple value (no code holds a tab)


class PackedIndex:
    """name -> a str, or a tuple of str, as the dict it was packed from."""

    __slots__ = ("_names", "_name_at", "_vals", "_val_at", "_keys")

    def __init__(self, table: dict):
        names = sorted(table)
        vals = []
        for n in names:
            v = table[n]
            parts = (v,) if isinstance(v, str) else tuple(v)
            if not parts or any(SEP in p or not p for p in parts):
                raise ValueError(f"cannot pack the value of {n!r}: {v!r}")
            vals.append(v if isinstance(v, str) else SEP + SEP.join(parts))   # a tuple opens with SEP
        self._names, self._name_at = _packed(names)
        self._vals, self._val_at = _packed(vals)
        self._keys = _Keys(self._names, self._name_at)

    def __len__(self) -> int:
        return len(self._name_at) - 1

    def get(self, name: str, default=None):
        i = bisect_left(self._keys, name)
        if i == len(self) or self._keys[i] != name:
            return default
        got = self._vals[self._val_at[i]:self._val_at[i + 1]]
        return tuple(got[1:].split(SEP)) if got.startswith(SEP) else got

    def __getstate__(self):
        return self._names, self._name_at.tobytes(), self._vals, self._val_at.tobytes()

    def __setstate__(self, state):
        self._names, name_at, self._vals, val_at = state
        self._name_at, self._val_at = array("i"), array("i")
        self._name_at.frombytes(name_at)
        self._val_at.frombytes(val_at)
        self._keys = _Keys(self._names, self._name_at)


class _Keys:
    """The i-th sorted name, sliced out of the packed string (what bisect reads)."""

    __slots__ = ("_s", "_at")

    def __init__(self, s: str, at: array):
        self._s, self._at = s, at

    def __len__(self) -> int:
        return len(self._at) - 1

    def __getitem__(self, i: int) -> str:
        return self._s[self._at[i]:self._at[i + 1]]


def _packed(strings: list) -> tuple[str, array]:
    """The strings end to end, and the offset where each starts (one more: the end)."""
    at = array("i", [0])
    total = 0
    for s in strings:
        total += len(s)
        at.append(total)
    return "".join(strings), at
