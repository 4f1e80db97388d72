"""A post edge's tenure (kg.graph.tenure): observations of one person's post over the corpus folded into dates and a status."""

import random

from kg.graph.tenure import tenure


def edge(*observations) -> dict:
    """A post edge's data as the fold keeps it: per file, the relation's
    attrs and its evidence sentence with its article's date."""
    d = {"attrs": {}, "evidence": [], "sources": {}}
    for i, (date, text, attrs) in enumerate(observations):
        src = f"news.jsonl#{date}_{i:02d}"
        d["sources"][src] = {"title": "书记", **attrs}
        d["evidence"].append({"source": src, "article": "a1", "start": 10, "end": 10 + len(text),
                              "text": text, "article_date": date})
    return d


APPOINTED = ("2021-03-10", "中共中央决定：赵文博同志任青海省委委员、常委、书记。", {"event": "appointed"})
SEEN = ("2021-05-20", "青海省委书记赵文博主持召开省委常委会会议。", {})
REMOVED = ("2022-06-15", "赵文博同志不再担任青海省委书记、常委、委员职务。",
           {"event": "removed", "status": "former", "date": "2022-06"})
SEEN_LATER = ("2022-07-01", "青海省委书记赵文博出席会议并讲话。", {})


def test_an_appointment_starts_and_a_removal_ends_the_post():
    t = tenure(edge(APPOINTED, SEEN, REMOVED))
    assert t["status"] == "former" and t["conflict"] == 0
    assert (t["first_seen"], t["last_seen"], t["articles"]) == ("2021-03-10", "2022-06-15", 3)
    assert (t["start"]["date"], t["start"]["basis"], t["start"]["event"]) == ("2021-03-10", "event", "appointed")
    # the removal is dated by its report (the attrs' month is the article's): the article's day
    assert (t["end"]["date"], t["end"]["basis"], t["end"]["event"]) == ("2022-06-15", "event", "removed")
    assert "不再担任" in t["end"]["evidence"]["text"]
    assert [e["event"] for e in t["events"]] == ["appointed", "removed"]


def test_without_events_the_post_is_current_from_first_to_last_seen():
    t = tenure(edge(SEEN, SEEN_LATER))
    assert t["status"] == "current" and t["end"] is None
    assert (t["start"]["date"], t["start"]["basis"]) == ("2021-05-20", "observed")
    assert t["last_seen"] == "2022-07-01" and t["events"] == []


def test_seen_in_the_post_after_its_removal_is_kept_and_flagged():
    t = tenure(edge(APPOINTED, REMOVED, SEEN_LATER))
    assert t["status"] == "former" and t["conflict"] == 1 and t["last_seen"] == "2022-07-01"


def test_a_stated_date_is_used_as_such():
    stated = ("2021-11-02", "2021年10月，赵文博任青海省委书记。", {"event": "appointed", "date": "2021-10"})
    t = tenure(edge(stated))
    assert (t["start"]["date"], t["start"]["basis"]) == ("2021-10", "stated")


def test_held_then_bounds_the_end_unless_a_later_article_says_it_is_held():
    then = ("2022-03-01", "2019年，时任青海省委书记的赵文博来到这里调研。", {"status": "former", "date": "2019"})
    t = tenure(edge(SEEN, then))
    assert t["status"] == "former" and (t["end"]["date"], t["end"]["basis"]) == ("2022-03-01", "before")
    t = tenure(edge(then, SEEN_LATER))
    assert t["status"] == "current" and t["end"] is None and t["conflict"] == 1
    # only the past is told: the post was seen held in the year the sentence gives
    t = tenure(edge(then))
    assert (t["start"]["date"], t["start"]["basis"], t["status"]) == ("2019", "observed", "former")


def test_an_acting_title_is_acting_until_the_full_title_is_seen():
    acting = ("2021-02-01", "山西省代省长周海涛在太原调研。", {"title": "代省长"})
    elected = ("2021-07-30", "会议选举周海涛为山西省人民政府省长。", {"title": "省长", "event": "elected"})
    assert tenure(edge(acting))["status"] == "acting"
    t = tenure(edge(acting, elected))
    assert t["status"] == "current" and t["titles"] == ["省长", "代省长"]
    assert (t["start"]["date"], t["start"]["event"]) == ("2021-07-30", "elected")
    assert [e["event"] for e in t["events"]] == ["acting", "elected"]


def test_appointed_again_after_a_removal_is_current():
    again = ("2023-01-05", "赵文博同志任青海省委书记。", {"event": "appointed"})
    t = tenure(edge(APPOINTED, REMOVED, again))
    assert t["status"] == "current" and t["end"] is None


def test_the_tenure_does_not_depend_on_the_order_of_the_files():
    d = edge(APPOINTED, SEEN, REMOVED, SEEN_LATER)
    shuffled = dict(d, evidence=list(d["evidence"]), sources=dict(reversed(list(d["sources"].items()))))
    random.Random(1).shuffle(shuffled["evidence"])
    assert tenure(shuffled) == tenure(d)


def test_a_dated_appointment_told_later_shows_the_post_held_then_not_at_its_article():
    told = ("2022-06-06", "1982年3月至1985年5月，赵文博同志先后担任某县委副书记、县委书记。",
            {"event": "appointed", "date": "1982-03"})
    then = ("2022-05-24", "1985年，时任某县委书记的赵文博访问这里。", {"status": "former", "date": "1985"})
    t = tenure(edge(told, then))
    assert t["status"] == "former" and t["conflict"] == 0
    assert (t["start"]["date"], t["start"]["basis"]) == ("1982-03", "stated")


def test_an_appointment_told_as_history_is_a_post_held_before():
    history = ("2021-05-29", "1990年，赵文博当选某县县长。", {"title": "县长", "event": "elected", "date": "1990"})
    t = tenure(edge(history))
    assert t["status"] == "former" and (t["start"]["date"], t["start"]["basis"]) == ("1990", "stated")
    assert (t["end"]["date"], t["end"]["basis"]) == ("2021-05-29", "before")
    recent = ("2021-11-02", "2021年10月，赵文博任青海省委书记。", {"event": "appointed", "date": "2021-10"})
    assert tenure(edge(recent))["status"] == "current"


def test_a_stretch_of_time_starts_and_ends_the_post_as_stated():
    """2002年10月至2007年3月任… (kg.relations.post_events: date and until): both stated, former."""
    t = tenure(edge(("2022-06-06", "2002年10月至2007年3月，张建国同志先后担任河南省委副书记、代省长。",
                     {"event": "appointed", "date": "2002-10", "until": "2007-03", "status": "former"})))
    assert t["status"] == "former"
    assert (t["start"]["date"], t["start"]["basis"]) == ("2002-10", "stated")
    assert (t["end"]["date"], t["end"]["basis"], t["end"]["event"]) == ("2007-03", "stated", "left")
