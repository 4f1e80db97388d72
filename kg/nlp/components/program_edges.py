"""An unquoted PROGRAM name's edges re-read by LAC's words, after
kg.nlp.components.lac_edges has cut its leading predicate: what that cut
leaves of running text (a modal opening it, a leading verb over a plain
noun phrase, a head that qualifies the noun after it). The tags and words
are data: rules/programs.toml [lac_edge]. And what the words right before
a name's left edge make of it (`described`): a kind or a description;
whether a quoted name is an initiative by the words around it
(`initiative_context`), whether a name is a machine's (`equipment`), and
whether a head too common alone stands after the verb that launches it
(`after_launch_verb`).
"""

from kg.nlp.textscan import PUNCT, is_cjk


def _possessed(word, rules) -> bool:
    """A noun after a head that takes the program as its possessor or names
    its document (某某机制|作用, 某某行动|方案)."""
    return word in rules.programs.lac_edge.possessed_nouns or word in rules.programs.doc_suffixes


def predicate_cut(tagged, text, start, head, end, rules):
    """The start of an unquoted name after LAC's words are read once more
    (rules/programs.toml [lac_edge]), or None when it is running text: a
    name opening with a modal (要|加快…, 必须|把握战略) or whose head
    qualifies the noun after it (建设国家战略|人才, 某某平台|网络) is none;
    the first verb over a plain noun phrase (执行|法律制度, 当地探索|收入分配制度改革),
    after adverbs or a place word only (基层减负|专项… is a name's own act),
    is the predicate, cut with what is before it, unless no noun follows it (受案|立案改革; 扶|残 is
    one word cut in two) or a verb comes later (维护某某权利快速|联动|处置机制)."""
    cfg = rules.programs.lac_edge
    tokens = tagged.inside(start, end + 1)
    after = next((t for t in tokens if t.start == end), None)
    if after is not None and after.tag in cfg.follower_tags and not _possessed(text[after.start:after.end], rules):
        return None
    core = [t for t in tokens if start <= t.start and t.end <= head]
    if not core:
        return start
    if text[core[0].start:core[0].end] in cfg.modal_words:
        return None
    k = next((i for i, t in enumerate(core) if t.tag in cfg.verb_tags), None)
    if k is not None and k + 1 < len(core) and text[core[k + 1].start:core[k + 1].end] in cfg.count_words:
        return None     # 某某创造性提出|一系列新战略: a verb counting its objects is a clause
    if k is not None and all(t.tag in cfg.predicate_lead_tags for t in core[:k]) and k + 1 < len(core) and core[k + 1].tag in cfg.object_tags \
            and (core[k].end - core[k].start > 1 or k == 0 and core[k + 1].end - core[k + 1].start > 1) \
            and not any(t.tag in cfg.later_verb_tags for t in core[k + 2:]):
        return core[k + 1].start
    return start



def described(text, start, cfg, word_starts) -> bool:
    """Whether the unquoted noun phrase at `start` describes or sums up a
    kind, naming nothing (cfg: rules/programs.toml): after 等 it is the kind
    of the items listed (“某某”等|水体整治工程); after 的 it is described by a
    quality word (形成有效的|激励约束机制) or stands in a predicate after a
    copula of its clause (是…的|国家重大发展战略, 已成为…的|合作平台)."""
    if text.endswith(tuple(cfg.kind_after_words), 0, start):
        return True
    for w in cfg.purpose_words:   # 整治某某为|基层减负…机制: the name's own purpose clause, cut
        k = start - len(w)
        if k > 0 and text.startswith(w, k) and k in word_starts and is_cjk(text[k - 1]) \
                and not text.endswith(tuple(cfg.left_boundaries), 0, k):
            return True   # (建立|为企业减负…机制 opens the name: kept)
    if not text.endswith(cfg.of_particle, 0, start):
        return False
    j = start - len(cfg.of_particle)
    if text.endswith(tuple(cfg.quality_words), 0, j):
        return True
    i = j
    while i > 0 and (text[i - 1] not in PUNCT or text[i - 1] == "、") and text[i - 1] != "\n":   # a 、 list stays in the clause
        i -= 1
    return any(text.startswith(c, k) and k in word_starts and k + len(c) in word_starts
               for c in cfg.copula_words for k in range(i, j - len(c)))


def initiative_context(text, start, end, cfg) -> str | None:
    """The rule by which the quoted text[start:end] (no head noun inside or
    after it) is a named initiative by the words around it, or None:
    “某某”倡议, “某某”沿线国家, “某某”框架内, 共建“某某” (rules/programs.toml
    initiative_after, initiative_before), or the documents signed under it,
    “某某”合作文件 (initiative_documents: a verb before signs the document,
    launches no initiative); a quoted sentence (ending in 。，) is none."""
    if text[end - 2] in cfg.quote_not_ends:
        return None
    if text.startswith(tuple(cfg.initiative_documents), end):
        return "programs.quoted_initiative_document"
    if text.startswith(cfg.initiative_after, end) or text.endswith(cfg.initiative_before, 0, start):
        return "programs.quoted_initiative"
    return None


def equipment(name, cfg) -> bool:
    """A weapon's or a machine's name (“某某”防空导弹系统, 某某发射平台): an
    equipment head with an equipment word before it, no initiative."""
    return name.endswith(cfg.equipment_heads) and any(w in name for w in cfg.equipment_words)


def after_launch_verb(text, start, head_start, cfg, generic_core_re) -> bool:
    """Whether an unquoted name before a launched head (cfg: rules/programs.toml
    launched_heads) names one: right after a launch verb (开展|某某改革试点),
    with a core long enough, and not only generic words and a head noun before
    it (开展|综合改革试点 is a kind of pilot)."""
    core = text[start:head_start]
    bare = next((core[:-len(h)] for h in cfg.heads if core.endswith(h) and len(core) > len(h)), core)
    return text.endswith(tuple(cfg.launch_verbs), 0, start) and len(core) >= cfg.min_launched_head_core \
        and generic_core_re.fullmatch(bare) is None
