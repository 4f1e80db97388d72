#!/usr/bin/env python3
"""Train the statistical NER component (kg_stat_ner) on the public NER data.

    train_ner.py [--ner-dir ../shared/ner] [--config configs/ner.cfg]
                 [--out kg/models/ner] [--work build/ner] [--epochs N]

Data (see ../shared/ner/README.md): CLUENER2020 train and MSRA dev, one JSON
object a line `{"text", "spans": [[start, end, LABEL], ...]}`. Labels become
the project's types:

  MSRA     PER → PERSON, LOC → PLACE, ORG → AGENCY (a state or party body by
           its last word: 部, 局, 委员会, 政府, 法院 …) else ORG
  CLUENER  name → PERSON, address + scene → PLACE, government → AGENCY,
           company + organization → ORG; position, book, game, movie are not
           entities of the graph and are left as plain text.

Split, deterministic (md5 of the sentence text, so a duplicate sentence
always falls on the same side): 10 % of CLUENER and 20 % of MSRA are HELD OUT
and never seen in training (scripts/eval_ner_heldout.py scores on them only);
of the rest, 5 % is a dev set that picks the best epoch; the remainder trains.

Sentences are segmented with the pipeline's own pkuseg tokenizer, because the
component tags those tokens. A gold span whose ends fall inside a pkuseg word
cannot be a token span; its tokens are marked *missing* (no loss either way)
instead of being taught as non-entities.

Writes DocBins to --work and the best model (by dev F1, averaged weights) to
--out, which the package ships. Then fits the shape odds that gate the
model's readings (kg.nlp.components.shape_odds) on the same train part and
picks each kind's smoothing and threshold on the dev part (`fit_shape_odds`),
written to --odds; `--odds-only` refits them alone for the model in --out.
"""

import argparse
import hashlib
import json
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLUENER = "cluener_train.jsonl"
MSRA = "msra_dev.jsonl"
HELDOUT_PCT = {CLUENER: 10, MSRA: 20}
DEV_PCT = 5
# Shape odds (kg.nlp.components.shape_odds): the most pkuseg tokens and
# characters of a span the model may read as an entity of each kind; the
# grids the dev part chooses each kind's weight and threshold from. The dev
# part is small (about 220 names): of the weights whose dev F1 is within
# ODDS_TOLERANCE of the best, the smoothest (largest) is taken, so that a
# feature seen a few times among non-entities only does not veto a name.
ODDS_SPANS = {"PERSON": (3, 6), "PLACE": (4, 10), "ORG": (4, 10)}
ODDS_WEIGHTS = (100, 300, 1000, 3000)
ODDS_TOLERANCE = 0.005
ODDS_THRESHOLDS = tuple(range(-4, 9))

CLUENER_MAP = {"name": "PERSON", "address": "PLACE", "scene": "PLACE",
               "government": "AGENCY", "company": "ORG", "organization": "ORG"}
MSRA_MAP = {"PER": "PERSON", "LOC": "PLACE"}
AGENCY_ENDS = ("政府", "委员会", "常委会", "人大", "政协", "法院", "检察院", "办公室", "办公厅",
               "国务院", "中央", "部", "局", "厅", "署", "委", "办", "处", "科", "所", "海关",
               "公安", "警方", "军", "部队", "总队", "支队", "大队", "中队", "使馆", "领事馆")
ORG_ENDS = ("公司", "集团", "银行", "大学", "学院", "学校", "中学", "小学", "协会", "学会", "研究会",
            "基金会", "社", "报", "台", "厂", "队", "俱乐部", "医院", "联合会", "商会", "组织")


def bucket(text: str) -> int:
    """0..99 from the sentence text, stable across runs and machines."""
    return int(hashlib.md5(text.encode("utf-8")).hexdigest()[:8], 16) % 100


def part_of(text: str, dataset: str) -> str:
    """'heldout', 'dev' or 'train' for a sentence of dataset (a file name)."""
    b = bucket(text)
    if b < HELDOUT_PCT[dataset]:
        return "heldout"
    if b >= 100 - DEV_PCT:
        return "dev"
    return "train"


def msra_type(span_text: str, label: str) -> str | None:
    if label in MSRA_MAP:
        return MSRA_MAP[label]
    if label == "ORG":
        if span_text.endswith(ORG_ENDS):
            return "ORG"
        return "AGENCY" if span_text.endswith(AGENCY_ENDS) else "ORG"
    return None


def project_spans(row: dict, dataset: str) -> list[tuple[int, int, str]]:
    out = []
    for s, e, lab in row["spans"]:
        t = msra_type(row["text"][s:e], lab) if dataset == MSRA else CLUENER_MAP.get(lab)
        if t:
            out.append((s, e, t))
    return out


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def split_rows(ner_dir: Path) -> dict:
    """{dataset: {part: [rows]}} for both files."""
    out = {}
    for ds in (CLUENER, MSRA):
        parts = {"train": [], "dev": [], "heldout": []}
        for row in read_rows(ner_dir / ds):
            parts[part_of(row["text"], ds)].append(row)
        out[ds] = parts
    return out


def to_doc(tokenizer, row: dict, dataset: str):
    """A pkuseg-segmented Doc carrying the projected gold entities."""
    doc = tokenizer(row["text"])
    ents, missing, used = [], [], set()
    for s, e, t in sorted(project_spans(row, dataset), key=lambda x: (x[0], -(x[1] - x[0]))):
        span = doc.char_span(s, e, label=t, alignment_mode="strict")
        target = ents
        if span is None:
            span = doc.char_span(s, e, alignment_mode="expand")
            target = missing
        if span is None or any(i in used for i in range(span.start, span.end)):
            continue
        used.update(range(span.start, span.end))
        target.append(span)
    doc.set_ents(ents, missing=missing, default="outside")
    return doc


def build_docbins(ner_dir: Path, work: Path):
    from spacy.tokens import DocBin
    from kg.nlp.pipeline import _blank_zh

    tok = _blank_zh().tokenizer
    parts = split_rows(ner_dir)
    work.mkdir(parents=True, exist_ok=True)
    stats = {}
    for part in ("train", "dev"):
        db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"])
        for ds in (CLUENER, MSRA):
            rows = parts[ds][part]
            stats[(ds, part)] = len(rows)
            for row in rows:
                db.add(to_doc(tok, row, ds))
        db.to_disk(work / f"{part}.spacy")
    for ds in (CLUENER, MSRA):
        stats[(ds, "heldout")] = len(parts[ds]["heldout"])
    return stats


def train(config_path: Path, work: Path, out: Path, epochs: int | None, seed: int = 0) -> dict:
    from spacy.tokens import Doc, DocBin
    from spacy.training import Example
    from spacy.util import load_config, load_model_from_config, registry, fix_random_seed

    fix_random_seed(seed)
    config = load_config(config_path)
    nlp = load_model_from_config(config, auto_fill=True, validate=True)
    tcfg = config["training"]
    epochs = epochs or int(tcfg["max_epochs"])
    patience = int(tcfg.get("patience", 3))
    dropout = float(tcfg["dropout"])
    optimizer = registry.resolve({"o": tcfg["optimizer"]})["o"]
    batcher = registry.resolve({"b": tcfg["batcher"]})["b"]

    def examples(name):
        refs = DocBin().from_disk(work / f"{name}.spacy").get_docs(nlp.vocab)
        return [Example(Doc(nlp.vocab, words=[t.text for t in r],
                            spaces=[bool(t.whitespace_) for t in r]), r) for r in refs]

    train_ex, dev_ex = examples("train"), examples("dev")
    nlp.initialize(lambda: train_ex, sgd=optimizer)
    rng = random.Random(seed)
    best, best_epoch, log = -1.0, 0, []
    tmp = out.with_name(out.name + ".tmp")
    for epoch in range(1, epochs + 1):
        t0 = time.time()
        rng.shuffle(train_ex)
        losses = {}
        for batch in batcher(train_ex):
            nlp.update(batch, drop=dropout, sgd=optimizer, losses=losses)
        with nlp.use_params(optimizer.averages):
            scores = nlp.evaluate(dev_ex)
            f = scores["ents_f"]
            if f > best:
                best, best_epoch = f, epoch
                if tmp.exists():
                    shutil.rmtree(tmp)
                nlp.to_disk(tmp)
        per = {k: round(v["f"], 3) for k, v in (scores.get("ents_per_type") or {}).items()}
        line = (f"epoch {epoch:2d}  loss {losses.get('ner', 0):9.1f}  dev F1 {f:.3f}  "
                f"{per}  {time.time() - t0:.0f}s")
        print(line, flush=True)
        log.append(line)
        if epoch - best_epoch >= patience:
            break
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return {"best_dev_f1": best, "best_epoch": best_epoch, "log": log}


def odds_examples(tokenizer, rows: list, dataset: str) -> dict:
    """{kind: (members, others)} of `rows` as (text, start, end): the gold
    entities of the kind, and every other span of up to ODDS_SPANS[kind]
    tokens and characters."""
    from kg.nlp.components.shape_odds import KINDS

    out = {kind: ([], []) for kind in ODDS_SPANS}
    for row in rows:
        text = row["text"]
        gold = {kind: set() for kind in ODDS_SPANS}
        for s, e, t in project_spans(row, dataset):
            gold[KINDS[t]].add((s, e))
        bounds = [(w.idx, w.idx + len(w.text)) for w in tokenizer(text) if not w.is_space]
        for kind, (n_tokens, n_chars) in ODDS_SPANS.items():
            members, others = out[kind]
            members += [(text, s, e) for s, e in sorted(gold[kind])]
            for i, (s, _) in enumerate(bounds):
                for _, e in bounds[i:i + n_tokens]:
                    if e - s > n_chars:
                        break
                    if (s, e) not in gold[kind]:
                        others.append((text, s, e))
    return out


def dev_readings(ner_dir: Path, model_dir: Path, tok) -> list:
    """(text, {kind: gold spans}, {kind: the model's spans}) of the dev part."""
    import spacy
    from spacy.util import minibatch
    from kg.nlp.components.shape_odds import KINDS

    ner = spacy.load(model_dir).get_pipe("ner")
    for lab in ner.labels:   # the tokenizer's vocab must know the label strings
        tok.vocab.strings.add(lab)
    parts = split_rows(ner_dir)
    dev = [(row, ds) for ds in (CLUENER, MSRA) for row in parts[ds]["dev"]]
    out = []
    for batch in minibatch(dev, size=256):
        for (row, ds), doc in zip(batch, ner.pipe(tok(row["text"]) for row, _ in batch)):
            gold, pred = {k: [] for k in ODDS_SPANS}, {k: [] for k in ODDS_SPANS}
            for s, e, t in project_spans(row, ds):
                gold[KINDS[t]].append((s, e))
            for x in doc.ents:
                if x.label_ in KINDS:
                    pred[KINDS[x.label_]].append((x.start_char, x.end_char))
            out.append((row["text"], gold, pred))
    return out


def fit_shape_odds(ner_dir: Path, model_dir: Path, out: Path) -> dict:
    """Fit each kind's odds on the train part; pick its smoothing weight and
    threshold by the F1 of the model's gated readings of the kind on the dev
    part; write them all to `out`."""
    from kg.nlp.components import shape_odds
    from kg.nlp.pipeline import _blank_zh
    from kg.ner.score import PRF, prf

    tok = _blank_zh().tokenizer
    parts = split_rows(ner_dir)
    examples = {kind: ([], []) for kind in ODDS_SPANS}
    for ds in (CLUENER, MSRA):
        for kind, (members, others) in odds_examples(tok, parts[ds]["train"], ds).items():
            examples[kind][0].extend(members)
            examples[kind][1].extend(others)
    readings = dev_readings(ner_dir, model_dir, tok)
    models, report = {}, {}
    for kind, (members, others) in examples.items():
        tried = []   # (dev F1 of the gated readings, weight, threshold, PRF, odds)
        for weight in ODDS_WEIGHTS:
            odds = shape_odds.fit(members, others, weight)
            scored = [(g[kind], [(s, e, odds.score(t, s, e)) for s, e in p[kind]]) for t, g, p in readings]
            for thr in ODDS_THRESHOLDS:
                res = PRF(0, 0, 0)
                for gold, pred in scored:
                    res = res + prf(gold, [(s, e) for s, e, v in pred if v >= thr])
                tried.append((res.f1, weight, thr, res, odds))
        # the smoothest weight whose best dev F1 is within ODDS_TOLERANCE of the best
        top = max(t[0] for t in tried)
        weight = max(t[1] for t in tried if t[0] >= top - ODDS_TOLERANCE)
        _, _, thr, res, odds = max((t for t in tried if t[1] == weight), key=lambda t: t[0])
        models[kind] = shape_odds.ShapeOdds(odds.counts, weight, float(thr)).to_json()
        report[kind] = f"{len(members)} members, {len(others)} others, weight {weight}, threshold {thr}, dev {res}"
    out.write_text(json.dumps(models, ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")
    return report


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ner-dir", default=str(ROOT.parent / "shared" / "ner"))
    ap.add_argument("--config", default=str(ROOT / "configs" / "ner.cfg"))
    ap.add_argument("--out", default=str(ROOT / "kg" / "models" / "ner"))
    ap.add_argument("--work", default=str(ROOT / "build" / "ner"))
    ap.add_argument("--epochs", type=int, default=None)
    ap.add_argument("--skip-docbins", action="store_true", help="reuse DocBins in --work")
    ap.add_argument("--odds", default=str(ROOT / "kg" / "models" / "shape_odds.json"))
    ap.add_argument("--odds-only", action="store_true", help="refit the shape odds for the model in --out")
    args = ap.parse_args(argv)
    ner_dir, work, out = Path(args.ner_dir), Path(args.work), Path(args.out)
    if not ((ner_dir / CLUENER).exists() and (ner_dir / MSRA).exists()):
        print(f"train_ner: {ner_dir} lacks {CLUENER} and {MSRA} (the public NER data, kept "
              "in ../shared/ner); the shipped model in kg/models/ner is left as it is")
        return 2
    try:  # one core: the machine is shared and the model is small
        from thinc.api import set_current_ops, NumpyOps
        set_current_ops(NumpyOps())
    except Exception:  # pragma: no cover
        pass
    t0 = time.time()
    if args.odds_only:
        return _report_odds(fit_shape_odds(ner_dir, out, Path(args.odds)), args.odds, t0)
    if not args.skip_docbins:
        stats = build_docbins(ner_dir, work)
        for (ds, part), n in sorted(stats.items()):
            print(f"{ds:22s} {part:8s} {n:6d} sentences")
        print(f"DocBins written to {work} in {time.time() - t0:.0f}s", flush=True)
    res = train(Path(args.config), work, out, args.epochs)
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"best dev F1 {res['best_dev_f1']:.3f} at epoch {res['best_epoch']}; "
          f"model {out} ({size / 1e6:.1f} MB); total {time.time() - t0:.0f}s")
    return _report_odds(fit_shape_odds(ner_dir, out, Path(args.odds)), args.odds, t0)


def _report_odds(report: dict, path: str, t0: float) -> int:
    for kind, line in report.items():
        print(f"shape odds {kind}: {line}")
    print(f"written to {path}; total {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
