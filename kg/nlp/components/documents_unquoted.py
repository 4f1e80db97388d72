"""Unquoted 关于-titles and the laws named bare inside them (spec §7 "Documents").

Agendas and session reports name the texts a legislature hears or passes
without 《》: 审议国务院关于某某工作情况的报告, 表决通过了某某关于某事的决定,
关于检查某某法实施情况的报告. The title runs from the last 关于 before
的 + a head word (报告, 决定草案, 说明…); a motion (…的议案) is no head, it
only carries the draft it asks to review (关于提请审议|关于召开…的决定草案|的议案).
A law between 检查 and 实施情况 inside one is a document too, nested in it.
The words are in rules/programs.toml (about_*, checked_law_*);
kg.nlp.components.documents adds the mentions.
"""

import re
from functools import lru_cache

from kg.nlp.textscan import alternation, longest_first


@lru_cache(maxsize=8)
def _patterns(cfg) -> dict:
    stops = re.escape(cfg.about_stops)
    inner = rf"(?:(?!{alternation(cfg.about_not_inside)})[^{stops}])"
    return {
        "about": re.compile(rf"{re.escape(cfg.about_opener)}{inner}{{2,{cfg.max_about_name}}}?"
                            rf"{re.escape(cfg.of_particle)}(?:{alternation(longest_first(cfg.about_heads))})"
                            rf"(?:(?![\u4e00-\u9fff])|(?={alternation(cfg.about_followers)}))"),
        "checked_law": re.compile(rf"(?:{alternation(cfg.checked_law_openers)})([\u4e00-\u9fff]{{2,{cfg.max_doc_name}}}?"
                                  rf"{re.escape(cfg.law_suffix)})(?={alternation(cfg.checked_law_closers)})"),
    }


def about_titles(text, cfg) -> list:
    """(start, end) of each unquoted 关于-title (the module docstring says which)."""
    return [m.span() for m in _patterns(cfg)["about"].finditer(text)]


def checked_laws(text, cfg, titles) -> list:
    """(start, end) of each law named bare inside one of `titles` between the
    words that inspect its enforcement (检查某某法实施情况), not a word that
    only ends like a law (执法)."""
    out = []
    for s, e in titles:
        for m in _patterns(cfg)["checked_law"].finditer(text, s, e):
            if not m.group(1).endswith(tuple(cfg.doc_not_ends)):
                out.append(m.span(1))
    return out


@lru_cache(maxsize=8)
def _year_plan(pattern):
    return re.compile(pattern)


def year_plans(text, cfg, parties) -> list:
    """(start, end, name) of each plan a body names by its year right after
    its own name (某某常委会2023年度工作要点), and of each plan listed after it
    by its subject alone (…和立法、监督工作计划): that one's span is its
    subject's (立法), its name issuer + year + subject + head in full."""
    out = []
    for m in _year_plan(cfg.year_plan_pattern).finditer(text):
        issuer = next((p for p in parties if p[1] == m.start() and p[0] < p[1]), None)
        if issuer is None:
            continue
        lead = text[issuer[0]:m.end("year")]
        out.append((issuer[0], m.end("head"), text[issuer[0]:m.end("head")]))
        if m.group("more"):
            pos = m.start("more")
            for item in m.group("more").split(cfg.year_plan_joiner):
                last = pos + len(item) == m.start("tail")
                out.append((pos, m.end() if last else pos + len(item), lead + item + m.group("tail")))
                pos += len(item) + len(cfg.year_plan_joiner)
    return out
