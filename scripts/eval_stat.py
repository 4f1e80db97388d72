#!/usr/bin/env python3
"""The statistical layer chosen by measurement: LAC vs kg_stat_ner vs the rules, with and without the gate.

    eval_stat.py [--ner-dir ../shared/ner] [--gold ../shared/gold] [--corpus ../shared/corpus]

Two measures, one process (the real pkuseg segmenter and rule components):

1. MSRA-style sentences (msra_dev.jsonl; its held-out 20 %, which
   scripts/train_ner.py never trains on, and all of it): exact-span P/R/F1,
   PER → PERSON, LOC → PLACE, ORG → AGENCY ∪ ORG, anonymised people scored
   as their surname (as scripts/eval_ner_heldout.py does), for
     lac        LAC's own PER/LOC/ORG tags over the whole sentence
     stat       kg_stat_ner's proposals alone (the project's trained model)
     rules      the rule components resolved, without the LAC gate
     gated      the same with kg_stat_ner off and kg_stat_gate on (the default pipeline)
2. The gold texts' PERSON and AGENCY ∪ ORG names (name or alias, as
   ../shared/tools/score.py matches them): precision and recall of the
   distinct names each reading finds in each text, summed over texts.

--bench DIR also times the default entity pipeline on DIR's *.txt (real
news) with and without kg_stat_gate: CPU seconds of this process, best of
three interleaved runs, and the share of the characters LAC was given.
"""

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval_ner_heldout import build_nlp, spans, top_level  # noqa: E402
from train_ner import MSRA, read_rows, split_rows  # noqa: E402

from kg.ner.score import PRF, prf  # noqa: E402

MSRA_TARGETS = [("PERSON", {"PERSON"}, "PER"), ("PLACE", {"PLACE"}, "LOC"),
                ("AGENCY|ORG", {"AGENCY", "ORG"}, "ORG")]
LAC_TYPE = {"PER": "PERSON", "LOC": "PLACE", "ORG": "AGENCY"}
GATE, STAT = "kg_stat_gate", "kg_stat_ner"
VIEWS = ("lac", "stat", "rules", "gated")


def lac_mentions(text: str) -> list:
    """LAC's PER/LOC/ORG words as (start, end, TYPE)."""
    from kg.nlp.lexical import tag_window
    return [(t.start, t.end, LAC_TYPE[t.tag]) for t in tag_window(text, 0, len(text)) if t.tag in LAC_TYPE]


class Readings:
    """The four readings of a list of texts, as lists of (start, end, TYPE, text, attrs)."""

    def __init__(self):
        self.nlp = build_nlp(with_resolve=False)

    def read(self, texts) -> list[dict]:
        out = [{"lac": [(s, e, ty, t[s:e], {}) for s, e, ty in lac_mentions(t)]} for t in texts]
        from kg.nlp.mentions import mentions_of
        with self.nlp.select_pipes(disable=[GATE]):
            for row, doc in zip(out, self.nlp.pipe(texts, batch_size=64)):
                ms = mentions_of(doc)
                row["stat"] = _tuples(m for m in ms if m.source == STAT)
                row["rules"] = _tuples(top_level([m for m in ms if m.source != STAT]))
        with self.nlp.select_pipes(disable=[STAT]):
            for row, doc in zip(out, self.nlp.pipe(texts, batch_size=64)):
                row["gated"] = _tuples(top_level(mentions_of(doc)))
        return out


def _tuples(ms) -> list:
    return [(m.start, m.end, m.type, m.text, m.attrs) for m in ms]


class _M:  # the shape eval_ner_heldout.spans reads
    def __init__(self, t):
        self.start, self.end, self.type, self.text, self.attrs = t


def score_msra(readings: Readings, rows) -> dict:
    from kg.nlp.components.persons import load_person_rules
    double = load_person_rules().double
    surname_len = lambda t: 2 if t[:2] in double else 1  # noqa: E731
    res = {(v, name): PRF(0, 0, 0) for v in VIEWS for name, _, _ in MSRA_TARGETS}
    for row, read in zip(rows, readings.read([r["text"] for r in rows])):
        for name, types, label in MSRA_TARGETS:
            gold = [(s, e) for s, e, lab in row["spans"] if lab == label]
            for v in VIEWS:
                pred = spans([_M(t) for t in read[v]], types, "surname", surname_len)
                res[(v, name)] += prf(gold, pred)
    return res


def score_gold(readings: Readings, gold_dir: Path, corpus: Path) -> dict:
    res = {(v, ty): PRF(0, 0, 0) for v in VIEWS for ty in ("PERSON", "AGENCY|ORG")}
    for gf in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        text = (corpus / gold["source"]).read_text(encoding="utf-8")
        read = readings.read([text])[0]
        for ty, types in (("PERSON", {"PERSON"}), ("AGENCY|ORG", {"AGENCY", "ORG"})):
            golds = [{fold_name(n) for n in [e["name"], *e.get("aliases", [])]}
                     for e in gold["entities"] if e["type"] in types]
            for v in VIEWS:
                found = {fold_name(t[3]) for t in read[v] if t[2] in types}
                hit_gold = sum(1 for g in golds if g & found)
                right = sum(1 for n in found if any(n in g for g in golds))
                res[(v, ty)] += PRF(hit_gold, len(found) - right + hit_gold, len(golds))
    return res


def bench(folder: Path, repeats: int = 3) -> None:
    import time

    from kg.nlp.components import stat_gate
    from kg.nlp.pipeline import get_nlp

    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    n = sum(map(len, texts))
    nlp = get_nlp()
    tag = stat_gate.tag_window
    tagged = []

    def counting(text, start, end):      # the gate's LAC calls, counted
        tagged.append(end - start)
        return tag(text, start, end)

    best = {"without the gate": float("inf"), "with the gate": float("inf")}
    for _ in range(repeats):
        for label in best:
            tagged.clear()
            stat_gate.tag_window = counting
            t0 = time.process_time()
            with nlp.select_pipes(disable=[GATE] if label == "without the gate" else []):
                list(nlp.pipe(texts))
            best[label] = min(best[label], time.process_time() - t0)
            stat_gate.tag_window = tag
    print(f"entity pipeline on {len(texts)} texts of {folder} ({n} characters), CPU time, best of {repeats}:")
    for label, sec in best.items():
        print(f"    {label:17s} {sec:6.2f} s  {1e6 * sec / n:6.1f} µs/char  {n / sec:8.0f} chars/s")
    print(f"    LAC tags {sum(tagged) / n:.1%} of the characters (windows around the rules' PERSON candidates)")


def fold_name(name: str) -> str:
    """A name as ../shared/tools/score.py compares it (NFKC, no spaces or quotes)."""
    return re.sub(r"[\s\u3000“”\"'‘’「」『』《》〈〉]", "", unicodedata.normalize("NFKC", name or ""))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    shared = ROOT.parent / "shared"
    ap.add_argument("--ner-dir", default=str(shared / "ner"))
    ap.add_argument("--gold", default=str(shared / "gold"))
    ap.add_argument("--corpus", default=str(shared / "corpus"))
    ap.add_argument("--bench", metavar="DIR", help="also time the pipeline on DIR/*.txt")
    ap.add_argument("--no-score", action="store_true", help="only the --bench timing")
    args = ap.parse_args(argv)
    if args.bench:
        bench(Path(args.bench))
        if args.no_score:
            return 0
    readings = Readings()
    ner = Path(args.ner_dir)
    if not (ner / MSRA).exists() and not Path(args.gold).is_dir():
        print(f"eval_stat: neither {ner / MSRA} nor {args.gold} exists; nothing to score")
        return 2
    if (ner / MSRA).exists():
        for part, rows in (("held-out 20 %", split_rows(ner)[MSRA]["heldout"]),
                           ("all of dev", read_rows(ner / MSRA))):
            res = score_msra(readings, rows)
            print(f"MSRA dev, {part} ({len(rows)} sentences), exact spans:")
            _print(res, [n for n, _, _ in MSRA_TARGETS])
    if Path(args.gold).is_dir():
        print("gold texts, distinct names per text (P: found names that are gold; R: gold entities found):")
        _print(score_gold(readings, Path(args.gold), Path(args.corpus)), ["PERSON", "AGENCY|ORG"])
    return 0


def _print(res: dict, names) -> None:
    for name in names:
        print(f"  {name}")
        for v in VIEWS:
            print(f"    {v:6s} {res[(v, name)]}")


if __name__ == "__main__":
    raise SystemExit(main())
