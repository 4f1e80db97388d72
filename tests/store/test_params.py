"""Query parameters (kg.queryfile, `kg query --param`): declared in the query
file, checked, typed, and bound as RDF terms whatever text the user gives."""

from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.cli import main
from kg.errors import InputError
from kg.export.turtle import write_turtle
from kg.queryfile import bind, params

ROOT = Path(__file__).resolve().parents[2]
from posts_corpus import built
from sample_graph import small_graph
XSD = "http://www.w3.org/2001/XMLSchema#"

ECHO = """# Gives back what it was given.
# param: name (zh) a name
# param: month (month) a month
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>   # a { in a comment, and an IRI with a #
SELECT ?name ?month ?month_start ?month_end WHERE { FILTER (BOUND(?name)) }
"""


def solutions(query: str) -> list:
    return list(ox.Store().query(query))


@pytest.mark.parametrize("text", [
    "王毅",
    '王"毅',
    '"} ?s ?p ?o { "',                       # closing the literal and the group
    '\\"@zh) } SELECT * WHERE { ("',         # an escaped quote of its own
    "\\u0022) }",                            # a codepoint escape written out
    "甲\n乙\r丙'''\"\"\"",                    # line breaks, long-string quotes
    "# }",                                    # a comment and a brace
])
def test_a_value_is_bound_as_one_literal_whatever_its_text(text):
    [row] = solutions(bind(ECHO, {"name": text, "month": "2021-10"}))
    assert row["name"] == ox.Literal(text, language="zh")
    assert row["month"] == ox.Literal("2021-10", datatype=ox.NamedNode(XSD + "gYearMonth"))


@pytest.mark.parametrize("month, first, last", [("2021-10", "2021-10-01", "2021-10-31"),
                                                ("2024-02", "2024-02-01", "2024-02-29"),
                                                ("2022-02", "2022-02-01", "2022-02-28")])
def test_a_month_is_a_range_of_dates(month, first, last):
    [row] = solutions(bind(ECHO, {"name": "王毅", "month": month}))
    assert (row["month_start"].value, row["month_end"].value) == (first, last)
    assert row["month_end"].datatype == ox.NamedNode(XSD + "date")


def test_year_and_date_are_typed():
    q = "# param: year (year) a year\n# param: day (date) a day\nSELECT ?year ?day { }"
    [row] = solutions(bind(q, {"year": "2021", "day": "2021-10-08"}))
    assert row["year"] == ox.Literal("2021", datatype=ox.NamedNode(XSD + "gYear"))
    assert row["day"] == ox.Literal("2021-10-08", datatype=ox.NamedNode(XSD + "date"))


@pytest.mark.parametrize("given, reason", [
    ({"name": "王毅"}, "missing parameter month: give --param month=VALUE (the query takes: name (zh, "),
    ({"name": "王毅", "month": "2021-10", "year": "2021"}, "no parameter year (the query takes: name"),
    ({"name": " ", "month": "2021-10"}, "parameter name=' ': an empty name"),
    ({"name": "王毅", "month": "2021-13"}, "parameter month='2021-13': not a month (YYYY-MM"),
    ({"name": "王毅", "month": "2021年10月"}, "parameter month='2021年10月': not a month"),
])
def test_a_missing_unknown_or_malformed_value_names_the_file_and_the_parameter(given, reason):
    with pytest.raises(InputError) as err:
        bind(ECHO, given, "q/echo.rq")
    assert err.value.path == "q/echo.rq" and err.value.reason.startswith(reason), err.value.reason


@pytest.mark.parametrize("value", ["21", "2021-1", "二〇二一", "2021 "])
def test_a_year_is_four_digits(value):
    with pytest.raises(InputError, match="not a year"):
        bind("# param: year (year) y\nSELECT ?year { }", {"year": value})


def test_a_date_must_exist():
    with pytest.raises(InputError, match="not a date"):
        bind("# param: day (date) d\nSELECT ?day { }", {"day": "2021-02-30"})


@pytest.mark.parametrize("query, reason", [
    ("# param: name zh a name\nSELECT ?name { }", "cannot read the parameter declaration"),
    ("# param: name (person) a name\nSELECT ?name { }", "parameter name has an unknown kind 'person'"),
    ("# param: name (zh) a\n# param: name (zh) b\nSELECT ?name { }", "parameter name is declared twice"),
    ("# param: name (zh) a name\nSELECT ?n { }", "parameter name is declared but the query never uses ?name"),
])
def test_a_bad_declaration_is_reported(query, reason):
    with pytest.raises(InputError) as err:
        params(query, "bad.rq")
    assert err.value.reason.startswith(reason)


def test_a_construct_template_is_refused_but_a_select_in_a_subquery_is_bound_outside():
    with pytest.raises(InputError, match="CONSTRUCT with a template"):
        bind("# param: name (zh) n\nCONSTRUCT { ?s ?p ?name } WHERE { ?s ?p ?name }", {"name": "王毅"})
    q = "# param: name (zh) n\nSELECT ?name ?n { { SELECT (1 AS ?n) WHERE { } } }"
    [row] = solutions(bind(q, {"name": "王毅"}))
    assert row["name"].value == "王毅" and row["n"].value == "1"


def test_a_query_without_parameters_is_unchanged():
    q = "SELECT * WHERE { ?s ?p ?o }"
    assert params(q) == [] and bind(q, {}) == q


# --- the command --------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def posts_store(tmp_path_factory):
    s = tmp_path_factory.mktemp("posts") / "store"
    assert main(["load", str(built(tmp_path_factory) / "graph.ttl"), "--store", str(s)]) == 0
    return s


@pytest.fixture(scope="module")
def small_store(tmp_path_factory):
    d = tmp_path_factory.mktemp("small")
    write_turtle(small_graph(), d / "graph.ttl")
    assert main(["load", str(d / "graph.ttl"), "--store", str(d / "store")]) == 0
    return d / "store"


@pytest.mark.slow   # builds the posts corpus
def test_kg_query_binds_params(posts_store, capsys):
    q = str(ROOT / "queries" / "post_holders.rq")
    assert main(["query", q, "--store", str(posts_store), "--param", "post=青海省委书记", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in lines] == ["holder", "郑思远", "赵文博"]


def test_kg_query_lists_params_without_a_store(capsys):
    assert main(["query", str(ROOT / "queries" / "evidence.rq"), "--list-params"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split()[0] for line in out] == ["subject", "object"] and "(zh, a Chinese name)" in out[0]


@pytest.mark.parametrize("args, err", [
    ([], "kg: {q}: missing parameter month: give --param month=VALUE (the query takes: month (month, YYYY-MM)"),
    (["--param", "month"], "kg: {q}: --param 'month' is not NAME=VALUE"),
    (["--param", "month=2021-10", "--param", "month=2021-11"], "kg: {q}: --param month is given twice"),
    (["--param", "name=王毅"], "kg: {q}: no parameter name (the query takes: month (month, YYYY-MM)"),
])
def test_kg_query_refuses_wrong_params_in_one_line(small_store, capsys, args, err):
    q = str(ROOT / "queries" / "appointments_in_month.rq")
    assert main(["query", q, "--store", str(small_store), *args]) == 2
    out = capsys.readouterr()
    assert out.out == "" and out.err.startswith(err.format(q=q)) and out.err.count("\n") == 1, out.err


def test_kg_query_without_a_store_says_so(capsys):
    assert main(["query", str(ROOT / "queries" / "stats.rq")]) == 2
    assert "no store given (--store DIR" in capsys.readouterr().err
