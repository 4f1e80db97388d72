"""How much a span of text looks like an entity of a kind: naive-Bayes log odds.

The statistical NER (kg_stat_ner) reads an entity from a token and its
neighbours, and so takes common words for names when their first character
is a surname (陈规 of 陈规陋习, 苏铁), for places (旱情, 广泛性) and for
bodies, or a run that stops inside the next word (时表 of 时表示). An entity
of each kind has a shape of its own: a surname and given-name characters or
a run of transliteration characters for a person, a place's or a body's last
character, and the characters around it (a title before a name, 说 or a
comma after). These models weigh that shape from counts and nothing else,
one per kind (KINDS: PERSON, PLACE, and ORG for both AGENCY and ORG).

Features of a span (`features`): its length, its first, middle and last
characters, and the characters right before and after it. The counts are
fitted by scripts/train_ner.py (`make train`) on the TRAIN parts of the
public NER data only: every gold entity of the kind is one, every other span
of a few of the pipeline's pkuseg tokens is not (other entities, common
words, names cut short or run on). Each kind's smoothing weight and
threshold are the ones that give the best F1 of the model's readings of the
kind on the dev part. All ship in kg/models/shape_odds.json, read once per
process.
"""

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.paths import PACKAGE_DIR

MODEL_FILE = PACKAGE_DIR / "models" / "shape_odds.json"
LONGEST = 6          # lengths from here on share one feature
KIND, OTHER = "kind", "other"     # the two classes: an entity of the kind, and not
KINDS = {"PERSON": "PERSON", "PLACE": "PLACE", "AGENCY": "ORG", "ORG": "ORG"}   # entity type -> model


def features(text: str, start: int, end: int) -> list[str]:
    """The span's features, each a kind letter and a value: L length, B first
    character, M a middle one, E last, P the character before, N the one after."""
    s = text[start:end]
    out = [f"L{min(len(s), LONGEST)}", "B" + s[0]]
    if len(s) > 1:
        out.append("E" + s[-1])
    out += ["M" + c for c in s[1:-1]]
    out.append("P" + (text[start - 1] if start > 0 else "^"))
    out.append("N" + (text[end] if end < len(text) else "$"))
    return out


@dataclass(frozen=True)
class ShapeOdds:
    counts: dict            # {KIND|OTHER: {feature: count}}
    weight: float           # pseudo-counts of the pooled distribution each class is smoothed towards
    threshold: float        # a span scoring below this is not read as of the kind

    def __post_init__(self):
        totals = {c: Counter() for c in (KIND, OTHER)}
        for cls, feats in self.counts.items():
            for f, n in feats.items():
                totals[cls][f[0]] += n
        object.__setattr__(self, "_totals", totals)

    def _logp(self, cls: str, f: str, pooled: float) -> float:
        return math.log((self.counts[cls].get(f, 0) + self.weight * pooled)
                        / (self._totals[cls][f[0]] + self.weight))

    def weigh(self, f: str) -> float:
        """One feature's log odds: each class's frequency smoothed towards
        both classes' pooled one, so a value seen in neither weighs nothing
        and one seen only outside the kind weighs against."""
        n = self.counts[KIND].get(f, 0) + self.counts[OTHER].get(f, 0)
        if not n:
            return 0.0
        pooled = n / (self._totals[KIND][f[0]] + self._totals[OTHER][f[0]])
        return self._logp(KIND, f, pooled) - self._logp(OTHER, f, pooled)

    def score(self, text: str, start: int, end: int) -> float:
        """Log odds (without the prior) that text[start:end] is of the kind."""
        return sum(self.weigh(f) for f in features(text, start, end))

    def passes(self, text: str, start: int, end: int) -> bool:
        return self.score(text, start, end) >= self.threshold

    def to_json(self) -> dict:
        return {"weight": self.weight, "threshold": self.threshold,
                "counts": {c: dict(sorted(self.counts[c].items())) for c in (KIND, OTHER)}}

    @classmethod
    def from_json(cls, data: dict) -> "ShapeOdds":
        return cls(data["counts"], data["weight"], data["threshold"])


def fit(members, others, weight: float, threshold: float = 0.0) -> ShapeOdds:
    """Counts from (text, start, end) spans that are of the kind and that are not."""
    counts = {KIND: Counter(), OTHER: Counter()}
    for cls, spans in ((KIND, members), (OTHER, others)):
        for text, start, end in spans:
            counts[cls].update(features(text, start, end))
    return ShapeOdds({c: dict(v) for c, v in counts.items()}, weight, threshold)


@lru_cache(maxsize=2)
def load(path: str = str(MODEL_FILE)) -> dict:
    """{kind: ShapeOdds} of the shipped models, read once."""
    with open(path, encoding="utf-8") as fh:
        return {kind: ShapeOdds.from_json(data) for kind, data in json.load(fh).items()}
