"""A node's mentions as a rebuild keeps them: by source file, each file's packed until asked for.

The graph model (kg.graph) holds a node's mentions as any iterable of
mention dicts with `extend`; a full build gives it a list. A rebuild loads
the last build's graph (kg.corpus.state.foldstate) and folds, renders and
saves again only the changed files' mentions of a node, so a hub such as
国务院, touched by almost every edit, keeps its 10^4 mentions from the other
files pickled. Only this package and kg.corpus.assemble know the type.
"""

import pickle


class Mentions:
    """{file: [mention]} or, until asked for, {file: (count, pickled list)}.
    Iterating gives every mention (files in name order), as the list would."""

    __slots__ = ("parts",)

    def __init__(self, parts: dict):
        self.parts = parts

    def of(self, src: str) -> list:
        """The mentions from file `src` (a list that may be changed in place)."""
        part = self.parts.get(src)
        if isinstance(part, tuple):
            part = self.parts[src] = pickle.loads(part[1])
        elif part is None:
            part = self.parts[src] = []
        return part

    def packed(self, src: str):
        """(count, blob) of file `src`'s mentions while they are still packed, else None."""
        part = self.parts.get(src)
        return part if isinstance(part, tuple) else None

    def sources(self) -> list:
        """The files that have mentions, in name order."""
        return sorted(src for src, part in self.parts.items() if (part[0] if isinstance(part, tuple) else part))

    def among(self, sources) -> list:
        """The mentions from these files."""
        return [m for src in sorted(sources) if src in self.parts for m in self.of(src)]

    def without(self, src: str) -> "Mentions":
        self.parts.pop(src, None)
        return self

    def extend(self, items) -> None:
        for m in items:
            self.of(m["source"]).append(m)

    def __iter__(self):
        for src in sorted(self.parts):
            yield from self.of(src)

    def __len__(self) -> int:
        return sum(part[0] if isinstance(part, tuple) else len(part) for part in self.parts.values())


def without_source(mentions, source: str):
    """kg.graph.remove_source's `drop_mentions` for a rebuild: a packed node
    drops the file's part unopened."""
    if isinstance(mentions, Mentions):
        return mentions.without(source)
    return [m for m in mentions if m["source"] != source]


def among(mentions, sources) -> list:
    """The mentions from these files, unpacking only theirs."""
    if isinstance(mentions, Mentions):
        return mentions.among(sources)
    return [m for m in mentions if m.get("source") in sources]


def by_source(mentions) -> tuple[list, object]:
    """(the files with mentions in name order, a function file -> its
    mentions), unpacking a file's mentions only when that function asks."""
    if isinstance(mentions, Mentions):
        return mentions.sources(), mentions.of
    groups = {}
    for m in mentions:
        groups.setdefault(m["source"], []).append(m)
    return sorted(groups), groups.__getitem__


def combined(mentions_of: list):
    """The mentions of several nodes together (each file's in one of them):
    a list when all are lists, else Mentions by file, unpacking none."""
    if all(isinstance(m, list) for m in mentions_of):
        return sorted((m for ms in mentions_of for m in ms), key=lambda m: m["source"])
    parts = {}
    for ms in mentions_of:
        if isinstance(ms, Mentions):
            parts.update(ms.parts)
        else:
            for m in ms:
                parts.setdefault(m["source"], []).append(m)
    return Mentions(parts)
