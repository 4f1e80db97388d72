"""pkuseg's word segmentation with its feature extraction vectorised.

spacy_pkuseg tags each character with a CRF whose features are strings
(`c-1c.国.务`, `w1.国务院`, `ww.l.中国*国务院` ...): its Cython builds ~70 of
them per character and looks each up in a 2.6-million-entry dict. That was
~70 % of the whole pipeline's time, and unpickling the dict (features.pkl,
77 MB) took ~2.8 s in every worker before its first page.

`Segmenter` computes the same feature strings as 64-bit polynomial hashes,
for every character of a text at once with numpy, and looks them up in an
open-addressing table built once from the model's own feature table
(`ensure_tables`, run by `kg setup`, or at first use) and memory-mapped
afterwards. Feature weights are added in pkuseg's order, the transition
scores are pkuseg's, and the tags come from pkuseg's own Viterbi
(`spacy_pkuseg.inference.run_viterbi`); whitespace splitting, the user
dictionary and the post-processing dictionary are pkuseg's too (this class
is a `spacy_pkuseg.pkuseg`). The words are therefore pkuseg's words:
tests/test_segmenter.py compares both on real text. The one difference in
principle is a hash collision between a string and a feature of the model,
which `ensure_tables` rules out among the model's own strings; for any
other string its chance is about 1 in 7·10^12 per look-up.
"""

import hashlib
import json
import os
import pickle
import shutil
import sys
import tempfile
from pathlib import Path

import numpy as np
import spacy_pkuseg
from spacy_pkuseg import inference
from spacy_pkuseg.config import config as pkuseg_config
from spacy_pkuseg.feature_extractor import FeatureExtractor

TABLE_FORMAT = 2
_BASES = (0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0xD6E8FEB86659FD93)
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_EMPTY = np.uint64(0)
_BATCH_CHARS = 50_000      # characters tagged in one vectorised pass
_ROWS = 4096               # characters whose feature weights are gathered at once
_MAX_CHARS = 256            # longest string hashed at run time: 'ww.l.' + 2 x 6 nodes of <= 8 chars


# -- hashing ------------------------------------------------------------------

def _powers(base: int, n: int) -> np.ndarray:
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
    pw = _powers(base, int(lengths.max(initial=0)) + 1)
    with np.errstate(over="ignore"):
        terms = codes * pw[exp]
    out = np.zeros(len(strings), dtype=np.uint64)
    nonempty = lengths > 0
    if codes.size:
        starts = (ends - lengths)[nonempty]
        out[nonempty] = np.add.reduceat(terms, starts, dtype=np.uint64)
    return out


def _hash_one(s: str, base: int) -> int:
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
        free = keys[slot] == _EMPTY
        # of the keys aiming at the same free slot, the first takes it
        cand = todo[free]
        cslot = slot[free]
        _u, first = np.unique(cslot, return_index=True)
        keys[cslot[first]] = hashes[cand[first]]
        pos[cslot[first]] = cand[first]
        placed = np.zeros(todo.size, dtype=bool)
        placed[np.flatnonzero(free)[first]] = True
        todo, slot = todo[~placed], slot[~placed]
        slot = np.where(keys[slot] == _EMPTY, slot, (slot + 1) & (size - 1))
    return keys, pos


def _lookup(keys: np.ndarray, vals: np.ndarray, bits: int, h: np.ndarray, missing) -> np.ndarray:
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
        more = ~hit & (k != _EMPTY)
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
    with open(model_dir / "features.pkl", "rb") as fh:
        data = pickle.load(fh)
    f2i = data["feature_to_idx"]
    names = list(f2i)
    ids = np.fromiter((f2i[n] for n in names), dtype=np.int32, count=len(names))
    unigram = sorted(w for w in data["unigram"] if w)   # "" is one: out-of-range slices
    n_tag = len(data["tag_to_idx"])
    w = np.load(model_dir / "weights.npz")["w"]
    n_feat = len(names)
    for base in _BASES:
        fh_ = _hash_strings(names, base)
        uh = _hash_strings(unigram, base)
        if (len(np.unique(fh_)) == n_feat and len(np.unique(uh)) == len(uh)
                and not (fh_ == 0).any() and not (uh == 0).any()):
            break
    else:   # pragma: no cover - four bases all colliding is not expected
        raise RuntimeError("pkuseg feature hashes collide under every base")
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
    tmp = Path(tempfile.mkdtemp(prefix=".hashed-", dir=model_dir))
    try:
        for name, arr in (("fkeys", fkeys), ("fvals", fvals), ("ukeys", ukeys),
                          ("weights", weights), ("edges", edges)):
            np.save(tmp / f"{name}.npy", arr)
        begins = sorted(t for t, i in data["tag_to_idx"].items() if "B" in t)
        meta = {"format": TABLE_FORMAT, "base": base, "fbits": fbits, "ubits": ubits,
                "n_feature": n_feat, "n_tag": n_tag,
                "begin_tags": [data["tag_to_idx"][t] for t in begins]}
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


# -- the segmenter ----------------------------------------------------------------

class Segmenter(spacy_pkuseg.pkuseg):
    """A `spacy_pkuseg.pkuseg` (its `cut`, pre- and post-processing) whose
    per-fragment tagger (`_cut`) is the vectorised one; see the module doc."""

    def __init__(self, model_dir, user_dict="default"):
        # no super().__init__(): it would unpickle the feature dict this replaces
        model_dir = Path(model_dir)
        tdir = ensure_tables(model_dir, log=lambda m: print(f"kg: {m}", file=sys.stderr))
        meta = json.loads((tdir / "meta.json").read_text(encoding="utf-8"))

        def load(name):
            return np.load(tdir / f"{name}.npy", mmap_mode="r").view(np.ndarray)

        self.fkeys, self.fvals, self.ukeys = load("fkeys"), load("fvals"), load("ukeys")
        self.weights, self.edges = load("weights"), np.array(load("edges"))
        self._tables = tdir
        self.base, self.fbits, self.ubits = meta["base"], meta["fbits"], meta["ubits"]
        self.n_feature, self.n_tag = meta["n_feature"], meta["n_tag"]
        self.begin_tags = np.zeros(self.n_tag, dtype=bool)
        self.begin_tags[meta["begin_tags"]] = True
        self.postag = False
        self.preprocesser = spacy_pkuseg.Preprocesser(None)
        default_dict = os.path.join(os.path.dirname(os.path.realpath(spacy_pkuseg.__file__)),
                                    "dicts", "default.pkl")
        self.postprocesser = spacy_pkuseg.Postprocesser(None, None if user_dict is None else [default_dict])
        self._pw = _powers(self.base, _MAX_CHARS + 1)
        self._lits = {}
        # per code point: 0 plain, 1 keyword (read as '&'), 2 **Num, 3 **Letter
        self._kind = np.zeros(0x110000, dtype=np.uint8)
        if pkuseg_config.numLetterNorm:
            self._kind[[ord(c) for c in FeatureExtractor.letter]] = 3
            self._kind[[ord(c) for c in FeatureExtractor.num]] = 2
        self._kind[[ord(c) for c in FeatureExtractor.keywords]] = 1
        self._num_h = np.uint64(_hash_one("**Num", self.base))
        self._letter_h = np.uint64(_hash_one("**Letter", self.base))
        self._noword_h = np.uint64(_hash_one("**noWord", self.base))
        self._amp = np.uint64(ord("&"))
        self._uvals = np.asarray(self.ukeys) != _EMPTY

    def words(self) -> list:
        """The model's word list (pkuseg's `unigram`, without "")."""
        return (self._tables / "unigram.txt").read_text(encoding="utf-8").splitlines()

    # cutting --------------------------------------------------------------------
    def cut(self, txt):
        """pkuseg.cut: whitespace-separated pieces, user-dictionary words kept
        whole, the rest tagged (all pieces of the text in one vectorised
        pass) and post-processed."""
        txt = txt.strip()
        if not txt:
            return []
        trie_empty = not self.preprocesser.trie.children
        pieces = []
        for w0 in txt.split():
            if trie_empty:
                pieces.append((w0, False))
            else:
                lst, isword, _tags = self.preprocesser.solve(w0)
                pieces.extend(zip(lst, isword))
        tagged = iter(self._cut_batched([w for w, isw in pieces if not isw]))
        ret = []
        for w, isw in pieces:
            if isw:
                ret.append(w)
            else:
                ret.extend(self.postprocesser(next(tagged)))
        return ret

    def _cut(self, text):
        return self._cut_many([text])[0]

    def _cut_batched(self, texts: list):
        """_cut_many over runs of texts of at most _BATCH_CHARS characters
        (one longer text alone), so memory stays bounded on huge inputs."""
        batch, size = [], 0
        for t in texts:
            if batch and size + len(t) > _BATCH_CHARS:
                yield from self._cut_many(batch)
                batch, size = [], 0
            batch.append(t)
            size += len(t)
        if batch:
            yield from self._cut_many(batch)

    def _cut_many(self, texts: list) -> list:
        """The words of each text, as pkuseg._cut gives them."""
        texts_ne = [t for t in texts if t]
        if not texts_ne:
            return [[] for _ in texts]
        whole = "".join(texts_ne)
        lengths = np.fromiter(map(len, texts_ne), dtype=np.int64, count=len(texts_ne))
        ends = np.cumsum(lengths)
        with np.errstate(over="ignore"):
            ids = self._feature_ids(whole, ends - lengths, ends, lengths)
        # the weights of each character's features added one after the other,
        # in pkuseg's order (accumulate is sequential, unlike sum)
        node = np.empty((len(whole), self.n_tag), dtype=np.float64)
        for a in range(0, len(whole), _ROWS):     # (rows, 69, 5) floats at a time
            node[a:a + _ROWS] = np.add.accumulate(self.weights[ids[a:a + _ROWS]], axis=1)[:, -1]
        out, k = [], 0
        for t, a, b in zip(texts_ne, (ends - lengths).tolist(), ends.tolist()):
            _score, tags = inference.run_viterbi(node[a:b], self.edges)
            starts = self.begin_tags[np.asarray(tags)]
            starts[0] = True
            cuts = np.flatnonzero(starts).tolist() + [b - a]
            out.append([t[x:y] for x, y in zip(cuts, cuts[1:])])
        res = []
        for t in texts:
            if t:
                res.append(out[k])
                k += 1
            else:
                res.append([])
        return res

    # features ---------------------------------------------------------------------
    def _lit(self, s: str):
        v = self._lits.get(s)
        if v is None:
            v = self._lits[s] = (np.uint64(_hash_one(s, self.base)), len(s))
        return v

    def _nodes(self, text: str):
        """Per node (character) of pkuseg's normalised text (keyword characters
        as '&', digits as **Num, letters as **Letter): its hash and length."""
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        kind = self._kind[codes]
        h = codes.astype(np.uint64)
        ln = np.ones(len(codes), dtype=np.int64)
        if kind.any():
            h[kind == 1] = self._amp
            h[kind == 2], ln[kind == 2] = self._num_h, 5
            h[kind == 3], ln[kind == 3] = self._letter_h, 8
        return h, ln

    def _feature_ids(self, text: str, frag_start, frag_end, frag_len) -> np.ndarray:
        """(len(text), 69) feature ids, per character in the order pkuseg's
        __get_node_features_idx lists them, `n_feature` where it has none.
        `text` is several fragments end to end; no feature crosses one's edge."""
        n = len(text)
        pw = self._pw
        hn, ln = self._nodes(text)
        idx = np.arange(n)
        fs = np.repeat(frag_start, frag_len)
        fe = np.repeat(frag_end, frag_len)

        # sub_h[k][i], sub_l[k][i]: the k nodes from i (k = 1..6), within the text
        sub_h = np.zeros((7, n), dtype=np.uint64)
        sub_l = np.zeros((7, n), dtype=np.int64)
        sub_h[1], sub_l[1] = hn, ln
        for k in range(2, 7):
            m = n - k + 1
            if m > 0:
                sub_h[k, :m] = sub_h[k - 1, :m] * pw[ln[k - 1:]] + hn[k - 1:]
                sub_l[k, :m] = sub_l[k - 1, :m] + ln[k - 1:]

        def cat(*parts):
            """hash of the concatenation of (hash, length) parts, broadcast."""
            h, l_ = parts[0]
            for ph, pl in parts[1:]:
                h, l_ = h * pw[pl] + ph, l_ + pl
            return h, l_

        def lit(s):
            h, l_ = self._lit(s)
            return h, np.int64(l_)

        def at(by):
            """the node at i + by (its hash and length; 0 outside the text)."""
            j = np.minimum(np.maximum(idx + by, 0), n - 1)
            return hn[j], ln[j]

        cur, prev, nxt, pprev, nnext = at(0), at(-1), at(1), at(-2), at(2)
        dot = lit(".")
        pos = idx - fs
        char_cols = [
            (cat(lit("c."), cur), pos >= 0),
            (cat(lit("c-1."), prev), pos > 0),
            (cat(lit("c-1c."), prev, dot, cur), pos > 0),
            (cat(lit("c1."), nxt), idx + 1 < fe),
            (cat(lit("cc1."), cur, dot, nxt), idx + 1 < fe),
            (cat(lit("c-2."), pprev), pos > 1),
            (cat(lit("c-2c-1."), pprev, dot, prev), pos > 1),
            (cat(lit("c2."), nnext), idx + 2 < fe),
        ]

        # the word lists of pkuseg, for l = 6..2: the l-node string ending at i
        # (pre_in), starting at i (post_in), ending at i-1 (pre_ex), starting at
        # i+1 (post_ex). Out of the fragment it is "" (get_slice_str), which the
        # model counts as a word; a string not in its word list is "**noWord".
        ks = np.arange(6, 1, -1)[:, None]                                  # (5, 1)
        starts = np.stack([idx - ks + 1, idx + 0 * ks, idx - ks, idx + 1 + 0 * ks])   # (4, 5, n)
        valid = (starts >= fs) & (starts < fe) & (starts + ks <= fe)
        s = np.minimum(np.maximum(starts, 0), n - 1)
        kk = np.broadcast_to(ks, starts.shape)
        wh = np.where(valid, sub_h[kk, s], np.uint64(0))
        wl = np.where(valid, sub_l[kk, s], 0)
        isword = ~valid
        isword[valid] = _lookup(self.ukeys, self._uvals, self.ubits, wh[valid], False)
        pre_in, post_in, pre_ex, post_ex = range(4)

        nw_h, nw_l = self._noword_h, np.int64(8)
        eh = np.where(isword, wh, nw_h)           # the list entries: word or **noWord
        el = np.where(isword, wl, nw_l)
        star = lit("*")
        w_cols = [(cat(lit(p), (wh[j], wl[j])), isword[j])
                  for p, j in (("w-1.", pre_in), ("w1.", post_in))]
        ww = []
        for p, a, b in (("ww.l.", pre_ex, post_in), ("ww.r.", pre_in, post_ex)):
            h, _l = cat(lit(p), (eh[a][:, None], el[a][:, None]), star, (eh[b][None], el[b][None]))
            ww.append(h.reshape(25, n))           # pre outer, post inner: pkuseg's loops

        hashes = np.concatenate([np.stack([c[0][0] for c in char_cols])]
                                + [c[0][0] for c in w_cols] + ww)                  # (68, n)
        ok = np.concatenate([np.stack([c[1] for c in char_cols])]
                            + [c[1] for c in w_cols] + [np.ones((50, n), dtype=bool)])
        ids = _lookup(self.fkeys, self.fvals, self.fbits, hashes, self.n_feature)
        ids[~ok] = self.n_feature
        out = np.empty((n, 69), dtype=np.int32)
        out[:, 0] = 0                              # '$$', always
        out[:, 1:] = ids.T
        return out
