"""A country's short form at the end of a longer foreign name is no mention
of the country; the country written on its own, or after another place, is."""

from kg import extract


def places(text):
    return {e["name"] for e in extract(text, "2022-09-14")["entities"] if e["type"] == "PLACE"}


def test_a_short_form_ending_a_transliterated_city_name_is_no_country():
    assert "苏丹共和国" not in places("代表团随后抵达努尔苏丹机场，受到热烈欢迎。")


def test_the_country_after_a_verb_or_another_place_is_still_found():
    assert "苏丹共和国" in places("外交部发言人表示，中方愿同苏丹加强合作。")
    assert "苏丹共和国" in places("埃及、苏丹两国外长举行会谈。")
