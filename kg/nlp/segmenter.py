"""pkuseg's word segmentation with its feature extraction vectorised.

spacy_pkuseg tags each character with a CRF whose features are strings
(`c-1c.国.务`, `w1.国务院`, `ww.l.中国*国务院` ...): its Cython builds ~70 of
them per character and looks each up in a 2.6-million-entry dict. That was
~70 % of the whole pipeline's time.

`Segmenter` computes the same feature strings as 64-bit polynomial hashes,
for every character of a text at once with numpy, and looks them up in the
hashed tables of kg.nlp.pkuseg_tables. Feature weights are added in pkuseg's
order, the transition scores are pkuseg's, and the tags come from pkuseg's
own Viterbi (`spacy_pkuseg.inference.run_viterbi`); whitespace splitting, the
user dictionary and the post-processing dictionary are pkuseg's too (this
class is a `spacy_pkuseg.pkuseg`). The words are therefore pkuseg's words:
tests/nlp/test_segmenter.py compares both on real text.

Size: pkuseg's feature templates, hashed, are one piece of logic.
"""

import json
import os
import sys
from itertools import accumulate
from pathlib import Path

import numpy as np
import spacy_pkuseg
from spacy_pkuseg import inference
from spacy_pkuseg.config import config as pkuseg_config
from spacy_pkuseg.feature_extractor import FeatureExtractor

from kg.nlp.pkuseg_tables import EMPTY, ensure_tables, hash_one, lookup, powers, tables_dir

__all__ = ["Segmenter", "ensure_tables", "tables_dir"]

_BATCH_CHARS = 50_000      # characters tagged in one vectorised pass
_REACH = 8                 # characters either side a character's features read (c2., 6-node words)
_MAX_CHARS = 256            # longest string hashed at run time: 'ww.l.' + 2 x 6 nodes of <= 8 chars


def post_processed(words: list, post: spacy_pkuseg.Postprocesser) -> list:
    """`post(words)`: pkuseg's post-processing, the same words in linear time.

    pkuseg joins every run of m = 7..2 words (longest first, left to right
    within each m, a joined run never rejoined in the same pass) that its
    dictionary holds, unless each word of the run is a dictionary word
    itself; it deletes from and inserts into the word list at each join,
    quadratic on one long fragment. Here each pass looks the runs up as
    slices of the fragment (the words joined, which no join changes) and
    rebuilds the list once."""
    if not post.do_process or len(words) < 2:
        return words
    common, other = post.common_words, post.other_words
    text = "".join(words)
    for m in range(7, 1, -1):
        n = len(words)
        if n < m:
            continue
        cum = [0, *accumulate(map(len, words))]
        hits = [i for i, a, b in zip(range(n - m + 1), cum, cum[m:]) if (run := text[a:b]) in other or run in common]
        out, j = [], 0
        for i in hits:
            if i < j:
                continue
            merged = text[cum[i]:cum[i + m]]
            if merged not in common and all(w in common or w in other for w in words[i:i + m]):
                continue            # a run of dictionary words stays cut
            out.extend(words[j:i])
            out.append(merged)
            j = i + m
        if j:
            out.extend(words[j:])
            words = out
    return words


class Segmenter(spacy_pkuseg.pkuseg):
    """A `spacy_pkuseg.pkuseg` (its `cut`, pre- and post-processing) whose
    per-fragment tagger (`_cut`) is the vectorised one; see the module doc."""

    def __init__(self, model_dir, user_dict="default"):
        """The segmenter of pkuseg's model in `model_dir` (its hashed tables
        built there first if need be). `user_dict`: "default" for pkuseg's
        post-processing dictionary, None for none."""
        # no super().__init__(): it would unpickle the feature dict this replaces
        tdir = ensure_tables(Path(model_dir), log=lambda m: print(f"kg: {m}", file=sys.stderr))
        self._load(tdir, user_dict)

    @classmethod
    def from_tables(cls, tdir, user_dict="default") -> "Segmenter":
        """The segmenter of a directory of hashed tables (kg.nlp.pkuseg_tables),
        e.g. the copy a saved pipeline holds; pkuseg's model is not needed."""
        seg = cls.__new__(cls)
        seg._load(Path(tdir), user_dict)
        return seg

    @property
    def tables(self) -> Path:
        """The directory of hashed tables this segmenter reads."""
        return self._tables

    def _load(self, tdir: Path, user_dict) -> None:
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
        self._init_hashing()

    def _init_hashing(self) -> None:
        """The constants of the feature hashes under this model's base."""
        self._pw = powers(self.base, _MAX_CHARS + 1)
        self._lits = {}
        # per code point: 0 plain, 1 keyword (read as '&'), 2 **Num, 3 **Letter
        self._kind = np.zeros(0x110000, dtype=np.uint8)
        if pkuseg_config.numLetterNorm:
            self._kind[[ord(c) for c in FeatureExtractor.letter]] = 3
            self._kind[[ord(c) for c in FeatureExtractor.num]] = 2
        self._kind[[ord(c) for c in FeatureExtractor.keywords]] = 1
        self._num_h = np.uint64(hash_one("**Num", self.base))
        self._letter_h = np.uint64(hash_one("**Letter", self.base))
        self._noword_h = np.uint64(hash_one("**noWord", self.base))
        self._amp = np.uint64(ord("&"))
        self._uvals = np.asarray(self.ukeys) != EMPTY

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
                ret.extend(post_processed(next(tagged), self.postprocesser))
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
        node = self._node_scores(whole, np.repeat(ends - lengths, lengths), np.repeat(ends, lengths))
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

    def _node_scores(self, text: str, fs, fe) -> np.ndarray:
        """(len(text), n_tag) feature weights of each character (`fs`, `fe`:
        the start and end of its fragment), _BATCH_CHARS characters at a
        time: a character's features read at most _REACH characters either
        side, so each stretch is computed with that margin and its own rows
        kept — the same scores in bounded memory however long a fragment is."""
        n = len(text)
        node = np.empty((n, self.n_tag), dtype=np.float64)
        for a in range(0, n, _BATCH_CHARS):
            b = min(a + _BATCH_CHARS, n)
            lo, hi = max(0, a - _REACH), min(n, b + _REACH)
            with np.errstate(over="ignore"):
                cols = self._feature_ids(text[lo:hi], fs[lo:hi] - lo, fe[lo:hi] - lo)[:, a - lo:b - lo]
            # the weights of each character's features added one after the
            # other, in pkuseg's order (the same float sums as its loop; a
            # feature at a time, not sum(), whose order differs), each
            # feature's rows gathered into one buffer
            acc = node[a:b]
            np.take(self.weights, cols[0], axis=0, out=acc)
            rows = np.empty_like(acc)
            for col in cols[1:]:
                np.take(self.weights, col, axis=0, out=rows)
                acc += rows
        return node

    # features ---------------------------------------------------------------------
    def _lit(self, s: str):
        v = self._lits.get(s)
        if v is None:
            v = self._lits[s] = (np.uint64(hash_one(s, self.base)), len(s))
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

    def _cat(self, *parts):
        """Hash and length of the concatenation of (hash, length) parts, broadcast."""
        pw = self._pw
        h, l_ = parts[0]
        for ph, pl in parts[1:]:
            h, l_ = h * pw[pl] + ph, l_ + pl
        return h, l_

    def _lit64(self, s: str):
        h, l_ = self._lit(s)
        return h, np.int64(l_)

    def _feature_ids(self, text: str, fs, fe) -> np.ndarray:
        """(69, len(text)) feature ids: for each of pkuseg's 69 feature slots,
        in the order its __get_node_features_idx lists them, each character's
        feature id, `n_feature` where it has none.
        `text` is several fragments end to end (or a stretch of them: `fs`,
        `fe` are each character's fragment's start and end, which may lie
        outside it); no feature crosses a fragment's edge."""
        n = len(text)
        hn, ln = self._nodes(text)
        idx = np.arange(n)
        char_h, char_ok = self._char_features(hn, ln, idx, fs, fe)
        word_h, word_ok = self._word_features(hn, ln, idx, fs, fe)
        hashes = np.concatenate([char_h, word_h])                                  # (68, n)
        ok = np.concatenate([char_ok, word_ok])
        ids = lookup(self.fkeys, self.fvals, self.fbits, hashes, self.n_feature)
        ids[~ok] = self.n_feature
        out = np.empty((69, n), dtype=np.int32)
        out[0] = 0                                 # '$$', always
        out[1:] = ids
        return out

    def _char_features(self, hn, ln, idx, fs, fe):
        """The 8 character features (c., c-1., c-1c. ...): hashes and where
        each exists, both (8, n)."""
        n = len(hn)
        cat, lit = self._cat, self._lit64

        def at(by):
            """the node at i + by (its hash and length; 0 outside the text)."""
            j = np.minimum(np.maximum(idx + by, 0), n - 1)
            return hn[j], ln[j]

        cur, prev, nxt, pprev, nnext = at(0), at(-1), at(1), at(-2), at(2)
        dot = lit(".")
        pos = idx - fs
        cols = [
            (cat(lit("c."), cur), pos >= 0),
            (cat(lit("c-1."), prev), pos > 0),
            (cat(lit("c-1c."), prev, dot, cur), pos > 0),
            (cat(lit("c1."), nxt), idx + 1 < fe),
            (cat(lit("cc1."), cur, dot, nxt), idx + 1 < fe),
            (cat(lit("c-2."), pprev), pos > 1),
            (cat(lit("c-2c-1."), pprev, dot, prev), pos > 1),
            (cat(lit("c2."), nnext), idx + 2 < fe),
        ]
        return np.stack([c[0][0] for c in cols]), np.stack([c[1] for c in cols])

    def _substrings(self, hn, ln):
        """sub_h[k][i], sub_l[k][i]: hash and length of the k nodes from i
        (k = 1..6), within the text."""
        n = len(hn)
        pw = self._pw
        sub_h = np.zeros((7, n), dtype=np.uint64)
        sub_l = np.zeros((7, n), dtype=np.int64)
        sub_h[1], sub_l[1] = hn, ln
        for k in range(2, 7):
            m = n - k + 1
            if m > 0:
                sub_h[k, :m] = sub_h[k - 1, :m] * pw[ln[k - 1:]] + hn[k - 1:]
                sub_l[k, :m] = sub_l[k - 1, :m] + ln[k - 1:]
        return sub_h, sub_l

    def _word_features(self, hn, ln, idx, fs, fe):
        """The 60 word features (w-1., w1., 25 ww.l., 25 ww.r.): hashes and
        where each exists, both (60, n).

        pkuseg's word lists, for l = 6..2: the l-node string ending at i
        (pre_in), starting at i (post_in), ending at i-1 (pre_ex), starting at
        i+1 (post_ex). Out of the fragment it is "" (get_slice_str), which the
        model counts as a word; a string not in its word list is "**noWord"."""
        n = len(hn)
        cat, lit = self._cat, self._lit64
        sub_h, sub_l = self._substrings(hn, ln)
        ks = np.arange(6, 1, -1)[:, None]                                  # (5, 1)
        starts = np.stack([idx - ks + 1, idx + 0 * ks, idx - ks, idx + 1 + 0 * ks])   # (4, 5, n)
        valid = (starts >= fs) & (starts < fe) & (starts + ks <= fe)
        s = np.minimum(np.maximum(starts, 0), n - 1)
        kk = np.broadcast_to(ks, starts.shape)
        wh = np.where(valid, sub_h[kk, s], np.uint64(0))
        wl = np.where(valid, sub_l[kk, s], 0)
        isword = ~valid
        isword[valid] = lookup(self.ukeys, self._uvals, self.ubits, wh[valid], False)
        pre_in, post_in, pre_ex, post_ex = range(4)

        eh = np.where(isword, wh, self._noword_h)     # the list entries: word or **noWord
        el = np.where(isword, wl, np.int64(8))
        star = lit("*")
        w_cols = [(cat(lit(p), (wh[j], wl[j])), isword[j])
                  for p, j in (("w-1.", pre_in), ("w1.", post_in))]
        ww = []
        for p, a, b in (("ww.l.", pre_ex, post_in), ("ww.r.", pre_in, post_ex)):
            h, _l = cat(lit(p), (eh[a][:, None], el[a][:, None]), star, (eh[b][None], el[b][None]))
            ww.append(h.reshape(25, n))           # pre outer, post inner: pkuseg's loops
        hashes = np.concatenate([c[0][0] for c in w_cols] + ww)
        ok = np.concatenate([c[1] for c in w_cols] + [np.ones((50, n), dtype=bool)])
        return hashes, ok
