"""Posts with time, end to end: a small corpus of appointments and removals built, its tenures, its RDF, `kg career` and `kg post`."""

import json

import pytest
from conftest import outputs
from posts_corpus import write_corpus

# One post changing hands twice, a post seen after its removal, and an acting governor elected.
RECORDS = [
    ("qh-2020-11-05", "2020-11-05", "青海省委书记郑思远在西宁调研生态保护工作。"),
    ("qh-2021-03-10", "2021-03-10", "新华社北京3月10日电 中共中央决定：赵文博同志任青海省委委员、常委、书记；"
                                    "郑思远同志不再担任青海省委书记、常委、委员职务。"),
    ("qh-2021-05-20", "2021-05-20", "青海省委书记赵文博主持召开省委常委会会议，研究部署生态保护工作。"),
    ("sx-2021-02-01", "2021-02-01", "山西省代省长周海涛在太原调研。"),
    ("qh-2022-06-15", "2022-06-15", "新华社北京6月15日电 中共中央决定：孙志远同志任青海省委委员、常委、书记；"
                                    "赵文博同志不再担任青海省委书记、常委、委员职务。"),
    ("qh-2022-07-01", "2022-07-01", "青海省委书记赵文博出席会议并讲话。"),
    ("sx-2021-08-01", "2021-08-01", "山西省省长周海涛主持召开省政府常务会议。"),
    ("sx-2021-09-01", "2021-09-01", "2021年7月30日，山西省第十三届人民代表大会第五次会议选举周海涛为山西省人民政府省长。"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from kg.corpus.driver import build
    root = tmp_path_factory.mktemp("careers")
    write_corpus(root / "src" / "news.jsonl", RECORDS)
    assert build([root / "src"], root / "out", workers=1) == 0
    return root


def posts(out) -> dict:
    data = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    names = {e["id"]: e["name"] for e in data["entities"]}
    return {(names[r["head"]], names[r["tail"]]): r["attrs"]["tenure"] for r in data["relations"]
            if r["type"] in ("leads", "member_of")}


@pytest.mark.slow
def test_the_graph_dates_each_post_by_its_articles(built):
    t = posts(built / "out")
    old, new, next_ = t["郑思远", "青海省委"], t["赵文博", "青海省委"], t["孙志远", "青海省委"]
    assert (old["status"], old["start"]["basis"], old["end"]["date"]) == ("former", "observed", "2021-03-10")
    assert (new["start"]["date"], new["start"]["event"], new["end"]["date"]) == ("2021-03-10", "appointed", "2022-06-15")
    assert new["status"] == "former" and new["conflict"] == 1 and new["last_seen"] == "2022-07-01"
    assert next_["status"] == "current" and next_["end"] is None
    gov = t["周海涛", "山西省人民政府"]
    assert gov["status"] == "current" and (gov["start"]["date"], gov["start"]["basis"]) == ("2021-07-30", "stated")
    assert [e["event"] for e in gov["events"]] == ["acting", "elected"]


@pytest.mark.slow
def test_the_turtle_has_memberships_in_time_and_posts(built):
    import rdflib
    rdf = rdflib.Graph().parse(str(built / "out" / "graph.ttl"), format="turtle")
    from kg.export.vocab import sparql_prefixes
    rows = list(rdf.query(sparql_prefixes() + """
        PREFIX time: <http://www.w3.org/2006/time#>
        SELECT ?status ?from ?fb ?to ?tb ?n ?type WHERE {
          ?m a org:Membership ; org:member ?p ; org:organization ?body ;
             kg:status ?status ; kg:articleCount ?n ; kg:firstSeen ?first ; kg:lastSeen ?last ;
             org:memberDuring ?iv ; kg:postEvent ?e .
          ?iv a time:Interval ; time:hasBeginning [ time:inXSDDate ?from ; kg:dateBasis ?fb ] ;
              time:hasEnd [ a time:Instant ; time:inXSDDate ?to ; kg:dateBasis ?tb ] .
          ?e a kg:PostEvent ; kg:eventType ?type ; dcterms:date ?d ; prov:wasDerivedFrom ?ev .
          ?ev a oa:SpecificResource .
          ?p org:headOf ?body ; skos:prefLabel "赵文博"@zh .
        } ORDER BY ?type"""))
    assert [tuple(map(str, r)) for r in rows] == [
        ("former", "2021-03-10", "event", "2022-06-15", "event", "4", "appointed"),
        ("former", "2021-03-10", "event", "2022-06-15", "event", "4", "removed")]
    assert not list(rdf.query(sparql_prefixes() + "ASK { ?m a org:Membership . { ?m a rdf:Statement } UNION "
                              "{ ?m rdf:predicate ?p } }"))[0]
    holders = list(rdf.query(sparql_prefixes() + """
        SELECT ?who WHERE { ?post a org:Post ; skos:prefLabel "青海省委书记"@zh ; org:postIn ?body ;
                            org:role/skos:prefLabel "书记"@zh ; org:heldBy ?p .
                            ?p org:holds ?post ; skos:prefLabel ?who } ORDER BY ?who"""))
    assert sorted(str(r[0]) for r in holders) == ["孙志远", "赵文博", "郑思远"]


@pytest.mark.slow
def test_career_and_post_answer_in_time_order(built, capsys):
    from kg.cli import main
    assert main(["post", "青海省委书记", str(built / "out"), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["person"], r["status"]) for r in rows] == [("郑思远", "former"), ("赵文博", "former"),
                                                          ("孙志远", "current")]
    assert main(["career", "赵文博", str(built / "out")]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:6] == ["person", "post", "body", "from", "to", "status"]
    assert "2021-03-10 (event)" in table[1] and "2022-06-15 (event)" in table[1] and "former" in table[1]
    assert main(["career", "周海涛", str(built / "out"), "--format", "csv"]) == 0
    head, row = capsys.readouterr().out.splitlines()
    assert dict(zip(head.split(","), row.split(",")))["from"] == "2021-07-30"
    assert main(["career", "无此人", str(built / "out")]) == 2
    assert capsys.readouterr().err == "kg: 无此人: no person of this name in the graph\n"
    assert main(["post", "青海省委书记", str(built / "nothing")]) == 2
    assert "no graph.json" in capsys.readouterr().err


@pytest.mark.slow
def test_a_rebuild_with_new_articles_gives_the_bytes_of_a_full_build(built, tmp_path):
    from kg.corpus.driver import build
    src = tmp_path / "src" / "news.jsonl"
    write_corpus(src, RECORDS[:4])
    assert build([tmp_path / "src"], tmp_path / "inc", workers=1) == 0
    write_corpus(src, RECORDS)   # the removal and a later sighting come in
    assert build([tmp_path / "src"], tmp_path / "inc", workers=1) == 0
    full = tmp_path / "full"
    assert build([tmp_path / "src"], full, workers=1, cache=False) == 0
    assert outputs(tmp_path / "inc") == outputs(full)
