"""The `kg` command as a user runs it: output on stdout, one-line errors, exit codes."""

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CORPUS, SEED
from kg.cli import main, parser

ROOT = Path(__file__).resolve().parents[2]


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


def _commands() -> dict:
    """{name: subparser} of the `kg` command, walked from the parser itself."""
    (sub,) = [a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


def _usage_section() -> str:
    """The README's "Using it" section, where the commands and their flags are listed."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Using it")
    end = readme.find("\n## ", start + 1)
    return readme[start:end if end > 0 else None]


def test_every_command_and_flag_is_documented_in_the_readme():
    usage = _usage_section()
    missing = [f"kg {name}" for name in _commands() if f"kg {name}" not in usage]
    for name, sub in _commands().items():
        for action in sub._actions:
            longest = max(action.option_strings, key=len, default=None)
            if longest and longest != "--help" and not re.search(re.escape(longest) + r"(?![\w-])", usage):
                missing.append(f"kg {name} {longest}")
    for flag in ("--version", "--help"):
        if flag not in usage:
            missing.append(f"kg {flag}")
    assert not missing, f"not in README.md's \"Using it\" section: {missing}"


@pytest.mark.parametrize("name", sorted(_commands()))
def test_every_command_has_a_description_and_an_example(name, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([name, "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    description = out.split("\n\n")[1]
    assert len(description.split()) >= 8 and not description.startswith(("positional", "options"))
    example = out.split("example:\n", 1)[1].strip().splitlines()[0]
    assert example.startswith(f"kg {name}")
    args = [a for a in _commands()[name]._actions if a.dest != "help"]
    assert all(a.help for a in args if a.dest != "format" or name != "extract"), name


def _kg(*argv, stdin=None, cwd=None):
    """`python -m kg ...` as a user runs it (a process of its own: standard input is real)."""
    return subprocess.run([sys.executable, "-m", "kg", *argv], input=stdin, capture_output=True,
                          cwd=cwd, timeout=300)


def test_version_is_the_package_version():
    import kg
    p = _kg("--version")
    assert p.returncode == 0 and p.stdout.decode().split() == ["kg", "(govkg)", kg.__version__]


def test_python_dash_m_kg_is_the_kg_command():
    p = _kg("normalize", str(SEED))
    assert p.returncode == 0 and "知情权等执业权利" in p.stdout.decode()


def _usage_error(capsys, *argv) -> str:
    """The one line a bad option value gives (exit 2, nothing on stdout)."""
    with pytest.raises(SystemExit) as exit_:
        main(list(argv))
    out, err = capsys.readouterr()
    assert exit_.value.code == 2 and out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize("date, why", [
    ("yesterday", "give YYYY-MM-DD"), ("20210915", "give YYYY-MM-DD"), ("2021-9-15", "give YYYY-MM-DD"),
    ("２０２１-09-15", "give YYYY-MM-DD"),
    ("2021-13-45", "month must be in 1..12"), ("2021-02-30", "day is out of range"), ("2021-00", "month"),
])
@pytest.mark.parametrize("command", ["extract", "articles", "build"])
def test_a_bad_date_is_one_line_naming_the_option(capsys, command, date, why):
    line = _usage_error(capsys, command, str(SEED), "--date", date)
    assert line.startswith(f"kg: --date: '{date}' is not a date") and why in line


@pytest.mark.parametrize("date", ["2021", "2021-09", "2021-09-15"])
def test_full_and_partial_iso_dates_are_taken(capsys, date):
    code, out, _ = run(capsys, "articles", str(SEED), "--date", date)
    assert code == 0 and {a["date"] for a in json.loads(out)["articles"]} == {date}


def test_the_bad_date_of_a_real_process_has_no_traceback():
    p = _kg("extract", str(SEED), "--date", "yesterday")
    err = p.stderr.decode()
    assert p.returncode == 2 and p.stdout == b"" and err.count("\n") == 1
    assert err.startswith("kg: --date: 'yesterday' is not a date")


@pytest.mark.parametrize("argv, option", [
    (["html", "g.json", "-o", "x.html", "--max-nodes", "-5"], "--max-nodes"),
    (["html", "g.json", "-o", "x.html", "--max-nodes", "0"], "--max-nodes"),
    (["html", "g.json", "-o", "x.html", "--min-degree", "-1"], "--min-degree"),
    (["html", "g.json", "-o", "x.html", "--max-nodes", "many"], "--max-nodes"),
    (["build", "seeds", "-j", "0"], "-j/--workers"),
    (["build", "seeds", "--workers", "-2"], "-j/--workers"),
])
def test_a_count_below_its_least_is_one_line(capsys, tmp_path, argv, option):
    line = _usage_error(capsys, *argv)
    assert line.startswith(f"kg: {option}: ")
    assert "too small" in line or "not a whole number" in line
    assert not (tmp_path / "x.html").exists()


def test_other_usage_errors_are_one_line_pointing_to_help(capsys):
    assert _usage_error(capsys, "extract") == (
        "kg: the following arguments are required: file (see `kg extract --help`)")
    assert _usage_error(capsys, "nope").startswith("kg: COMMAND: invalid choice: 'nope'")


@pytest.mark.slow  # a subprocess, or a pipeline saved and loaded
def test_extract_and_normalize_read_standard_input():
    page = SEED.read_bytes()
    p = _kg("normalize", "-", stdin=page)
    assert p.returncode == 0 and p.stdout == _kg("normalize", str(SEED)).stdout
    piped = _kg("extract", "-", "--date", "2021-09-15", stdin=page)
    named = _kg("extract", str(SEED), "--date", "2021-09-15")
    assert piped.returncode == 0, piped.stderr
    got, want = json.loads(piped.stdout), json.loads(named.stdout)
    assert got["entities"] == want["entities"] and got["relations"] == want["relations"]
    assert ("PERSON", "孙茂利") in {(e["type"], e["name"]) for e in got["entities"]}


@pytest.mark.slow  # a subprocess, or a pipeline saved and loaded
def test_bad_standard_input_is_named_stdin():
    p = _kg("extract", "-", stdin=bytes(range(256)) * 4)
    assert p.returncode == 2 and p.stderr.decode().startswith("kg: <stdin>: not a text file")


def test_query_reads_standard_input(tmp_path):
    from kg import store
    from kg.export.turtle import write_turtle
    from sample_graph import small_graph
    write_turtle(small_graph(), tmp_path / "g.ttl")
    store.load(tmp_path / "g.ttl", tmp_path / "s")
    query = (ROOT / "queries" / "leaders.rq").read_bytes()
    p = _kg("query", "-", "--store", str(tmp_path / "s"), "--format", "csv", stdin=query)
    assert p.returncode == 0, p.stderr
    assert p.stdout.decode().splitlines()[1:] == ["孙茂利,局长,公安部法制局"]
    p = _kg("query", "-", "--store", str(tmp_path / "s"), stdin=b"\xff\xfeSELECT")
    assert p.returncode == 2 and p.stderr.decode().startswith("kg: <stdin>: not UTF-8 text")


def test_an_output_that_cannot_be_written_names_the_users_path(capsys, tmp_path):
    # a name the file system takes, but not with the temp file's prefix and suffix
    target = tmp_path / ("长" * 82 + ".json")          # 251 bytes; the temp name is over 255
    code, out, err = run(capsys, "extract", str(SEED), "--date", "2021-09-15", "-o", str(target))
    assert code == 2 and out == ""
    assert err == f"kg: {target}: cannot be written (File name too long)\n"


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
    assert "  [rule structural.seat]" in report     # 县纪委 located_in 沧源县


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


def test_a_file_name_with_controls_is_escaped_in_the_error_line(capsys, tmp_path):
    bad = tmp_path / "a\nb\x1b[31m.txt"
    bad.write_bytes(b"\x00\x01binary")
    code, out, err = run(capsys, "extract", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "\x1b" not in err and "a\\nb\\x1b[31m.txt" in err
