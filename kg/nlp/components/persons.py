"""kg_persons: PERSON mentions from surnames, titles and speech cues.

pkuseg splits some names (孙/茂利) and glues others to the next word, so the
finder works on characters: a candidate is a surname (rules/surnames.txt)
plus one or two given-name characters, and it is kept when a cue vouches for
it. Cues, strongest first:

- a title chain just before it (局长孙茂利, 市委副书记、市长郭金龙);
- a title, 同志/先生, or a speech verb just after it (习近平总书记, 孙茂利说);
- an enumeration with an accepted name (叶冬松、李克、邓凯; 卓嘎、央宗姐妹);
- no cue at all, when pkuseg's tokens put boundaries on both ends and the
  span is not a word of pkuseg's own lexicon (marks 马跃南 but not 高度).

The tokens are hints only: with no pkuseg lexicon (a test tokenizer) the
finder still runs on cues. The cue lists are data in rules/persons.toml.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from kg import ruleset
from kg.nlp.mentions import Mention, doc_text, mentions_of
from kg.nlp.textscan import PUNCT, WordList, is_cjk
from kg.nlp.titles import TitleChain, find_title_chains, find_titles

STRONG, LIST, WEAK, NONE = 3, 2, 1, 0
# the rule id of a surname-led name by the cue that vouched for it
RULE_OF_CUE = {"title": "persons.title_before", "creator": "persons.creator_before",
               "speech": "persons.speech_after", "suffix": "persons.suffix_after",
               "list": "persons.list_item", "token": "persons.lone_token"}


@dataclass(frozen=True)
class PersonRules:
    single: frozenset
    double: frozenset
    weak: frozenset
    nonname: frozenset
    body_end: frozenset
    speech: WordList
    end_words: WordList
    person_suffixes: WordList
    anonymised: WordList
    groups: WordList
    separators: tuple
    not_names: frozenset
    creators: WordList
    given: frozenset
    not_after: frozenset
    function: frozenset
    translit: frozenset
    joiners: frozenset
    dotted: object            # a compiled pattern: CJK runs joined by a name dot (阿不都热依木·买买提)
    start_chars: re.Pattern       # a character that can begin a name
    appointment: WordList         # 任命 NAME 为 ...
    uncued_not_before: WordList   # 韩亚|银行: an uncued candidate before these is none
    uncued_not_last: frozenset
    stat_not_last: frozenset      # kg_stat_ner: a model name ending in one of these is none
    ruleset: object = None        # the RuleSet these come from (its titles are the title cues)


def _chars(s: str) -> frozenset:
    return frozenset(ch for ch in s if not ch.isspace())


def load_person_rules(rules: ruleset.RuleSet | None = None) -> PersonRules:
    """The person rules of `rules` (else the rule set in force)."""
    return _person_rules(rules or ruleset.current())


@lru_cache(maxsize=8)
def _person_rules(rules: ruleset.RuleSet) -> PersonRules:
    cfg = rules.persons
    names = rules.surnames
    return PersonRules(
        single=frozenset(n for n in names if len(n) == 1),
        double=frozenset(n for n in names if len(n) == 2),
        weak=_chars(cfg.weak_surnames),
        nonname=_chars(cfg.nonname_chars),
        body_end=_chars(cfg.body_end_chars),
        speech=WordList(cfg.speech_verbs),
        end_words=WordList(cfg.end_words),
        person_suffixes=WordList(cfg.person_suffixes),
        anonymised=WordList(cfg.anonymised_suffixes),
        groups=WordList(cfg.group_suffixes),
        separators=tuple(cfg.list_separators),
        not_names=frozenset(cfg.not_names),
        creators=WordList(cfg.creator_cues),
        given=_chars(cfg.given_name_chars),
        not_after=_chars(cfg.not_after),
        function=_chars(cfg.function_surnames),
        translit=_chars(cfg.translit_chars),
        joiners=_chars(cfg.translit_joiners),
        dotted=re.compile(rf"[\u4e00-\u9fff]{{2,8}}(?:[{re.escape(cfg.name_dots)}][\u4e00-\u9fff]{{2,8}})+"),
        appointment=WordList(cfg.appointment_verbs),
        uncued_not_before=WordList(cfg.uncued_not_before),
        uncued_not_last=_chars(cfg.uncued_not_last),
        stat_not_last=_chars(cfg.stat_not_last),
        ruleset=rules,
        start_chars=_char_class({n[0] for n in names if n} | _chars(cfg.translit_chars)),
    )


def _char_class(chars) -> re.Pattern:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(chars)) + "]")


@dataclass
class PersonHit:
    start: int
    end: int
    cue: str                      # title | creator | suffix | speech | list | group | token | anonymised
    chain: TitleChain | None = None
    anonymised: bool = False
    attrs: dict = field(default_factory=dict)
    rule: str = ""                # the rule id of the Mention made of it

    def mention_attrs(self) -> dict:
        out = {"title": None, "title_span": None, **self.attrs}
        if self.chain is not None:
            out["title"] = self.chain.last.text
            out["title_span"] = (self.chain.last.start, self.chain.last.end)
            if len(self.chain.titles) > 1:
                out["titles"] = [t.text for t in self.chain.titles]
        if self.anonymised:
            out["anonymised"] = True
        out["cue"] = self.cue
        return out


class _Finder:
    """One pass over one text; holds the per-text indexes the rules consult."""

    def __init__(self, text, bounds, lexicon, rules):
        self.t = text
        self.n = len(text)
        self.bounds = bounds          # token start offsets (+ len), or None
        self.lex = lexicon
        self.r = rules
        self.titles = find_titles(text, rules.ruleset)
        chains = find_title_chains(text, self.titles, rules.ruleset)
        self.chain_end = {c.end: c for c in chains}
        self.chain_start = {c.start: c for c in chains}
        self.title_at = {t.start: t for t in self.titles}
        self.in_title = set()
        for t in self.titles:
            self.in_title.update(range(t.start, t.end))
        self.hits: list[PersonHit] = []
        self.taken = set()

    # -- small predicates -------------------------------------------------
    def boundary(self, k: int) -> bool:
        if k <= 0 or k >= self.n:
            return True
        if self.bounds is None:
            return True
        return k in self.bounds or not is_cjk(self.t[k - 1]) or not is_cjk(self.t[k])

    def starts(self, k: int, words: WordList) -> str | None:
        return words.starts(self.t, k)

    def right_cue(self, e: int, cand: str) -> int:
        """How strongly the text at e says 'a name just ended'."""
        t, r = self.t, self.r
        if e >= self.n or t[e] in PUNCT or not is_cjk(t[e]):
            return WEAK
        if not self.boundary(e):
            return NONE         # 倪莎接|到: a cue word cut in half is no cue
        if self.starts(e, r.person_suffixes) or self.starts(e, r.speech):
            return STRONG
        if e in self.title_at and cand[-1] not in r.body_end:
            return STRONG
        if self.starts(e, r.end_words):
            return WEAK
        return NONE

    def creator_before(self, i: int) -> bool:
        """本报记者 张天培, 记者刘正学、果永毅: a reporter or editor, not skipped
        (the article layer claims them as `creators`) but marked so."""
        j = i
        while j > 0 and self.t[j - 1] in " ：:\u3000（(":
            j -= 1
        if self.r.creators.ends(self.t, j):
            return True
        if i >= 1 and self.t[i - 1] in self.r.separators:
            prev = next((h for h in reversed(self.hits) if h.end == i - 1), None)
            return bool(prev and prev.attrs.get("creator"))
        return False

    def plausible(self, i: int, e: int, sl: int) -> bool:
        cand = self.t[i:e]
        if e > self.n or cand in self.r.not_names:
            return False
        for k in range(i + sl, e):
            ch = self.t[k]
            if not is_cjk(ch) or ch in self.r.nonname or k in self.title_at:
                return False
        return True

    # -- the scan ---------------------------------------------------------
    def run(self) -> list[PersonHit]:
        # Only a surname or a transliteration character can start a name, so
        # the scan visits those positions only (found by one regex in C).
        for k in sorted(self.chain_end):   # first: a dotted name after a title, whatever its characters
            if k not in self.taken and (hit := self.dotted_at(k)) is not None:
                self.add(hit)
        i = 0
        for m in self.r.start_chars.finditer(self.t):
            k = m.start()
            if k < i or k in self.taken or k in self.in_title:
                continue
            hit = self.at(k)
            foreign = self.foreign_at(k)
            if foreign and (hit is None or (hit.cue == "title" and foreign.end > hit.end
                                            and foreign.end - foreign.start >= 4)):
                hit = foreign
            if hit:
                self.add(hit)
                i = hit.end
        self.hits.sort(key=lambda h: h.start)
        self.groups()
        for h in self.hits:
            self.join_foreign(h)
        return sorted(self.hits, key=lambda h: h.start)

    def join_foreign(self, h: PersonHit) -> None:
        """希拉·[威曼] -> [希拉·威曼]: take in the parts joined by a middle dot."""
        t, r = self.t, self.r
        s = h.start
        while s >= 2 and t[s - 1] in r.joiners and t[s - 2] in r.translit and h.start - s < 12:
            k = s - 1
            while k > 0 and t[k - 1] in r.translit and s - k < 8:
                k -= 1
            s = k
        e = h.end
        while e + 1 < self.n and t[e] in r.joiners and t[e + 1] in r.translit and e - h.end < 12:
            k = e + 1
            while k < self.n and t[k] in r.translit and k - e < 8:
                k += 1
            if not self.boundary(k):
                break
            e = k
        h.start, h.end = s, e

    def add(self, hit: PersonHit) -> None:
        self.hits.append(hit)
        self.taken.update(range(hit.start, hit.end))

    def left_cue(self, i: int):
        chain = self.chain_end.get(i)
        if chain is not None:
            return STRONG, chain
        if i >= 2 and self.t[i - 1] in self.r.separators:
            prev = next((h for h in reversed(self.hits) if h.end == i - 1), None)
            if prev is not None:
                return LIST, prev.chain
        return NONE, None

    def at(self, i: int) -> PersonHit | None:
        t, r = self.t, self.r
        if t[i:i + 2] in r.double:
            sl = 2
        elif t[i] in r.single:
            sl = 1
        else:
            return None
        anon = self.anonymised(i, sl)
        left, chain = self.left_cue(i)
        creator = self.creator_before(i)
        if creator and not left:
            left = STRONG
        appointed = r.appointment.ends(t, i) is not None
        if appointed and not left:
            left = STRONG       # 任命李明为…: the verb vouches for the name
        options = []
        for gl in (2, 1):
            e = i + sl + gl
            if not self.plausible(i, e, sl):
                continue
            if appointed and t[e - 1] == "为" and gl == 2:
                continue    # 任命李明为…: 为 is "as"
            options.append((e, self.right_cue(e, t[i:e])))
        if not options:
            return anon
        e, right = self.choose(options)
        # 高度|重视: a three-character span made of a word and half of the next
        # word is two words, not a name
        if e - i == 3 and t[i:i + 2] in self.lex and t[e - 1:e + 1] in self.lex:
            options = [o for o in options if o[0] != e]
            if not options:
                return anon
            e, right = self.choose(options)
        cand = t[i:e]
        in_lex = cand in self.lex
        namey = all(ch in r.given for ch in cand[sl:])
        numeral = i > 0 and t[i - 1] in r.not_after
        # 银行首, 安全性: the surname and the next character already make a word
        prefix_word = len(cand) - sl == 2 and cand[:sl + 1] in self.lex and not in_lex
        weak = t[i] in r.weak and sl == 1
        if left == STRONG:
            # 水利部长江水利委员会: the title's last character and the "surname"
            # make a word, and a body follows: the "title" was part of a name
            split_word = t[i - 1:i + 1] in self.lex and (
                not self.boundary(i) or (e < self.n and t[e] in r.body_end))
            # 局长高度重视 is a word, 组长王芳 a name that is also a word: after a
            # title, a dictionary word still names a person when its characters do
            ok = not (in_lex and len(cand) == 2 and right < STRONG and not (namey and not weak)) \
                and not split_word
            # 群众和企业: a role word (群众, 专家) does not make 和/向/但 a surname;
            # 记者从…获悉, 记者向…咨询: nor does a reporter right before it
            if t[i] in r.function and chain is not None and chain.last.kind == "role":
                ok = False
            if t[i] in r.function and chain is None and creator and r.creators.ends(t, i):
                ok = False
            cue = "title" if chain is not None or not creator else "creator"
        elif right == STRONG:
            speech = self.starts(e, r.speech) is not None
            cue = "speech" if speech else "suffix"
            ok = (self.boundary(i) and self.boundary(e) and not numeral
                  and t[i] not in r.function and cand[-1] not in r.body_end)
            if weak:
                ok = ok and namey and not in_lex
            elif speech:
                ok = ok and not prefix_word
            else:   # 海军少将, 石油部长: a word before a title is no name
                ok = ok and not prefix_word and (not in_lex or namey)
        elif left == LIST:
            ok = (self.boundary(i) and self.boundary(e) and not numeral and t[i] not in r.function
                  and not prefix_word and (not in_lex or namey))
            # 尹晋华、张大卫、徐济超: a name-shaped item between two list marks is
            # a name whatever the segmenter made of it
            sandwiched = e < self.n and t[e] in r.separators and namey and t[i] not in r.function
            ok = ok or (sandwiched and not numeral)
            cue = "list"
        else:
            one_token = self.token_shape(i, sl, e) and not any(
                k in self.bounds for k in range(i + 1, e)) if self.bounds else False
            ok = (self.lex_known() and self.token_shape(i, sl, e) and not weak
                  and (namey or (one_token and not in_lex and all(
                      ch in r.given or ch in r.translit for ch in cand[sl:])))
                  and t[i] not in r.function
                  and not numeral and not prefix_word and (not in_lex or len(cand) == 3)
                  and cand[-1] not in r.uncued_not_last and self.starts(e, r.uncued_not_before) is None)
            cue = "token"
        if not ok:
            return anon
        if anon and anon.end > e:
            return anon
        if not left:
            chain = self.chain_start.get(e) if cue == "suffix" else None
        return PersonHit(i, e, cue, chain=chain, attrs={"creator": True} if creator else {},
                         rule=RULE_OF_CUE[cue])

    def token_shape(self, i: int, sl: int, e: int) -> bool:
        """One token, or the surname as a token plus one token (孙/茂利)."""
        if not (self.boundary(i) and self.boundary(e)):
            return False
        inner = {k for k in range(i + 1, e) if k in self.bounds}
        return not inner or inner == {i + sl}

    def dotted_at(self, i: int) -> PersonHit | None:
        """A name in parts joined by a middle dot right after a title
        (副县长阿不都热依木·买买提说, 主席艾尔肯·吐尼亚孜表示): the dot says
        "one transliterated name" whatever its characters, which the
        transliteration table cannot all hold (不, 都, 热 are words too). It
        ends where a speech verb, an end word or punctuation follows."""
        t, r = self.t, self.r
        chain = self.chain_end.get(i)
        if chain is None:
            return None
        m = r.dotted.match(t, i)
        if m is None:
            return None
        last = max(t.rfind(j, i, m.end()) for j in r.joiners)
        for e in range(last + 3, min(m.end(), last + 5) + 1):   # the last part: 2-4 characters
            if e >= self.n or not is_cjk(t[e]) or self.starts(e, r.speech) or self.starts(e, r.end_words):
                return PersonHit(i, e, "title", chain=chain, rule="persons.dotted_after_title")
        return None

    def foreign_at(self, i: int) -> PersonHit | None:
        """A transliterated name (克林顿, 希拉·威曼), only beside a strong cue."""
        t, r = self.t, self.r
        if t[i] not in r.translit or not self.boundary(i):
            return None
        if i > 0 and t[i - 1] in r.translit and i not in self.chain_end:
            return None
        j = i
        while j < self.n and j - i < 16 and (
                t[j] in r.translit
                or (t[j] in r.joiners and j + 1 < self.n and t[j + 1] in r.translit)):
            j += 1
        ends = [k for k in range(i + 2, j + 1) if self.boundary(k) and t[k - 1] not in r.joiners]
        if not ends:
            return None
        left, chain = self.left_cue(i)
        def person_after(k):
            return self.starts(k, r.speech) or self.starts(k, r.person_suffixes)
        cued = [k for k in ends if person_after(k)]
        if left:
            e = cued[-1] if cued else ends[-1]
            if t[i:e] in r.not_names or (e - i == 2 and t[i:e] in self.lex and not cued):
                return None
            return PersonHit(i, e, "title" if left == STRONG else "list", chain=chain,
                             rule="persons.foreign_after_title" if left == STRONG else "persons.foreign_list_item")
        if not cued:
            return None
        e = cued[-1]
        cand = t[i:e]
        if cand in self.lex and not self.starts(e, r.person_suffixes):
            return None     # 俄罗斯表示, 巴黎宣布: places speak too
        if i > 0 and t[i - 1] in r.not_after:
            return None
        return PersonHit(i, e, "speech", rule="persons.foreign_before_speech")

    def lex_known(self) -> bool:
        # without pkuseg's lexicon the token rule would accept every surname+char
        return bool(self.lex) and self.bounds is not None

    def choose(self, options):
        """Pick the end: the stronger right cue, then a token boundary, then a
        last character that does not start a word with the next (倪莎|接到),
        then the longer (3-character names are the most common)."""
        def key(opt):
            e, right = opt
            glued = e < self.n and self.t[e - 1:e + 1] in self.lex
            return (right, self.boundary(e), not glued, e)
        return max(options, key=key)

    def anonymised(self, i: int, sl: int) -> PersonHit | None:
        suf = self.starts(i + sl, self.r.anonymised)
        if not suf or not self.boundary(i):
            return None
        return PersonHit(i, i + sl + len(suf), "anonymised", anonymised=True, rule="persons.anonymised")

    def groups(self) -> None:
        """卓嘎、央宗姐妹: names without a listed surname, vouched for by the group word."""
        t, r = self.t, self.r
        for g in r.groups:
            start = 0
            while (g_at := t.find(g, start)) >= 0:
                start = g_at + len(g)
                items = self.items_before(g_at)
                if len(items) < 2:
                    continue
                chain = self.chain_end.get(items[0][0])
                for s, e in items:
                    if not any(k in self.taken for k in range(s, e)):
                        self.add(PersonHit(s, e, "group", chain=chain, rule="persons.group_item"))

    def items_before(self, g_at: int) -> list[tuple[int, int]]:
        """The 、-separated 2-3 character items that end at g_at, left to right."""
        t, r = self.t, self.r
        items, e = [], g_at
        while True:
            s = self.item_start(e)
            if s is None:
                break
            items.append((s, e))
            if s >= 1 and t[s - 1] in r.separators:
                e = s - 1
            else:
                break
        return items[::-1]

    def item_start(self, e: int) -> int | None:
        t = self.t
        for length in (2, 3):
            s = e - length
            if s < 0:
                break
            seg = t[s:e]
            if not all(is_cjk(ch) and ch not in self.r.nonname for ch in seg):
                return None
            if s == 0 or t[s - 1] in self.r.separators or t[s - 1] in PUNCT:
                return s
            if self.boundary(s) and (self.bounds is not None) and length == 2:
                # 群众卓嘎: a token boundary at 2 chars is enough when a
                # 3-char item would not itself start at a boundary
                if not self.boundary(e - 3):
                    return s
        return None


def find_persons(text: str, bounds=None, lexicon=frozenset(), rules: PersonRules | None = None) -> list[PersonHit]:
    """PERSON spans in `text`.

    `bounds`: set of token start offsets from the segmenter (a hint; None
    means no segmentation is known). `lexicon`: the segmenter's word list,
    used to refuse candidates that are ordinary words (高度, 方面).
    """
    return _Finder(text, bounds, lexicon, rules or load_person_rules()).run()


def _pkuseg_lexicon(nlp: Language) -> frozenset:
    """pkuseg's own word list (116k words), or empty for other tokenizers."""
    seg = getattr(nlp.tokenizer, "pkuseg_seg", None)
    if hasattr(seg, "words"):             # kg.nlp.segmenter.Segmenter
        words = seg.words()
    else:                                 # spacy_pkuseg.pkuseg
        words = getattr(getattr(seg, "feature_extractor", None), "unigram", None)
    return frozenset(w for w in (words or ()) if 2 <= len(w) <= 4)


class PersonsComponent:
    """`rules`: a rules folder (None: the rule set in force)."""

    def __init__(self, nlp: Language, name: str, rules: str | None = None):
        self.name = name
        self.rules = ruleset.load(rules) if rules else ruleset.current()
        self.person_rules = load_person_rules(self.rules)
        self.priority = self.rules.priorities["person"]
        self._nlp = nlp
        self._lexicon = None

    @property
    def lexicon(self) -> frozenset:
        if self._lexicon is None:
            self._lexicon = _pkuseg_lexicon(self._nlp)
        return self._lexicon

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        bounds = set(doc.to_array("IDX").tolist())   # token starts, without making Tokens
        bounds.add(len(text))
        out = mentions_of(doc)
        for h in find_persons(text, bounds, self.lexicon, self.person_rules):
            out.append(Mention(h.start, h.end, "PERSON", text[h.start:h.end], source=self.name,
                               priority=self.priority, attrs=h.mention_attrs(), rule=h.rule))
        return doc


@Language.factory("kg_persons", default_config={"rules": None}, assigns=["doc._.kg_mentions"], requires=[])
def make_persons(nlp: Language, name: str, rules: str | None) -> PersonsComponent:
    return PersonsComponent(nlp, name, rules)
