"""Corpus files of articles with metadata: JSON Lines (plain, gzip), CSV, and the pages (Markdown, HTML)."""

import gzip
import json
from pathlib import Path

import pytest

from kg.corpus.records import Item, iso_date, kind_of_name, read_items, with_meta

PAGES = Path(__file__).parent / "pages"


def _line(**fields) -> bytes:
    return json.dumps(fields, ensure_ascii=False).encode() + b"\n"


def test_suffixes_choose_the_reader():
    assert kind_of_name("a.TXT") == "text"
    assert kind_of_name("x.jsonl.gz") == kind_of_name("x.json.gz") == kind_of_name("x.csv") == "records"
    assert kind_of_name("p.htm") == kind_of_name("p.HTML") == "html"
    assert kind_of_name("n.md") == "markdown"
    assert kind_of_name("photo.jpg") is None and kind_of_name("notes.json") is None


def test_each_line_is_an_article_and_a_bad_line_is_named_with_its_line():
    data = (_line(id="n1", date="2021-03-05", title="国务院召开常务会议", text="会议部署稳就业工作。",
                  url="https://example.gov.cn/1.html", source="新华社", creators=["张三", "李四"])
            + b"{not json\n\n"
            + _line(id="n2", title="只有标题")
            + _line(id="n1", text="同一个编号的另一篇。")
            + _line(id="n3", date="2021年3月6日", text="某省人民政府印发办法。", creators="王五、赵六")
            + _line(id="n4", date="2021-13-45", text="日期不对。"))
    items, bad = read_items(gzip.compress(data), "news.jsonl.gz", "c/news.jsonl.gz")
    assert [(i.id, i.line, i.date) for i in items] == [("n1", 1, "2021-03-05"), ("n3", 6, "2021-03-06")]
    first = items[0]
    assert first.url == "https://example.gov.cn/1.html" and first.publisher == "新华社"
    assert first.creators == ("张三", "李四") and items[1].creators == ("王五", "赵六")
    assert first.body() == "国务院召开常务会议\n\n会议部署稳就业工作。"
    assert [(b.where, b.kind) for b in bad] == [("c/news.jsonl.gz:2", "bad record"), ("c/news.jsonl.gz:4", "bad record"),
                                                ("c/news.jsonl.gz:5", "bad record"), ("c/news.jsonl.gz:7", "bad record")]
    reasons = [b.reason for b in bad]
    assert reasons[0].startswith("not JSON") and reasons[1] == "no text"
    assert "duplicate id 'n1' (first on line 1)" == reasons[2] and "not a date" in reasons[3]


def test_a_file_that_is_no_gzip_is_one_error():
    with pytest.raises(ValueError, match="not a gzip file"):
        read_items(b'{"text": "x"}\n', "news.jsonl.gz", "news.jsonl.gz")


def test_a_csv_has_the_same_columns_and_names_its_rows_by_line():
    data = ("\ufeffid,date,title,text,url\n"
            'c1,2021/5/6,某区出台措施,"某区人民政府印发《某区稳岗措施》，\n区人力资源社会保障局负责落实。",https://example.org/c1\n'
            "c2,,空,\n").encode()
    items, bad = read_items(data, "rows.csv", "rows.csv")
    assert [(i.id, i.date, i.url) for i in items] == [("c1", "2021-05-06", "https://example.org/c1")]
    assert "\n区人力" in items[0].text
    assert bad[0].where == "rows.csv:4" and bad[0].reason == "no text"
    with pytest.raises(ValueError, match="no `text` column"):
        read_items(b"a,b\n1,2\n", "x.csv", "x.csv")


def test_record_dates():
    assert iso_date("2022-01-02T19:00:00+08:00") == iso_date("20220102") == "2022-01-02"
    assert iso_date("") is None and iso_date(None) is None
    with pytest.raises(ValueError):
        iso_date("yesterday")


def test_a_records_metadata_goes_on_its_articles_and_evidence():
    ext = {"articles": [{"id": "a1", "place": None, "creators": []}, {"id": "a2", "place": "北京", "creators": ["甲"]}],
           "relations": [{"evidence": {"text": "x", "article": "a1"}}]}
    item = Item(1, "n1", "2021-01-01", "", "x", "https://e.org/1", "央视网", "上海", ("记者乙",))
    out = with_meta(ext, item.meta())
    assert [a["url"] for a in out["articles"]] == ["https://e.org/1"] * 2
    assert [a["place"] for a in out["articles"]] == ["上海", "北京"]
    assert [a["creators"] for a in out["articles"]] == [["记者乙"], ["甲"]]
    assert out["articles"][0]["publisher"] == "央视网" and out["relations"][0]["evidence"]["url"] == "https://e.org/1"


def test_markdown_is_its_prose_and_front_matter(tmp_path):
    from kg.text.pages import read_markdown
    md = tmp_path / "n.md"
    md.write_text("---\ntitle: 某市召开安全生产工作会议\ndate: 2022-11-02\nurl: https://example.org/n/1\n---\n\n"
                  "# 某市召开安全生产工作会议\n\n11月2日，**某市人民政府**召开会议。[市公安局](https://x.org)负责人参加。"
                  "\n\n![图](a.png)\n", encoding="utf-8")
    page = read_markdown(md)
    assert page.date == "2022-11-02" and page.url == "https://example.org/n/1"
    assert page.text.startswith("某市召开安全生产工作会议\n\n11月2日，某市人民政府召开会议。市公安局负责人参加。")
    assert "#" not in page.text and "**" not in page.text and "png" not in page.text


@pytest.mark.slow
@pytest.mark.parametrize("name, title, date, kept, dropped", [
    ("county-notice.html", "某县人民政府关于印发《某县促进民营经济发展若干措施》的通知", "2022-06-14",
     "县财政局每年安排专项资金", ("首页", "ICP", "打印本页", "相关链接", "浏览次数")),
    ("province-news.html", "省政府召开常务会议 研究部署稳就业工作", "2023-04-21",
     "省人力资源社会保障厅要会同省教育厅", ("要闻动态", "版权所有", "热点专题", "请输入关键词")),
])
def test_an_html_page_gives_its_main_text_title_and_date(name, title, date, kept, dropped):
    pytest.importorskip("trafilatura")
    from kg.text.pages import read_html
    page = read_html(PAGES / name)
    assert page.text.startswith(title + "\n\n")
    assert page.date == date and kept in page.text
    assert not [d for d in dropped if d in page.text]
