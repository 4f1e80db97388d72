#!/usr/bin/env python3
"""PERSON and title finding against public NER data (see /work/shared/ner/README.md).

    eval_ner.py [--ner-dir DIR] [--msra FILE] [--cluener FILE|-] [--limit N] [--errors N]

Runs the real segmenter plus kg_persons over MSRA dev (label PER) and CLUENER
train (label `name`; titles against `position`) and prints exact-span P/R/F1.

Annotation conventions differ from the spec, and are bridged here, not in the
component: MSRA marks only the surname of 郑某 / 陈小姐, so an anonymised
mention is scored as its surname there; CLUENER leaves 张女士 unmarked, so
anonymised mentions are not scored there. Reporters are skipped by the
component (spec: they are article metadata), which costs some recall on both.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.nlp.components.persons import make_persons  # noqa: E402,F401  (registers kg_persons)
from kg.nlp.mentions import mentions_of  # noqa: E402
from kg.ner.jsonl import read_jsonl  # noqa: E402
from kg.ner.score import PRF, gold_spans, prf, recall_of  # noqa: E402
from kg.nlp.pipeline import _blank_zh  # noqa: E402
from kg.nlp.titles import find_titles  # noqa: E402


def person_spans(doc, anonymised: str):
    """anonymised: 'surname' (MSRA), 'drop' (CLUENER) or 'keep'."""
    out = []
    for m in mentions_of(doc):
        if m.type != "PERSON":
            continue
        if m.attrs.get("anonymised"):
            if anonymised == "drop":
                continue
            if anonymised == "surname":
                out.append((m.start, m.start + _surname_len(m.text)))
                continue
        out.append((m.start, m.end))
    return out


def _surname_len(text: str) -> int:
    from kg.nlp.components.persons import load_person_rules
    return 2 if text[:2] in load_person_rules().double else 1


def evaluate(nlp, rows, label, anonymised, errors=0, name=""):
    total = PRF(0, 0, 0)
    shown = 0
    docs = nlp.pipe((r["text"] for r in rows), batch_size=256)
    for row, doc in zip(rows, docs):
        gold = gold_spans(row, label)
        pred = person_spans(doc, anonymised)
        total = total + prf(gold, pred)
        if shown < errors and set(gold) != set(pred):
            shown += 1
            t = row["text"]
            print(f"  [{name}] {t[:120]}")
            print(f"     missed: {[t[s:e] for s, e in sorted(set(gold) - set(pred))]}"
                  f"  false: {[t[s:e] for s, e in sorted(set(pred) - set(gold))]}")
    return total


def title_recall(rows):
    total = PRF(0, 0, 0)
    lenient = 0
    for row in rows:
        gold = gold_spans(row, "position")
        found = [(t.start, t.end) for t in find_titles(row["text"])]
        total = total + recall_of(gold, found)
        ends = {e for _, e in found}
        lenient += sum(1 for s, e in gold if e in ends)
    return total, lenient


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ner-dir", default="/work/shared/ner")
    ap.add_argument("--msra", help="MSRA-style file (default: NER_DIR/msra_dev.jsonl)")
    ap.add_argument("--cluener", help="CLUENER file (default: NER_DIR/cluener_train.jsonl); '-' skips it")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--errors", type=int, default=0, help="print N sentences with mistakes")
    args = ap.parse_args(argv)
    ner = Path(args.ner_dir)

    t0 = time.time()
    nlp = _blank_zh()
    nlp.add_pipe("kg_persons")
    print(f"pipeline loaded in {time.time() - t0:.1f}s")

    t0 = time.time()
    msra = read_jsonl(args.msra or ner / "msra_dev.jsonl", args.limit)
    res = evaluate(nlp, msra, "PER", "surname", args.errors, "msra")
    print(f"MSRA dev   PERSON vs PER   {res}   [{len(msra)} sentences, {time.time() - t0:.1f}s]")

    if args.cluener == "-":
        return 0
    t0 = time.time()
    clue = read_jsonl(args.cluener or ner / "cluener_train.jsonl", args.limit)
    res = evaluate(nlp, clue, "name", "drop", args.errors, "cluener")
    print(f"CLUENER    PERSON vs name  {res}   [{len(clue)} sentences, {time.time() - t0:.1f}s]")

    rec, lenient = title_recall(clue)
    print(f"CLUENER    titles vs position: exact recall {rec.r:.3f} ({rec.tp}/{rec.n_gold}); "
          f"a title ends where the position ends: {lenient / max(rec.n_gold, 1):.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
