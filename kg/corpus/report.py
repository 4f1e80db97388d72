"""How a build names what it could not use: stderr lines, errors.tsv rows, and the no-usable-input verdict.

A file name is whatever bytes the file system holds: a newline or a tab in
one would forge rows of errors.tsv or lines on stderr, and an ESC would
reach the terminal. Every name and reason goes through `escaped` first,
which writes such characters as Python does (\\n, \\t, \\x1b) and a
backslash as \\\\, so the escaped text reads back to the one name.
"""

import sys
import unicodedata
from typing import NamedTuple

from kg.errors import InputError

_NAMED = {"\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}

# The kind of a failure whose reason the reading or extraction step gave,
# by how its reason starts (kg.text.read, kg.corpus.engines, kg.corpus.pool);
# any other: "failed".
_KIND_BY_REASON = (
    ("not a text file", "not text"),
    ("encoding not recognised", "not text"),
    ("no such file", "missing"),
    ("cannot be read", "unreadable"),
    ("is a directory", "not a file"),
    ("over the", "over a limit"),          # kg.corpus.pool.Limits
    ("the worker died", "worker died"),
    ("no date", "no-date"),                # --require-date (kg.corpus.fold)
)


class Failure(NamedTuple):
    """One input the build could not use: its path, a kind (a short word a
    script can count: empty, missing, not text, symlink loop ...) and why."""
    path: str
    kind: str
    reason: str


def escaped(text) -> str:
    """`text` with every character that could break a line, a TSV row or the
    terminal written as an escape: controls, line and paragraph separators,
    lone surrogates (a name's undecodable bytes, as os.fsdecode gives them)."""
    out = []
    for ch in str(text):
        cp = ord(ch)
        if ch in _NAMED:
            out.append(_NAMED[ch])
        elif 0xDC80 <= cp <= 0xDCFF:   # surrogateescape: the original byte
            out.append(f"\\x{cp - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Zl", "Zp", "Cs") or 0x202A <= cp <= 0x202E:
            out.append(f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}")
        else:
            out.append(ch)
    return "".join(out)


def kind_of(reason: str) -> str:
    """The kind of a failure the reading or extraction step reported."""
    return next((kind for start, kind in _KIND_BY_REASON if reason.startswith(start)), "failed")


def failure(path, reason: str, kind: str | None = None) -> Failure:
    return Failure(str(path), kind or kind_of(reason), reason)


def say(f: Failure) -> None:
    """The one stderr line of a failure."""
    print(f"kg: {escaped(f.path)}: {escaped(f.reason)}", file=sys.stderr)


def undated_sources(articles) -> list:
    """A no-date Failure per source with articles of no date (a warning:
    the source is in the graph, but `introduced_in_year` and date filters
    cannot place its facts), in source order."""
    counts: dict = {}
    for a in articles:
        if not a.get("date"):
            counts[a["source"]] = counts.get(a["source"], 0) + 1
    return [Failure(src, "no-date", f"{n} article(s) with no date (give --date, or a date in the "
                    "file name or record)") for src, n in sorted(counts.items())]


def unread_sources(articles) -> list:
    """A not-prose Failure per source with stretches its extraction did not
    read (an article's `unread`: a run of thousands of characters with no
    sentence end, past its first articles.sentences.max_chars), in source order."""
    counts: dict = {}
    for a in articles:
        for s, e in a.get("unread", ()):
            counts[a["source"]] = counts.get(a["source"], 0) + e - s
    return [Failure(src, "not-prose", f"{n} character(s) not read: a run with no sentence end is read "
                    "only up to articles.sentences.max_chars") for src, n in sorted(counts.items())]


def say_undated(undated) -> None:
    """The warning lines of a build with undated articles (kind no-date) or
    stretches not read (kind not-prose)."""
    unread = [f for f in undated if f.kind == "not-prose"]
    if unread:
        print(f"kg build: warning: {len(unread)} source(s) have runs with no sentence end that were only read in "
              "part (errors.tsv rows of kind not-prose)", file=sys.stderr)
    undated = [f for f in undated if f.kind != "not-prose"]
    if undated:
        n = sum(int(f.reason.split(" ", 1)[0]) for f in undated)
        print(f"kg build: warning: {n} article(s) of {len(undated)} source(s) have no date "
              "(errors.tsv rows of kind no-date; --require-date makes them errors)", file=sys.stderr)


def errors_tsv(errors) -> str:
    """errors.tsv: a header and a row per failure, every field escaped."""
    rows = ("\t".join(escaped(x) for x in Failure(*e)) + "\n" for e in errors)
    return "file\tkind\treason\n" + "".join(rows)


def no_usable_input(out, errors, had_graph: bool) -> InputError:
    """The error of a build none of whose inputs could be used: it names how
    many there were, of which kinds, and that OUT was left as it was."""
    kinds: dict = {}
    for e in errors:
        kinds[e[1]] = kinds.get(e[1], 0) + 1
    counts = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    what = f"{len(errors)} file(s): {counts}" if errors else "no input files"
    kept = f"{escaped(out)}/ keeps its earlier graph" if had_graph else f"nothing written to {escaped(out)}/"
    return InputError("build", f"no usable input ({what}); {kept}")
