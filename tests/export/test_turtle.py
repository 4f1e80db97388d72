"""graph.ttl: the mapping onto standard vocabularies, stable ASCII IRIs,
byte-identical output, hostile names, and four parsers + SHACL on real builds."""

import importlib.util
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, SKOS

from kg.export.rdf_mapping import graph_subjects
from kg.export.rdf_terms import check_base, slug
from kg.export.turtle import turtle, write_turtle
from kg.export.vocab import DEFAULT_BASE, KG, OA
from sample_graph import SRC, ev, small_graph  # noqa: F401

# plain Namespaces: pytest's collection probes module attributes, and rdflib's
# closed SDO/XSD warn on every unknown name
SDO = rdflib.Namespace("https://schema.org/")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pyshacl on rdflib 7
SHAPES = ROOT / "shapes" / "govkg-shapes.ttl"
_spec = importlib.util.spec_from_file_location("check_turtle", ROOT / "scripts" / "check_turtle.py")
check_turtle = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(check_turtle)


def parse(text: str) -> rdflib.Graph:
    return rdflib.Graph().parse(data=text, format="turtle")


def by_label(r: rdflib.Graph, name: str) -> URIRef:
    (s,) = r.subjects(SKOS.prefLabel, Literal(name, lang="zh"))
    return s


# --- the mapping ---------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def rdf():
    return parse(turtle(small_graph()))


def test_triple_count_matches_what_parsers_read(rdf):
    assert len(rdf) == len(graph_subjects(small_graph())[0])


def test_entities_use_standard_classes_and_chinese_labels(rdf):
    mps = by_label(rdf, "公安部")
    assert {ORG.Organization, SDO.GovernmentOrganization} <= set(rdf.objects(mps, RDF.type))
    bureau = by_label(rdf, "公安部法制局")
    assert (bureau, SKOS.altLabel, Literal("法制局", lang="zh")) in rdf
    assert (bureau, ORG.subOrganizationOf, mps) in rdf
    assert (by_label(rdf, "孙茂利"), RDF.type, SDO.Person) in rdf
    assert (by_label(rdf, "《关于深入推进公安执法监督管理机制改革的意见》"), RDF.type, SDO.Legislation) in rdf
    assert (by_label(rdf, "12389投诉平台"), RDF.type, KG.Program) in rdf


def test_places_have_codes_and_containment(rdf):
    county, city, prov = (by_label(rdf, n) for n in ("沧源佤族自治县", "临沧市", "云南省"))
    assert str(county) == DEFAULT_BASE + "place/530927"
    assert (county, SKOS.notation, Literal("530927")) in rdf
    assert (county, SDO.containedInPlace, city) in rdf and (city, SDO.containedInPlace, prov) in rdf
    assert (prov, KG.divisionLevel, Literal("province")) in rdf
    agency = by_label(rdf, "沧源佤族自治县纪委监委")
    assert (agency, SDO.location, county) in rdf


def test_introduced_is_a_plain_triple_and_a_dated_introduction(rdf):
    mps, doc = by_label(rdf, "公安部"), by_label(rdf, "《关于深入推进公安执法监督管理机制改革的意见》")
    assert (mps, KG.introduced, doc) in rdf
    (fact,) = rdf.subjects(RDF.object, doc)
    assert set(rdf.objects(fact, RDF.type)) == {RDF.Statement, KG.Introduction}
    assert (fact, RDF.subject, mps) in rdf and (fact, RDF.predicate, KG.introduced) in rdf
    assert (fact, DCTERMS.date, Literal("2021-05", datatype=XSD.gYearMonth)) in rdf


def test_posts_are_memberships_with_roles(rdf):
    sun, bureau = by_label(rdf, "孙茂利"), by_label(rdf, "公安部法制局")
    assert (sun, ORG.headOf, bureau) in rdf
    (m,) = rdf.subjects(ORG.member, sun)
    assert (m, RDF.type, ORG.Membership) in rdf and (m, ORG.organization, bureau) in rdf
    role = rdf.value(m, ORG.role)
    assert rdf.value(role, SKOS.prefLabel) == Literal("局长", lang="zh")
    assert (by_label(rdf, "曾斌"), ORG.memberOf, bureau) in rdf


def test_evidence_one_node_per_sentence_with_text_offsets_and_article(rdf):
    sentence = Literal("公安部法制局局长孙茂利说。", lang="zh")
    (quote,) = rdf.subjects(OA.exact, sentence)
    (evidence,) = rdf.subjects(OA.hasSelector, quote)
    facts = set(rdf.subjects(PROV.wasDerivedFrom, evidence))
    assert len(facts) == 2  # leads and part_of share the sentence: one evidence node
    pos = [s for s in rdf.objects(evidence, OA.hasSelector) if (s, RDF.type, OA.TextPositionSelector) in rdf][0]
    assert rdf.value(pos, OA.start) == Literal(206, datatype=XSD.nonNegativeInteger)
    assert rdf.value(pos, OA.end) == Literal(206 + len(sentence), datatype=XSD.nonNegativeInteger)
    article = rdf.value(evidence, DCTERMS.isPartOf)
    assert rdf.value(article, DCTERMS.title) == Literal("公安执法越来越规范", lang="zh")
    assert rdf.value(article, DCTERMS.date) == Literal("2021-09-15", datatype=XSD.date)
    assert rdf.value(rdf.value(article, DCTERMS.creator), SKOS.prefLabel) == Literal("张天培", lang="zh")
    source = rdf.value(article, DCTERMS.source)
    assert source == rdf.value(evidence, OA.hasSource)
    assert rdf.value(source, DCTERMS.identifier) == Literal(SRC)
    assert (article, SDO.mentions, by_label(rdf, "公安部")) in rdf


# --- IRIs ------------------------------------------------------------------------------------------

def test_iris_are_ascii_and_chinese_only_in_literals(rdf):
    for triple in rdf:
        for term in triple:
            if isinstance(term, URIRef):
                assert str(term).isascii(), term
    assert str(by_label(rdf, "玉麦乡")).startswith(DEFAULT_BASE + "place/540529-")


def test_iris_are_stable_across_corpora():
    """The same entity gets the same IRI in a graph with other nodes and another edge order."""
    g1 = small_graph()
    g2 = nx.MultiDiGraph(**g1.graph)
    g2.add_node("central:国务院", type="AGENCY", name="国务院", aliases={"国务院"}, mentions=[])
    for n, d in reversed(list(g1.nodes(data=True))):
        g2.add_node(n, **d)
    for h, t, k, d in reversed(list(g1.edges(keys=True, data=True))):
        g2.add_edge(h, t, key=k, **d)
    r1, r2 = parse(turtle(g1)), parse(turtle(g2))
    for name in ("公安部", "孙茂利", "沧源佤族自治县", "12389投诉平台"):
        assert by_label(r1, name) == by_label(r2, name)
    assert set(r1) <= set(r2)


def test_base_iri_is_configurable_and_checked():
    r = parse(turtle(small_graph(), base="http://example.org/kg"))
    assert str(by_label(r, "沧源佤族自治县")) == "http://example.org/kg/place/530927"
    assert (by_label(r, "公安部"), RDF.type, SDO.GovernmentOrganization) in r
    for bad in ("not an iri", "http://ex.org/a b", "http://ex.org/<x>", "http://例子.org/", "", "relative/path"):
        with pytest.raises(ValueError):
            check_base(bad)


def test_slug_keeps_distinct_texts_distinct():
    assert slug("2021-09-15_peoples-daily.txt") == "2021-09-15_peoples-daily.txt"
    assert slug("a b") != slug("a-b") and slug("a b").isascii()
    assert slug("人民日报.txt").isascii() and slug("人民日报.txt") != slug("光明日报.txt")


# --- determinism -------------------------------------------------------------------------------------

def test_same_graph_gives_byte_identical_turtle(tmp_path):
    write_turtle(small_graph(), tmp_path / "a.ttl")
    write_turtle(small_graph(), tmp_path / "b.ttl")
    assert (tmp_path / "a.ttl").read_bytes() == (tmp_path / "b.ttl").read_bytes()
    g = small_graph()
    shuffled = nx.MultiDiGraph(**g.graph)
    shuffled.add_nodes_from(sorted(g.nodes(data=True), key=lambda nd: nd[0][::-1]))
    shuffled.add_edges_from(sorted(g.edges(keys=True, data=True), key=lambda e: str(e[2]) + e[1]))
    assert turtle(shuffled) == turtle(g)


# --- hostile names -------------------------------------------------------------------------------------

NASTY = {
    "central:公安部": '公安部<>"{}|\\^`',
    "central:公安部:法制局": "法制 局\n第二行\r\t尾",
    "person:孙茂利@central:公安部:法制局": "孙茂利😀🇨🇳",
    "program:12389投诉平台": "长" * 2000,
    "place:530900": '"""临沧\'\'\'市\\',
    "local:530927:纪律检查委员会监察委员会": "控制\x00\x01\x1f\x7f字符\u2028\ufeff",
}


@pytest.fixture(scope="module")
def nasty_ttl(tmp_path_factory):
    g = small_graph(NASTY)
    g.nodes["central:公安部"]["aliases"].add("别名 with space\\n")
    src = "人民日报 2021<09>.txt"  # a source file name that is no IRI
    for _h, _t, _k, d in g.edges(keys=True, data=True):
        d["evidence"].append(ev('句子"引号"\\反斜杠\n换行😀', 999, source=src))
    path = tmp_path_factory.mktemp("nasty") / "nasty.ttl"
    write_turtle(g, path)
    return g, path


def test_hostile_names_round_trip_through_rdflib(nasty_ttl):
    g, path = nasty_ttl
    r = rdflib.Graph().parse(str(path), format="turtle")
    assert len(r) == len(graph_subjects(g)[0])
    labels = {str(o) for o in r.objects(None, SKOS.prefLabel)}
    for name in NASTY.values():
        if "\x00" not in name:
            assert name in labels
    assert "长" * 2000 in labels
    assert any("\x00" in lab for lab in labels)  # escaped as \u0000, read back as NUL
    for triple in r:
        assert all(str(t).isascii() for t in triple if isinstance(t, URIRef))


def test_lone_surrogates_do_not_break_the_file():
    g = small_graph({"central:公安部": "公安部\udcff"})
    r = parse(turtle(g))
    assert Literal("公安部\ufffd", lang="zh") in set(r.objects(None, SKOS.prefLabel))


# --- four parsers and SHACL -----------------------------------------------------------------------------

def _parse_or_skip(parser, path):
    try:
        return check_turtle.parse_with(parser, path)
    except check_turtle.ToolMissing as e:
        pytest.skip(f"{e}: run scripts/install_rdf_tools.sh")


@pytest.mark.parametrize("parser", check_turtle.PARSERS)
def test_hostile_names_parse_in_every_parser(parser, nasty_ttl):
    g, path = nasty_ttl
    assert _parse_or_skip(parser, path) == len(graph_subjects(g)[0])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """graph.ttl of the seed page and of the shared corpus (tests/fixtures/corpus)."""
    from kg.corpus.driver import build
    out = tmp_path_factory.mktemp("built")
    build([str(ROOT / "seeds")], out / "seed")
    build([str(ROOT / "tests" / "fixtures" / "corpus")], out / "corpus")
    return {"seed": out / "seed" / "graph.ttl", "corpus": out / "corpus" / "graph.ttl"}


@pytest.mark.parametrize("parser", check_turtle.PARSERS)
@pytest.mark.parametrize("which", ["seed", "corpus"])
def test_built_turtle_parses_without_warning(parser, which, built):
    assert _parse_or_skip(parser, built[which]) > 100


@pytest.mark.parametrize("which", ["seed", "corpus"])
def test_built_turtle_conforms_to_shapes(which, built):
    conforms, text = check_turtle.shacl(built[which], SHAPES)
    assert conforms, text


def test_small_and_hostile_graphs_conform_to_shapes(tmp_path, nasty_ttl):
    write_turtle(small_graph(), tmp_path / "small.ttl")
    for path in (tmp_path / "small.ttl", nasty_ttl[1]):
        conforms, text = check_turtle.shacl(path, SHAPES)
        assert conforms, text


def test_shapes_catch_a_broken_graph(tmp_path):
    path = tmp_path / "bad.ttl"
    text = turtle(small_graph()) + "\nfact:broken a rdf:Statement ; rdf:subject place:530927 .\n"
    path.write_text(text, encoding="utf-8")
    conforms, report = check_turtle.shacl(path, SHAPES)
    assert not conforms and "fact/broken" in report or "fact:broken" in report


def test_rdflib_check_reports_warnings(tmp_path):
    path = tmp_path / "warn.ttl"
    path.write_text('<http://ex.org/a> <http://ex.org/p> "2021-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .\n')
    with pytest.raises(ValueError):
        check_turtle.parse_with("rdflib", path)


def test_ontology_parses_and_defines_project_terms():
    o = rdflib.Graph().parse(str(ROOT / "ontology" / "govkg.ttl"))
    for term in (KG.Program, KG.introduced, KG.Introduction, KG.cooperatesWith, KG.divisionLevel, KG.dateline):
        assert o.value(term, rdflib.RDFS.label) is not None, term
        assert o.value(term, rdflib.RDFS.comment) is not None, term
    assert (KG.cooperatesWith, rdflib.RDFS.subPropertyOf, ORG.linkedTo) in o


def test_world_places_are_typed_without_a_division_code(tmp_path):
    """A country and its city from a real sentence: schema:Country / schema:City,
    the city contained in the country, no skos:notation, and the shapes hold."""
    from kg.corpus.driver import build
    src = tmp_path / "in" / "2024-05-01_world.txt"
    src.parent.mkdir()
    src.write_text("国务院副总理胡春华同美国财政部长在日本东京举行会谈。\n", encoding="utf-8")
    build([src], tmp_path / "out", workers=1, cache=False, progress=False)
    path = tmp_path / "out" / "graph.ttl"
    r = rdflib.Graph().parse(str(path))
    SDO = rdflib.Namespace("https://schema.org/")
    labels = {str(o): s for s, o in r.subject_objects(SKOS.prefLabel)}
    assert (labels["美利坚合众国"], RDF.type, SDO.Country) in r
    assert (labels["东京"], RDF.type, SDO.City) in r
    assert (labels["东京"], SDO.containedInPlace, labels["日本"]) in r
    assert not list(r.objects(labels["东京"], SKOS.notation))
    conforms, text = check_turtle.shacl(path, SHAPES)
    assert conforms, text

