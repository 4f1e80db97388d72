"""kg_places: zones and sites written alone under a name of their own, read
by their head word where LAC reads the name as one place word
(rules/places.toml [sites], kg.nlp.components.site_names)."""

import pytest

from kg import extract


def places(text):
    return {e["name"] for e in extract(text)["entities"] if e["type"] == "PLACE"}


@pytest.mark.parametrize("text, name", [
    ("目前，雄安新区重点片区和重点工程推进顺利。", "雄安新区"),
    ("记者来到三江源国家公园，记录生态保护的故事。", "三江源国家公园"),
    ("游客在云冈石窟参观，感受千年文化。", "云冈石窟"),
])
def test_a_zone_or_site_written_alone_is_a_place(text, name):
    assert name in places(text)


@pytest.mark.parametrize("text", [
    "当地积极创建全国文明城市示范区。",
    "千年古城焕发新活力。",
    "各地港口货物吞吐量稳步增长。",
])
def test_a_head_word_in_running_text_is_no_site(text):
    assert places(text) == set()


def test_a_port_named_after_its_city_stays_the_city():
    found = places("天津港集装箱吞吐量再创新高。")
    assert "天津市" in found and "天津港" not in found


@pytest.mark.parametrize("text", [
    "坚持港人治港、高度自治的方针。",
    "当地已建成国家级自然保护区多处。",
])
def test_a_slogan_or_a_zone_kind_alone_is_no_site(text):
    assert not {n for n in places(text) if n.endswith(("港", "保护区"))}
