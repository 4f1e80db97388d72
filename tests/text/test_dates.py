"""Date expressions from real sentences, resolved against the page date."""

from kg.text.dates import date_near, find_dates


def test_relative_month_resolves_against_publication_year():
    s = "据了解，今年5月，公安部印发《关于深入推进公安执法监督管理机制改革的意见》"
    assert date_near(s, s.index("印发"), "2021-09-15") == "2021-05"


def test_absolute_year_month():
    s = "公安部于2015年11月出台了《关于改革完善受案立案制度的意见》"
    assert date_near(s, s.index("出台"), "2021-09-15") == "2015-11"


def test_month_day_takes_the_page_year():
    assert find_dates("9月22日,河南省人民政府与北京市人民政府签字", "2011-09-23")[0][2] == "2011-09-22"


def test_last_year():
    assert find_dates("去年12月启动", "2021-09-15")[0][2] == "2020-12"


def test_vague_dates_give_none():
    s = "近日，河北省信访局一位负责人听说"
    assert date_near(s, len(s), "2021-09-15") is None
    s = "西藏森林消防总队日前与山南隆子县玉麦乡应急管理站签署"
    assert date_near(s, s.index("签署"), "2021-09-15") is None


def test_no_publication_date_keeps_absolute_dates_only():
    assert [d[2] for d in find_dates("2018年6月，今年5月", None)] == ["2018-06"]


def test_since_the_start_of_the_year_is_no_date():
    s = "今年以来，生态环境部印发《意见》"
    assert date_near(s, s.index("印发"), "2022-03-24") is None


def test_every_period_word_of_the_rules_makes_a_stretch_of_time():
    s = "今年上半年，全省新增减税降费120亿元"
    assert find_dates(s, "2021-09-15") == []
    s = "去年全年，共印发《实施方案》3个"
    assert date_near(s, s.index("印发"), "2021-09-15") is None


def test_a_month_after_a_year_in_chinese_numerals_is_not_in_the_page_year():
    assert find_dates("二〇一五年11月，市政府印发《办法》", "2021-09-15") == []
    assert find_dates("第2012月", "2021-09-15") == []


def test_dates_before_answers_as_a_scan_of_every_prefix_does():
    """DatesBefore finds a text's dates once; at each verb it gives the date
    the text before the verb gives on its own (what the verb reader asked
    for each verb, scanning the sentence again each time)."""
    from kg.text.dates import DatesBefore
    s = ("2015年11月，省政府出台意见；今年5月，公安部印发通知，9月14日启动，去年12月部署，"
         "今年以来开展，2021年3月8日签署协议。")
    dates = DatesBefore(s, "2021-09-15")
    verbs = [s.index(v) for v in ("出台", "印发", "启动", "部署", "开展", "签署")]
    for pos in verbs + [len(s)]:
        assert dates.at(pos) == date_near(s[:pos], pos, "2021-09-15"), pos
    assert dates.at(len(s)) == "2021-03-08" and dates.at(0) is None
