"""When a person held a post: a post edge's observations over the corpus, folded into one `tenure`.

A post edge (leads / member_of, person -> body) is one per person, relation
and body; each source file that gives it is one observation: its article's
date, the relation's attrs in that file (the title, the event of an
appointment or removal sentence, `status` former for 原/时任/曾任, a date the
sentence states) and its first evidence sentence. `tenure` folds them:

- first_seen / last_seen: the earliest and latest article dates; articles:
  the number of articles.
- start: the earliest taking event (appointed / elected / nominated) dated
  by the date the sentence states (basis `stated`) or its article's date
  (`event`); without one, or when the post is seen held before it, the
  earliest date it is seen held (`observed`: a present-tense article's
  date, or the date a 时任 sentence gives: 2003年，时任某省委书记的某某);
  null when only narration of the past names it, undated.
- end: the latest leaving event (removed / resigned / left), dated the same
  way; without one, the earliest article that calls the post held before
  (原…, 时任…: basis `before`, the post ended on or before that date) after
  which no article says it is held; when every article that names it tells
  an appointment of years before (rules relations.tenure: 1990年，某某当选…,
  told in 2021), the earliest of them (`before`); else null. A taking event after the
  last leaving one opens the post again (end null).
- status: `former` with an end; else `acting` when the latest observation's
  titles all carry an acting prefix (rules/titles.toml head_prefixes: 代省长);
  else `current` (as of last_seen).
- conflict: the number of observations in the present tense (no leaving
  event, not narrated as former) dated after the end, or after a `before`
  bound they outweighed: kept, counted, never dropped.

Titles: an edge is one per body, so the acting and the full title of one
post (代省长, then 省长) sit on one edge; they are one post whose first phase
is acting: the first acting observation is an `acting` event, the post's
start is its taking event even when the acting title is seen before it, and
the status is acting only while the latest observation says so. `titles` lists every
title seen, the latest first.

A tenure is a function of the edge's own data (its per-file attrs and
evidence), so an incremental rebuild, which renders again only the edges
its changed files touch, gives the bytes of a full build; it names no file
(an evidence is its article's date, article id and sentence), so renaming
the files changes none.
"""

from functools import lru_cache

from kg import ruleset

POST_RELATIONS = ("leads", "member_of")
STARTS = ("appointed", "elected", "nominated")
ENDS = ("removed", "resigned", "left")
LEFT = "left"
FORMER = "former"
ACTING = "acting"


@lru_cache(maxsize=8)
def acting_prefixes(rules) -> tuple:
    """The prefixes that make a head title an acting one (代市长), longest first."""
    return tuple(sorted(rules.titles.variants.head_prefixes, key=len, reverse=True))


def is_acting(title: str, prefixes) -> bool:
    return any(title.startswith(p) and len(title) > len(p) for p in prefixes)


def plain_title(title: str, prefixes) -> str:
    """The post's title without an acting prefix (代省长: 省长)."""
    for p in prefixes:
        if title.startswith(p) and len(title) > len(p):
            return title[len(p):]
    return title


def titles_of(title: str, rules) -> list:
    """The titles a combined title is made of (书记、主任: 书记, 主任)."""
    parts = [title or ""]
    for j in rules.relations.post_events.title_joiners:
        parts = [x for p in parts for x in p.split(j)]
    return [p for p in parts if p]


def observations(d: dict) -> list:
    """One per source file of the edge, in order of date and sentence (never of file name): its
    article date, attrs, articles and first evidence."""
    evs = {}
    for ev in d.get("evidence") or ():
        evs.setdefault(ev["source"], []).append(ev)
    own = d.get("sources") or {}
    out = []
    for src in sorted(evs):
        group = sorted(evs[src], key=lambda ev: (ev.get("start") or 0, ev.get("end") or 0))
        first = group[0]
        out.append({"source": src, "date": first.get("article_date") or "",
                    "articles": sorted({str(ev.get("article")) for ev in group}),
                    "attrs": own.get(src, d.get("attrs") or {}), "evidence": first})
    out.sort(key=lambda o: (o["date"], _said(o["evidence"])))
    return out


def _evidence_ref(o: dict) -> dict:
    ev = o["evidence"]
    return {"article_date": o["date"], "article": ev.get("article"), "text": ev.get("text", "")}


def _said(ev: dict) -> tuple:
    """What orders evidence that ties on date: its sentence and place, not its file's name
    (renaming a file changes no tenure)."""
    return ev.get("text", ""), ev.get("start") or 0, ev.get("end") or 0


def _dated(o: dict) -> tuple:
    """(date, basis) of an observation's event: the date its sentence
    states, else its article's. A date that is the article's own, cut to
    the month or year (a removal dated by its report), is the article's."""
    stated, art = o["attrs"].get("date"), o["date"]
    if stated and not (art and art.startswith(stated)):
        return stated, "stated"
    return art, "event"


def _held_at(o: dict) -> str:
    """When a present-tense observation shows the post held: the date its
    taking event states (1982年3月…担任…: 1982-03), else its article's."""
    return _dated(o)[0] if o["attrs"].get("event") in STARTS else o["date"]


def _historical(o: dict, rules) -> bool:
    """A taking event the article dates years back (rules relations.tenure.history_years):
    history told, no sign that the post is held when it is told."""
    stated, art = o["attrs"].get("date"), o["date"]
    if o["attrs"].get("event") not in STARTS or not stated or not art:
        return False
    try:
        return int(art[:4]) - int(stated[:4]) > rules.relations.tenure.history_years
    except ValueError:
        return False


def _events(obs: list, prefixes) -> list:
    events, acting = [], False
    for o in obs:
        a = o["attrs"]
        kind = a.get("event")
        if kind in STARTS or kind in ENDS:
            date, basis = _dated(o)
            events.append({"event": kind, "date": date, "basis": basis, "evidence": _evidence_ref(o)})
            if kind in STARTS and a.get("until"):   # 2002年10月至2007年3月任…: held until then
                events.append({"event": LEFT, "date": a["until"], "basis": "stated", "evidence": _evidence_ref(o)})
        elif a.get("status") == FORMER:
            events.append({"event": FORMER, "date": o["date"], "basis": "before",
                           "held": a.get("date"), "evidence": _evidence_ref(o)})
        if not acting and any(is_acting(t, prefixes) for t in o["titles"]):
            acting = True
            events.append({"event": ACTING, "date": o["date"], "basis": "event", "evidence": _evidence_ref(o)})
    for e in events:
        if e.get("held") is None:
            e.pop("held", None)
    events.sort(key=lambda e: (e["date"] or "", e["event"], _said(e["evidence"])))
    return events


def _after(date: str, bound: str) -> bool:
    """`date` is later than `bound`, compared at the bound's precision (2021-10-20 is not after 2021-10)."""
    return bool(date) and bool(bound) and date[:len(bound)] > bound


def _before(date: str, bound: str) -> bool:
    """`date` is earlier than `bound`, compared at the bound's precision."""
    return bool(date) and bool(bound) and date[:len(bound)] < bound


def _bounds(events: list, first_seen, present: list) -> tuple:
    """(start, end) events: the earliest taking event, unless the post is
    seen held before it (then None: first_seen starts it); the latest
    leaving event, unless a taking event comes after it; with no leaving
    event, the earliest `before` bound that no taking event and no
    present-tense article (dates `present`) comes after: 时任 narrates a
    time, and a later article that says the post is held outweighs it."""
    starts = [e for e in events if e["event"] in STARTS]
    ends = [e for e in events if e["event"] in ENDS]
    start = min(starts, key=lambda e: (e["date"], _said(e["evidence"]))) if starts else None
    if start is not None and _before(first_seen, start["date"]):
        start = None
    if ends:
        end = max(ends, key=lambda e: (e["date"], _said(e["evidence"])))
        if any(_after(s["date"], end["date"]) for s in starts):
            end = None   # appointed again after the last removal
    else:
        bounds = [e for e in events if e["event"] == FORMER
                  and not any(_after(d, e["date"]) for d in [s["date"] for s in starts] + present)]
        end = bounds[0] if bounds else None
    return start, end


def _first_held(present: list, events: list):
    """(date, evidence) of the earliest time the post is seen held: a
    present-tense article's date, or the date a 时任 sentence gives; None."""
    seen = [(_held_at(o), _said(o["evidence"]), _evidence_ref(o)) for o in present if _held_at(o)]
    seen += [(e["held"], _said(e["evidence"]), e["evidence"]) for e in events if e.get("held")]
    if not seen:
        return None
    date, _src, ev = min(seen, key=lambda x: (x[0], x[1]))
    return date, ev


def _point(e: dict) -> dict:
    return {"date": e["date"], "basis": e["basis"], "event": e["event"], "evidence": e["evidence"]}


def tenure(d: dict, rules=None) -> dict:
    """The `tenure` of a post edge's data (see the module docstring)."""
    rules = rules or ruleset.current()
    prefixes = acting_prefixes(rules)
    obs = observations(d)
    for o in obs:
        o["titles"] = titles_of(o["attrs"].get("title") or "", rules)
    dates = [o["date"] for o in obs if o["date"]]
    events = _events(obs, prefixes)
    present = [o for o in obs if o["attrs"].get("event") not in ENDS and o["attrs"].get("status") != FORMER]
    held = _first_held(present, events)
    # the acting phase (代省长, then elected 省长) comes before the post's start
    full = _first_held([o for o in present if not all(is_acting(t, prefixes) for t in o["titles"])], events)
    start, end = _bounds(events, full[0] if full else None, [_held_at(o) for o in present])
    if start is None and held:
        start = {"date": held[0], "basis": "observed", "event": None, "evidence": held[1]}
    else:
        start = _point(start) if start else None
    if end is None and present and all(_historical(o, rules) for o in present):
        o = present[0]
        end = {"date": o["date"], "basis": "before", "event": None, "evidence": _evidence_ref(o)}
    bound = end or next((e for e in events if e["event"] == FORMER), None)
    conflict = sum(1 for o in present if bound is not None and _after(_held_at(o), bound["date"]))
    latest = obs[-1]["titles"] if obs else []
    if end is not None:
        status = FORMER
    elif latest and all(is_acting(t, prefixes) for t in latest):
        status = ACTING
    else:
        status = "current"
    titles = []
    for o in reversed(obs):
        for t in o["titles"]:
            if t not in titles:
                titles.append(t)
    return {"first_seen": min(dates) if dates else None, "last_seen": max(dates) if dates else None,
            "articles": len({(o["source"], a) for o in obs for a in o["articles"]}),
            "start": start, "end": _point(end) if end else None, "status": status,
            "titles": titles, "events": events, "conflict": conflict}


def annotate(g, rules=None) -> None:
    """Put its `tenure` in every post edge's attrs. The edge's data is
    replaced, not changed in place: a resolved graph shares its edges'
    data with the fold's graph, which keeps only what the files gave."""
    rules = rules or ruleset.current()
    for h, t, k, d in list(g.edges(keys=True, data=True)):
        if k not in POST_RELATIONS or g.nodes[h].get("type") != "PERSON":
            continue
        new = dict(d)
        new["attrs"] = {**(d.get("attrs") or {}), "tenure": tenure(d, rules)}
        g._adj[h][t][k] = g._pred[t][h][k] = new
