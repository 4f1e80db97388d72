"""Quoted names listed before a kind word: “甲”“乙”、某某建设等|战略,
实施“甲”“乙”等|项目, “甲”等一大批重大科技|项目. Such a name carries no
head of its own; the list's kind after 等 says it is a programme. A second
count after 等 (等五个篇章145个|项目) names the parts of the things listed,
not their kind. Words and reaches: rules/programs.toml.
"""

import re

from kg.nlp.textscan import PUNCT, is_cjk


class ListedKinds:
    """The listed-kind reading of a PROGRAM reader's programs config `cfg`."""

    def __init__(self, cfg):
        self.cfg = cfg
        self.openings = set(q[0] for q in cfg.quotes)
        self.count_run_re = re.compile(rf"[{re.escape(cfg.count_chars)}]+{re.escape(cfg.kind_count_mark)}?"
                                       rf"[{re.escape(cfg.classifiers)}]")

    def kind(self, text, m, word_starts) -> str | None:
        """The rule by which the quoted name of a quote-only match `m` is a
        programme of the kind a head after 等 names, or None: the quote is
        followed by another quote, a 、 or 等 at once, 等 comes within
        listed_kind_span, the head within listed_kind_reach after it and ends
        a word (`word_starts`: the doc's word starts), no clause stop between."""
        cfg, inner, end = self.cfg, m.group(1), m.end()
        if not 2 <= len(inner) <= cfg.max_listed_name or not all(is_cjk(ch) or ch.isalnum() for ch in inner):
            return None
        nxt = text[end:end + 1]
        if not nxt or not (nxt in self.openings or nxt == "、" or text.startswith(cfg.kind_after_words, end)):
            return None
        stops = cfg.designation_stops
        for i in range(end, min(len(text), end + cfg.listed_kind_span)):
            if text[i] in stops:
                return None
            word = next((w for w in cfg.kind_after_words if text.startswith(w, i)), None)
            if word is None:
                continue
            j = i + len(word)
            for k in range(j, min(len(text), j + cfg.listed_kind_reach)):
                if self._second_count(text[j:k]):
                    return None    # 等五个篇章145个|项目: the parts of the things listed
                if text[k] in stops or text[k] in PUNCT:
                    return None
                head = next((h for h in cfg.listed_kind_heads if text.startswith(h, k)), None)
                if head is not None:
                    after = k + len(head)
                    if after >= len(text) or not is_cjk(text[after]) or after in word_starts:
                        return "programs.quoted_listed_kind"
            return None
        return None

    def _second_count(self, between) -> bool:
        """Whether `between` (after 等, before a head) holds a count after its
        leading one (五个篇章|145个; 一大批|重大科技 holds none)."""
        counts = list(self.count_run_re.finditer(between))
        return len(counts) > 1 or bool(counts) and counts[0].start() > 0
