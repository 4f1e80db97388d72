"""Whether a reading has a body's shape, judged on the segmenter's words.

A body's name is a proper stem (a place, a field of work, a name) and an
institutional head (局, 委员会, 公司). Where the head is one character, the
words pkuseg cuts tell an ordinary word that ends in a body's character
from a stem + head:
- the head glued to one character into a two-character word (世界|变局,
  格局, 全部): a noun of its own, not a stem + head (法制局, three
  characters, is one);
- the head a word of its own after a one-character word (开|好|局,
  110|多|所): a verb phrase or a count, not a named stem (文化|局 is one);
- the head the first character of a longer word (局面, 部门): that word.
A name read leftwards (an unprefixed body, a company) starts where a word
starts: 全|国持续加强…, 一|些地方… are cut from 全国 and 一些.
`CoreShape` adds what the words cannot tell (a place inside a core, a
level character after a level place); `place_chains` groups the adjacent
places a body's name may start with.
"""

from kg.nlp.mentions import doc_text
from kg.nlp.words import char_words


class Words:
    """The word boundaries of one doc: for each character, where its word
    starts and ends."""

    def __init__(self, doc, numerals: str = ""):
        """`numerals`: characters of an ordinal word before a head (秘书|二|局)."""
        self.numerals = set(numerals)
        n = len(doc_text(doc))
        self.start_of, self.end_of = char_words(doc, n)
        self.n = n
        self.chars = doc_text(doc)

    def starts_word(self, i: int) -> bool:
        return i >= self.n or self.start_of[i] == i

    def next_start(self, i: int) -> int:
        """i when a word starts there, else the start of the next word."""
        return i if self.starts_word(i) else self.end_of[i]

    def head_ok(self, stem_start: int, head_at: int, head: str) -> bool:
        """Whether `head` at head_at, after a stem from stem_start, reads as a
        stem + head by the words (a stem-less head, a head of two or more
        characters: always)."""
        if head_at <= stem_start or len(head) > 1 or head_at >= self.n:
            return True
        ws, we = self.start_of[head_at], self.end_of[head_at]
        if we > head_at + 1:
            return False                  # 局面, 部门: the head opens a word
        if ws < head_at:
            return head_at - ws >= 2      # 法制局, not 变局
        prev = self.start_of[head_at - 1]
        if head_at - prev == 1 and self.numeral_at(prev) and prev > stem_start:
            return True                   # 秘书|二|局: a numbered unit
        return head_at - prev >= 2        # 文化|局, not 开|好|局

    def numeral_at(self, i: int) -> bool:
        return self.chars[i] in self.numerals


class CoreShape:
    """The checks body_after asks of a core + suffix, beyond the rules of
    BodyRules.acceptable."""

    def __init__(self, bodies, level_chars):
        self.bodies = bodies
        self.level_chars = set(level_chars)

    def predicate(self, text, words, places=(), after=None):
        """shape(core start, suffix start, suffix) for BodyRules.body_after:
        the words read as a core + suffix (`words` None: not asked, as after
        a known body, whose departments pkuseg may cut oddly: 化学|品司); no
        place starts inside the core or the suffix (某国政府|指责某国政府 is
        two bodies, 科 of 科索沃 is no 科); after an anchor ending at `after`
        in a level character (a place 某某区, a level character 区), the
        core is no other level
        character (某某区|县政府: a county's body, not the district's; 区|县政府:
        every district's and county's); a core ending in a former mark as a
        word of its own (某某公司|原|党委) is none."""
        def ok(pos, j, suf):
            if words is not None and not words.head_ok(pos, j, suf):
                return False
            if words is not None and j - pos > 1 and words.starts_word(j - 1) \
                    and text[j - 1:j] in self.bodies.former_marks:
                return False   # 某某公司|原|党委书记: the mark opens the title, no body holds it
            if any(pos < p.start < j + len(suf) for p in places):   # 某当局想让|科|索沃
                return False
            return not (after is not None and j > pos and text[pos] in self.level_chars
                        and text[after - 1] in self.level_chars and suf in self.bodies.empty_core_suffixes)
        return ok

    def glued_abbreviation(self, text, first) -> bool:
        """A one-character country (中 of 中土) glued to a character before
        it that is no country of the run (土中合作委员会, 土 unread): the
        name starts before the chain, which would cut it."""
        return first.end - first.start == 1 and first.start > 0 \
            and self.bodies.core_char_ok(text[first.start - 1])


def place_chains(places):
    """Runs of adjacent PLACE mentions (云南省|临沧市|沧源佤族自治县)."""
    chains, cur = [], []
    for p in places:
        if cur and p.start == cur[-1].end:
            cur.append(p)
        else:
            if cur:
                chains.append(cur)
            cur = [p]
    if cur:
        chains.append(cur)
    return chains
