"""The place a level character stands for in its article (县 in 县公安局),
and the village a village's unnamed body belongs to (村委会 after 新河村)."""

from kg.nlp.gazetteer import LOCAL_LEVELS


def place_in_context(gaz, rules, ch: str, pos: int, places: list):
    """The place the level character `ch` at `pos` stands for: the nearest
    place of that level named before it, else after it, among the article's
    PLACE mentions `places`, where a place counts as named wherever a place
    inside it is (本报郑州电 … 省政府: 河南省; 本报昆明电 … 沧源县 … 市纪委:
    临沧市, not the dateline's 昆明). The place's name must end with `ch`;
    a level that is no gazetteer level (rules/places.toml [level_chars]:
    "city" for 市) asks for nothing more. None when no place fits.
    """
    level = rules.places.level_chars.get(ch)
    levels = rules.places.gazetteer.levels

    def fits(p):
        return p is not None and p.name.endswith(ch) and (
            level not in levels or p.level == level)

    cands = []
    for pm in places:
        if pm.rule == "places.province_character":
            continue    # one of a run of provinces named together (某某某签署): none is "the" province
        p = gaz.by_code(pm.attrs["code"])
        if p is not None and p.level in LOCAL_LEVELS:
            # a village's township comes from the table's index, not the text
            # (某某村 … 乡村振兴: no 乡 of it is named)
            own = [p] if fits(p) else []
        else:
            own = [p] if fits(p) else [a for a in gaz.ancestor_places(pm.attrs["code"]) if fits(a)][:1]
        cands += [(pm.start, q) for q in own]
    before = [c for c in cands if c[0] < pos]
    if before:
        return max(before, key=lambda c: c[0])[1]
    after = [c for c in cands if c[0] >= pos]
    return min(after, key=lambda c: c[0])[1] if after else None


def village_of_body(gaz, rules, body: str, pos: int, places: list):
    """The village or community whose body `body` (村委会, 居委会: written
    without its name) at `pos` is: the nearest such place named before it
    within rules/places.toml [local] body_place_window characters (新河村党支部
    书记、村委会主任: 新河村's 村委会), its name ending as
    `body_place_endings` says for that body. None when none is."""
    local = rules.places.local
    ending = local.body_place_endings.get(body)
    if ending is None:
        return None
    near = [pm for pm in places if pm.end <= pos and pos - pm.end <= local.body_place_window
            and pm.attrs.get("level") == "village" and pm.text.endswith(ending)]
    if not near:
        return None
    return gaz.by_code(max(near, key=lambda pm: pm.end).attrs["code"])
