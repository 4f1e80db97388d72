"""PROGRAM and DOCUMENT: named initiatives and policy documents.

- DOCUMENT: kg.nlp.components.documents (《…》 titles whose words are a
  document's, quoted measures, regulations after a trigger verb). Words of both: rules/programs.toml.
- PROGRAM: a quoted name with a head noun ("三个当场"制度, "春雷行动2021") or an
  initiative's words around it (共建"某某"), or a kind named after the list
  it stands in ("某某""某某"等战略: kg.nlp.components.program_lists), and an unquoted name + head noun whose left edge is the verb, punctuation or function word before it
  (建立|12389投诉平台; a head too common alone, 试点, only after a launch verb:
  开展|某某改革试点); a name opening with a nationwide scope word
  (全民某某运动), a designation (培育|“某某型”企业), a route (中亚班列): kg.nlp.components.program_scopes;
  a region's programme named by its place (某某某|协同发展, 某河|文化带) and a
  state fair (中国国际某某|博览会): kg.nlp.components.program_regions.

Size: the quoted and the unquoted readers share the head words, the left
edges and the core gates; split apart, each would rebuild them.
"""

import re
from bisect import bisect_left

from spacy.language import Language

from kg import ruleset
from kg.nlp.components.documents import DocumentFinder
from kg.nlp.components.lac_edges import program_start
from kg.nlp.components.program_edges import after_launch_verb, described, equipment, initiative_context, predicate_cut
from kg.nlp.components.program_lists import ListedKinds
from kg.nlp.components.program_regions import region_expo_programs
from kg.nlp.components.program_scopes import scoped_designated_routes
from kg.nlp.lexical import Tagged
from kg.nlp.mentions import Mention, doc_text, mentions_of
from kg.nlp.textscan import PUNCT, alternation, is_cjk
from kg.nlp.words import word_bounds


@Language.factory("kg_programs", default_config={"rules": None}, assigns=["doc._.kg_mentions"], requires=[])
def make_programs(nlp, name, rules: str | None):
    return ProgramFinder(rules)


class ProgramFinder:
    """`rules`: a rules folder (None: the rule set in force)."""

    def __init__(self, rules: str | None = None):
        self.rules = ruleset.load(rules)
        cfg = self.cfg = self.rules.programs
        self.listed = ListedKinds(cfg)
        self.priority = self.rules.priorities
        heads = alternation(cfg.heads)
        bare_heads = [h for h in cfg.heads if h not in cfg.quoted_only_heads] + list(cfg.launched_heads)
        gap, qmax = cfg.max_quote_gap, cfg.max_quoted_name
        # quotation marks as data: “…”, "…", 「…」, ‘…’, 『…』 (rules/programs.toml quotes)
        opening = re.escape("".join(q[0] for q in cfg.quotes))
        closing = re.escape("".join(q[1] for q in cfg.quotes))
        inside = rf"[^{opening}{closing}\n]{{1,{qmax}}}"
        self.quoted_re = re.compile(
            rf"[{opening}]({inside})[{closing}]({re.escape(cfg.of_particle)})?"
            rf"((?:(?![{re.escape(cfg.quote_gap_stops)}])[\u4e00-\u9fff\w]){{0,{gap}}})")
        self.heads = sorted((h for h in cfg.heads if h not in cfg.bare_only_heads), key=len, reverse=True)
        self.inner_heads = tuple(h for h in self.heads if h not in cfg.quoted_adjacent_heads)
        self.head_nf = set(cfg.head_not_followed_by)
        self.quote_only_re = re.compile(rf"[{opening}]({inside})[{closing}]")
        self.head_in_quote = re.compile(rf"({heads})")
        nf = cfg.head_not_followed_by
        nf_words = cfg.head_not_followed_by_words
        guard = (rf"(?![{re.escape(nf)}])" if nf else "") + (rf"(?!{alternation(nf_words)})" if nf_words else "")
        self.head_nf_words = tuple(nf_words)
        self.bare_head_re = re.compile(rf"({alternation(bare_heads)}){guard}")
        self.documents = DocumentFinder(self.rules)
        self.formula_re = re.compile(rf"(?:{alternation(cfg.formula_verbs)}){re.escape(cfg.perfective)}?"
                                     rf"([{opening}]([^{opening}{closing}\n]{{3,{cfg.max_formula}}})[{closing}])")
        self.left = sorted(cfg.left_boundaries, key=len, reverse=True)
        self.generic_core_re = re.compile(rf"(?:{alternation(sorted(cfg.generic_core_words, key=len, reverse=True))})+")
        self.kind_count_re = re.compile(rf"[{re.escape(cfg.count_chars)}]+{re.escape(cfg.kind_count_mark)}")
        self.continuation_re = re.compile(rf"[{re.escape(cfg.count_chars)}]+[{re.escape(cfg.duration_units)}]"
                                          rf"(?:{alternation(cfg.continuation_heads)})")
        self.word_starts = None      # the token starts of the doc being read (set per call)

    def __call__(self, doc):
        text = doc_text(doc)
        out = mentions_of(doc)
        docs, works = self.documents.find(text, [(m.start, m.end) for m in out if m.type in self.cfg.doc_party_types])
        # the words of a film's, a book's or a song's title name nothing
        out[:] = [m for m in out if not any(a <= m.start < b for a, b in works)]
        out += docs
        found = []
        starts = word_bounds(doc)[0]
        self.word_starts = set(starts)
        for m in self.quoted_re.finditer(text):
            end = self._last_head_end(text, m.start(3), m.end(3))
            if end is not None and self._quoted_head_ok(text, m, end):
                found.append(Mention(m.start(), end, "PROGRAM", text[m.start():end], "kg_programs",
                                     self.priority["program_quoted"], {"quoted": m.group(1)},
                                     rule="programs.quoted_then_head"))
        for m in self.quote_only_re.finditer(text):
            inner = m.group(1)
            # “…行动” holds its head; 共建“…”, “…”倡议: the words around make it an initiative
            rule = "programs.quoted_with_head" if self._named_in_quotes(inner) else \
                initiative_context(text, m.start(), m.end(), self.cfg) or self.listed.kind(text, m, self.word_starts)
            if rule:
                found.append(Mention(m.start(), m.end(), "PROGRAM", m.group(), "kg_programs",
                                     self.priority["program_quote_only"], {"quoted": inner}, rule=rule))
        found.extend(self._formulas(text))
        quotes = [m.span() for m in self.quote_only_re.finditer(text)]
        # no unquoted name inside a quotation: a quoted slogan (“实施某某伟大工程”) names nothing
        found.extend(m for m in self._bare(text, [(m.start, m.end) for m in out if m.type == "PERSON"])
                     if not any(a < m.start < b for a, b in quotes))
        found.extend(scoped_designated_routes(text, self.rules, self.word_starts, [(m.start, m.end) for m in out]))
        # a region's name inside a longer programme's (某江经济带|发展战略, 某江大保护|专项整治) is that one's
        found.extend(r for r in region_expo_programs(text, self.rules, starts, [(m.start, m.end) for m in out if m.type == "PLACE"])
                     if not any(f.start <= r.start and r.end <= f.end and f.end - f.start > r.end - r.start for f in found))
        out += [m for m in found if not any(a <= m.start < b for a, b in works) and not equipment(m.text, self.cfg)]
        return doc

    def _quoted_head_ok(self, text, m, end) -> bool:
        """A quoted name's head (`m`: quoted_re's match, the head ending at
        `end`): no verb, zone nor initiative word after the quote (“某某”交换意见,
        “某某”园区二期项目, “某某”倡议同…战略), the head ends
        a word (“某某”网|站 is none), and after 的 the head comes at once
        (“某某”的改革) or after a name's core of its own (“某某”的冷链物流防控体系;
        “某某”的标志性工程, “某某”的金融服务 describe a thing, name none);
        a policy head comes right after a quote and no count (“某某”相关政策, “一揽子”政策);
        a field head (“某某”工作) needs a name's core too, and a manner head
        (服务) no short modifier nor a quoted manner (“一对一”精准服务, “某站式”服务)."""
        gap = text[m.start(3):end]
        if any(v in gap for v in (*self.cfg.quoted_gap_verbs, *self.rules.places.local.zone_kinds)) \
                or gap.startswith((*self.cfg.initiative_after, *self.cfg.quote_gap_openers)):
            return False    # “某某”交换意见, “某某”产业园二期项目 (a zone's); “某某”倡议同…战略, “某某”同…战略
        if end < len(text) and is_cjk(text[end]) and end not in self.word_starts:
            return False
        head = next((h for h in self.heads if gap.endswith(h)), "")
        core = gap[:len(gap) - len(head)]
        cfg, generic = self.cfg, bool(core) and self.generic_core_re.fullmatch(core) is not None
        if head in cfg.quoted_adjacent_heads and (core or m.group(2) or m.group(1) in cfg.lac_edge.count_words):
            return False    # “某某”相关政策, “一揽子”政策: a kind of policy
        if head in cfg.quoted_field_heads and (len(core) < cfg.min_bare_core or generic):
            return False    # “某某”工作: a field of work
        if head in cfg.quoted_manner_heads and (0 < len(core) < cfg.min_bare_core or generic
                                                 or m.group(1).endswith(cfg.manner_mark)):
            return False    # “一对一”精准服务, “某站式”服务: a way of serving
        if core in cfg.quoted_rating_cores or m.group(2) and (generic or core.startswith(cfg.bad_core_starts)):
            return False    # “某某”标志性工程, “某某”的市场化机制, “某某”的重大航天工程: a kind described
        return not m.group(2) or not core or len(core) >= self.cfg.min_bare_core and not generic

    def _named_in_quotes(self, inner) -> bool:
        """A quoted text that is a program's name: it ends with a head noun
        (and maybe a year or number: “清风行动2022”), or an event's (“某某年货节”), and does not open with
        the verb of a quoted policy phrase (“建立健全…体系”, “开放性战略自主”
        ends with no head)."""
        core = inner.rstrip("0123456789")
        headed = core.endswith(self.inner_heads) or \
            len(inner) >= self.cfg.min_event_name and inner.endswith(self.cfg.quoted_event_heads)   # “某某年货节”
        return inner[-1] not in self.cfg.quote_not_ends and headed \
            and not core.startswith(tuple(self.left)) and not self._counted_kind(core)

    def _counted_kind(self, core) -> bool:
        """A quoted count + 大 with only a head or a generic word after it (“三大|体系”;
        “四大|片区扶贫攻坚行动” names one); unquoted (六大|重点工程) always a kind."""
        m = self.kind_count_re.match(core)
        if m is None:
            return False
        rest = core[m.end():]
        rest = next((rest[:-len(h)] for h in self.heads if rest.endswith(h)), rest)
        return not rest or any(rest.startswith(b) for b in self.cfg.bad_core_starts) \
            or self.generic_core_re.fullmatch(rest) is not None

    def _formulas(self, text):
        """A quoted number formula a verb puts in force is a program's name
        (实行“三议一公开”, 推行“一窗一办”): numerals at two places at least,
        none a count of things (“两个维护” is a slogan) or of measures (…十条),
        and no noun after it that it qualifies (开展“一对一”帮扶)."""
        cfg, out = self.cfg, []
        for m in self.formula_re.finditer(text):
            inner = m.group(2)
            places = [i for i, ch in enumerate(inner) if ch in cfg.formula_numerals]
            after = text[m.end():m.end() + 1]
            if any(b - a > 1 for a, b in zip(places, places[1:])) and not any(w in inner for w in cfg.formula_not_in) \
                    and not inner.endswith((cfg.measure_unit, *cfg.formula_not_ends)) and (not is_cjk(after) or after in cfg.doc_name_followers):
                out.append(Mention(m.start(1), m.end(), "PROGRAM", m.group(1), "kg_programs",
                                   self.priority["program_quote_only"], {"quoted": inner}, rule="programs.quoted_formula"))
        return out

    def _last_head_end(self, text, s, e):
        """The furthest end of a head noun in text[s:e] ("…"工作清单 is a 清单), or None."""
        for end in range(e, s, -1):
            if text[end:end + 1] in self.head_nf or text.startswith(self.head_nf_words, end):
                continue
            if any(text.endswith(h, s, end) for h in self.heads):
                return end
        return None

    def _bare(self, text, persons=()):
        """Unquoted names before a head noun; `persons` are the (start, end) of
        the person names found: a core holding one is running text
        (某某同志强调战略), no program's name. After a 、 inside the core the
        head needs a modifier of its own (增持|再贷款; 增长、|改革 is a list)."""
        cfg, found = self.cfg, []
        held = sorted(a for a, _b in persons)     # where the person names start
        for m in self.bare_head_re.finditer(text):
            launch = self._launch_edge(text, m.start()) if m.group(1) in cfg.verb_bounded_heads else None
            start = self._left_edge(text, m.start()) if launch is None else launch
            if start is None or launch is None and described(text, start, cfg, self.word_starts) \
                    or m.group(1) in cfg.of_described_heads and text.endswith(cfg.of_particle, 0, start) \
                    or m.group(1) in cfg.launched_heads and not after_launch_verb(text, start, m.start(), cfg, self.generic_core_re):
                continue
            if not self._core_ok(text[start:m.start()], start, m.start(), held) or \
                    m.group(1) in cfg.field_word_heads and text.endswith(cfg.field_words, start, m.start()):
                continue    # 金融领域|改革: the reforms of a field
            launched = launch is not None
            end = m.end()
            if launched and (more := self.continuation_re.match(text, end)):
                end = more.end()       # 某某专项整治|三年行动
            found.append(Mention(start, end, "PROGRAM", text[start:end], "kg_programs",
                                 self.priority["program_launched" if launched else "program_bare"],
                                 {"head_start": m.start()},
                                 rule="programs.launched_campaign" if launched else "programs.bare_head"))
        return self._lac_checked(text, found, held)

    def _core_ok(self, core, start, head_start, held) -> bool:
        """`held`: the sorted starts of the person names found."""
        cfg = self.cfg
        return not (core[:1] in PUNCT or len(core) < cfg.min_bare_core
                    or "、" in core and len(core) - core.rfind("、") < 3 or core in cfg.bad_cores
                    or self.generic_core_re.fullmatch(core.rsplit("、", 1)[-1]) is not None   # 某某、重大|战略
                    or any(core.startswith(b) for b in cfg.bad_core_starts) or self.kind_count_re.match(core)
                    or any(core.startswith(h) and start + len(h) in self.word_starts for h in cfg.head_word_starts)
                    or any(w in core for w in cfg.core_not_in) or core.endswith(cfg.core_not_ends)
                    or bisect_left(held, start) < bisect_left(held, head_start))

    def _lac_checked(self, text, found, held):
        """The unquoted names (not the launched campaigns, whose names may
        open with a verb) re-read by LAC's words (kg.nlp.components.lac_edges):
        leading verbs and adverbs cut, running text and cut heads dropped."""
        bare = [m for m in found if m.rule == "programs.bare_head"]
        if not bare:
            return found
        tagged = Tagged([(m.start, m.end) for m in bare], text, self.cfg.lac_edge)
        out = [m for m in found if m.rule != "programs.bare_head"]
        for m in bare:
            head = m.attrs.pop("head_start")
            start = program_start(tagged, text, m.start, head, m.end, self.cfg.lac_edge)
            if start is not None:
                start = predicate_cut(tagged, text, start, head, m.end, self.rules)
            if start is not None and (start == m.start or self._core_ok(text[start:head], start, head, held)):
                m.start, m.text = start, text[start:m.end]
                out.append(m)
        for m in out:
            m.attrs.pop("head_start", None)
        return out

    def _launch_edge(self, text, head_start):
        """Where the name of a campaign (…专项行动) starts: right after the
        launching verb before it in the clause, over the 、 and 和 of an
        enumeration inside the name (开展|预防、打击甲和乙专项行动); None when
        no such verb is near."""
        cfg = self.cfg
        lo = max(0, head_start - cfg.max_launched_core)
        for i in range(head_start - cfg.min_bare_core, lo - 1, -1):
            ch = text[i]
            if (ch in PUNCT and ch not in cfg.launched_core_marks) or not (is_cjk(ch) or ch.isalnum() or ch in PUNCT):
                return None
            verb = next((v for v in cfg.launch_verbs if text.endswith(v, 0, i)), None)
            if verb is not None:
                return i
        return None

    def _list_piece(self, text, sep):
        """Whether the item before a 、 at sep is short (2+ characters) and starts at a boundary."""
        n = self.cfg.max_list_item
        for k in range(1, n + 1):
            j = sep - k
            if j < 0 or not (is_cjk(text[j]) or text[j].isalnum()):
                return False
            before = text[j - 1] if j > 0 else ""
            if before == "" or before in PUNCT or any(text.endswith(w, 0, j) for w in self.left):
                return k >= 2      # a one-character item is a word cut (和|平、增长、改革)
        return False

    @staticmethod
    def _parallel(text, sep, head_start):
        """办案场所、办案机制: items repeating their modifier are parallel things, the last has the head."""
        last = text[sep + 1:head_start]
        return len(last) >= 2 and text[max(0, sep - 4):sep].find(last[:2]) != -1

    def _ordinal(self, text, last) -> bool:
        """Whether the count ending at text[last] is an ordinal (第五个|…工程
        names the fifth one); a plain count (规划102项重大工程, 打造一批…平台)
        makes what follows a kind of thing, no name."""
        i = last
        while i >= 0 and text[i] in self.cfg.count_chars:
            i -= 1
        return i >= 0 and text[i] == self.cfg.ordinal_mark

    def _left_edge(self, text, head_start):
        """Where an unquoted name starts: after the verb, punctuation or
        function word or ordinal before it (a left word only where a word
        starts: 对|外开放 is no edge); None after a count (a kind of thing).
        A short list joined by 、 stays in the name (某某、某某公司互换便利;
        回购、增持再贷款)."""
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
            if ch in self.cfg.classifiers and i >= 2 and (text[i - 2] in self.cfg.count_chars):
                return i if self._ordinal(text, i - 2) else None
            # a left word that ends inside a word (对|外开放) opens nothing, nor a name's own last act (某某提升|工程)
            if i in self.word_starts and any(text.endswith(w, 0, i) and (w not in self.cfg.name_final_verbs
                                                                         or head_start - i >= self.cfg.min_bare_core) for w in self.left):
                return i
            i -= 1
        return i if i == 0 else None

