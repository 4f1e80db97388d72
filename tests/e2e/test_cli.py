"""The `kg` command as a user runs it: output on stdout, one-line errors, exit codes."""

import json
import subprocess
import sys

import pytest

from conftest import CORPUS, SEED
from kg.cli import main, parser


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_normalize_prints_clean_text(capsys):
    code, out, _ = run(capsys, "normalize", str(SEED))
    assert code == 0
    assert "知情权等执业权利" in out and "9月14日" in out


def test_articles_takes_the_date_from_option(capsys):
    code, out, _ = run(capsys, "articles", str(SEED), "--date", "2021-09-15")
    data = json.loads(out)
    assert code == 0 and len(data["articles"]) == 5
    assert {a["date"] for a in data["articles"]} == {"2021-09-15"}
    assert data["editors"] == ["苏显龙", "赵晓曦", "徐雷鹏"]


def test_articles_takes_the_date_from_the_file_name(capsys, tmp_path):
    f = tmp_path / "2021-09-15_page.txt"
    f.write_bytes(SEED.read_bytes())
    _, out, _ = run(capsys, "articles", str(f))
    assert {a["date"] for a in json.loads(out)["articles"]} == {"2021-09-15"}


def test_extract_writes_spec_json(capsys, tmp_path):
    target = tmp_path / "out.json"
    code, out, _ = run(capsys, "extract", str(CORPUS / "09_scio-finance-regulators-briefing.txt"),
                       "--date", "2024-09-24", "--format", "json", "-o", str(target))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert code == 0 and out == ""
    assert set(data) >= {"source", "articles", "entities", "relations"}
    by_id = {e["id"]: e["name"] for e in data["entities"]}
    assert ("潘功胜", "leads", "中国人民银行") in {(by_id[r["head"]], r["type"], by_id[r["tail"]]) for r in data["relations"]}


@pytest.mark.parametrize("make_input, reason", [
    (lambda d: (d / "x.png", d.joinpath("x.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01")), "not a text file"),
    (lambda d: (d / "missing.txt", None), "no such file"),
])
def test_bad_input_is_one_line_and_nonzero(capsys, tmp_path, make_input, reason):
    path, _ = make_input(tmp_path)
    code, out, err = run(capsys, "extract", str(path))
    assert code != 0 and out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"kg: {path}: ") and reason in lines[0]


def test_bad_input_has_no_traceback_from_the_installed_command(tmp_path):
    f = tmp_path / "bin.txt"
    f.write_bytes(bytes(range(256)) * 4)
    p = subprocess.run([sys.executable, "-m", "kg.cli", "normalize", str(f)], capture_output=True, text=True)
    assert p.returncode != 0 and "Traceback" not in p.stderr
    assert p.stderr.strip() == f"kg: {f}: " + p.stderr.strip().split(": ", 2)[2]


def test_ner_command_tags_jsonl(capsys, tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "公安部法制局局长孙茂利说。"}, ensure_ascii=False) + "\nnot json\n", encoding="utf-8")
    code, _, err = run(capsys, "ner", str(src), "-o", str(tmp_path / "out.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert code == 0 and len(rows) == 1 and "in.jsonl:2" in err
    text = rows[0]["text"]
    assert {(text[s:e], t) for s, e, t in rows[0]["spans"]} >= {("公安部法制局", "AGENCY"), ("孙茂利", "PERSON")}


def test_ner_command_writes_a_foreign_bodys_country_and_no_domestic_seat(capsys, tmp_path):
    # NER corpora read 德国政府 either as the place (MSRA) or as the body
    # (CLUENER); a domestic body's place is part of its name in both
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": t}, ensure_ascii=False) + "\n" for t in (
        "首先是以色列政府对和谈立场发生了质的变化。", "河北省信访局推行领导干部包联机制。")), encoding="utf-8")
    code, _, _ = run(capsys, "ner", str(src), "-o", str(tmp_path / "out.jsonl"))
    rows = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    got = [{(r["text"][s:e], t) for s, e, t in r["spans"]} for r in rows]
    assert code == 0 and got[0] == {("以色列政府", "AGENCY"), ("以色列", "PLACE")}
    assert ("河北省信访局", "AGENCY") in got[1] and not any(t == "PLACE" for _s, t in got[1])


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    commands = parser()._subparsers._group_actions[0].choices
    for name in commands:
        assert f"kg {name}" in readme, name


def test_ner_command_can_add_the_trained_model(capsys, tmp_path):
    src = tmp_path / "in.jsonl"
    # natural places (no division, no country): the gazetteers have none of them
    src.write_text(json.dumps({"text": "代表团随后登上了珠穆朗玛峰，又考察了长江和黄河。"}, ensure_ascii=False) + "\n",
                   encoding="utf-8")
    run(capsys, "ner", str(src), "-o", str(tmp_path / "rules.jsonl"))
    run(capsys, "ner", str(src), "-o", str(tmp_path / "both.jsonl"), "--statistical")
    rules = json.loads((tmp_path / "rules.jsonl").read_text(encoding="utf-8"))
    both = json.loads((tmp_path / "both.jsonl").read_text(encoding="utf-8"))
    places = lambda row: {row["text"][s:e] for s, e, t in row["spans"] if t == "PLACE"}  # noqa: E731
    assert not places(rules) & {"珠穆朗玛峰", "长江", "黄河"}
    assert {"珠穆朗玛峰", "长江", "黄河"} <= places(both)


EXPLAINED = "沧源县召开警示教育大会。县纪委书记李明说，县纪委印发《实施方案》。"


def test_extract_explain_says_why_an_entity_and_a_relation_are_there(capsys, tmp_path):
    """Why is 县纪委 an AGENCY here? The report names the component that
    proposed it, what it beat, what it links to, and the mechanism of each
    relation; -o still gets the same JSON as without --explain."""
    page = tmp_path / "page.txt"
    page.write_text(EXPLAINED, encoding="utf-8")
    code, plain, _ = run(capsys, "extract", str(page), "--date", "2021-09-15")
    code2, report, _ = run(capsys, "extract", str(page), "--date", "2021-09-15", "--explain",
                           "-o", str(tmp_path / "out.json"))
    assert code == code2 == 0
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == plain
    lines = report.splitlines()
    agency = lines.index("e2 AGENCY 沧源佤族自治县纪委  [local:530927:纪律检查委员会]")
    assert lines[agency + 1].startswith("  a1 12-15 「县纪委」: entity; proposed by kg_agencies, rule ")
    assert lines[agency + 1].endswith("linked to local:530927:纪律检查委员会")
    rel = lines.index("e3 李明 -leads-> e2 沧源佤族自治县纪委 title=书记")
    assert lines[rel + 1].startswith("    by post chain")
    rel = next(i for i, line in enumerate(lines) if "-introduced->" in line)
    assert lines[rel].endswith("《实施方案》") and lines[rel + 1].startswith("    by trigger verb")
    assert "  [kg.relations.structural._structural]" in report     # 县纪委 located_in 沧源县


def test_explain_names_the_rival_proposals_a_mention_beat(capsys, tmp_path):
    """中国人民银行 is a central AGENCY: it beat the ORG reading of the same
    name and the PLACE 中国 inside it."""
    page = tmp_path / "page.txt"
    page.write_text("中国人民银行行长潘功胜说，将加大支持力度。", encoding="utf-8")
    _, report, _ = run(capsys, "extract", str(page), "--date", "2024-09-24", "--explain")
    block = report.split("e1 AGENCY 中国人民银行  [central:中国人民银行]\n", 1)[1].split("\ne2 ", 1)[0]
    assert "proposed by kg_agencies" in block
    assert "beat ORG 「中国人民银行」 0-6 (kg_orgs" in block
    assert "beat PLACE 「中国」 0-2 (kg_places" in block
