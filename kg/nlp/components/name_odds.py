"""How much a span of text looks like a person's name: naive-Bayes log odds.

The statistical NER (kg_stat_ner) reads a name from a token and its
neighbours, and so takes common words whose first character is a surname
(陈规 of 陈规陋习, 殷红, 苏铁) or a run that stops inside the next word
(时表 of 时表示) for names. A name has a shape of its own: a surname and
given-name characters, or a run of transliteration characters, and the
characters around it (a title before, 说 or a comma after). This model
weighs that shape from counts and nothing else.

Features of a span (`features`): its length, its first, middle and last
characters, and the characters right before and after it. The counts are
fitted by scripts/train_ner.py (`make train`) on the TRAIN parts of the
public NER data only: every gold person's name is a name, every other span of
one to three of the pipeline's pkuseg tokens is not (other entities, common
words, names cut short or run on). The smoothing weight and the threshold are the ones that give
the best F1 of the model's PERSON proposals on the dev part. Both ship in
kg/models/name_odds.json, read once per process.
"""

import json
import math
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from kg.paths import PACKAGE_DIR

MODEL_FILE = PACKAGE_DIR / "models" / "name_odds.json"
LONGEST = 6          # lengths from here on share one feature
NAME, OTHER = "name", "other"


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
class NameOdds:
    counts: dict            # {NAME|OTHER: {feature: count}}
    weight: float           # pseudo-counts of the pooled distribution each class is smoothed towards
    threshold: float        # a span scoring below this is not read as a name

    def __post_init__(self):
        totals = {c: Counter() for c in (NAME, OTHER)}
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
        and one seen only among non-names weighs against."""
        n = self.counts[NAME].get(f, 0) + self.counts[OTHER].get(f, 0)
        if not n:
            return 0.0
        pooled = n / (self._totals[NAME][f[0]] + self._totals[OTHER][f[0]])
        return self._logp(NAME, f, pooled) - self._logp(OTHER, f, pooled)

    def score(self, text: str, start: int, end: int) -> float:
        """Log odds (without the prior) that text[start:end] is a name."""
        return sum(self.weigh(f) for f in features(text, start, end))

    def is_name(self, text: str, start: int, end: int) -> bool:
        return self.score(text, start, end) >= self.threshold

    def to_json(self) -> dict:
        return {"weight": self.weight, "threshold": self.threshold,
                "counts": {c: dict(sorted(self.counts[c].items())) for c in (NAME, OTHER)}}

    @classmethod
    def from_json(cls, data: dict) -> "NameOdds":
        return cls(data["counts"], data["weight"], data["threshold"])


def fit(names, others, weight: float, threshold: float = 0.0) -> NameOdds:
    """Counts from (text, start, end) spans that are names and that are not."""
    counts = {NAME: Counter(), OTHER: Counter()}
    for cls, spans in ((NAME, names), (OTHER, others)):
        for text, start, end in spans:
            counts[cls].update(features(text, start, end))
    return NameOdds({c: dict(v) for c, v in counts.items()}, weight, threshold)


@lru_cache(maxsize=2)
def load(path: str = str(MODEL_FILE)) -> NameOdds:
    """The shipped model, read once."""
    with open(path, encoding="utf-8") as fh:
        return NameOdds.from_json(json.load(fh))
