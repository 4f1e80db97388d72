"""A small corpus of posts changing hands, built with kg's own pipeline, for the tests of the
queries and the notebook: what they read is what the exporter writes, not a hand-made graph.

People are made up. What the corpus says:

    郑思远  青海省委书记, seen 2020-11-05, removed 2021-03-10 (former);
            水利部部长 appointed 2021-03-26, seen again 2022-02-10 (current)
    赵文博  青海省委书记 appointed 2021-03-10, seen 2021-05-20 (current)
    韩立平  水利部部长, removed 2021-03-26 (former, no start known)
    周海涛  山西省代省长 seen 2021-02-01 (acting), elected 省长 on 2021-07-30 (a stated date)
    陈国强  山西省委书记 in 2003 (时任, told 2022-01-05: a year, ended before the article)
    刘建华  山西省委常委 from 2021年10月 (a stated month, told 2022-01-05)
    张建国  河南省委副书记 and 代省长 from 2002年10月 to 2007年3月 (a stretch of time, told 2022-06-06)
"""

import json
from functools import lru_cache
from pathlib import Path

RECORDS = [
    ("qh-2020-11-05", "2020-11-05", "青海省委书记郑思远在西宁调研生态保护工作。"),
    ("qh-2021-03-10", "2021-03-10", "新华社北京3月10日电 中共中央决定：赵文博同志任青海省委委员、常委、书记；"
                                    "郑思远同志不再担任青海省委书记、常委、委员职务。"),
    ("qh-2021-05-20", "2021-05-20", "青海省委书记赵文博主持召开省委常委会会议，研究部署生态保护工作。"),
    ("sl-2021-03-26", "2021-03-26", "十三届全国人大常委会第二十七次会议26日闭幕。会议决定任命郑思远为水利部部长，"
                                    "免去韩立平的水利部部长职务。"),
    ("sx-2021-02-01", "2021-02-01", "山西省代省长周海涛在太原调研。"),
    ("sx-2021-08-01", "2021-08-01", "山西省省长周海涛主持召开省政府常务会议。"),
    ("sx-2021-09-01", "2021-09-01", "2021年7月30日，山西省第十三届人民代表大会第五次会议选举周海涛为山西省人民政府省长。"),
    ("sx-2022-01-05", "2022-01-05", "2003年，时任山西省委书记的陈国强到吕梁调研扶贫工作。"),
    ("sx-2022-01-05b", "2022-01-05", "2021年10月，刘建华任山西省委常委。"),
    ("sl-2022-02-10", "2022-02-10", "水利部部长郑思远在北京主持召开部务会议。"),
    ("hn-2022-06-06", "2022-06-06", "2002年10月至2007年3月，张建国同志先后担任河南省委副书记、代省长。"),
]


def write_corpus(path: Path, records=RECORDS) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for rid, date, text in records:
            f.write(json.dumps({"id": rid, "date": date, "title": "新闻", "text": text}, ensure_ascii=False) + "\n")


@lru_cache(maxsize=None)
def _build(root: Path) -> Path:
    from kg.corpus.driver import build
    write_corpus(root / "src" / "news.jsonl")
    assert build([root / "src"], root / "out", workers=1) == 0
    return root / "out"


def built(tmp_path_factory) -> Path:
    """The build's output folder (graph.json, graph.ttl …), made once a test session."""
    return _build(tmp_path_factory.getbasetemp() / "posts-corpus")
