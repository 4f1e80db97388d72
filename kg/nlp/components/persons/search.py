"""The candidate search: surname + given name, kept when a cue vouches for it.

A candidate starts at a surname (rules/surnames.txt) and takes the given-name
lengths of rules/persons.toml; its end is settled by the cue after it, and
it is kept by the strongest cue beside it: a title chain or a reporter's
word before it, a speech verb or 同志 after it, an enumeration it continues,
or (no cue) a token shape that is no word of pkuseg's lexicon (each of
these is a predicate in kg.nlp.components.persons.vouching).
"""

from kg.nlp.components.persons.enumerations import enumeration_hits
from kg.nlp.components.persons.foreign import dotted_at, foreign_at, join_foreign, kanji_name_at
from kg.nlp.components.persons.groups import group_hits
from kg.nlp.components.persons.hits import Cue, PersonHit
from kg.nlp.components.persons.majority import majority_hits
from kg.nlp.components.persons.repeated import repeated_hits
from kg.nlp.components.persons.text import PersonText
from kg.nlp.components.persons.vouching import Candidate, LeftCue, vouch
from kg.nlp.textscan import PUNCT, is_cjk

class NameSearch:
    """One pass over one text: the hits so far and the spans they take."""

    def __init__(self, pt: PersonText):
        self.pt = pt
        self.rules = pt.rules
        self.hits: list[PersonHit] = []
        self.taken: set[int] = set()

    def run(self) -> list[PersonHit]:
        """Every PERSON hit of the text, left to right."""
        pt = self.pt
        for k in sorted(pt.chain_end):   # first: a dotted name after a title, whatever its characters
            if k not in self.taken and (hit := dotted_at(pt, k) or kanji_name_at(pt, k)) is not None:
                self.add(hit)
        # Only a surname or a transliteration character can start a name, so
        # the scan visits those positions only (found by one regex in C).
        resume = 0
        for m in self.rules.start_chars.finditer(pt.text):
            k = m.start()
            if k < resume or k in self.taken or k in pt.in_title:
                continue
            hit = self.pick(self.at(k), foreign_at(pt, k, *self.left_cue(k)))
            if hit:
                self.add(hit)
                resume = hit.end
        self.hits.sort(key=lambda h: h.start)
        self.hits.extend(group_hits(pt, self.taken))
        self.hits.extend(enumeration_hits(pt, sorted(self.hits, key=lambda h: h.start), self.taken))
        self.hits.extend(majority_hits(pt, self.hits, self.taken))
        self.hits.extend(repeated_hits(pt, self.taken))
        for h in self.hits:
            join_foreign(pt, h)
        return sorted(self.hits, key=lambda h: h.start)

    def pick(self, surnamed: PersonHit | None, foreign: PersonHit | None) -> PersonHit | None:
        """The surname reading, unless a transliterated one is the only one
        or a long one that outruns a title-cued surname reading."""
        long_enough = foreign and foreign.end - foreign.start >= self.rules.min_foreign_over_title
        if foreign and (surnamed is None or (surnamed.cue == "title" and foreign.end > surnamed.end
                                             and long_enough)):
            return foreign
        return surnamed

    def add(self, hit: PersonHit) -> None:
        self.hits.append(hit)
        self.taken.update(range(hit.start, hit.end))

    # -- the cues -----------------------------------------------------------
    def previous_hit_before_separator(self, i: int) -> PersonHit | None:
        """The hit that ends right before the list separator at i - 1."""
        if i >= 1 and self.pt.text[i - 1] in self.rules.separators:
            return next((h for h in reversed(self.hits) if h.end == i - 1), None)
        return None

    def left_cue(self, i: int) -> tuple[Cue, object]:
        """(strength, chain) of what stands before i: a title chain, or an
        enumeration whose previous item was accepted."""
        chain = self.pt.chain_end.get(i)
        if chain is not None:
            return Cue.STRONG, chain
        if i >= 2 and (prev := self.previous_hit_before_separator(i)) is not None:
            return Cue.LIST, prev.chain
        return Cue.NONE, None

    def creator_before(self, i: int) -> bool:
        """本报记者 张天培, 记者刘正学、果永毅: a reporter or editor, not skipped
        (the article layer claims them as `creators`) but marked so."""
        text = self.pt.text
        j = i
        while j > 0 and text[j - 1] in " ：:\u3000（(":
            j -= 1
        if self.rules.creators.ends(text, j):
            return True
        prev = self.previous_hit_before_separator(i)
        return bool(prev and prev.attrs.get("creator"))

    def left_context(self, i: int) -> LeftCue:
        strength, chain = self.left_cue(i)
        creator = self.creator_before(i)
        appointed = self.rules.appointment.ends(self.pt.text, i) is not None
        if (creator or appointed) and not strength:
            strength = Cue.STRONG   # 任命李明为…: the verb vouches for the name
        return LeftCue(strength, chain, creator, appointed)

    def right_cue(self, end: int, cand: str) -> Cue:
        """How strongly the text at `end` says 'a name just ended'."""
        pt, rules = self.pt, self.rules
        if end >= pt.length or pt.text[end] in PUNCT or not is_cjk(pt.text[end]):
            return Cue.WEAK
        if not pt.boundary(end):
            return Cue.NONE         # 倪莎接|到: a cue word cut in half is no cue
        if pt.starts(end, rules.person_suffixes) or pt.starts(end, rules.speech):
            return Cue.STRONG
        if end in pt.title_at and cand[-1] not in rules.body_end:
            return Cue.STRONG
        if pt.starts(end, rules.end_words):
            return Cue.WEAK
        return Cue.NONE

    # -- one candidate --------------------------------------------------------
    def at(self, i: int) -> PersonHit | None:
        """The surname-led name starting at i, an anonymised one (刘某), or None."""
        surname_len = self.surname_length(i)
        if not surname_len:
            return None
        anonymised = self.anonymised(i, surname_len)
        left = self.left_context(i)
        cand = self.candidate(i, surname_len, left.appointed)
        if cand is None:
            return anonymised
        cue = vouch(cand, left)
        if cue is None:
            return anonymised
        if anonymised and anonymised.end > cand.end:
            return anonymised
        if cue == "list" and self.previous_hit_before_separator(i).cue in UNCUED:
            cue = "uncued_list"     # 某玉兰、某棠: a list led by an uncued token vouches less
        chain = left.chain
        if not left.strength:
            chain = self.pt.chain_start.get(cand.end) if cue == "suffix" else None
        return PersonHit(i, cand.end, cue, chain=chain, attrs={"creator": True} if left.creator else {},
                         rule=_rule_of(cue, left))

    def surname_length(self, i: int) -> int:
        text = self.pt.text
        if text[i:i + 2] in self.rules.double:
            return 2
        return 1 if text[i] in self.rules.single else 0

    def candidate(self, i: int, surname_len: int, appointed: bool) -> Candidate | None:
        """The best-cued end among the given-name lengths, or None."""
        pt, rules = self.pt, self.rules
        options = []
        for given_len in rules.given_lengths:
            end = i + surname_len + given_len
            if not self.plausible(i, end, surname_len):
                continue
            if appointed and pt.text.endswith(rules.appointment_as, 0, end) \
                    and given_len - len(rules.appointment_as) >= rules.min_given:
                continue    # 任命李明为…: 为 is "as"
            options.append((end, self.right_cue(end, pt.text[i:end])))
        if not options:
            return None
        end, right = self.choose(options)
        # 高度|重视: a three-character span made of a word and half of the next
        # word is two words, not a name
        if end - i == 3 and pt.text[i:i + 2] in pt.lexicon and pt.text[end - 1:end + 1] in pt.lexicon:
            options = [o for o in options if o[0] != end]
            if not options:
                return None
            end, right = self.choose(options)
        return Candidate(pt, i, end, surname_len, right)

    def plausible(self, i: int, end: int, surname_len: int) -> bool:
        pt, rules = self.pt, self.rules
        if end > pt.length or pt.text[i:end] in rules.not_names:
            return False
        if surname_len == 1 and pt.text[i] == pt.text[i + 1]:
            return False    # 蒙蒙亮, 高高兴兴: a reduplicated word, not a surname and a name
        if pt.people_count_at(end - 1):
            return False    # 某梦四位选手: the numeral counts the list, it ends no name
        opener = pt.starts(i + surname_len, rules.end_words)
        if opener and len(opener) > 1:
            return False    # 某卢|今天说: a word that ends names cannot begin the given name
        framed = pt.starts(end, rules.post_frame) is not None   # 某某同志任…: any given name
        for k in range(i + surname_len, end):
            ch = pt.text[k]
            if not is_cjk(ch) or (ch in rules.nonname and not framed) or k in pt.title_at:
                return False
        return True

    def choose(self, options):
        """Pick the end: the stronger right cue, then a token boundary, then a
        last character that does not start a word with the next (倪莎|接到),
        then the longer (3-character names are the most common)."""
        def key(opt):
            end, right = opt
            return (right, self.pt.boundary(end), not self.pt.glued_at(end), end)
        return max(options, key=key)

    def anonymised(self, i: int, surname_len: int) -> PersonHit | None:
        suffix = self.pt.starts(i + surname_len, self.rules.anonymised)
        if not suffix or not self.pt.boundary(i):
            return None
        if i > 0 and self.pt.text[i - 1:i + 1] in self.pt.lexicon:
            return None     # 时任某基地: the "surname" ends a word with the character before
        return PersonHit(i, i + surname_len + len(suffix), "anonymised", anonymised=True,
                         rule="persons.anonymised")


def _rule_of(cue: str, left: LeftCue) -> str:
    if cue == "title" and left.chain is None:
        return "persons.after_appointment_verb"
    return RULE_OF_CUE[cue]


# the rule id of a surname-led name by the cue that vouched for it
RULE_OF_CUE = {"title": "persons.title_before", "creator": "persons.creator_before",
               "speech": "persons.speech_after", "suffix": "persons.suffix_after",
               "list": "persons.list_item", "token": "persons.lone_token",
               "uncued_list": "persons.uncued_list_item", "unknown_token": "persons.unknown_token"}
# the cues of hits that vouch for no list after them on their own: an
# uncued token and the items listed after one (kg_stat_gate asks LAC)
UNCUED = ("token", "uncued_list", "unknown_token")
