"""The parameters of a SPARQL query file, and binding them safely.

A query file declares each parameter in a comment line of its own,

    # param: name (zh) a person's name, matched on prefLabel or altLabel

and uses it as the variable `?name`; `kg query FILE --param name=王毅` gives
the value. The query stays valid SPARQL on its own (the variable is simply
unbound), so editors, linters and other SPARQL tools read it as it is.

Why a VALUES block and not pyoxigraph's `substitutions`: oxigraph substitutes
only variables of the SELECT projection, so a parameter used in a FILTER, an
aggregate query or an ASK could not be bound. The values are written as RDF
terms by pyoxigraph's own serializer (quotes, backslashes and line breaks
escaped), never pasted as text, and the VALUES block goes at the start of the
outermost group, where every FILTER of the query sees it.

A parameter's kind says how the text given becomes terms:

- `zh`: a Chinese name, the literal "…"@zh;
- `text`: a plain string;
- `year`: YYYY, an xsd:gYear (compare with STR(?year) against dates);
- `month`: YYYY-MM, binds ?NAME (xsd:gYearMonth) and the range ?NAME_start /
  ?NAME_end (xsd:date, first and last day, both inclusive);
- `date`: YYYY-MM-DD, an xsd:date.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError

XSD = "http://www.w3.org/2001/XMLSchema#"
_DECLARATION = re.compile(r"^[ \t]*#[ \t]*param:(.*)$", re.M)
_PARAM = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*\((\w+)\)\s*(.*?)\s*$")
# What the lexer skips on its way to the first "{": comments, strings and IRIs
# may hold a brace or a keyword that is not one.
_SKIP = re.compile(r'#[^\n]*|"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                   r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>', re.S)


@dataclass(frozen=True)
class Param:
    """One declared parameter: its name (the query's variable), kind and help."""

    name: str
    kind: str
    help: str

    def usage(self) -> str:
        """One line for help and errors: name, kind, the form of its value, help."""
        return f"{self.name} ({self.kind}, {KINDS[self.kind][0]}) {self.help}".rstrip()

    def variables(self) -> tuple[str, ...]:
        """The variables a value of this parameter binds."""
        return (self.name, f"{self.name}_start", f"{self.name}_end") if self.kind == "month" else (self.name,)


def _literal(value: str, datatype: str = None, language: str = None):
    import pyoxigraph as ox
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=ox.NamedNode(XSD + datatype)) if datatype else ox.Literal(value)


def _name(value: str) -> tuple:
    if not value.strip():
        raise ValueError("an empty name")
    return (_literal(value.strip(), language="zh"),)


def _text(value: str) -> tuple:
    return (_literal(value),)


def _year(value: str) -> tuple:
    if not re.fullmatch(r"\d{4}", value):
        raise ValueError("not a year (YYYY, e.g. 2021)")
    return (_literal(value, "gYear"),)


def _month(value: str) -> tuple:
    m = re.fullmatch(r"(\d{4})-(\d{2})", value)
    if not m or not 1 <= int(m[2]) <= 12:
        raise ValueError("not a month (YYYY-MM, e.g. 2021-10)")
    year, month = int(m[1]), int(m[2])
    last = calendar.monthrange(year, month)[1]
    return (_literal(value, "gYearMonth"), _literal(f"{value}-01", "date"), _literal(f"{value}-{last:02d}", "date"))


def _date(value: str) -> tuple:
    try:
        real = re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) and datetime.date.fromisoformat(value)
    except ValueError:
        real = None
    if not real:
        raise ValueError("not a date (YYYY-MM-DD, e.g. 2021-10-08)")
    return (_literal(value, "date"),)


# kind -> (what the user gives, the function making its terms)
KINDS = {"zh": ("a Chinese name", _name), "text": ("a string", _text), "year": ("YYYY", _year),
         "month": ("YYYY-MM", _month), "date": ("YYYY-MM-DD", _date)}


def params(query: str, source="query") -> list[Param]:
    """The parameters `query` declares, in order. InputError on `source` for
    a declaration that cannot be read, an unknown kind, a name declared twice
    or a parameter the query never uses."""
    found = []
    body = _DECLARATION.sub("", query)
    for line in _DECLARATION.finditer(query):
        m = _PARAM.fullmatch(line[1])
        if not m:
            raise InputError(source, f"cannot read the parameter declaration '{line[0].strip()}' "
                                     "(write: # param: NAME (KIND) help)")
        p = Param(m[1], m[2], m[3])
        if p.kind not in KINDS:
            raise InputError(source, f"parameter {p.name} has an unknown kind '{p.kind}' (one of {', '.join(KINDS)})")
        if any(q.name == p.name for q in found):
            raise InputError(source, f"parameter {p.name} is declared twice")
        if not any(re.search(rf"[?$]{v}\b", body) for v in p.variables()):
            raise InputError(source, f"parameter {p.name} is declared but the query never uses ?{p.name}")
        found.append(p)
    return found


def bind(query: str, given: dict[str, str], source="query") -> str:
    """`query` with its declared parameters bound to the values `given`
    (name -> text) in a VALUES block. InputError on `source` naming a missing
    parameter, one the query does not declare, or a value of the wrong form."""
    declared = params(query, source)
    names = {p.name for p in declared}
    unknown = [n for n in given if n not in names]
    if unknown:
        raise InputError(source, f"no parameter {unknown[0]} (the query takes: {_listing(declared)})")
    missing = [p for p in declared if p.name not in given]
    if missing:
        raise InputError(source, f"missing parameter {missing[0].name}: give --param {missing[0].name}=VALUE "
                                 f"(the query takes: {_listing(declared)})")
    if not declared:
        return query
    variables, terms = [], []
    for p in declared:
        try:
            values = KINDS[p.kind][1](given[p.name])
        except ValueError as e:
            raise InputError(source, f"parameter {p.name}={given[p.name]!r}: {e}") from None
        variables += [f"?{v}" for v in p.variables()]
        terms += [str(t) for t in values]
    at = _outer_group(query, source)
    block = f"\n  VALUES ({' '.join(variables)}) {{ ({' '.join(terms)}) }}\n"
    return query[:at] + block + query[at:]


def prepare(path, given: dict[str, str]) -> str:
    """The text of the query file at `path` with its parameters bound."""
    return bind(Path(path).read_text(encoding="utf-8"), given, path)


def _listing(declared: list[Param]) -> str:
    return "; ".join(p.usage() for p in declared) or "no parameters"


def _outer_group(query: str, source) -> int:
    """The offset just inside the "{" that opens the query's WHERE group: the
    first brace outside comments, strings and IRIs (a CONSTRUCT template,
    which would come first, is refused)."""
    i = 0
    while i < len(query) and query[i] != "{":
        skip = _SKIP.match(query, i) if query[i] in "#\"'<" else None
        i = skip.end() if skip else i + 1
    if i == len(query):
        raise InputError(source, "has no WHERE group to bind the parameters in")
    if re.search(r"\bCONSTRUCT\b(?!\s*WHERE\b)", _SKIP.sub(" ", query[:i]), re.I):
        raise InputError(source, "a CONSTRUCT with a template cannot take parameters; write it as a SELECT")
    return i + 1
