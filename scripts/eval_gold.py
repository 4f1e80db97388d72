#!/usr/bin/env python3
"""`make eval`: score the extraction on every gold text in SHARED/gold.

For each NAME.gold.json with a SHARED/corpus/NAME.txt, runs the extraction
(with the gold's publication date), then prints one line per text (entity
and relation F1) and score.py's tables per type for: the seed page alone,
the texts the rules were developed with in view (numbered below 29), the
texts added later from genres the rules had not met (29 and above: the
honest check), and all of them. Then every set of fresh gold kept in the
repository (docs/grading/fresh/SET/: real news items annotated by the spec
by annotators who had not seen the tool's output; SET/README.md says which
sets have been read since). Then, when the NER data is there, the
entity layer on it: every type on the held-out parts
(scripts/eval_ner_heldout.py), PERSON and titles on the whole files
(scripts/eval_ner.py).
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extraction import extract_file  # noqa: E402

SEED = "000_ba7bb21c1752cf58"
LATER = 29   # texts numbered from here on were added after the rules were written


def groups_of(name: str) -> tuple[str, ...]:
    """The groups a gold text is scored in."""
    number = re.match(r"\d+", name)
    if name == SEED:
        return ("seed", "all")
    if number and int(number.group()) >= LATER:
        return (f"added later ({LATER}+)", "all")
    return ("developed with", "all")


def score_json(score: Path, gold: Path, pred: Path) -> dict:
    out = subprocess.run([sys.executable, str(score), "--json", str(gold), str(pred)],
                         capture_output=True, text=True, check=False)
    return json.loads(out.stdout) if out.returncode == 0 and out.stdout.strip() else {}


def extract_all(gold_dir: Path, corpus: Path, tmp: Path) -> dict:
    """{group: (gold dir, prediction dir)} with every text's gold and
    extraction written into the groups it belongs to."""
    sets = {}
    for gf in sorted(gold_dir.glob("*.gold.json")):
        name = gf.name[: -len(".gold.json")]
        src = corpus / f"{name}.txt"
        if not src.exists():
            continue
        gold = json.loads(gf.read_text(encoding="utf-8"))
        pred = json.dumps(extract_file(src, gold.get("date")), ensure_ascii=False)
        for key in groups_of(name):
            g, p = sets.setdefault(key, (tmp / f"g{len(sets)}", tmp / f"p{len(sets)}"))
            g.mkdir(exist_ok=True), p.mkdir(exist_ok=True)
            (g / gf.name).write_text(gf.read_text(encoding="utf-8"), encoding="utf-8")
            (p / f"{name}.json").write_text(pred, encoding="utf-8")
    return sets


FRESH = ROOT / "docs" / "grading" / "fresh"


def score_fresh(score: Path, tmp: Path) -> None:
    """score.py's tables for each fresh-gold set (texts/NAME.txt beside
    gold/NAME.gold.json), extracted with each gold's date."""
    for folder in sorted(p for p in FRESH.iterdir() if (p / "gold").is_dir() and (p / "texts").is_dir()):
        pred = tmp / f"fresh-{folder.name}"
        pred.mkdir()
        for gf in sorted((folder / "gold").glob("*.gold.json")):
            name = gf.name[: -len(".gold.json")]
            gold = json.loads(gf.read_text(encoding="utf-8"))
            out = extract_file(folder / "texts" / f"{name}.txt", gold.get("date"))
            (pred / f"{name}.json").write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")
        print(f"\n== fresh gold: {folder.name} ({len(list(pred.iterdir()))} texts)")
        subprocess.run([sys.executable, str(score), str(folder / "gold"), str(pred)], check=False)


def main(shared: str) -> int:
    shared = Path(shared)
    score = shared / "tools" / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        sets = extract_all(shared / "gold", shared / "corpus", Path(tmp))
        g_all, p_all = sets["all"]
        print(f"{'text':<58}{'entity F1':>10}{'relation F1':>12}")
        for gf in sorted(g_all.glob("*.gold.json")):
            pf = p_all / (gf.name[: -len(".gold.json")] + ".json")
            s = score_json(score, gf, pf)
            ent, rel = (s.get(k, {}).get("f1", float("nan")) for k in ("ent:ALL", "rel:ALL"))
            print(f"{gf.name[: -len('.gold.json')]:<58}{ent:>10.3f}{rel:>12.3f}")
        order = ["seed", "developed with", f"added later ({LATER}+)", "all"]
        for key in sorted(sets, key=order.index):
            g, p = sets[key]
            print(f"\n== {key}")
            subprocess.run([sys.executable, str(score), str(g), str(p), *sys.argv[2:]], check=False)
        if FRESH.is_dir():
            score_fresh(score, Path(tmp))
    if (shared / "ner").is_dir():
        # every type (MSRA PER/LOC/ORG, CLUENER name/government/address) on the
        # parts the shipped model never trained on; then PERSON and title
        # recall (CLUENER position) over the whole files, rules only
        print("\n== NER data, held-out parts (rules, model, both)")
        subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_ner_heldout.py"),
                        "--ner-dir", str(shared / "ner")], check=False)
        print("\n== NER data, whole files: PERSON and titles (rules)")
        subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_ner.py"),
                        "--ner-dir", str(shared / "ner")], check=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT.parent / "shared")))
