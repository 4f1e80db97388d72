"""Exact-span precision / recall / F1 for the entity layer against public NER sets.

Kept apart from the pipeline so tests and scripts/eval_ner.py share one
definition: a prediction counts only when (start, end) equals a gold span;
duplicates on either side count once.
"""

from dataclasses import dataclass


@dataclass
class PRF:
    tp: int
    n_pred: int
    n_gold: int

    @property
    def p(self) -> float:
        return self.tp / self.n_pred if self.n_pred else 0.0

    @property
    def r(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 0.0

    @property
    def f1(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def __add__(self, other: "PRF") -> "PRF":
        return PRF(self.tp + other.tp, self.n_pred + other.n_pred, self.n_gold + other.n_gold)

    def __str__(self) -> str:
        return (f"P {self.p:.3f}  R {self.r:.3f}  F1 {self.f1:.3f}  "
                f"(tp {self.tp}, pred {self.n_pred}, gold {self.n_gold})")


def prf(gold_spans, pred_spans) -> PRF:
    """Exact match of (start, end) pairs; any extra tuple fields are ignored."""
    gold = {(s[0], s[1]) for s in gold_spans}
    pred = {(s[0], s[1]) for s in pred_spans}
    return PRF(len(gold & pred), len(pred), len(gold))


def recall_of(gold_spans, found_spans) -> PRF:
    """Recall only (for title finding: `position` spans are broader than titles)."""
    gold = {(s[0], s[1]) for s in gold_spans}
    found = {(s[0], s[1]) for s in found_spans}
    return PRF(len(gold & found), len(found), len(gold))


def gold_spans(row: dict, label: str) -> list[tuple[int, int]]:
    """(start, end) of a gold row's spans of one label."""
    return [(s, e) for s, e, lab in row["spans"] if lab == label]
