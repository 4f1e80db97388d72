"""Which cue keeps a surname-led candidate: the facts about it as named
properties of `Candidate`, and one predicate per cue (a title before it, a
cue word after it, an enumeration it continues, no cue at all)."""

from dataclasses import dataclass

from kg.nlp.components.persons.hits import Cue
from kg.nlp.components.persons.rules import country_initials
from kg.nlp.components.persons.text import PersonText


@dataclass(frozen=True)
class LeftCue:
    """What stands before a candidate."""
    strength: Cue
    chain: object        # the TitleChain just before it, or the list's chain, or None
    creator: bool        # a reporter's or editor's word before it (本报记者)
    appointed: bool      # an appointment verb before it (任命)


@dataclass(frozen=True)
class Candidate:
    """A surname-led span text[start:end] and the facts the cues weigh."""
    pt: PersonText
    start: int
    end: int
    surname_len: int
    right: Cue           # the cue after it

    @property
    def text(self) -> str:
        return self.pt.text[self.start:self.end]

    @property
    def given(self) -> str:
        return self.text[self.surname_len:]

    @property
    def in_lexicon(self) -> bool:
        return self.text in self.pt.lexicon

    @property
    def namey(self) -> bool:
        """Its given name is made of common given-name characters."""
        return all(ch in self.pt.rules.given for ch in self.given)

    @property
    def after_numeral(self) -> bool:
        """一段距离, 这张卡片: a numeral or demonstrative before the surname."""
        return self.start > 0 and self.pt.text[self.start - 1] in self.pt.rules.not_after

    @property
    def surname_makes_word(self) -> bool:
        """银行首, 安全性: the surname and the next character already make a word."""
        return len(self.given) == 2 and self.text[:self.surname_len + 1] in self.pt.lexicon \
            and not self.in_lexicon

    @property
    def weak_surname(self) -> bool:
        return self.surname_len == 1 and self.pt.text[self.start] in self.pt.rules.weak

    @property
    def function_surname(self) -> bool:
        return self.pt.text[self.start] in self.pt.rules.function

    @property
    def ends_like_body(self) -> bool:
        return self.text[-1] in self.pt.rules.body_end

    @property
    def bounded(self) -> bool:
        return self.pt.boundary(self.start) and self.pt.boundary(self.end)

    @property
    def country_side(self) -> bool:
        """吉方, 哈方: a country's character and 方 are "the Kyrgyz side",
        not a surname and a given name."""
        rules = self.pt.rules
        return len(self.text) == 2 and self.given in rules.side_words \
            and self.text[0] in country_initials(rules.ruleset)

    def plain_word(self) -> bool:
        """局长高度重视: a two-character dictionary word with no strong cue
        after it; 组长王芳 is still a name, its given name being name-like."""
        return self.in_lexicon and len(self.text) == 2 and self.right < Cue.STRONG \
            and not (self.namey and not self.weak_surname)

    def word_after_title(self) -> bool:
        """水利部长江水利委员会: the title's last character and the "surname"
        make a word, and a body follows: the "title" was part of a name."""
        pt, i, e = self.pt, self.start, self.end
        return pt.text[i - 1:i + 1] in pt.lexicon and (
            not pt.boundary(i) or (e < pt.length and pt.text[e] in pt.rules.body_end))

    def plain_word_or_named_thing(self) -> bool:
        """海军少将, 石油部长: a word before a title is no name."""
        return self.surname_makes_word or (self.in_lexicon and not self.namey)


def vouch(cand: Candidate, left: LeftCue) -> str | None:
    """The cue that keeps the candidate (title, creator, speech, suffix,
    list, token), or None: the strongest cue present decides alone."""
    if left.strength == Cue.STRONG:
        return _after_title(cand, left)
    if cand.country_side:
        return None
    if cand.right == Cue.STRONG:
        return _before_cue(cand)
    if cand.pt.in_place_list(cand.end):
        return None     # 某某夫、某某松等地: an enumeration of places, whatever the items look like
    if cand.pt.named_as_place(cand.start, cand.end):
        return None     # 某尔松 where the text also writes 某尔松州
    if left.strength == Cue.LIST:
        return "list" if _list_item(cand) else None
    if _lone_token(cand):
        return "token"
    return "unknown_token" if _unknown_token(cand) else None


def _after_title(cand: Candidate, left: LeftCue) -> str | None:
    """After a title, a reporter's word or an appointment verb."""
    if cand.plain_word() or cand.word_after_title():
        return None
    chain = left.chain
    # 群众和企业: a role word (群众, 专家) does not make 和/向/但 a surname;
    # 记者从…获悉, 记者向…咨询: nor does a reporter right before it
    if cand.function_surname and chain is not None and chain.last.kind == "role":
        return None
    if cand.function_surname and chain is None and left.creator \
            and cand.pt.rules.creators.ends(cand.pt.text, cand.start):
        return None
    return "title" if chain is not None or not left.creator else "creator"


def _before_cue(cand: Candidate) -> str | None:
    """Before a speech verb, 同志/先生 or a title."""
    if cand.pt.starts(cand.end, cand.pt.rules.post_frame) and not (
            cand.after_numeral or cand.function_surname or (cand.in_lexicon and len(cand.text) == 2)):
        return "suffix"     # 某某同志任…: the appointment frame vouches for it (not 党员同志任…)
    speech = cand.pt.starts(cand.end, cand.pt.rules.speech) is not None
    if not cand.bounded or cand.after_numeral or cand.function_surname or cand.ends_like_body:
        return None
    if cand.weak_surname:
        ok = cand.namey and not cand.in_lexicon
    elif speech:
        ok = not cand.surname_makes_word
    else:
        ok = not cand.plain_word_or_named_thing()
    return ("speech" if speech else "suffix") if ok else None


def _list_item(cand: Candidate) -> bool:
    """An item of an enumeration whose previous item was a name."""
    if cand.after_numeral:
        return False
    # 某某、全国工商联…: a word of the lexicon led by a word-like surname
    # starts the next item's body, it is no name
    word = cand.weak_surname and cand.in_lexicon
    ordinary = cand.bounded and not cand.function_surname and not cand.plain_word_or_named_thing() and not word
    return ordinary or _between_list_marks(cand)


def _between_list_marks(cand: Candidate) -> bool:
    """尹晋华、张大卫、徐济超: a name-shaped item between two list marks is
    a name whatever the segmenter made of it."""
    pt = cand.pt
    return cand.end < pt.length and pt.text[cand.end] in pt.rules.separators and cand.namey \
        and not cand.function_surname


def _lone_token(cand: Candidate) -> bool:
    """No cue at all: pkuseg's tokens bound it, no word of its lexicon is
    it (a 3-character one may be), and its given name is name-like."""
    pt, i, e = cand.pt, cand.start, cand.end
    if not (pt.lexicon_known() and pt.token_shape(i, cand.surname_len, e)):
        return False
    if cand.weak_surname or cand.function_surname or cand.after_numeral or cand.surname_makes_word:
        return False
    if cand.in_lexicon and len(cand.text) != 3:
        return False
    if len(cand.text) == 2 and _in_headline(cand):
        return False    # 某某奔涌千帆竞: a headline's poetic word, no cue beside it
    return (cand.namey or _one_token_of_name_chars(cand)) and not _names_a_thing(cand)


def _unknown_token(cand: Candidate) -> bool:
    """的权某昌正在…: a three-character token pkuseg made of a surname and a
    name-like given name that its lexicon does not hold, refused as a lone
    token only for a word-like surname (权, 代英 of 代某豪 a word): proposed
    for kg_stat_gate, where only LAC's name keeps it."""
    pt, i, e = cand.pt, cand.start, cand.end
    if len(cand.text) != 3 or cand.surname_len != 1 or cand.in_lexicon or not cand.namey \
            or cand.text in pt.rules.not_names:
        return False
    if not (pt.lexicon_known() and pt.one_token(i, cand.surname_len, e)):
        return False
    if cand.function_surname or cand.after_numeral or _names_a_thing(cand):
        return False
    if e < pt.length and pt.text[e] in pt.rules.separators:
        return False    # 某红梅、某丽: the enumeration's rules read a list's first item
    return cand.weak_surname or cand.surname_makes_word


def _one_token_of_name_chars(cand: Candidate) -> bool:
    """One token, no word, its given name of given-name or transliteration characters."""
    rules = cand.pt.rules
    return cand.pt.one_token(cand.start, cand.surname_len, cand.end) and not cand.in_lexicon \
        and all(ch in rules.given or ch in rules.translit for ch in cand.given)


def _in_headline(cand: Candidate) -> bool:
    """The candidate stands in the text's first line, above a body, and
    that line has no clause mark (rules/persons.toml headline_marks): a
    headline, whose verse-like phrases (某潮奔涌) are no sentence around a
    name. A one-line text (a sentence cut from its clause marks) is none."""
    text, marks = cand.pt.text, cand.pt.rules.headline_pair_marks
    if (cand.start > 0 and text[cand.start - 1] in marks) or (cand.end < len(text) and text[cand.end] in marks):
        return False    # 某文静/某聪: a pair of names, as in a sports headline
    end = text.find("\n")
    if end < cand.end or not text[end:].strip():
        return False
    return not any(c in cand.pt.rules.headline_marks for c in text[:end])


def _names_a_thing(cand: Candidate) -> bool:
    """吉华路, 韩亚|银行: it ends like a street, or a firm's, bank's or
    club's word follows: it names that thing."""
    return cand.text[-1] in cand.pt.rules.uncued_not_last \
        or cand.pt.starts(cand.end, cand.pt.rules.uncued_not_before) is not None
