"""Renaming, moving and reordering every file of a corpus changes no key, IRI
or canonical name, and no merge across documents (kg.corpus.resolve,
kg.corpus.resolve_bodies): what is one person or body, and why, hangs on what
the documents say."""

import json
import shutil

import pytest

TEXTS = {
    "2021-09-15_a.txt": "福建省人民政府省长陈立新主持召开省政府常务会议，研究部署防汛工作。\n",
    "2021-09-16_b.txt": "浙江省人民政府省长陈立新在杭州调研，强调要做好防汛工作。\n",
    "2021-09-17_c.txt": "福建省人民政府省长陈立新在福州会见客人。陈立新表示，福建将继续扩大开放。\n",
    "2021-09-18_d.txt": "国务院总理赵明远主持召开国务院常务会议。\n",
    "2021-09-19_e.txt": "赵明远在北京会见外宾。\n",
    "2021-09-20_f.txt": "欧亚经济委员会发表声明，欢迎各方达成停火协议。\n",
    "2021-09-21_g.txt": "欧亚经济委员会当天表示，将继续支持地区和平进程。\n",
}


def _graph(out) -> dict:
    """{key: (iri, type, name, aliases, basis, number of documents)} of graph.json."""
    graph = json.loads((out / "graph.json").read_text(encoding="utf-8"))
    return {e["key"]: (e["iri"], e["type"], e["name"], tuple(e["aliases"]), e.get("attrs", {}).get("basis"),
                       len({m["source"] for m in e["mentions"]})) for e in graph["entities"]}


@pytest.mark.slow
def test_renaming_every_file_changes_no_key_iri_name_or_merge(tmp_path):
    from kg.corpus.driver import build
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    for name, text in TEXTS.items():
        (first / name).write_text(text, encoding="utf-8")
    for i, name in enumerate(sorted(TEXTS, reverse=True)):   # other names, other order, other folders
        folder = second / f"batch{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(first / name, folder / f"{i:02d}_{name[:10]}_renamed.txt")
    assert build([first], tmp_path / "out1", workers=1) == 0
    assert build([second], tmp_path / "out2", workers=1) == 0
    one, two = _graph(tmp_path / "out1"), _graph(tmp_path / "out2")
    assert one == two
    # the corpus has merges across documents, and people of one name kept apart
    assert one["person:赵明远"][5] == 2
    assert one["bare:AGENCY:欧亚经济委员会"][5] == 2 and "same name in 2 documents" in one["bare:AGENCY:欧亚经济委员会"][4]
    assert one["person:陈立新@local:350000:人民政府"][5] == 2
    assert "person:陈立新@local:330000:人民政府" in one
