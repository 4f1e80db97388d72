"""pkuseg's feature table as hashed, memory-mapped arrays, built once per model.

spacy_pkuseg looks each of ~70 feature strings per character up in a
2.6-million-entry dict unpickled from features.pkl (77 MB, ~2.8 s per
process). Here the same strings are 64-bit polynomial hashes, and the
model's own feature table becomes an open-addressing table of those hashes
(`ensure_tables`, run by `kg setup`, or at first use), saved as .npy files
beside the model and memory-mapped afterwards. kg.nlp.segmenter computes
the hashes of a text's features and looks them up here. A base is chosen
under which no two of the model's strings collide; for any other string the
chance of a collision is about 1 in 7·10^12 per look-up.
"""

import hashlib
import json
import os
import pickle
import shutil
import tempfile
from pathlib import Path

import numpy as np

TABLE_FORMAT = 2
# the arrays of a table directory, besides meta.json and unigram.txt
ARRAYS = ("fkeys", "fvals", "ukeys", "weights", "edges")
_BASES = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)
_MIX = np.uint64(0xFF51AFD7ED558CCD)
EMPTY = np.uint64(0)


# -- hashing ------------------------------------------------------------------

def powers(base: int, n: int) -> np.ndarray:
    p = np.empty(n, dtype=np.uint64)
    p[0] = 1
    with np.errstate(over="ignore"):
        p[1:] = np.uint64(base)
        p = np.cumprod(p, dtype=np.uint64)
    return p


def _hash_strings(strings: list, base: int) -> np.ndarray:
    """Polynomial hash (sum c_j * base^(len-1-j) mod 2^64) of each string."""
    lengths = np.fromiter(map(len, strings), dtype=np.int64, count=len(strings))
    codes = np.frombuffer("".join(strings).encode("utf-32-le", "surrogatepass"), dtype=np.uint32).astype(np.uint64)
    ends = np.cumsum(lengths)
    owner = np.repeat(np.arange(len(strings)), lengths)
    exp = ends[owner] - 1 - np.arange(len(codes))
    pw = powers(base, int(lengths.max(initial=0)) + 1)
    with np.errstate(over="ignore"):
        terms = codes * pw[exp]
    out = np.zeros(len(strings), dtype=np.uint64)
    nonempty = lengths > 0
    if codes.size:
        starts = (ends - lengths)[nonempty]
        out[nonempty] = np.add.reduceat(terms, starts, dtype=np.uint64)
    return out


def hash_one(s: str, base: int) -> int:
    h = 0
    for ch in s:
        h = (h * base + ord(ch)) & 0xFFFFFFFFFFFFFFFF
    return h


# -- open-addressing tables -----------------------------------------------------

def _slots(h: np.ndarray, bits: int) -> np.ndarray:
    with np.errstate(over="ignore"):
        return ((h * _MIX) >> np.uint64(64 - bits)).astype(np.int64)


def _make_table(hashes: np.ndarray, bits: int):
    """Linear-probing table of `hashes` (distinct, non-zero): (keys, positions),
    positions[i] the index in `hashes` of the key in slot i."""
    size = 1 << bits
    keys = np.zeros(size, dtype=np.uint64)
    pos = np.full(size, -1, dtype=np.int32)
    todo = np.arange(len(hashes))
    slot = _slots(hashes, bits)
    while todo.size:
        free = keys[slot] == EMPTY
        # of the keys aiming at the same free slot, the first takes it
        cand = todo[free]
        cslot = slot[free]
        _u, first = np.unique(cslot, return_index=True)
        keys[cslot[first]] = hashes[cand[first]]
        pos[cslot[first]] = cand[first]
        placed = np.zeros(todo.size, dtype=bool)
        placed[np.flatnonzero(free)[first]] = True
        todo, slot = todo[~placed], slot[~placed]
        slot = np.where(keys[slot] == EMPTY, slot, (slot + 1) & (size - 1))
    return keys, pos


def lookup(keys: np.ndarray, vals: np.ndarray, bits: int, h: np.ndarray, missing) -> np.ndarray:
    """vals of the slots holding h, `missing` where h is not in the table."""
    out = np.full(h.shape, missing, dtype=vals.dtype)
    flat_h = h.ravel()
    flat_out = out.reshape(-1)
    idx = np.arange(flat_h.size)
    slot = _slots(flat_h, bits)
    mask = (1 << bits) - 1
    while idx.size:
        k = keys[slot]
        hit = k == flat_h[idx]
        flat_out[idx[hit]] = vals[slot[hit]]
        more = ~hit & (k != EMPTY)
        idx, slot = idx[more], (slot[more] + 1) & mask
    return out


# -- the tables, built once per model ---------------------------------------------

def _fingerprint(model_dir: Path) -> str:
    h = hashlib.sha256(f"format {TABLE_FORMAT}\n".encode())
    for name in ("features.pkl", "weights.npz"):
        st = (model_dir / name).stat()
        h.update(f"{name} {st.st_size}\n".encode())
    ok = model_dir / ".ok"
    if ok.exists():
        h.update(ok.read_bytes())
    return h.hexdigest()[:16]


def tables_dir(model_dir: Path) -> Path:
    return Path(model_dir) / f"hashed-{_fingerprint(Path(model_dir))}"


def ensure_tables(model_dir, log=None) -> Path:
    """Build the hashed feature tables beside pkuseg's model unless present.

    Written to a temporary directory and renamed, so a killed build leaves
    nothing half-made; older formats are removed."""
    model_dir = Path(model_dir)
    target = tables_dir(model_dir)
    if (target / "meta.json").exists():
        return target
    if log:
        log(f"pkuseg: hashing the feature table of {model_dir} (once)")
    arrays, meta, unigram = _hashed_model(model_dir)
    tmp = Path(tempfile.mkdtemp(prefix=".hashed-", dir=model_dir))
    try:
        for name in ARRAYS:
            np.save(tmp / f"{name}.npy", arrays[name])
        # the word list itself, for rules that ask "is this an ordinary word?"
        (tmp / "unigram.txt").write_text("".join(w + "\n" for w in unigram if "\n" not in w),
                                         encoding="utf-8")
        (tmp / "meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
        try:
            os.rename(tmp, target)
        except OSError:          # another process made it meanwhile
            if not (target / "meta.json").exists():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for old in model_dir.glob("hashed-*"):
        if old != target:
            shutil.rmtree(old, ignore_errors=True)
    return target


def _collision_free_base(names: list, unigram: list):
    """The first base under which the model's feature names and words hash
    to distinct non-zero values: (base, feature hashes, word hashes)."""
    for base in _BASES:
        fh = _hash_strings(names, base)
        uh = _hash_strings(unigram, base)
        if (len(np.unique(fh)) == len(names) and len(np.unique(uh)) == len(uh)
                and not (fh == 0).any() and not (uh == 0).any()):
            return base, fh, uh
    raise RuntimeError("pkuseg feature hashes collide under every base")   # pragma: no cover


def _hashed_model(model_dir: Path):
    """pkuseg's model (features.pkl, weights.npz) as hashed tables:
    ({name: array} for ARRAYS, meta, the sorted word list)."""
    with open(model_dir / "features.pkl", "rb") as fh:
        data = pickle.load(fh)
    f2i = data["feature_to_idx"]
    names = list(f2i)
    ids = np.fromiter((f2i[n] for n in names), dtype=np.int32, count=len(names))
    unigram = sorted(w for w in data["unigram"] if w)   # "" is one: out-of-range slices
    n_tag = len(data["tag_to_idx"])
    w = np.load(model_dir / "weights.npz")["w"]
    n_feat = len(names)
    base, fh_, uh = _collision_free_base(names, unigram)
    fbits = max(10, int(np.ceil(np.log2(n_feat * 2.5))))
    ubits = max(10, int(np.ceil(np.log2(max(len(uh), 1) * 2.5))))
    fkeys, fpos = _make_table(fh_, fbits)
    fvals = np.where(fpos >= 0, ids[np.maximum(fpos, 0)], n_feat).astype(np.int32)
    ukeys, _upos = _make_table(uh, ubits)
    weights = np.zeros((n_feat + 1, n_tag), dtype=np.float64)   # the last row: no feature
    weights[:n_feat] = w[: n_feat * n_tag].reshape(n_feat, n_tag)
    edges = np.ones((n_tag, n_tag), dtype=np.float64)          # as inference.getLogYY
    back = n_feat * n_tag
    for s in range(n_tag):
        for s_pre in range(n_tag):
            edges[s_pre, s] += w[back + s * n_tag + s_pre] * 1.0
    begins = sorted(t for t, i in data["tag_to_idx"].items() if "B" in t)
    meta = {"format": TABLE_FORMAT, "base": base, "fbits": fbits, "ubits": ubits,
            "n_feature": n_feat, "n_tag": n_tag,
            "begin_tags": [data["tag_to_idx"][t] for t in begins]}
    arrays = {"fkeys": fkeys, "fvals": fvals, "ukeys": ukeys, "weights": weights, "edges": edges}
    return arrays, meta, unigram
