"""spaCy's Chinese tokenizer with the pkuseg segmenter of kg.nlp.segmenter.

Registered as `kg.ChineseTokenizer.v1` so that a pipeline's config names it
(`[nlp.tokenizer] @tokenizers = "kg.ChineseTokenizer.v1"`). It is spaCy's
`ChineseTokenizer` in pkuseg mode, with what differs kept to four places:

- `initialize(pkuseg_model=...)` sets `pkuseg_seg` to a `Segmenter` of that
  model directory (None: the model `kg setup` fetched), where spaCy's would
  unpickle pkuseg's 2.6-million-entry feature dict;
- `to_disk`/`from_disk` (and the bytes forms) save the segmenter's hashed
  tables and pkuseg's pre/post-processing data, so `nlp.to_disk()` and
  `spacy.load()` work without pkuseg's own model files;
- the words are aligned with the text in linear time (`words_and_spaces`);
- each Doc keeps its input string (`doc.user_data["kg_text"]`, read by
  kg.nlp.mentions.doc_text): the entity components work on the text, and
  spaCy's `doc.text` rebuilds it from Token objects on every access.
"""

import atexit
import shutil
import tempfile
from pathlib import Path

import srsly
import spacy_pkuseg
from spacy import util
from spacy.lang.zh import ChineseTokenizer, _get_pkuseg_trie_data
from spacy.tokens import Doc
from spacy.util import registry

from kg.nlp.mentions import TEXT_KEY
from kg.nlp.pkuseg_tables import ARRAYS

TOKENIZER = "kg.ChineseTokenizer.v1"
# the files of a table directory a saved pipeline holds
_TABLE_FILES = tuple(f"{a}.npy" for a in ARRAYS) + ("meta.json", "unigram.txt")


def words_and_spaces(words, text: str) -> tuple[list, list]:
    """spacy.util.get_words_and_spaces(words, text), the same words and
    spaces, in time linear in the text: spaCy's looks for each word in a
    copy of the rest of the text, which is quadratic on one long line."""
    if "".join("".join(words).split()) != "".join(text.split()):
        return util.get_words_and_spaces(words, text)     # spaCy's error
    text_words, text_spaces, pos = [], [], 0
    for word in (w for w in words if not w.isspace()):
        start = text.find(word, pos)
        if start < 0:
            return util.get_words_and_spaces(words, text)     # spaCy's error
        if start > pos:
            text_words.append(text[pos:start])
            text_spaces.append(False)
            pos = start
        text_words.append(word)
        text_spaces.append(False)
        pos += len(word)
        if pos < len(text) and text[pos] == " ":
            text_spaces[-1] = True
            pos += 1
    if pos < len(text):
        text_words.append(text[pos:])
        text_spaces.append(False)
    return text_words, text_spaces


@registry.tokenizers(TOKENIZER)
def create_tokenizer():
    def tokenizer_factory(nlp):
        return KgChineseTokenizer(nlp.vocab)
    return tokenizer_factory


class KgChineseTokenizer(ChineseTokenizer):
    """ChineseTokenizer(segmenter="pkuseg") whose `pkuseg_seg` is a
    kg.nlp.segmenter.Segmenter; see the module doc."""

    def __init__(self, vocab):
        super().__init__(vocab, segmenter="pkuseg")

    def initialize(self, get_examples=None, *, nlp=None, pkuseg_model=None, pkuseg_user_dict="default"):
        from kg.nlp.assets import pkuseg_model_path
        from kg.nlp.segmenter import Segmenter
        model = Path(pkuseg_model) if pkuseg_model else pkuseg_model_path()
        self.pkuseg_seg = Segmenter(model, user_dict=None if pkuseg_user_dict is None else "default")

    def __call__(self, text: str) -> Doc:
        if self.pkuseg_seg is None:
            doc = super().__call__(text)    # spaCy's error
        else:
            words, spaces = words_and_spaces(self.pkuseg_seg.cut(text), text)
            doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[TEXT_KEY] = text
        return doc

    # -- serialisation ----------------------------------------------------------
    def _processors(self):
        """pkuseg's user dictionary and post-processing data, as spaCy saves them."""
        seg = self.pkuseg_seg
        return (_get_pkuseg_trie_data(seg.preprocesser.trie), seg.postprocesser.do_process,
                sorted(seg.postprocesser.common_words), sorted(seg.postprocesser.other_words))

    def _set_processors(self, data) -> None:
        user_dict, do_process, common_words, other_words = data
        self.pkuseg_seg.preprocesser = spacy_pkuseg.Preprocesser(user_dict)
        self.pkuseg_seg.postprocesser.do_process = do_process
        self.pkuseg_seg.postprocesser.common_words = set(common_words)
        self.pkuseg_seg.postprocesser.other_words = set(other_words)

    def to_disk(self, path, **kwargs):
        path = util.ensure_path(path)
        serializers = {"cfg": lambda p: srsly.write_json(p, self._get_config())}
        if self.pkuseg_seg is not None:
            serializers["pkuseg_tables"] = lambda p: _copy_tables(self.pkuseg_seg.tables, p)
            serializers["pkuseg_processors"] = lambda p: srsly.write_msgpack(p, self._processors())
        return util.to_disk(path, serializers, [])

    def from_disk(self, path, **kwargs):
        from kg.nlp.segmenter import Segmenter
        path = util.ensure_path(path)
        util.from_disk(path, {"cfg": lambda p: self._set_config(srsly.read_json(p))}, [])
        if (path / "pkuseg_tables").exists():
            self.pkuseg_seg = Segmenter.from_tables(path / "pkuseg_tables")
            self._set_processors(srsly.read_msgpack(path / "pkuseg_processors"))
        return self

    def to_bytes(self, **kwargs):
        tables = {}
        if self.pkuseg_seg is not None:
            tables = {name: (self.pkuseg_seg.tables / name).read_bytes() for name in _TABLE_FILES}
        return srsly.msgpack_dumps({"cfg": self._get_config(), "tables": tables,
                                    "processors": self._processors() if tables else None})

    def from_bytes(self, data, **kwargs):
        from kg.nlp.segmenter import Segmenter
        msg = srsly.msgpack_loads(data)
        self._set_config(msg["cfg"])
        if msg["tables"]:
            # the arrays are memory-mapped: they need files for the process's life
            tdir = Path(tempfile.mkdtemp(prefix="kg-pkuseg-"))
            atexit.register(shutil.rmtree, tdir, True)
            for name, blob in msg["tables"].items():
                (tdir / name).write_bytes(blob)
            self.pkuseg_seg = Segmenter.from_tables(tdir)
            self._set_processors(msg["processors"])
        return self


def _copy_tables(src: Path, dst: Path) -> None:
    """The table files of `src` into `dst`: hard links where the file system
    allows (the tables are never written after they are made), else copies."""
    dst.mkdir(parents=True, exist_ok=True)
    for name in _TABLE_FILES:
        target = dst / name
        target.unlink(missing_ok=True)
        try:
            target.hardlink_to(src / name)
        except OSError:
            shutil.copyfile(src / name, target)
