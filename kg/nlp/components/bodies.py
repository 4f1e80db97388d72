"""The shared mechanism of AGENCY and ORG finding: prefix + core + suffix.

A body name is read rightwards from an anchor (the end of a place name, of a
known body, or a level character such as 县 in 县公安局): a short core of name
characters, then the first body suffix. Which suffixes, which characters may
not be in a core, and which endings are ordinary words are data (rules/).
"""

import re
from dataclasses import dataclass

from kg.nlp.textscan import PUNCT, is_cjk, longest_first
from kg.ruleset.schema import AgenciesRules


@dataclass
class BodyRules:
    suffixes: list            # longest first
    title_followers: set
    stop_chars: set
    stop_words: list
    object_verbs: tuple
    bad_core_starts: list
    not_bodies: list
    counted_suffixes: set
    numeral_chars: set
    max_core: int
    not_followed_by: dict
    inner_chars: set
    empty_core_suffixes: set
    extra_chars: set            # besides CJK and alphanumerics (ORG: （北京）)
    not_in_core: object = None  # a compiled pattern no core may contain (a date: 9月14日电)
    former_marks: tuple = ()    # 原, 前: a name read leftwards starts after them
    verbless_suffixes: frozenset = frozenset()   # teams a body sends: no core starts with
    team_verbs: tuple = ()                       # one of these verbs (派出|督导组)
    stops_opening_words: str = ""                # stop characters a name's word may open with (和|平)
    date_before_core: object = None              # a date the core starts after (2009年|某某大学)

    @classmethod
    def from_rules(cls, agencies: AgenciesRules, suffixes, extra_chars: str = ""):
        """The body rules of rules/agencies.toml, reading bodies that end in `suffixes`."""
        return cls(
            suffixes=list(longest_first(suffixes)),
            title_followers=set(agencies.title_followers),
            stop_chars=set(agencies.stop_chars),
            stop_words=list(agencies.stop_words),
            object_verbs=tuple(agencies.object_verbs),
            bad_core_starts=list(agencies.bad_core_starts),
            not_bodies=list(agencies.not_bodies),
            counted_suffixes=set(agencies.counted_suffixes),
            numeral_chars=set(agencies.numeral_chars),
            max_core=agencies.max_core,
            not_followed_by={k: set(v) for k, v in agencies.not_followed_by.items()},
            inner_chars=set(agencies.inner_chars),
            empty_core_suffixes=set(agencies.empty_core_suffixes),
            extra_chars=set(extra_chars),
            not_in_core=re.compile("|".join(agencies.not_in_core)) if agencies.not_in_core else None,
            former_marks=agencies.former_marks,
            verbless_suffixes=frozenset(agencies.verbless_suffixes),
            team_verbs=agencies.team_verbs,
            date_before_core=re.compile(agencies.date_before_core),
        )

    def core_char_ok(self, ch: str) -> bool:
        if ch in self.extra_chars:
            return True
        return (is_cjk(ch) or ch.isalnum()) and ch not in PUNCT and ch not in self.stop_chars

    def suffix_at(self, text: str, j: int, allowed=None):
        """The longest body suffix starting at j that does not open a title."""
        for suf in self._by_first.get(text[j:j + 1], ()):
            if allowed is not None and suf not in allowed:
                continue
            if text.startswith(suf, j):
                nxt = text[j + len(suf): j + len(suf) + 1]
                if nxt and (nxt in self.title_followers or nxt in self.not_followed_by.get(suf, ())):
                    continue
                return suf
        return None

    def acceptable(self, core: str, suffix: str, core_may_be_verb: bool = False) -> bool:
        """A core may be exactly a verb-like word only where asked (组织|部)."""
        if any(core.startswith(b) for b in self.bad_core_starts):
            return False
        if self.not_in_core is not None and self.not_in_core.search(core):
            return False
        if suffix in self.verbless_suffixes and core.startswith(self.team_verbs):
            return False
        if not (core_may_be_verb and core in self.stop_words) and any(w in core for w in self.stop_words):
            return False
        if any(w in core for w in self.object_verbs):
            return False
        if core and suffix in self.counted_suffixes and core[-1] in self.numeral_chars:
            return False    # 专著三部, 15部: a count, not a body
        if core[-1:] in self.former_marks and core[:-1].endswith(tuple(self.suffixes)):
            return False    # 某某中心|原|党委书记: a body, then the mark of a former title
        body = core + suffix
        words = self._not_bodies
        return not any(body[-k:] in words for k in self._not_body_lens if len(suffix) < k <= len(body))

    def __post_init__(self):
        # not_bodies by ending: a set and its lengths, not a scan of the list
        # for every candidate (the list has ~150 words); the same for suffixes
        self._not_bodies = frozenset(self.not_bodies)
        self._not_body_lens = sorted({len(w) for w in self.not_bodies})
        # suffixes by first character, longest first: suffix_at looks at a few
        self._by_first = {}
        for suf in self.suffixes:
            self._by_first.setdefault(suf[:1], []).append(suf)

    def body_after(self, text: str, pos: int, min_core: int = 0, allowed=None, max_core=None,
                   core_may_be_verb: bool = False, shape=None):
        """End of the body that starts at pos (lazy: the first suffix), or None.
        `core_may_be_verb`: a core that is exactly a verb-like word is allowed
        (北京市委|组织部 right after a body). `shape(core start, suffix start,
        suffix)`: whether the words read as a core + suffix there
        (kg.nlp.components.body_shape)."""
        limit = min(len(text), pos + (max_core or self.max_core) + 1)
        for j in range(pos, limit):
            if j > pos and not (self.core_char_ok(text[j - 1]) or
                                (text[j - 1] in self.inner_chars and j - 1 > pos)):
                return None
            if j - pos < min_core:
                continue
            suf = self.suffix_at(text, j, allowed)
            if suf and j == pos and allowed is None and self.empty_core_suffixes \
                    and suf not in self.empty_core_suffixes:
                continue   # 市|司法局, not 市司
            if suf and self.acceptable(text[pos:j], suf, core_may_be_verb) \
                    and (shape is None or shape(pos, j, suf)):
                return j + len(suf)
        return None

    def body_before(self, text: str, end_core: int, suffix: str, min_core: int, max_core: int,
                    core_may_be_verb: bool = False, after_verb: bool = False, words=None,
                    stops_in_words: bool = False):
        """Start of an unprefixed body whose suffix begins at end_core, or None.

        The core runs left to the nearest character that cannot be in a name;
        it must be min_core..max_core characters long. `after_verb`: when that
        fails and the run holds a verb (a stop word), the core starts after
        the last one (联合|贵州银行雷山支行). `words`
        (kg.nlp.components.body_shape.Words): the core starts where a word
        does, and the suffix reads as one after it. `stops_in_words`: a stop
        character opening a longer word of the segmenter (和|平, 对|外) is
        part of the name (某某和平教育基金会, 某某对外友好协会).
        """
        i = end_core
        while i > 0 and end_core - i < max_core and (
                self.core_char_ok(text[i - 1]) or stops_in_words and self._opens_word(text, words, i - 1, end_core)):
            i -= 1
        boundary = not (i > 0 and self.core_char_ok(text[i - 1]))
        mark = next((m for m in self.former_marks if text.startswith(m, i)), None)
        if boundary and mark and end_core - i - len(mark) >= min_core:
            i += len(mark)   # 原|国家质检总局
        dates = list(self.date_before_core.finditer(text, i, end_core)) if self.date_before_core else []
        if boundary and dates and end_core - dates[-1].end() >= min_core:
            i = dates[-1].end()   # 2009年|某某大学
        if words is not None:
            i = min(words.next_start(i), end_core)   # 全|国持续…: cut from 全国
            if not words.head_ok(i, end_core, suffix):
                return None
        core = text[i:end_core]
        if boundary and len(core) >= min_core \
                and self.acceptable(core, suffix, core_may_be_verb):
            return i
        return self._after_last_verb(text, end_core, suffix, min_core, max_core, words) if after_verb else None

    def _opens_word(self, text, words, k, end_core) -> bool:
        """Whether the stop character at k is one that may open a name's
        word (rules/orgs.toml stops_opening_words) and opens a segmenter
        word of name characters that ends before end_core."""
        if words is None or text[k] not in self.stops_opening_words or not words.starts_word(k):
            return False
        e = words.end_of[k]
        return k + 1 < e <= end_core and all(self.core_char_ok(c) for c in text[k + 1:e])

    def _after_last_verb(self, text, end_core, suffix, min_core, max_core, words=None):
        i = end_core
        while i > 0 and end_core - i < 2 * max_core and self.core_char_ok(text[i - 1]):
            i -= 1
        ends = [k + len(w) for w in (*self.stop_words, *self.object_verbs) if (k := text.rfind(w, i, end_core)) != -1]
        if not ends:
            return None
        start = max(ends)
        if words is not None and not words.starts_word(start):
            return None    # 联合|国大会…: the verb's characters end inside a word (联合国)
        core = text[start:end_core]
        return start if min_core <= len(core) <= max_core and self.acceptable(core, suffix) else None


def joined_fields_start(text: str, start: int, words, taken, agencies: AgenciesRules, titles=()) -> int:
    """Where an unprefixed ministry's name starts that joins its fields
    before the core read at `start` (某某与|国际合作部, 农业、畜牧和|渔业部):
    over each joiner (rules/agencies.toml field_joiners) and the words of two
    characters or more before it, a field of name characters no other mention covers (`taken`: a
    bytearray, 1 where one does) holding no body suffix (a title before a
    list, 部长、某某部, is none)."""
    while start > 1 and text[start - 1] in agencies.field_joiners:
        k = field = start - 1
        # the field's words, two characters long at least each (基础|设施; 有|… is a verb)
        while field > 0 and k - (w := words.start_of[field - 1]) <= agencies.max_field and field - w > 1 \
                and all(is_cjk(c) and c not in agencies.stop_chars for c in text[w:field]):
            field = w
        piece = text[field:k]
        if not piece or taken.find(1, field, k) >= 0 or any(suf in piece for suf in agencies.suffixes) \
                or piece in titles:     # 主席、某某委员会: a post, then a list's next item
            break
        start = field
    return start
