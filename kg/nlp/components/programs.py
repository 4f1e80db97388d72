"""PROGRAM and DOCUMENT: named initiatives and policy documents.

- DOCUMENT: every 《…》 title; an unquoted regulation right after a trigger
  verb (制定出台公安机关执法公开规定).
- PROGRAM: a quoted name with a head noun ("三个当场"制度, "春雷行动2021"),
  and an unquoted name + head noun whose left edge is the verb, punctuation or
  function word before it (建立|12389投诉平台).
All word lists are in rules/programs.toml.
"""

import re

from spacy.language import Language

from kg import ruleset
from kg.nlp.mentions import Mention, doc_text, mentions_of
from kg.nlp.textscan import PUNCT, alternation, is_cjk


@Language.factory("kg_programs", default_config={"rules": None}, assigns=["doc._.kg_mentions"], requires=[])
def make_programs(nlp, name, rules: str | None):
    return ProgramFinder(rules)


class ProgramFinder:
    """`rules`: a rules folder (None: the rule set in force)."""

    def __init__(self, rules: str | None = None):
        self.rules = ruleset.load(rules)
        cfg = self.cfg = self.rules.programs
        self.priority = self.rules.priorities
        heads = alternation(cfg.heads)
        bare_heads = [h for h in cfg.heads if h not in cfg.quoted_only_heads]
        gap, qmax = cfg.max_quote_gap, cfg.max_quoted_name
        # quotation marks as data: “…”, "…", 「…」, ‘…’, 『…』 (rules/programs.toml quotes)
        opening = re.escape("".join(q[0] for q in cfg.quotes))
        closing = re.escape("".join(q[1] for q in cfg.quotes))
        inside = rf"[^{opening}{closing}\n]{{1,{qmax}}}"
        self.quoted_re = re.compile(
            rf"[{opening}]({inside})[{closing}]({re.escape(cfg.of_particle)})?"
            rf"((?:(?![{re.escape(cfg.quote_gap_stops)}])[\u4e00-\u9fff\w]){{0,{gap}}})")
        self.heads = sorted(cfg.heads, key=len, reverse=True)
        self.head_nf = set(cfg.head_not_followed_by)
        self.quote_only_re = re.compile(rf"[{opening}]({inside})[{closing}]")
        self.head_in_quote = re.compile(rf"({heads})")
        self.quote_not_ends = cfg.quote_not_ends
        nf = cfg.head_not_followed_by
        nf_words = cfg.head_not_followed_by_words
        guard = (rf"(?![{re.escape(nf)}])" if nf else "") + (rf"(?!{alternation(nf_words)})" if nf_words else "")
        self.head_nf_words = tuple(nf_words)
        self.bare_head_re = re.compile(rf"({alternation(bare_heads)}){guard}")
        self.title_re = re.compile(rf"《[^《》\n]{{1,{cfg.max_title}}}》")
        name = rf"[\u4e00-\u9fff\w]{{2,{cfg.max_doc_name}}}?(?:{alternation(cfg.doc_suffixes)})(?![\u4e00-\u9fff])"
        self.doc_re = re.compile(rf"(?:{alternation(cfg.doc_triggers)})(?:{re.escape(cfg.perfective)})?({name})")
        self.doc_name_re = re.compile(name)
        self.left = sorted(cfg.left_boundaries, key=len, reverse=True)
        self.doc_suffixes = tuple(sorted(cfg.doc_suffixes, key=len, reverse=True))
        self.generic_doc_cores = set(cfg.generic_doc_cores)
        self.doc_list_seps = set(cfg.doc_list_separators)
        self.doc_not_ends = cfg.doc_not_ends
        self.doc_not_starts = cfg.doc_not_starts
        self.of_particle, self.perfective = cfg.of_particle, cfg.perfective

    def __call__(self, doc):
        text = doc_text(doc)
        out = mentions_of(doc)
        for m in self.title_re.finditer(text):
            out.append(Mention(m.start(), m.end(), "DOCUMENT", m.group(), "kg_programs",
                               self.priority["document_title"], rule="programs.document_title"))
            spans = [piece for a, b in self._doc_list_after(text, m.end())   # 《A》、B规定和C办法
                     for piece in self._doc_split(text, a, b)]
            out += self._unquoted_docs(text, spans, "programs.document_listed_after_title")
        for m in self.doc_re.finditer(text):
            out += self._unquoted_docs(text, self._doc_list(text, *m.span(1)), "programs.document_after_trigger")
        for m in self.quoted_re.finditer(text):
            end = self._last_head_end(text, m.start(3), m.end(3))
            if end is not None:
                out.append(Mention(m.start(), end, "PROGRAM", text[m.start():end], "kg_programs",
                                   self.priority["program_quoted"], {"quoted": m.group(1)},
                                   rule="programs.quoted_then_head"))
        for m in self.quote_only_re.finditer(text):
            inner = m.group(1)
            if self.head_in_quote.search(inner) and inner[-1] not in self.quote_not_ends:
                out.append(Mention(m.start(), m.end(), "PROGRAM", m.group(), "kg_programs",
                                   self.priority["program_quote_only"], {"quoted": inner},
                                   rule="programs.quoted_with_head"))
        out.extend(self._bare(text))
        return doc

    def _unquoted_docs(self, text, spans, rule: str) -> list:
        """DOCUMENT mentions of the spans that name a document: not a kind of
        one (签订收购协议), not a verb phrase (出台和完善了一批管理办法), not a
        word that only ends like a law (执法); a notice issuing a document
        (印发X方案的通知) names X."""
        out = []
        for s, e in spans:
            cut = text.rfind(self.of_particle, s, e)
            if cut > s and text.endswith(self.doc_suffixes, s, cut) and text[cut + 1:e] in self.doc_suffixes:
                e = cut   # 印发大方县…实施方案的通知: the 方案 is what is issued
            suffix = next(x for x in self.doc_suffixes if text.endswith(x, s, e))
            if text[s:e - len(suffix)] in self.generic_doc_cores or text[s] in self.doc_not_starts \
                    or text[s] in self.doc_list_seps or self.perfective in text[s:e] \
                    or text.endswith(self.doc_not_ends, s, e):
                continue
            out.append(Mention(s, e, "DOCUMENT", text[s:e], "kg_programs",
                               self.priority["document_unquoted"], rule=rule))
        return out

    def _doc_list(self, text, s, e) -> list:
        """The documents of one unquoted name after a trigger: cut at every
        list separator (rules/programs.toml doc_list_separators) that ends a
        document name (审议通过了安全生产法修正案和数据安全法: two laws)."""
        return [piece for a, b in [(s, e), *self._doc_list_after(text, e)] for piece in self._doc_split(text, a, b)]

    def _doc_list_after(self, text, e) -> list:
        """The names that go on a list after a document ending at e (…办法、B规定)."""
        out = []
        while e < len(text) and text[e] in self.doc_list_seps:
            more = self.doc_name_re.match(text, e + 1)
            if more is None:
                break
            out.append(more.span())
            e = more.end()
        return out

    def _doc_split(self, text, s, e) -> list:
        out, start = [], s
        for i in range(s + 2, e - 2):
            if text[i] in self.doc_list_seps and text.endswith(self.doc_suffixes, start, i) \
                    and not text.endswith(self.doc_not_ends, start, i) and i - start >= 3:
                out.append((start, i))
                start = i + 1
        return out + [(start, e)]

    def _last_head_end(self, text, s, e):
        """The furthest position in text[s:e] where a head noun ends ("…"工作清单
        is a 清单, not a 工作), or None."""
        for end in range(e, s, -1):
            if text[end:end + 1] in self.head_nf or text.startswith(self.head_nf_words, end):
                continue
            if any(text.endswith(h, s, end) for h in self.heads):
                return end
        return None

    def _bare(self, text):
        found = []
        for m in self.bare_head_re.finditer(text):
            start = self._left_edge(text, m.start())
            if start is None:
                continue
            core = text[start:m.start()]
            if len(core) < self.cfg.min_bare_core or core in self.cfg.bad_cores or \
                    any(core.startswith(b) for b in self.cfg.bad_core_starts):
                continue
            found.append(Mention(start, m.end(), "PROGRAM", text[start:m.end()], "kg_programs",
                                 self.priority["program_bare"], rule="programs.bare_head"))
        return found

    def _list_piece(self, text, sep):
        """True when the item before a 、 at sep is short and starts at a boundary."""
        n = self.cfg.max_list_item
        for k in range(1, n + 1):
            j = sep - k
            if j < 0 or not (is_cjk(text[j]) or text[j].isalnum()):
                return False
            before = text[j - 1] if j > 0 else ""
            if before == "" or before in PUNCT or any(text.endswith(w, 0, j) for w in self.left):
                return True
        return False

    @staticmethod
    def _parallel(text, sep, head_start):
        """办案场所、办案机制: items that repeat their modifier are a list of
        parallel things, only the last of which has the head."""
        last = text[sep + 1:head_start]
        return len(last) >= 2 and text[max(0, sep - 4):sep].find(last[:2]) != -1

    def _left_edge(self, text, head_start):
        """Where an unquoted name starts: after the verb, punctuation or
        function word before it. A short list joined by 、 stays in the name
        (证券、基金、保险公司互换便利; 股票回购、增持再贷款)."""
        i = head_start
        limit = head_start - self.cfg.max_bare_core
        while i > 0 and i > limit:
            ch = text[i - 1]
            if ch == "、" and self._list_piece(text, i - 1) and i - 1 < head_start and \
                    not self._parallel(text, i - 1, head_start):
                i -= 1
                continue
            if ch in PUNCT or not (is_cjk(ch) or ch.isalnum()):
                return i
            for w in self.left:
                if text.endswith(w, 0, i) and i - len(w) >= 0:
                    return i
            i -= 1
        return i if i == 0 else None
