"""bytes -> str: find the encoding of a news text, refuse what is not text.

Offsets in the rest of the pipeline index the decoded text, so nothing here
may change it beyond dropping a leading byte-order mark: line endings and
spaces stay exactly as they were in the file.
"""

from pathlib import Path

from kg.errors import InputError

# Decoded text with more of these than this share is not prose.
_MAX_CONTROL_SHARE = 0.01
_ALLOWED_CONTROLS = set("\t\n\r\f\v\x1a")

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
        raise InputError(path, f"not a text file ({why})")
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
    """(text, None) or (None, why). Strict decoders first, guessing last:
    a GBK page must never come out as UTF-8 mojibake, and NUL bytes mean a
    binary file whatever a guesser would say."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), None
            except UnicodeDecodeError:
                return None, f"invalid {enc} after its byte-order mark"
    if b"\x00" in data:
        return None, "contains NUL bytes"
    for enc in ("utf-8", "gb18030"):
        try:
            return data.decode(enc), None
        except UnicodeDecodeError:
            continue
    return _guess(data)


def _guess(data: bytes):
    """Last resort: charset-normalizer's best guess, if it has one."""
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - installed with the project
        return None, "undecodable as UTF-8 or GB18030"
    best = from_bytes(data).best()
    if best is None:
        return None, "no text encoding fits"
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
