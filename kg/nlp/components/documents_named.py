"""Documents the news names all the time without 《》 (spec §7 "Documents").

- A body's report on its work, named by the body (某某常委会工作报告,
  最高人民法院工作报告), and a government's, named bare (今年的政府工作报告):
  the body named in it issued it (the mention records where the body ends,
  attrs issuer_end; no relation reads it yet).
- A body's own rules, named by the body (某某委员会协商工作规则).
- A treaty or agreement named by a stem after a verb that binds or frees a
  party to it (退出|某核协议, 违反|某某保障监督协定, 签署的|附加议定书): a plain
  协议 or a kind of one (签署合作协议) is none.
Each finder returns (start, end, issuer_end): issuer_end is where the body
the name opens with ends, None when the name holds no issuer. The words are
in rules/programs.toml [named_docs]; kg.nlp.components.documents adds the
mentions.
"""

import re
from functools import lru_cache

from kg.nlp.textscan import alternation, is_cjk


@lru_cache(maxsize=8)
def _patterns(cfg) -> dict:
    nd = cfg.named_docs
    return {
        "report": re.compile(rf"(?:{alternation(nd.report_body_tails)})?{re.escape(nd.report_head)}"),
        "bare_report": re.compile(rf"(?:{alternation(nd.bare_report_issuers)}){re.escape(nd.report_head)}"),
        "rule": re.compile(rf"[\u4e00-\u9fff]{{0,{nd.max_rule_core}}}?(?:{alternation(nd.rule_heads)})"),
        # every opener tried (overlapping): 违反某国与某机构签署的|附加议定书
        "treaty": re.compile(rf"(?=(?:{alternation(nd.treaty_openers)})"
                             rf"([\u4e00-\u9fff]{{0,{nd.max_treaty_stem}}}?(?:{alternation(nd.treaty_heads)})))"),
        "generic_stem": re.compile(rf"(?:{alternation(nd.generic_treaty_stems)})+"),
    }


def _name_ends(text, end, cfg) -> bool:
    """A name ends at `end`: no name character follows, or one that may
    follow a document's name (…规则等, …报告和…)."""
    return end >= len(text) or not is_cjk(text[end]) or text[end] in cfg.doc_name_followers


def work_reports(text, cfg, parties) -> list:
    """(start, end, issuer_end) of each body's work report (the body found
    right before the head) and of each government's named bare."""
    nd, out, ends = cfg.named_docs, [], {}
    for a, b in parties:
        if a < b:
            ends[b] = min(ends.get(b, a), a)
    for m in _patterns(cfg)["report"].finditer(text):    # 报告 ends a name whatever follows (…报告提出)
        head_start = m.end() - len(nd.report_head)
        for at in (head_start, m.start()):     # 某某常委会|工作报告, 某某|常委会工作报告
            if at in ends:
                out.append((ends[at], m.end(), at))
                break
    covered = [(s, e) for s, e, _ in out]
    for m in _patterns(cfg)["bare_report"].finditer(text):
        if not any(s <= m.start() < e for s, e in covered):
            out.append((m.start(), m.end(), None))
    return out


def body_rules(text, cfg, parties) -> list:
    """(start, end, issuer_end) of each body's rules named by the body: a
    core (rules/programs.toml [named_docs] says which) and a head right
    after a body found."""
    nd, out, pat = cfg.named_docs, [], _patterns(cfg)["rule"]
    for a, b in sorted(set(parties)):
        if a >= b:
            continue
        m = pat.match(text, b)
        if m is None or not _name_ends(text, m.end(), cfg):
            continue
        head = next(h for h in sorted(nd.rule_heads, key=len, reverse=True) if m.group().endswith(h))
        core = m.group()[:-len(head)]
        if len(core) < (0 if head in nd.rule_core_free_heads else nd.min_rule_core):
            continue
        if any(w in core for w in nd.rule_core_not_inside) or any(p[0] == b and p[0] < p[1] for p in parties):
            continue    # 某局按照办法: running text; 某省|某市…: a body goes on
        out.append((a, m.end(), b))
    return out


def named_treaties(text, cfg) -> list:
    """(start, end, None) of each treaty or agreement named by a stem right
    after a verb that binds a party to it (the module docstring says which)."""
    nd, out = cfg.named_docs, []
    generic = _patterns(cfg)["generic_stem"]
    for m in _patterns(cfg)["treaty"].finditer(text):
        s, e = m.span(1)
        if not _name_ends(text, e, cfg):
            continue
        name = m.group(1)
        head = next(h for h in sorted(nd.treaty_heads, key=len, reverse=True) if name.endswith(h))
        stem = name[:-len(head)]
        if head in nd.stemless_treaty_heads and not stem:
            out.append((s, e, None))
            continue
        if len(stem) < nd.min_treaty_stem or stem.startswith(tuple(nd.treaty_stem_not_starts)) \
                or any(w in stem for w in nd.treaty_stem_not_inside) or generic.fullmatch(stem):
            continue
        out.append((s, e, None))
    return [t for t in out if not any(u != t and u[1] == t[1] and u[0] > t[0] for u in out)]
