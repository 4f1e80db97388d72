"""Typed, frozen tables built from TOML, with every key checked.

A rule file is read into the dataclass that declares its keys: a key the
file has and the class does not (a misspelling, a key nobody reads) and a
key the class has and the file lacks are both errors naming the file and
the key, so no code ever falls back on a value of its own. Lists become
tuples and free-keyed tables read-only mappings, so a loaded rule set can
be shared by every component and process without being changed by one.
"""

import dataclasses
import difflib
import json
import types
import typing
from collections.abc import Mapping

from kg.errors import InputError


class RuleError(InputError):
    """A rules/ file that does not match its declared keys or types."""


def rule_table(cls):
    """Declare a rule table: a frozen dataclass hashed by identity, so that
    caches of what is compiled from it (automata, regexes) can key on it."""
    return dataclasses.dataclass(frozen=True, eq=False)(cls)


class Json:
    """A nested table handed on as it is (the explorer's vis-network options):
    kept read-only, given out as a fresh dict."""

    __slots__ = ("_text",)

    def __init__(self, data: dict):
        self._text = json.dumps(data, ensure_ascii=False, sort_keys=True)

    def to_dict(self) -> dict:
        return json.loads(self._text)

    def __repr__(self):
        return f"Json({self._text[:40]}…)"


_SCALARS = {str: "a string", int: "an integer", float: "a number", bool: "true or false"}


def build(cls, data, where: str, file: str):
    """`data` (parsed TOML) as an instance of the rule table `cls`.

    `where` is the dotted key path for messages, `file` the rules file."""
    if not isinstance(data, dict):
        raise RuleError(file, f"{where} should be a table")
    hints = typing.get_type_hints(cls)
    fields = [f.name for f in dataclasses.fields(cls)]
    unknown = sorted(set(data) - set(fields))
    if unknown:
        near = difflib.get_close_matches(unknown[0], fields, n=1)
        hint = f"did you mean {_join(where, near[0])!r}?" if near else "not declared in kg/ruleset/schema.py"
        raise RuleError(file, f"unknown key {_join(where, unknown[0])!r} ({hint})")
    missing = [f for f in fields if f not in data]
    if missing:
        raise RuleError(file, f"missing key {_join(where, missing[0])!r}")
    return cls(**{f: convert(hints[f], data[f], _join(where, f), file) for f in fields})


def convert(hint, value, where: str, file: str):
    """One value of a table, checked against its declared type."""
    origin = typing.get_origin(hint)
    if hint is Json:
        if not isinstance(value, dict):
            raise RuleError(file, f"{where} should be a table")
        return Json(value)
    if dataclasses.is_dataclass(hint):
        return build(hint, value, where, file)
    if origin is tuple:
        if not isinstance(value, list):
            raise RuleError(file, f"{where} should be a list")
        item = typing.get_args(hint)[0]
        return tuple(convert(item, v, f"{where}[{i}]", file) for i, v in enumerate(value))
    if origin in (Mapping, dict) or hint is Mapping:
        if not isinstance(value, dict):
            raise RuleError(file, f"{where} should be a table")
        _, item = typing.get_args(hint)
        return types.MappingProxyType({k: convert(item, v, _join(where, k), file) for k, v in value.items()})
    if hint in _SCALARS:
        ok = isinstance(value, hint) and not (hint is int and isinstance(value, bool))
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            value, ok = float(value), True
        if not ok:
            raise RuleError(file, f"{where} should be {_SCALARS[hint]}, not {value!r}")
        return value
    raise TypeError(f"unsupported rule type {hint!r} for {where}")


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
