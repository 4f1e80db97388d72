"""Every query of queries/ answers, with the right rows, on a graph that holds
its answer: the small hand-made graph, the build of a small corpus of posts
changing hands (tests/posts_corpus.py: what the exporter writes, dates known
to the day, the month or the year, every kind of event) or the seed page's
build. A query file without a case here fails the suite."""

from pathlib import Path

import pytest

from kg import queryfile, store
from kg.export.turtle import write_turtle
from posts_corpus import built
from sample_graph import small_graph

ROOT = Path(__file__).resolve().parents[2]
QUERIES = ROOT / "queries"
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
def posts(tmp_path_factory):
    return _memory_store(built(tmp_path_factory) / "graph.ttl")


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

def titles(text):
    """The titles a GROUP_CONCAT gives (书记、常委、委员), as a set: the order of a concatenation is the store's."""
    return set((text or "").split("、")) - {""}


def career_of_a_secretary_who_became_a_minister(db):
    rows = run("career", db, name="郑思远")
    assert cols(rows, "body", "head", "from", "fromBasis", "to", "toBasis", "status", "articles") == [
        ("青海省委", "true", "2020-11-05", "observed", "2021-03-10", "event", "former", "2"),
        ("水利部", "true", "2021-03-26", "event", "2022-02-10", "observed", "current", "2")]
    assert titles(rows[0]["title"]) == {"书记", "常委", "委员"} and "青海省委书记" in titles(rows[0]["post"])
    assert rows[1]["post"] == "水利部部长" and rows[1]["evidence"].startswith("会议决定任命郑思远为水利部部长")


def career_acting_then_elected_on_a_stated_date(db):
    [row] = run("career", db, name="周海涛")
    assert titles(row["title"]) == {"代省长", "省长"} and row["post"] == "山西省人民政府省长"
    assert cols([row], "from", "fromBasis", "to", "toBasis", "status") == [
        ("2021-07-30", "stated", "2021-09-01", "observed", "current")]


def career_known_to_the_year_or_the_month(db):
    # 时任 in 2003, told in 2022: begins in a year (xsd:gYear), ended before the article
    assert cols(run("career", db, name="陈国强"), "title", "from", "fromBasis", "to", "toBasis", "status") == [
        ("书记", "2003", "observed", "2022-01-05", "before", "former")]
    # 2021年10月…任: begins in a month (xsd:gYearMonth)
    assert cols(run("career", db, name="刘建华"), "title", "body", "head", "from", "fromBasis", "status") == [
        ("常委", "山西省委", "false", "2021-10", "stated", "current")]
    # 2002年10月至2007年3月…先后担任: both ends stated, months
    assert cols(run("career", db, name="张建国"), "title", "body", "from", "fromBasis", "to", "toBasis", "status") == [
        ("代省长", "河南省人民政府", "2002-10", "stated", "2007-03", "stated", "former"),
        ("副书记", "河南省委", "2002-10", "stated", "2007-03", "stated", "former")]


def career_on_a_graph_without_dates(db):
    rows = run("career", db, name="孙茂利")
    assert cols(rows, "title", "body", "head", "from", "status") == [("局长", "公安部法制局", "true", None, None)]
    assert rows[0]["evidence"] == "公安部法制局局长孙茂利说。"


def holders_of_a_secretary_post_in_order(db):
    rows = run("post_holders", db, post="青海省委书记")
    assert cols(rows, "holder", "from", "fromBasis", "to", "toBasis", "status", "body") == [
        ("郑思远", "2020-11-05", "observed", "2021-03-10", "event", "former", "青海省委"),
        ("赵文博", "2021-03-10", "event", "2021-05-20", "observed", "current", "青海省委")]


def holders_of_a_minister_post_and_of_a_governor_post(db):
    # 韩立平 is seen only in his removal: from and to are that day
    assert cols(run("post_holders", db, post="水利部部长"), "holder", "from", "to", "toBasis", "status") == [
        ("韩立平", "2021-03-26", "2021-03-26", "event", "former"), ("郑思远", "2021-03-26", "2022-02-10", "observed", "current")]
    assert cols(run("post_holders", db, post="山西省人民政府省长"), "holder", "status") == [("周海涛", "current")]


def appointments_and_removals_of_a_month(db):
    rows = run("appointments_in_month", db, month="2021-03")
    assert cols(rows, "date", "event", "person", "body", "status") == [
        ("2021-03-10", "appointed", "赵文博", "青海省委", "current"), ("2021-03-10", "removed", "郑思远", "青海省委", "former"),
        ("2021-03-26", "appointed", "郑思远", "水利部", "current"), ("2021-03-26", "removed", "韩立平", "水利部", "former")]
    assert rows[1]["evidence"] == "郑思远同志不再担任青海省委书记、常委、委员职务。"
    assert titles(rows[0]["title"]) == {"书记", "常委", "委员"}


def events_dated_to_the_month_an_election_and_an_acting_post(db):
    # 2021年10月…任 (told in 2022) is an event of October 2021, dated by the month
    assert cols(run("appointments_in_month", db, month="2021-10"), "date", "event", "person") == [
        ("2021-10", "appointed", "刘建华")]
    assert cols(run("appointments_in_month", db, month="2021-07"), "date", "event", "person") == [
        ("2021-07-30", "elected", "周海涛")]
    assert cols(run("appointments_in_month", db, month="2021-02"), "event", "person") == [("acting", "周海涛")]
    # an article calling a post held before (时任) is no change in its month, nor is an acting
    # title first seen in a post told as history (2002年10月至2007年3月…代省长, told in 2022-06)
    assert run("appointments_in_month", db, month="2022-01") == []
    assert run("appointments_in_month", db, month="2022-06") == []
    assert cols(run("appointments_in_month", db, month="2002-10"), "date", "event", "person", "body") == [
        ("2002-10", "appointed", "张建国", "河南省人民政府"), ("2002-10", "appointed", "张建国", "河南省委")]


def bodies_led_now_and_before(db):
    rows = run("bodies_led", db, name="郑思远")
    assert cols(rows, "body", "status", "from", "to", "toBasis", "firstSeen") == [
        ("青海省委", "former", "2020-11-05", "2021-03-10", "event", "2020-11-05"),
        ("水利部", "current", "2021-03-26", "2022-02-10", "observed", "2021-03-26")]
    # a member of the provincial committee only leads nothing
    assert run("bodies_led", db, name="刘建华") == []


def bodies_led_on_a_graph_without_dates(db):
    assert cols(run("bodies_led", db, name="孙茂利"), "body", "title") == [("公安部法制局", "局长")]


def evidence_of_a_post(db):
    rows = run("evidence", db, subject="孙茂利", object="法制局")  # the body by its short name
    assert cols(rows, "relation", "sentence", "start", "article") == [
        (HEAD_OF, "公安部法制局局长孙茂利说。", "206", "公安执法越来越规范")]
    assert run("evidence", db, subject="孙茂利", object="公安部") == []


def evidence_of_a_membership_without_a_statement(db):
    rows = run("evidence", db, subject="赵文博", object="青海省委")
    assert cols(rows, "relation", "sentence", "source") == [
        (HEAD_OF, "新华社北京3月10日电中共中央决定：赵文博同志任青海省委委员、常委、书记；", "news.jsonl#qh-2021-03-10"),
        (HEAD_OF, "青海省委书记赵文博主持召开省委常委会会议，研究部署生态保护工作。", "news.jsonl#qh-2021-05-20")]


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
    assert {("郑思远", "青海省委"), ("赵文博", "青海省委"), ("郑思远", "水利部"), ("韩立平", "水利部"),
            ("周海涛", "山西省人民政府"), ("陈国强", "山西省委"), ("张建国", "河南省人民政府")} == \
        set(cols(run("leaders", db), "person", "body"))


def posts_with_titles(db):
    assert {("孙茂利", "局长", "true"), ("曾斌", "二级巡视员", "false")} <= set(cols(run("posts", db), "person", "title", "head"))


def posts_with_their_time(db):
    rows = {(r["person"], r["body"]): r for r in run("posts", db)}
    assert cols([rows["郑思远", "青海省委"], rows["郑思远", "水利部"], rows["陈国强", "山西省委"], rows["刘建华", "山西省委"]],
                "status", "from", "to") == [("former", "2020-11-05", "2021-03-10"), ("current", "2021-03-26", None),
                                            ("former", "2003", "2022-01-05"), ("current", "2021-10", None)]


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
    assert counts["schema:Person"] == 7 and counts["org:Membership"] == 9 and counts["kg:PostEvent"] == 13


SLOW = pytest.mark.slow  # the seed build extracts a page, the posts corpus ten records
POSTS = [
    ("career", career_of_a_secretary_who_became_a_minister),
    ("career", career_acting_then_elected_on_a_stated_date),
    ("career", career_known_to_the_year_or_the_month),
    ("post_holders", holders_of_a_secretary_post_in_order),
    ("post_holders", holders_of_a_minister_post_and_of_a_governor_post),
    ("appointments_in_month", appointments_and_removals_of_a_month),
    ("appointments_in_month", events_dated_to_the_month_an_election_and_an_acting_post),
    ("bodies_led", bodies_led_now_and_before),
    ("evidence", evidence_of_a_membership_without_a_statement),
    ("leaders", leaders_of_a_graph_without_statements),
    ("posts", posts_with_their_time),
    ("stats", counts_per_class),
]
CASES = [pytest.param(q, "posts", check, marks=SLOW) for q, check in POSTS] + [
    ("career", "small", career_on_a_graph_without_dates),
    ("bodies_led", "small", bodies_led_on_a_graph_without_dates),
    ("evidence", "small", evidence_of_a_post),
    pytest.param("evidence", "seed", evidence_on_the_seed, marks=SLOW),
    ("introduced_in_year", "small", introduced_in_a_year),
    pytest.param("introduced_in_year", "seed", introduced_in_three_years_of_the_seed, marks=SLOW),
    ("in_province", "small", everything_in_a_province),
    ("leaders", "small", leaders_with_titles),
    pytest.param("leaders", "seed", leaders_with_titles, marks=SLOW),
    ("posts", "small", posts_with_titles),
    ("bodies", "small", bodies_and_parents),
    pytest.param("bodies", "seed", bodies_and_seats_of_the_seed, marks=SLOW),
    pytest.param("programs_per_province", "seed", programs_of_a_province, marks=SLOW),
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
