"""bytes -> str: find the encoding of a news text, refuse what is not text.

Offsets in the rest of the pipeline index the decoded text, so nothing here
may change it beyond dropping a leading byte-order mark: line endings and
spaces stay exactly as they were in the file.

GB18030 accepts nearly any byte string (every Big5 file decodes as it, into
kana, Cyrillic and private-use characters), so a GB18030 reading is kept
only when it reads like Chinese; otherwise Big5 is tried the same way, and
a file that reads like Chinese in neither is refused. Traditional text is
returned as it is: nothing converts it.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from kg.errors import InputError

# Decoded text with more of these than this share is not prose.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")

# A reading of a national (two-byte) encoding is kept while at most this share
# of its non-ASCII characters are unlikely in Chinese prose (see _unlikely_chars).
# Measured on the 10,600 items of the xwlb news corpus: as GB18030 or GBK their
# worst item is 1.4% unlikely; the same items as Big5 bytes read as GB18030
# are 58.7% unlikely at best (median 81%).
_MAX_UNLIKELY_SHARE = 0.3

# Big5 as Windows writes it (Microsoft's cp950, a superset of plain Big5):
# tried when a GB18030 reading does not look like Chinese. Every Big5 byte
# string is also valid GB18030, so a file GB18030 cannot decode is never Big5.
# Not big5hkscs: its extra rows read Shift-JIS bytes as plausible hanzi.
_BIG5 = "cp950"

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def read_text(path) -> str:
    """The text of the file at `path`, decoded; InputError if it has none."""
    data = _read_bytes(path)
    if not data:
        return ""
    text, why = _decode(data)
    if text is None:
        raise InputError(path, why)
    why = _binary_reason(text)
    if why:
        raise InputError(path, f"not a text file ({why})")
    return text[1:] if text.startswith("\ufeff") else text


def _read_bytes(path) -> bytes:
    """The file's bytes, with the usual failures named rather than raised raw."""
    p = Path(path)
    if p.is_dir():
        raise InputError(path, "is a directory")
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except PermissionError:
        raise InputError(path, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise InputError(path, f"cannot be read ({exc.strerror or exc})") from None


def _decode(data: bytes):
    """(text, None) or (None, the reason it is refused). Strict decoders first, guessing last:
    a GBK page must never come out as UTF-8 mojibake, and NUL bytes mean a
    binary file whatever a guesser would say."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), None
            except UnicodeDecodeError:
                return None, f"not a text file (invalid {enc} after its byte-order mark)"
    if b"\x00" in data:
        return None, "not a text file (contains NUL bytes)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    return _decode_national(data)


def _decode_national(data: bytes):
    """(text, None) or (None, why): GB18030 if its reading looks like Chinese,
    else Big5 if its reading does; charset-normalizer's guess for what
    GB18030 cannot decode at all."""
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return _guess(data)
    share = unlikely_share(text)
    if share <= _MAX_UNLIKELY_SHARE:
        return text, None
    try:
        big5 = data.decode(_BIG5)
    except UnicodeDecodeError:
        return None, (f"encoding not recognised: read as GB18030, {share:.0%} of its non-ASCII "
                      "characters are private-use, rare or not Chinese, and it is not Big5")
    big5_share = unlikely_share(big5)
    if big5_share <= _MAX_UNLIKELY_SHARE:
        return big5, None
    return None, (f"encoding not recognised: read as GB18030 or as Big5, {share:.0%} or "
                  f"{big5_share:.0%} of its non-ASCII characters are private-use, rare or not Chinese")


def unlikely_share(text: str) -> float:
    """The share of `text`'s non-ASCII characters that Chinese prose hardly
    ever holds: 0.0 for mainland or Taiwan news decoded right, over half for
    one national encoding's bytes read as another."""
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    if not non_ascii:
        return 0.0
    return len(_unlikely_chars().findall(text)) / non_ascii


@lru_cache(maxsize=1)
def _unlikely_chars() -> re.Pattern:
    """A character class of what is unlikely in Chinese prose: anything but
    ASCII, punctuation, symbols, digits and spaces of the BMP, accented Latin
    letters (pinyin's ā, foreign names' é), and the hanzi of GB2312 (the
    6,763 of Simplified text) or of Big5's frequent set (the 5,401 of
    Traditional text). Private-use characters, kana, Greek and
    Cyrillic letters and rare hanzi are what one encoding's bytes become when
    read as another. Built from the codecs' own tables, once."""
    likely = set(_decoded_pairs("gb2312", 0xB0A1, 0xF7FE))
    likely.update(_decoded_pairs("cp950", 0xA440, 0xC67E))
    likely.update(chr(cp) for cp in range(0x80, 0x10000)
                  if unicodedata.category(chr(cp))[0] in "PNSZ")
    likely.update(map(chr, range(0xC0, 0x250)))
    return re.compile(f"[^\\x00-\\x7f{_char_ranges(likely)}]")


def _decoded_pairs(encoding: str, first: int, last: int):
    """The characters `encoding` defines for the two-byte codes first..last."""
    for code in range(first, last + 1):
        try:
            yield code.to_bytes(2, "big").decode(encoding)
        except UnicodeDecodeError:
            continue


def _char_ranges(chars) -> str:
    """The body of a regex character class matching exactly `chars`."""
    spans = []
    for cp in sorted(map(ord, chars)):
        if spans and spans[-1][1] == cp - 1:
            spans[-1][1] = cp
        else:
            spans.append([cp, cp])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in spans)


def _guess(data: bytes):
    """Last resort: charset-normalizer's best guess, if it has one."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with the project
        return None, "not a text file (undecodable as UTF-8 or GB18030)"
    best = from_bytes(data).best()
    if best is None:
        return None, "not a text file (no text encoding fits)"
    return str(best), None


def _binary_reason(text: str):
    """Why a decoded string still looks binary, or None if it reads as text."""
    if "\x00" in text:
        return "contains NUL characters"
    controls = sum(1 for c in text if (c < " " or "\x7f" <= c < "\xa0")
                   and c not in _ALLOWED_CONTROLS)
    if controls and controls > _MAX_CONTROL_SHARE * len(text):
        return f"{controls} control characters"
    return None
