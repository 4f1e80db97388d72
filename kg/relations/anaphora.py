"""该县, 该局, 全县 …: words that stand for an entity named earlier in the article.

Every relation reader sees the same stand-ins: they are found once per
sentence (`by_sentence`) and handed to the post reader (该院副院长X: the
court holds the post) and the verb reader (该县联合浙江大学打造…: the county
acts). The words and what each stands for: rules/relations.toml
[anaphora], [anaphora_words], [anaphora_not_followed_by], anaphor_marker.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.nlp.mentions import Mention
from kg.nlp.textscan import alternation


@dataclass(frozen=True, eq=False)
class StandIn:
    """An entity standing in at another mention (该县 for the county, a
    speaker for the body they head), shaped like a linked mention: the
    relation readers take `key` and `mention` from either."""
    key: tuple
    mention: Mention


def by_sentence(text: str, sents: list, mentions: list, rules) -> dict:
    """{(s, e): [StandIn, …]} for every sentence of an article, in text
    order; `mentions` are the article's linked mentions by start (nested ones
    too: 上海市|民政局 … 全市 is 上海市)."""
    return {(s, e): anaphors(text, s, e, mentions, rules) for s, e in sents}


def anaphors(text: str, s: int, e: int, mentions: list, rules) -> list:
    """Stand-ins for the anaphors in text[s:e]: each acts for the nearest
    earlier mention of its type whose name ends with what the anaphor
    names (该县 -> …县; 全市 -> …市)."""
    r = rules.relations
    out = []
    for m in _anaphor_re(rules).finditer(text, s, e):
        end = m.end()
        tail = m.group(1) or r.anaphora_words[m.group(2)]
        if text[end:end + 1] and text[end] in r.anaphora_not_followed_by.get(tail, ""):
            continue   # 该市场, 该区域: part of a word
        want = r.anaphora[tail]
        for lm in reversed(mentions):
            if lm.mention.start >= m.start() or lm.mention.type != want:
                continue
            name = lm.mention.attrs.get("canonical") or lm.mention.text
            if name.endswith(tail):
                out.append(StandIn(lm.key, Mention(m.start(), end, want, m.group(0), "anaphora")))
                break
    return out


@lru_cache(maxsize=8)
def _anaphor_re(rules) -> re.Pattern:
    """该(县|局|…) or one of the anaphora words (县里, 全县 …)."""
    r = rules.relations
    words = r.anaphora_words
    return re.compile(f"{re.escape(r.anaphor_marker)}({alternation(r.anaphora)})"
                      + (f"|({alternation(words)})" if words else ""))
