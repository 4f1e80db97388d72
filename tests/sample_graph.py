"""A small hand-made graph (the seed page's facts) for the exporter tests."""

import networkx as nx

SRC = "2021-09-15_peoples-daily.txt"


def ev(text, start, article="a1", source=SRC):
    return {"source": source, "article": article, "text": text, "start": start, "end": start + len(text),
            "raw_start": start + 7, "raw_end": start + 7 + len(text),
            "article_title": "公安执法越来越规范", "article_date": "2021-09-15"}


def small_graph(names=None) -> nx.MultiDiGraph:
    """A realistic little graph: 公安部 and its 法制局, 孙茂利 its 局长, three
    places with codes, a document with its date, a program, evidence."""
    names = names or {}
    g = nx.MultiDiGraph()

    def node(key, type_, name, **kw):
        name = names.get(key, name)
        g.add_node(key, type=type_, name=name, aliases={name, *kw.pop("aliases", ())},
                   mentions=[{"source": SRC, "article": "a1", "start": 0, "end": 3}], **kw)

    node("central:公安部", "AGENCY", "公安部")
    node("central:公安部:法制局", "AGENCY", "公安部法制局", aliases={"法制局"})
    node("person:孙茂利@central:公安部:法制局", "PERSON", "孙茂利")
    node("person:曾斌@central:公安部:法制局", "PERSON", "曾斌")
    node("document:关于深入推进公安执法监督管理机制改革的意见", "DOCUMENT", "《关于深入推进公安执法监督管理机制改革的意见》")
    node("program:12389投诉平台", "PROGRAM", "12389投诉平台")
    node("place:530000", "PLACE", "云南省", code="530000", level="province")
    node("place:530900", "PLACE", "临沧市", code="530900", parent="530000", level="prefecture")
    node("place:530927", "PLACE", "沧源佤族自治县", code="530927", parent="530900", level="county",
         aliases={"沧源县"})
    node("local:530927:纪律检查委员会监察委员会", "AGENCY", "沧源佤族自治县纪委监委")
    node("place:540529-玉麦乡", "PLACE", "玉麦乡", code="540529-玉麦乡", level="township")

    s1 = ev("据了解，今年5月，公安部印发《关于深入推进公安执法监督管理机制改革的意见》。", 41)
    s2 = ev("公安部法制局局长孙茂利说。", 199)
    s3 = ev("公安部法制局二级巡视员曾斌介绍。", 278)

    def edge(h, t, rel, evidence, **attrs):
        g.add_edge(h, t, key=rel, relation=rel, attrs=attrs, evidence=evidence)

    edge("central:公安部", "document:关于深入推进公安执法监督管理机制改革的意见", "introduced", [s1], date="2021-05")
    edge("central:公安部", "program:12389投诉平台", "introduced", [s1])
    edge("central:公安部:法制局", "central:公安部", "part_of", [s2, s3])
    edge("person:孙茂利@central:公安部:法制局", "central:公安部:法制局", "leads", [s2], title="局长")
    edge("person:曾斌@central:公安部:法制局", "central:公安部:法制局", "member_of", [s3], title="二级巡视员")
    edge("place:530900", "place:530000", "located_in", [ev("临沧市位于云南省。", 2100, "a2")])
    edge("place:530927", "place:530900", "located_in", [ev("沧源佤族自治县隶属临沧市。", 2200, "a2")])
    edge("local:530927:纪律检查委员会监察委员会", "place:530927", "located_in", [ev("沧源佤族自治县纪委监委。", 2300, "a2")])
    g.graph["articles"] = [
        {"source": SRC, "id": "a1", "title": "公安执法越来越规范", "date": "2021-09-15", "place": None,
         "creators": ["张天培"], "start": 0, "end": 2082},
        {"source": SRC, "id": "a2", "title": "云南沧源整合县、乡两级力量", "date": "2021-09-15", "place": "昆明",
         "creators": ["史一棋"], "start": 2083, "end": 2459},
    ]
    return g
