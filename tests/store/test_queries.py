"""Every query of queries/ answers, with the right rows, on a graph that holds
its answer: the small hand-made graph, the hand-written Turtle in the RDF
contract for posts over time (tests/fixtures/posts_over_time.ttl) or the
seed page's build. A query file without a case here fails the suite."""

from pathlib import Path

import pytest

from kg import queryfile, store
from kg.export.turtle import write_turtle
from sample_graph import small_graph

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"
POSTS_TTL = ROOT / "tests" / "fixtures" / "posts_over_time.ttl"
HEAD_OF = "http://www.w3.org/ns/org#headOf"


def _memory_store(ttl: Path):
    import pyoxigraph as ox
    db = ox.Store()
    db.bulk_load(path=str(ttl), format=ox.RdfFormat.TURTLE)
    return db


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    d = tmp_path_factory.mktemp("small")
    write_turtle(small_graph(), d / "graph.ttl")
    return _memory_store(d / "graph.ttl")


@pytest.fixture(scope="module")
def posts():
    return _memory_store(POSTS_TTL)


@pytest.fixture(scope="module")
def seed(tmp_path_factory):
    from kg.corpus.driver import build
    out = tmp_path_factory.mktemp("seed")
    build([str(ROOT / "seeds")], out)
    return _memory_store(out / "graph.ttl")


def run(query: str, db, **params) -> list[dict]:
    return store.rows(queryfile.prepare(QUERIES / f"{query}.rq", params), store=db)


def cols(rows, *names) -> list[tuple]:
    return [tuple(r[n] for n in names) for r in rows]


# --- the checks, one or more per query file -----------------------------------------------------

def career_of_a_man_who_moved_from_governor_to_secretary(db):
    rows = run("career", db, name="王立新")
    assert cols(rows, "post", "title", "body", "head", "from", "fromBasis", "to", "toBasis", "status", "articles") == [
        ("青海省省长", "省长", "青海省人民政府", "true", "2020-01-10", "observed", "2021-10-18", "event", "former", "7"),
        ("青海省委书记", "书记", "中共青海省委", "true", "2021-10-18", "event", None, None, "current", "4")]
    assert rows[1]["evidence"].startswith("中共中央决定：王立新同志任中共青海省委书记")


def career_by_another_written_name_and_a_post_no_org_post_names(db):
    rows = run("career", db, name="赵文韬")
    assert cols(rows, "person", "post", "title", "head", "from", "to", "status") == [
        ("赵文涛", None, "副部长", "false", "2021-03-02", "2021-11-01", "former")]


def career_acting_and_held_before(db):
    rows = run("career", db, name="陈晓东")
    assert cols(rows, "title", "from", "fromBasis", "to", "status") == [
        ("副书记", "2021-10-31", "before", None, "current"), ("省长", "2021-10-31", "event", None, "acting")]


def career_on_a_graph_without_dates(db):
    rows = run("career", db, name="孙茂利")
    assert cols(rows, "title", "body", "head", "from", "status") == [("局长", "公安部法制局", "true", None, None)]
    assert rows[0]["evidence"] == "公安部法制局局长孙茂利说。"


def holders_of_a_secretary_post_in_order(db):
    rows = run("post_holders", db, post="青海省委书记")
    assert cols(rows, "holder", "from", "fromBasis", "to", "toBasis", "status") == [
        ("张明华", "2019-03-01", "stated", "2021-10-18", "event", "former"),
        ("王立新", "2021-10-18", "event", None, None, "current")]


def holders_of_a_governor_post_by_its_other_name(db):
    rows = run("post_holders", db, post="青海省长")
    assert cols(rows, "holder", "status", "body") == [("王立新", "former", "青海省人民政府"),
                                                      ("陈晓东", "acting", "青海省人民政府")]


def appointments_and_removals_of_october(db):
    rows = run("appointments_in_month", db, month="2021-10")
    assert cols(rows, "date", "event", "person", "title") == [
        ("2021-10-18", "removed", "张明华", "书记"), ("2021-10-18", "appointed", "王立新", "书记"),
        ("2021-10-18", "removed", "王立新", "省长"), ("2021-10-20", "appointed", "张明华", "部长"),
        ("2021-10-31", "acting", "陈晓东", "省长")]
    assert rows[0]["evidence"].endswith("免去王立新同志的青海省省长职务。")


def a_resignation_on_the_first_of_the_next_month(db):
    rows = run("appointments_in_month", db, month="2021-11")
    assert cols(rows, "date", "event", "person", "body") == [("2021-11-01", "resigned", "赵文涛", "水利部")]
    assert run("appointments_in_month", db, month="2021-09") == []


def bodies_led_now_and_before(db):
    rows = run("bodies_led", db, name="张明华")
    assert cols(rows, "body", "title", "status", "firstSeen") == [
        ("中共青海省委", "书记", "former", "2019-03-01"), ("水利部", "部长", "current", "2021-10-20")]
    # a member of the provincial committee, the acting head of the government only
    assert cols(run("bodies_led", db, name="陈晓东"), "body", "status") == [("青海省人民政府", "acting")]


def bodies_led_on_a_graph_without_dates(db):
    assert cols(run("bodies_led", db, name="孙茂利"), "body", "title") == [("公安部法制局", "局长")]


def evidence_of_a_post(db):
    rows = run("evidence", db, subject="孙茂利", object="法制局")  # the body by its short name
    assert cols(rows, "relation", "sentence", "start", "article") == [
        (HEAD_OF, "公安部法制局局长孙茂利说。", "206", "公安执法越来越规范")]
    assert run("evidence", db, subject="孙茂利", object="公安部") == []


def evidence_of_a_membership_without_a_statement(db):
    rows = run("evidence", db, subject="王立新", object="青海省人民政府")
    assert cols(rows, "relation", "sentence", "source") == [
        (HEAD_OF, "青海省省长王立新主持召开省政府常务会议。", "2021-03-02_news.txt")]


def evidence_on_the_seed(db):
    rows = run("evidence", db, subject="孙茂利", object="公安部法制局")
    assert rows and any("孙茂利" in r["sentence"] and "局长" in r["sentence"] for r in rows)
    assert all(r["source"] == "2021-09-15_peoples-daily.txt" and int(r["start"]) < int(r["end"]) for r in rows)


def introduced_in_a_year(db):
    rows = run("introduced_in_year", db, year="2021")
    assert cols(rows, "actor", "introduced", "kind", "date") == [
        ("公安部", "《关于深入推进公安执法监督管理机制改革的意见》", "document", "2021-05")]
    assert run("introduced_in_year", db, year="2020") == []


def introduced_in_three_years_of_the_seed(db):
    docs = {r["introduced"]: r["date"] for year in ("2015", "2018", "2021")
            for r in run("introduced_in_year", db, year=year) if r["actor"] == "公安部" and r["kind"] == "document"}
    assert docs == {"《关于改革完善受案立案制度的意见》": "2015-11",
                    "《关于建立健全公安机关执法全流程记录机制的意见》": "2018-06",
                    "《关于深入推进公安执法监督管理机制改革的意见》": "2021-05"}


def everything_in_a_province(db):
    assert {r["name"] for r in run("in_province", db, province="云南省")} == {
        "临沧市", "沧源佤族自治县", "沧源佤族自治县纪委监委"}
    assert {r["name"] for r in run("in_province", db, province="沧源县")} == {"沧源佤族自治县纪委监委"}


def leaders_with_titles(db):
    assert {"person": "孙茂利", "title": "局长", "body": "公安部法制局"} in run("leaders", db)


def leaders_of_a_graph_without_statements(db):
    assert set(cols(run("leaders", db), "person", "title", "body")) == {
        ("张明华", "书记", "中共青海省委"), ("王立新", "书记", "中共青海省委"), ("张明华", "部长", "水利部"),
        ("王立新", "省长", "青海省人民政府"), ("陈晓东", "省长", "青海省人民政府")}


def posts_with_titles(db):
    assert {("孙茂利", "局长", "true"), ("曾斌", "二级巡视员", "false")} <= set(cols(run("posts", db), "person", "title", "head"))


def bodies_and_parents(db):
    rows = {r["body"]: r for r in run("bodies", db)}
    assert rows["公安部法制局"]["parent"] == "公安部" and rows["公安部"]["parent"] is None


def bodies_and_seats_of_the_seed(db):
    rows = {r["body"]: r for r in run("bodies", db)}
    assert rows["公安部法制局"]["parent"] == "公安部" and rows["河北省信访局"]["seat"] == "河北省"


def programs_of_a_province(db):
    rows = {r["province"]: r for r in run("programs_per_province", db)}
    assert int(rows["河北省"]["programs"]) >= 1


def counts_per_class(db):
    counts = {store.shorten(r["class"]): int(r["count"]) for r in run("stats", db)}
    assert counts["schema:Person"] == 4 and counts["org:Membership"] == 7 and counts["kg:PostEvent"] == 7


SLOW = pytest.mark.slow  # the seed build extracts a page
CASES = [
    ("career", "posts", career_of_a_man_who_moved_from_governor_to_secretary),
    ("career", "posts", career_by_another_written_name_and_a_post_no_org_post_names),
    ("career", "posts", career_acting_and_held_before),
    ("career", "small", career_on_a_graph_without_dates),
    ("post_holders", "posts", holders_of_a_secretary_post_in_order),
    ("post_holders", "posts", holders_of_a_governor_post_by_its_other_name),
    ("appointments_in_month", "posts", appointments_and_removals_of_october),
    ("appointments_in_month", "posts", a_resignation_on_the_first_of_the_next_month),
    ("bodies_led", "posts", bodies_led_now_and_before),
    ("bodies_led", "small", bodies_led_on_a_graph_without_dates),
    ("evidence", "small", evidence_of_a_post),
    ("evidence", "posts", evidence_of_a_membership_without_a_statement),
    pytest.param("evidence", "seed", evidence_on_the_seed, marks=SLOW),
    ("introduced_in_year", "small", introduced_in_a_year),
    pytest.param("introduced_in_year", "seed", introduced_in_three_years_of_the_seed, marks=SLOW),
    ("in_province", "small", everything_in_a_province),
    ("leaders", "small", leaders_with_titles),
    ("leaders", "posts", leaders_of_a_graph_without_statements),
    pytest.param("leaders", "seed", leaders_with_titles, marks=SLOW),
    ("posts", "small", posts_with_titles),
    ("bodies", "small", bodies_and_parents),
    pytest.param("bodies", "seed", bodies_and_seats_of_the_seed, marks=SLOW),
    pytest.param("programs_per_province", "seed", programs_of_a_province, marks=SLOW),
    ("stats", "posts", counts_per_class),
]


def _case(c):
    return c.values if hasattr(c, "values") else c


@pytest.mark.parametrize("name, graph, check", CASES, ids=[f"{_case(c)[0]}-{_case(c)[2].__name__}" for c in CASES])
def test_query_answers(request, name, graph, check):
    check(request.getfixturevalue(graph))


def test_every_query_file_has_a_case_and_declares_what_it_uses():
    files = {f.stem for f in QUERIES.glob("*.rq")}
    assert files and files == {_case(c)[0] for c in CASES}
    for f in QUERIES.glob("*.rq"):
        text = f.read_text(encoding="utf-8")
        queryfile.params(text, f)  # every declaration readable, every declared parameter used
        assert '"@zh' not in text, f"{f.name} names something: make it a parameter"
