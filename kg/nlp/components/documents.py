"""DOCUMENT mentions: policy, legal and official texts (spec §7 "Documents").

- A 《…》 title is a document when its words are a document's: it ends with
  a document's head word (…意见, …条例, …请示), opens with 关于, carries a
  draft mark in a closing bracket (（草案）, （试行）), is followed by one
  (《…》白皮书) or comes right after an issuing verb (印发《…》); so is a
  title in single angle quotes, inside one (《关于修改〈某某法〉的决定》)
  or alone, by the same words. Any other
  title names a film, a TV show, a book, a song or a column: no document, and
  no name inside it is an entity either (《长津湖》 is no lake).
- A quoted short name of a set of measures (“稳岗十条”, “新20条”) and a
  name that opens with a quoted term and ends with a document's head word
  (“十四五”某某规划) are documents; so is an edition of a plan (第三版实施方案).
- An unquoted regulation right after a trigger verb (制定出台某某管理规定),
  and the names listed after a title or such a regulation.
- An unquoted list or partnership plan after the verb that issues, applies,
  signs or shortens it (实施某某准入负面清单, 实施双方|某某伙伴关系行动计划).
- An unquoted treaty, agreement or declaration named by the parties it
  binds (某国核问题全面协议, 甲国和乙国引渡条约).
- An unquoted 关于-title on an agenda (审议国务院关于某某情况的报告), and a law
  named bare inside it (关于检查某某法实施情况的报告), and a body's plan for a
  year (某某常委会2023年度工作要点和立法工作计划): documents_unquoted.
- A body's work report and rules named by the body (某某常委会工作报告,
  某某委员会协商工作规则), a government's report named bare (政府工作报告),
  a treaty named by a stem after a verb binding a party (退出|某核协议):
  documents_named.
kg.nlp.components.programs runs this finder; the words are in
rules/programs.toml (the title_* and doc_* keys).

Size: one finder for every kind of document, since the kinds resolve against
each other (a title read first shields the words inside it from the others);
the longer shapes live in documents_unquoted and documents_named.
"""

import re
from functools import lru_cache

from kg.nlp.components.documents_named import body_rules, named_treaties, work_reports
from kg.nlp.components.documents_unquoted import about_titles, checked_laws, year_plans
from kg.nlp.mentions import Mention
from kg.nlp.textscan import alternation, is_cjk, longest_first


@lru_cache(maxsize=8)
def _patterns(rules) -> dict:
    """The regexes compiled from a rule set's document words."""
    cfg = rules.programs
    opening = re.escape("".join(q[0] for q in cfg.quotes))
    closing = re.escape("".join(q[1] for q in cfg.quotes))
    count = rf"(?<!{re.escape(cfg.edition_marks[0])})[{re.escape(cfg.measure_count_chars)}]+{re.escape(cfg.measure_unit)}"
    gap = rf"(?:(?![{re.escape(cfg.quote_gap_stops)}])[\u4e00-\u9fff\w]){{0,{cfg.max_quote_gap}}}?"
    name = rf"[\u4e00-\u9fff\w]{{2,{cfg.max_doc_name}}}?(?:{alternation(cfg.doc_suffixes)})(?![\u4e00-\u9fff])"
    heads = alternation(cfg.doc_suffixes)
    quoted_heads = alternation(cfg.quoted_doc_heads)
    return {
        "title": re.compile(rf"《[^《》\n]{{1,{cfg.max_title}}}》"),
        # 〈…〉: a title inside a title (《纪念〈某某宣言〉签署十周年声明》), or alone
        "inner_title": re.compile(rf"〈[^〈〉《》\n]{{1,{cfg.max_title}}}〉"),
        "bracket": re.compile(r"[（(][^（()）]*[)）]$"),
        "edition_year": re.compile(r"\d{4}(?:年|年版|版)?$"),   # 《…报告2020》, 《…战略2035》
        "doc": re.compile(rf"(?:{alternation(cfg.doc_triggers)})(?:{re.escape(cfg.perfective)})?({name})"),
        "doc_name": re.compile(name),
        # “稳岗十条”, “新20条”措施: a quoted count of measures
        "measures": re.compile(rf"[{opening}][\u4e00-\u9fff\w]{{0,{cfg.max_quoted_name}}}?{count}"
                               rf"(?:{alternation(cfg.measure_heads)})?[{closing}](?:{alternation(cfg.measure_heads)})?"),
        # 新修订的某某法 (正式实施): a law named by its short name after its revision
        "revised_law": re.compile(rf"(?:{alternation(cfg.revised_law_openers)})([\u4e00-\u9fff]{{2,{cfg.max_doc_name}}}?"
                                  rf"{re.escape(cfg.law_suffix)})(?=[^\u4e00-\u9fff]|{alternation(cfg.revised_law_followers)})"),
        # 审议某某法修订草案、某某法草案: draft laws on a legislature's agenda
        "draft_law": re.compile(rf"(?:{alternation(cfg.draft_law_openers)})(?:{alternation(cfg.draft_law_skips)})*"
                                rf"((?:(?!{alternation((*cfg.draft_law_openers, *cfg.title_openers, *cfg.draft_law_marks))})[\u4e00-\u9fff])"
                                rf"{{2,{cfg.max_doc_name}}}?{re.escape(cfg.law_suffix)}(?:{alternation(cfg.draft_law_marks)}))(?:(?![\u4e00-\u9fff])|(?=的))"),
        # 党的某某大报告: the report to a party congress
        "congress_report": re.compile(cfg.congress_report_pattern),
        # 中央军委2021年1号命令: a numbered order under its issuer's name
        "numbered_order": re.compile(cfg.numbered_order_pattern),
        # “十四五”规划, “十四五”某某发展规划: a quoted term, a head word
        "quoted_doc": re.compile(rf"[{opening}][^{opening}{closing}\n]{{1,{cfg.max_quoted_name}}}[{closing}]"
                                 rf"{gap}(?:{quoted_heads})"
                                 rf"(?:{alternation(cfg.doc_year_joiners)}\d{{4}}年[\u4e00-\u9fff]{{1,{cfg.max_quote_gap}}}?"
                                 rf"(?:{heads}))?(?=$|[^\u4e00-\u9fff]|[{re.escape(cfg.doc_name_followers)}])"),
        # 某某二十条措施 (unquoted): the count and head; the name's start is found leftwards
        "bare_measures": re.compile(rf"{count}(?:{alternation(cfg.measure_heads)})"),
        # 某国核问题全面协议: a treaty's head; its parties are read leftwards
        "treaty": re.compile(alternation(longest_first(cfg.treaty_heads))),
        # 实施|某某准入负面清单: a list or a plan in force, after the verb and an edition's or parties' words
        "applied_doc": re.compile(rf"(?:{alternation(cfg.applied_doc_verbs)}){re.escape(cfg.perfective)}?"
                               rf"(?:{alternation(cfg.applied_doc_leads)})?"
                               rf"((?:(?!{re.escape(cfg.of_particle)})[\u4e00-\u9fff]){{2,{cfg.max_applied_doc_core}}}?"
                               rf"(?:{alternation(cfg.applied_doc_heads)}))"
                               rf"(?!{alternation(cfg.heads)})"),   # …清单|制度: a system's name
        # 第三版实施方案: an edition of a plan
        "edition": re.compile(rf"{re.escape(cfg.edition_marks[0])}[{re.escape(cfg.measure_count_chars)}]+"
                              rf"{re.escape(cfg.edition_marks[1])}[\u4e00-\u9fff]{{2,{cfg.max_quote_gap}}}?(?:{heads})"),
    }


class DocumentFinder:
    """The DOCUMENT mentions of a text, and the spans of the titles that are
    no document (whose words name nothing)."""

    def __init__(self, rules):
        self.rules, self.cfg = rules, rules.programs
        self.parties = ()       # the bodies and places of the text being read (set per call)
        self.priority = rules.priorities
        self.doc_suffixes = tuple(sorted(self.cfg.doc_suffixes, key=len, reverse=True))
        self.title_heads = longest_first((*self.cfg.doc_suffixes, *self.cfg.title_heads))

    def find(self, text, parties=()):
        """(mentions, work_titles): the documents, and the (start, end) of each
        《…》 title that names a work, not a document. `parties`: the (start,
        end) of the bodies and places found, which an unquoted agreement's
        name must hold."""
        pat = _patterns(self.rules)
        self.parties = parties
        out, works = [], []
        for m in pat["title"].finditer(text):
            if not self.is_document_title(text, m.start(), m.end()):
                works.append(m.span())
                continue
            out.append(self._mention(text, *m.span(), "document_title", "programs.document_title"))
            spans = [piece for a, b in self._doc_list_after(text, m.end())   # 《A》、B规定和C办法
                     for piece in self._doc_split(text, a, b)]
            out += self._unquoted_docs(text, spans, "programs.document_listed_after_title")
        inner = [self._mention(text, *m.span(), "document_title", "programs.document_inner_title")
                 for m in pat["inner_title"].finditer(text)
                 if not self._inside(m.start(), works) and self.is_document_title(text, m.start(), m.end())]
        for m in inner:
            m.attrs["inner_title"] = True     # kept nested in the title holding it (kg_resolve)
        out += inner
        for m in pat["doc"].finditer(text):
            out += self._unquoted_docs(text, self._doc_list(text, *m.span(1)), "programs.document_after_trigger")
        for key, rule in (("measures", "programs.document_measures"), ("quoted_doc", "programs.document_quoted"),
                          ("edition", "programs.document_edition")):
            out += [self._mention(text, *m.span(), "document_quoted", rule) for m in pat[key].finditer(text)
                    if not self._inside(m.start(), works) and self._quoted_name(m.group())]
        quoted = [(m.start, m.end) for m in out]
        out += [self._mention(text, s, e, "document_unquoted", "programs.document_measures")
                for s, e in self._bare_measures(text, pat["bare_measures"]) if not self._inside(s, works + quoted)]
        out += [self._mention(text, *m.span(1), "document_unquoted", "programs.document_revised_law")
                for m in pat["revised_law"].finditer(text) if not self._inside(m.start(1), works + quoted)
                and not m.group(1).endswith(tuple(self.cfg.doc_not_ends))]
        out += [self._mention(text, *m.span(1), "document_unquoted", "programs.document_draft_law")
                for m in pat["draft_law"].finditer(text) if not self._inside(m.start(1), works + quoted)]
        about = [(s, e) for s, e in about_titles(text, self.cfg) if not self._inside(s, works + quoted)]
        out += [self._mention(text, s, e, "document_about", "programs.document_about", holds_names=True)
                for s, e in about]
        out += [self._mention(text, s, e, "document_unquoted", "programs.document_checked_law", inner_title=True)
                for s, e in checked_laws(text, self.cfg, about)]
        for s, e, name in year_plans(text, self.cfg, parties):
            if not self._inside(s, works + quoted):
                out.append(self._mention(text, s, e, "document_unquoted", "programs.document_year_plan",
                                         full_name=name))   # …和立法、监督工作计划: the plan named in full
        out += self._named_docs(text, parties, works + quoted)
        out += [self._mention(text, *m.span(), "document_unquoted", "programs.document_congress_report")
                for m in pat["congress_report"].finditer(text) if not self._inside(m.start(), works + quoted)]
        out += [self._mention(text, *m.span(), "document_unquoted", "programs.document_numbered_order")
                for m in pat["numbered_order"].finditer(text) if not self._inside(m.start(), works + quoted)]
        out += [self._mention(text, *m.span(1), "document_unquoted", "programs.document_list")
                for m in pat["applied_doc"].finditer(text) if not self._inside(m.start(1), works + quoted)]
        out += [self._mention(text, s, e, "document_unquoted", "programs.document_treaty")
                for s, e in self._treaties(text, pat["treaty"]) if not self._inside(s, works + quoted)]
        return out, works

    def _named_docs(self, text, parties, skip) -> list:
        """The work reports, bodies' rules and treaties named without 《》
        (documents_named), outside the `skip` spans; a name opening with its
        body holds the body nested."""
        out = []
        for finder, rule in ((work_reports, "programs.document_work_report"), (body_rules, "programs.document_body_rules")):
            for s, e, issuer_end in finder(text, self.cfg, parties):
                if not self._inside(s, skip):
                    attrs = {"holds_names": True, "issuer_end": issuer_end} if issuer_end is not None else {}
                    out.append(self._mention(text, s, e, "document_unquoted", rule, **attrs))
        return out + [self._mention(text, s, e, "document_unquoted", "programs.document_named_treaty")
                      for s, e, _ in named_treaties(text, self.cfg) if not self._inside(s, skip)]

    def _treaties(self, text, pattern) -> list:
        """(start, end) of each unquoted treaty, agreement or declaration named
        by the parties it binds (某国核问题全面协议, 甲国和乙国引渡条约): from the
        first of the parties joined before the head, when what stands between
        the last party and the head is no clause (某国退出|某城协定)."""
        cfg, out = self.cfg, []
        clause = (*cfg.left_boundaries, *cfg.treaty_clause_words, *cfg.doc_triggers, *cfg.quoted_gap_verbs)
        for m in pattern.finditer(text):
            if text.startswith(cfg.treaty_not_followed_by, m.end()):
                continue    # 某某条约组织: a body
            lo = m.start() - cfg.max_treaty_core
            party = max((p for p in self.parties if lo <= p[1] <= m.start() and p[0] < p[1]), key=lambda p: p[1],
                        default=None)
            between = text[party[1]:m.start()] if party is not None else ""
            if party is None or not all(is_cjk(ch) for ch in between) or any(w in between for w in clause):
                continue
            start = party[0]
            while (prev := next((p for p in self.parties if p[1] == start or p[1] == start - 1
                                 and text[start - 1] in cfg.treaty_party_joins), None)) is not None:
                start = prev[0]     # 甲国和乙国…, 中美…: the parties before, joined
            out.append((start, m.end()))
        return out

    def _bare_measures(self, text, pattern) -> list:
        """(start, end) of each unquoted count of measures (某某防控二十条措施):
        its name runs back to punctuation or a word that opens a name."""
        cfg, out = self.cfg, []
        words = (*cfg.left_boundaries, *cfg.measure_left_words)
        openings = "".join(q[0] for q in cfg.quotes)
        for m in pattern.finditer(text):
            lo, start = max(0, m.start() - cfg.max_measure_core), None
            for i in range(m.start(), lo - 1, -1):
                if i == 0 or not is_cjk(text[i - 1]) or any(text.endswith(w, 0, i) for w in words):
                    start = i
                    break
            if start is not None and m.start() - start >= 2 and text[start - 1:start] not in openings:
                out.append((start, m.end()))
        return out

    def _quoted_name(self, name) -> bool:
        """Whether a name read from quotes and a head word is one: not a
        sentence quoted (“…，…”) and no verb between the quote and the head
        (“某某”交换意见, “某某”出台细则 are running text)."""
        cfg = self.cfg
        close = max(name.rfind(q[1]) for q in cfg.quotes)
        inner, gap = name[1:close], name[close + 1:]
        return not name.endswith(tuple(cfg.doc_not_ends)) and not any(c in inner for c in cfg.quote_not_ends) \
            and not any(v in gap for v in cfg.quoted_gap_verbs)

    def _mention(self, text, s, e, priority, rule, **attrs):
        return Mention(s, e, "DOCUMENT", text[s:e], "kg_programs", self.priority[priority], attrs, rule=rule)

    @staticmethod
    def _inside(pos, spans) -> bool:
        return any(a <= pos < b for a, b in spans)

    def is_document_title(self, text, s, e) -> bool:
        """Whether the 《…》 title at text[s:e] names a document (the module
        docstring says when)."""
        cfg, inner = self.cfg, text[s + 1:e - 1]
        bracket = _patterns(self.rules)["bracket"]
        while (b := bracket.search(inner)) and b.start() > 0:   # 《…条例（草案）》, 《…（2021—2025年）》
            if any(w in b.group() for w in cfg.title_draft_marks):
                return True
            inner = inner[:b.start()]
        inner = _patterns(self.rules)["edition_year"].sub("", inner)
        if inner.endswith(self.title_heads) and not inner.endswith(tuple(cfg.doc_not_ends)):
            return True
        if inner.startswith(tuple(cfg.title_openers)) or text.startswith(tuple(cfg.title_followers), e):
            return True
        before = text[max(0, s - 6):s].removesuffix(cfg.perfective)
        return before.endswith(tuple(cfg.title_issuing_verbs))

    def _unquoted_docs(self, text, spans, rule: str) -> list:
        """DOCUMENT mentions of the spans that name a document: not a kind of
        one (签订收购协议), not a verb phrase (出台和完善了一批管理办法), not a
        word that only ends like a law (执法); a notice issuing a document
        (印发X方案的通知) names X."""
        cfg, out = self.cfg, []
        for s, e in spans:
            cut = text.rfind(cfg.of_particle, s, e)
            if cut > s and text.endswith(self.doc_suffixes, s, cut) and text[cut + 1:e] in self.doc_suffixes:
                e = cut   # 印发大方县…实施方案的通知: the 方案 is what is issued
            suffix = next(x for x in self.doc_suffixes if text.endswith(x, s, e))
            name = text[s:e]
            if cfg.of_particle in name and name[name.rfind(cfg.of_particle) + 1:] not in self.doc_suffixes:
                continue   # 造福人民的好法: a described kind, not a name (…入市的指导意见 is one)
            if text[s].isdigit():
                continue   # 200多份合作协议: a count of them
            if not self._named_enough(s, e, suffix):
                continue
            if text[s:e - len(suffix)] in cfg.generic_doc_cores or text[s] in cfg.doc_not_starts \
                    or text[s] in cfg.doc_list_separators or cfg.perfective in text[s:e] \
                    or text.endswith(tuple(cfg.doc_not_ends), s, e):
                continue
            out.append(self._mention(text, s, e, "document_unquoted", rule))
        return out

    def _named_enough(self, s, e, suffix) -> bool:
        """An unquoted agreement names a party it binds (某省人民政府某市人民政府
        战略合作框架协议; 签订项目合作协议 is a kind of one), and other unquoted
        documents have a core of min_doc_core characters before the head
        (最新通知, 专门方案 are kinds), except a law's (某某法, 某法修正案)."""
        cfg = self.cfg
        if suffix in cfg.party_doc_suffixes:
            return any(s <= a and b <= e - len(suffix) for a, b in self.parties)
        return suffix in cfg.short_core_suffixes or e - len(suffix) - s >= cfg.min_doc_core

    def _doc_list(self, text, s, e) -> list:
        """The documents of one unquoted name after a trigger: cut at every
        list separator (rules/programs.toml doc_list_separators) that ends a
        document name (审议通过了安全生产法修正案和数据安全法: two laws)."""
        return [piece for a, b in [(s, e), *self._doc_list_after(text, e)] for piece in self._doc_split(text, a, b)]

    def _doc_list_after(self, text, e) -> list:
        """The names that go on a list after a document ending at e (…办法、B规定)."""
        out, name = [], _patterns(self.rules)["doc_name"]
        while e < len(text) and text[e] in self.cfg.doc_list_separators:
            more = name.match(text, e + 1)
            if more is None:
                break
            out.append(more.span())
            e = more.end()
        return out

    def _doc_split(self, text, s, e) -> list:
        seps, not_ends = self.cfg.doc_list_separators, tuple(self.cfg.doc_not_ends)
        out, start = [], s
        for i in range(s + 2, e - 2):
            if text[i] in seps and text.endswith(self.doc_suffixes, start, i) \
                    and not text.endswith(not_ends, start, i) and i - start >= 3:
                out.append((start, i))
                start = i + 1
        return out + [(start, e)]
