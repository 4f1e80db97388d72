#!/usr/bin/env python3
"""Entity layer scored on the HELD-OUT parts of the public NER data only.

    eval_ner_heldout.py [--ner-dir ../shared/ner] [--model kg/models/ner] [--bench] [--errors N]

The held-out parts are the ones scripts/train_ner.py never trains on (md5 of
the sentence: 10 % of CLUENER train, 20 % of MSRA dev). Three readings of the
same docs (real pkuseg segmenter, all rule components, kg_stat_ner):

  stat   the statistical component's proposals alone
  rules  the rule components resolved by kg_resolve (the pipeline without the model)
  both   rules + model resolved by kg_resolve (the model's priority is the lowest)

Scores are exact-span P/R/F1 (kg.ner.score) of the top-level (not nested)
mentions, as `kg ner` writes them. Targets: MSRA PER → PERSON, LOC → PLACE,
ORG → AGENCY ∪ ORG; CLUENER name → PERSON, government → AGENCY. Anonymised
people (刘某) are scored as their surname on MSRA and not at all on CLUENER,
as scripts/eval_ner.py does. --bench also times the layer on all of MSRA dev
(chars per second, one process) with and without the model.
"""

import argparse
import copy
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from train_ner import CLUENER, MSRA, read_rows, split_rows  # noqa: E402

from kg.ner.score import PRF, prf  # noqa: E402

TARGETS = {
    MSRA: [("PERSON", {"PERSON"}, {"PER"}), ("PLACE", {"PLACE"}, {"LOC"}),
           ("AGENCY|ORG", {"AGENCY", "ORG"}, {"ORG"})],
    CLUENER: [("PERSON", {"PERSON"}, {"name"}), ("AGENCY", {"AGENCY"}, {"government"}),
              ("PLACE", {"PLACE"}, {"address", "scene"})],
}
ANON = {MSRA: "surname", CLUENER: "drop"}


def build_nlp(model_path=None, with_resolve=False, priority=None):
    import kg.nlp.components  # noqa: F401
    import kg.nlp.components.statistical  # noqa: F401
    from kg.nlp.pipeline import COMPONENTS, _blank_zh

    rules = [c for c in COMPONENTS if c not in ("kg_resolve", "kg_stat_ner")]
    nlp = _blank_zh()
    for name in rules:
        nlp.add_pipe(name)
    nlp.add_pipe("kg_stat_ner", config={"model_path": model_path, "priority": priority})
    if with_resolve:
        nlp.add_pipe("kg_resolve")
    return nlp


def top_level(mentions):
    """What `kg ner` would write of these proposals (kg.ner.tag.reported)."""
    from kg.nlp.components.resolve import resolve
    from kg.ner.tag import reported

    return [m for m in resolve([copy.deepcopy(m) for m in mentions]) if reported(m)]


def views(doc):
    from kg.nlp.mentions import mentions_of

    ms = mentions_of(doc)
    stat = [m for m in ms if m.source == "kg_stat_ner"]
    return {"stat": stat,
            "rules": top_level([m for m in ms if m.source != "kg_stat_ner"]),
            "both": top_level(ms)}


def spans(mentions, types, anon, surname_len):
    out = []
    for m in mentions:
        if m.type not in types:
            continue
        if m.type == "PERSON" and m.attrs.get("anonymised"):
            if anon == "drop":
                continue
            out.append((m.start, m.start + surname_len(m.text)))
            continue
        out.append((m.start, m.end))
    return out


def score(nlp, rows, ds, errors=0):
    from kg.nlp.components.persons import load_person_rules

    double = load_person_rules().double
    surname_len = lambda t: 2 if t[:2] in double else 1  # noqa: E731
    res = {(v, t[0]): PRF(0, 0, 0) for v in ("stat", "rules", "both") for t in TARGETS[ds]}
    shown = 0
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=256)):
        vs = views(doc)
        for name, types, labels in TARGETS[ds]:
            gold = [(s, e) for s, e, lab in row["spans"] if lab in labels]
            for v, ms in vs.items():
                pred = spans(ms, types, ANON[ds], surname_len)
                res[(v, name)] = res[(v, name)] + prf(gold, pred)
                if v == "both" and shown < errors and set(gold) != set(pred):
                    shown += 1
                    t = row["text"]
                    print(f"  [{ds[:6]} {name}] {t[:100]}\n     missed: "
                          f"{[t[s:e] for s, e in sorted(set(gold) - set(pred))]}  false: "
                          f"{[t[s:e] for s, e in sorted(set(pred) - set(gold))]}")
    return res


def bench(ner_dir: Path, model_path=None, repeats: int = 3):
    """Chars/s of each stage on all of MSRA dev: CPU time of this process (the
    machine may be shared), best of `repeats` interleaved runs, one thread."""
    from kg.nlp.pipeline import _blank_zh

    texts = [r["text"] for r in read_rows(ner_dir / MSRA)]
    n = sum(map(len, texts))
    full = build_nlp(model_path, with_resolve=True)
    seg = _blank_zh()
    stat = full.get_pipe("kg_stat_ner")
    segmented = list(seg.tokenizer.pipe(texts))
    stages = {
        "segmentation only": lambda: list(seg.tokenizer.pipe(texts)),
        "rules (no model)": lambda: list(full.pipe(texts, disable=["kg_stat_ner"])),
        "rules + kg_stat_ner": lambda: list(full.pipe(texts)),
        "kg_stat_ner alone": lambda: list(stat.pipe(segmented)),
    }
    best = {k: float("inf") for k in stages}
    for _ in range(repeats):
        for label, run in stages.items():
            t0 = time.process_time()
            run()
            best[label] = min(best[label], time.process_time() - t0)
    return n, {k: n / v for k, v in best.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ner-dir", default=str(ROOT.parent / "shared" / "ner"))
    ap.add_argument("--model", default=None, help="model directory (default: kg/models/ner)")
    ap.add_argument("--bench", action="store_true", help="also time the layer on MSRA dev")
    ap.add_argument("--errors", type=int, default=0)
    ap.add_argument("--priority", type=int, default=None,
                    help="the model's priority in kg_resolve (default: rules/priorities.toml)")
    args = ap.parse_args(argv)
    ner_dir = Path(args.ner_dir)
    if not ((ner_dir / CLUENER).exists() and (ner_dir / MSRA).exists()):
        print(f"eval_ner_heldout: {ner_dir} lacks the NER data; nothing to score")
        return 2
    parts = split_rows(ner_dir)
    nlp = build_nlp(args.model, priority=args.priority)
    print("HELD-OUT parts only (never trained on): "
          + ", ".join(f"{ds} {len(p['heldout'])} sentences" for ds, p in parts.items()))
    for ds in (MSRA, CLUENER):
        res = score(nlp, parts[ds]["heldout"], ds, args.errors)
        for name, _, labels in TARGETS[ds]:
            print(f"{ds[:-6]:14s} {name:10s} vs {'+'.join(sorted(labels))}")
            for v in ("stat", "rules", "both"):
                print(f"    {v:6s} {res[(v, name)]}")
    if args.bench:
        n, speeds = bench(ner_dir, args.model)
        print(f"throughput on all of MSRA dev ({n} chars, one process, chars/s):")
        for label, cps in speeds.items():
            print(f"    {label:22s} {cps:9.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
