"""Transliterated names (克林顿, 希拉·威曼, 阿不都热依木·买买提).

Their characters (rules/persons.toml translit_chars) also spell foreign
places and plain words, so a run of them is a name only beside a strong
cue; a name in parts joined by a middle dot right after a title is one
whatever its characters.
"""

from kg.nlp.components.persons.hits import Cue, PersonHit
from kg.nlp.components.persons.text import PersonText
from kg.nlp.textscan import is_cjk


def dotted_at(pt: PersonText, i: int) -> PersonHit | None:
    """A name in parts joined by a middle dot right after a title
    (副县长阿不都热依木·买买提说, 主席艾尔肯·吐尼亚孜表示): the dot says
    "one transliterated name" whatever its characters, which the
    transliteration table cannot all hold (不, 都, 热 are words too). It
    ends where a speech verb, an end word or punctuation follows."""
    text, rules = pt.text, pt.rules
    chain = pt.chain_end.get(i)
    if chain is None:
        return None
    m = rules.dotted.match(text, i)
    if m is None:
        return None
    last_dot = max(text.rfind(j, i, m.end()) for j in rules.joiners)
    shortest = last_dot + 1 + rules.min_dotted_part
    longest = min(m.end(), last_dot + 1 + rules.max_dotted_last_part)
    for end in range(shortest, longest + 1):
        if end >= pt.length or not is_cjk(text[end]) or pt.starts(end, rules.speech) \
                or pt.starts(end, rules.end_words):
            return PersonHit(i, end, "title", chain=chain, rule="persons.dotted_after_title")
    return None


def kanji_name_at(pt: PersonText, i: int) -> PersonHit | None:
    """A name of three or four Han characters right after a title of a
    country whose people's names are written so (日本首相某田某雄、…,
    日本外相某某某表示): family and given names of two characters each (or
    one and two) that no Chinese surname need lead. It ends where
    punctuation, a speech verb, an end word, a joiner or a title follows,
    or where pkuseg reads the four as one word of its own (a famous name).
    Famous names are words of the lexicon (so are 办公室, 官邸): LAC's gate
    judges each."""
    text, rules = pt.text, pt.rules
    chain = pt.chain_end.get(i)
    if chain is None:
        return None
    before = chain.start - next((len(w) for w in rules.kanji_title_prefixes if text.endswith(w, 0, chain.start)), 0)
    if not any(text.endswith(c, 0, before) for c in rules.kanji_name_countries):
        return None
    for end in (i + 4, i + 3):
        if end > pt.length or not all(is_cjk(c) and c not in rules.nonname for c in text[i:end]):
            continue
        stops = end == pt.length or not is_cjk(text[end]) or text[end] in rules.foreign_glued_after \
            or pt.starts(end, rules.speech) or pt.starts(end, rules.end_words) or end in pt.title_at \
            or (end == i + 4 and text[i:end] in pt.lexicon and pt.one_token(i, 2, end))
        if stops and text[i:end] not in rules.not_names and text[end - 1] not in rules.body_end:
            return PersonHit(i, end, "title", chain=chain, rule="persons.kanji_after_title")
    return None


def foreign_at(pt: PersonText, i: int, left: Cue, chain) -> PersonHit | None:
    """A transliterated name starting at i, only beside a strong cue: `left`
    and `chain` are the cue before it (a title, an enumeration), else a
    head of state's or envoy's title (某哈尼总统, also where pkuseg glued a
    preposition to the name: 同|某哈尼), a speech verb or 先生/女士 after it."""
    text, rules = pt.text, pt.rules
    glued = not pt.boundary(i) and i > 0 and text[i - 1] in rules.foreign_glued_after and pt.boundary(i - 1)
    if text[i] not in rules.translit or not (pt.boundary(i) or glued):
        return None
    if i > 0 and text[i - 1] in rules.translit and i not in pt.chain_end:
        return None
    ends = _run_ends(pt, i)
    if not ends:
        return None
    titled = [k for k in ends if pt.starts(k, rules.foreign_titles_after)]
    if titled and not left and not (text[i:titled[-1]] in pt.lexicon or (i > 0 and text[i - 1] in rules.not_after)):
        return PersonHit(i, titled[-1], "suffix", rule="persons.foreign_before_title")
    if glued:
        return None

    def person_after(k):
        return pt.starts(k, rules.speech) or pt.starts(k, rules.person_suffixes)
    cued = [k for k in ends if person_after(k)]
    if left:
        end = cued[-1] if cued else ends[-1]
        if text[i:end] in rules.not_names or (end - i == 2 and text[i:end] in pt.lexicon and not cued):
            return None
        strong = left == Cue.STRONG
        if not strong and pt.in_place_list(end):
            return None     # 某某夫、某某松等地: an enumeration of places
        return PersonHit(i, end, "title" if strong else "list", chain=chain,
                         rule="persons.foreign_after_title" if strong else "persons.foreign_list_item")
    if not cued:
        return None
    end = cued[-1]
    if text[i:end] in pt.lexicon and not pt.starts(end, rules.person_suffixes):
        return None     # 俄罗斯表示, 巴黎宣布: places speak too
    if i > 0 and text[i - 1] in rules.not_after:
        return None
    return PersonHit(i, end, "speech", rule="persons.foreign_before_speech")


def _run_ends(pt: PersonText, i: int) -> list[int]:
    """Where a run of transliteration characters (and joiners between them)
    from i may end: at a token boundary, not right after a joiner."""
    text, rules = pt.text, pt.rules
    j = i
    while j < pt.length and j - i < rules.max_foreign_run and (
            text[j] in rules.translit
            or (text[j] in rules.joiners and j + 1 < pt.length and text[j + 1] in rules.translit)):
        j += 1
    return [k for k in range(i + 2, j + 1) if pt.boundary(k) and text[k - 1] not in rules.joiners]


def join_foreign(pt: PersonText, hit: PersonHit) -> None:
    """希拉·[威曼] -> [希拉·威曼]: take in the parts joined by a middle dot."""
    text, rules = pt.text, pt.rules
    start = hit.start
    while start >= 2 and text[start - 1] in rules.joiners and text[start - 2] in rules.translit \
            and hit.start - start < rules.max_foreign_join:
        k = start - 1
        while k > 0 and text[k - 1] in rules.translit and start - k < rules.max_foreign_part:
            k -= 1
        start = k
    end = hit.end
    while end + 1 < pt.length and text[end] in rules.joiners and text[end + 1] in rules.translit \
            and end - hit.end < rules.max_foreign_join:
        k = end + 1
        while k < pt.length and text[k] in rules.translit and k - end < rules.max_foreign_part:
            k += 1
        if not pt.boundary(k):
            break
        end = k
    hit.start, hit.end = start, end
