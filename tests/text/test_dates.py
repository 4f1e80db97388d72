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
