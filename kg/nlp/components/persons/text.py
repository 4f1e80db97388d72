"""One text as the person rules see it: its characters, the token starts
pkuseg gave (a hint), pkuseg's lexicon and the titles written in it."""

from kg.nlp.components.persons.rules import PersonRules
from kg.nlp.textscan import WordList, is_cjk
from kg.nlp.titles import find_title_chains, find_titles


class PersonText:
    """The per-text indexes every person rule consults."""

    def __init__(self, text: str, bounds, lexicon, rules: PersonRules):
        self.text = text
        self.length = len(text)
        self.bounds = bounds          # token start offsets (+ len), or None: no segmentation known
        self.lexicon = lexicon        # pkuseg's words, or empty
        self.rules = rules
        self.titles = find_titles(text, rules.ruleset)
        chains = find_title_chains(text, self.titles, rules.ruleset)
        self.chain_end = {c.end: c for c in chains}
        self.chain_start = {c.start: c for c in chains}
        self.title_at = {t.start: t for t in self.titles}
        self.in_title = {k for t in self.titles for k in range(t.start, t.end)}

    def boundary(self, k: int) -> bool:
        """A word may end at k: the text's edge, a token start, or a non-CJK neighbour."""
        if k <= 0 or k >= self.length or self.bounds is None:
            return True
        return k in self.bounds or not is_cjk(self.text[k - 1]) or not is_cjk(self.text[k])

    def starts(self, k: int, words: WordList) -> str | None:
        return words.starts(self.text, k)

    def in_place_list(self, end: int) -> bool:
        """Whether the item ending at `end` is one of an enumeration closed
        by a word that says it lists places (哈某夫、某某松等地)."""
        text, rules = self.text, self.rules
        k = end
        while k < self.length:
            if self.starts(k, rules.place_list_ends) or (
                    (k > end or text.startswith(rules.count_lead, k)) and self.thing_count_at(k)):
                return True     # a count closes a list (某某、某某等多座城市), not a name (某某一家6口)
            if text[k] not in rules.separators:
                return False
            j = k + 1
            while j < self.length and j - k <= rules.max_list_item and text[j] not in rules.separators \
                    and not self.starts(j, rules.place_list_ends) and is_cjk(text[j]):
                j += 1
            if j == k + 1 or j - k > rules.max_list_item:
                return False
            k = j
        return False

    def thing_count_at(self, k: int) -> bool:
        """(等)8个, 十处: a count of things, not of people, starts at k."""
        text, rules = self.text, self.rules
        if text.startswith(rules.count_lead, k):
            k += len(rules.count_lead)
        j = k
        while j < self.length and (text[j].isdigit() or text[j] in rules.count_numerals):
            j += 1
        measure = self.starts(j, rules.count_measures) if j > k else None
        return bool(measure) and not text.startswith(rules.count_not_before, j + len(measure))

    def named_as_place(self, start: int, end: int) -> bool:
        """Whether the text writes text[start:end] elsewhere with a place's
        suffix after it that starts no title (某尔松州, 某德萨港; not 某某市长):
        the same surface is then a place, not a person."""
        name = self.text[start:end]
        k = self.text.find(name)
        while k >= 0:
            after = k + len(name)
            if self.starts(after, self.rules.place_suffixes) and after not in self.title_at:
                return True
            k = self.text.find(name, k + 1)
        return False

    def written_in_words(self, start: int, end: int) -> bool:
        """Whether text[start:end] is written whole in words of the lexicon
        of two characters or more (乡村振兴 = 乡村 + 振兴, 办公室): a phrase
        or a word, not a name of no Han shape."""
        item = self.text[start:end]
        ok = [True] + [False] * len(item)
        for j in range(2, len(item) + 1):
            ok[j] = any(ok[i] and item[i:j] in self.lexicon for i in range(0, j - 1))
        return ok[-1]

    def people_count_at(self, k: int) -> bool:
        """四位, 十二名: a count of people starts at k."""
        j = k
        while j < self.length and self.text[j] in self.rules.count_numerals:
            j += 1
        return j > k and self.starts(j, self.rules.people_measures) is not None

    def lexicon_known(self) -> bool:
        """Without pkuseg's lexicon and tokens the uncued rule would accept
        every surname + character."""
        return bool(self.lexicon) and self.bounds is not None

    def token_shape(self, start: int, surname_len: int, end: int) -> bool:
        """One token, or the surname as a token plus one token (孙/茂利)."""
        if not (self.boundary(start) and self.boundary(end)):
            return False
        inner = {k for k in range(start + 1, end) if k in self.bounds}
        return not inner or inner == {start + surname_len}

    def one_token(self, start: int, surname_len: int, end: int) -> bool:
        """The span is exactly one of pkuseg's tokens."""
        return bool(self.bounds) and self.token_shape(start, surname_len, end) \
            and not any(k in self.bounds for k in range(start + 1, end))

    def glued_at(self, end: int) -> bool:
        """The character before `end` starts a word with the one after it (倪莎|接到)."""
        return end < self.length and self.text[end - 1:end + 1] in self.lexicon
