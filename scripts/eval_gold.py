#!/usr/bin/env python3
"""`make eval`: score the extraction on every gold text in SHARED/gold.

For each NAME.gold.json with a SHARED/corpus/NAME.txt, runs the extraction
(with the gold's publication date), then prints score.py's tables: the seed
page alone, the other texts together, and all of them. Then, when the NER
data is there, the entity layer on it: every type on the held-out parts
(scripts/eval_ner_heldout.py), PERSON and titles on the whole files
(scripts/eval_ner.py).
"""

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.extraction import extract_file  # noqa: E402

SEED = "000_ba7bb21c1752cf58"


def main(shared: str) -> int:
    shared = Path(shared)
    gold_dir, corpus = shared / "gold", shared / "corpus"
    score = shared / "tools" / "score.py"
    with tempfile.TemporaryDirectory() as tmp:
        sets = {"seed": (Path(tmp, "g_seed"), Path(tmp, "p_seed")),
                "others": (Path(tmp, "g_others"), Path(tmp, "p_others")),
                "all": (Path(tmp, "g_all"), Path(tmp, "p_all"))}
        for g, p in sets.values():
            g.mkdir(), p.mkdir()
        for gf in sorted(gold_dir.glob("*.gold.json")):
            name = gf.name[: -len(".gold.json")]
            src = corpus / f"{name}.txt"
            if not src.exists():
                continue
            gold = json.loads(gf.read_text(encoding="utf-8"))
            pred = json.dumps(extract_file(src, gold.get("date")), ensure_ascii=False)
            for key in ("all", "seed" if name == SEED else "others"):
                g, p = sets[key]
                (g / gf.name).write_text(gf.read_text(encoding="utf-8"), encoding="utf-8")
                (p / f"{name}.json").write_text(pred, encoding="utf-8")
        for key, (g, p) in sets.items():
            print(f"\n== {key}")
            subprocess.run([sys.executable, str(score), str(g), str(p), *sys.argv[2:]], check=False)
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
