"""The spaCy `zh` pipeline: built once per rules folder, saved and loaded as spaCy does.

Segmentation is spaCy's Chinese tokenizer in pkuseg mode with the real
`default` model fetched at set-up, run by kg.nlp.segmenter (pkuseg's model
and Viterbi, its feature look-ups vectorised); kg.nlp.tokenizer registers it
as `kg.ChineseTokenizer.v1` and `nlp.initialize()` sets its segmenter, as
`[initialize.tokenizer] pkuseg_model` says (null: the model `kg setup`
fetched). Entity and relation components are registered spaCy factories
(kg.nlp.components); `COMPONENTS` lists them in the order they run, each
given the rules folder in its `rules` setting when its factory has one.

`get_nlp()` caches one pipeline per rules folder ($KG_RULES_DIR, else rules/),
so switching folders in a process gives a pipeline with the other rules.
`save_pipeline` is `nlp.to_disk` plus a copy of the rules into the pipeline
directory, which the saved components' `rules` setting then points to
(`[paths] rules`); `load_pipeline` is `spacy.load` with that path set to the
directory's own copy, wherever the directory has moved.
"""

import shutil
from functools import lru_cache
from pathlib import Path

import spacy
from thinc.api import Config

from kg.paths import rules_dir

# Factories added after the tokenizer, in order. Each is registered in
# kg.nlp.components and reads its data from rules/.
COMPONENTS: list[str] = ["kg_places", "kg_persons", "kg_agencies", "kg_orgs", "kg_programs",
                         "kg_stat_gate", "kg_resolve"]
# The trained NER (kg/models/ner) is opt-in: on news texts with gold it adds
# more false entities than it finds (see README), so it runs only when asked.
STATISTICAL = "kg_stat_ner"
RULES_SETTING = "rules"        # a component's config key for its rules folder
SAVED_RULES = "rules"          # the rules' folder inside a saved pipeline


def blank_zh():
    """spacy.blank("zh") with kg's pkuseg tokenizer, initialised."""
    from kg.nlp.tokenizer import TOKENIZER
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": TOKENIZER}}})
    nlp.initialize()
    return nlp


_blank_zh = blank_zh     # the name tests/nlp/test_places.py imports


def get_nlp(statistical: bool = False):
    """The shared pipeline of the rules folder in force: segmenter plus every
    component in COMPONENTS (and the statistical NER before the resolver
    when asked for)."""
    return _pipeline(str(rules_dir().resolve()), statistical)


def loaded() -> bool:
    """Whether this process has built a pipeline already."""
    return _pipeline.cache_info().currsize > 0


@lru_cache(maxsize=4)
def _pipeline(rules: str, statistical: bool):
    from kg.nlp import components  # noqa: F401  (registers the factories)

    nlp = blank_zh()
    names = list(COMPONENTS)
    if statistical:
        names.insert(names.index("kg_resolve"), STATISTICAL)
    for name in names:
        nlp.add_pipe(name, config=_rules_config(nlp, name, rules))
    return nlp


def _rules_config(nlp, factory: str, rules: str) -> dict:
    """{"rules": folder} for a factory that takes its rules folder, else {}."""
    return {RULES_SETTING: rules} if RULES_SETTING in nlp.get_factory_meta(factory).default_config else {}


def rules_of(nlp) -> Path:
    """The rules folder `nlp`'s components were configured with (the one in
    force for components that read no `rules` setting)."""
    for name in nlp.pipe_names:
        folder = nlp.get_pipe_config(name).get(RULES_SETTING)
        if folder:
            return Path(folder)
    return rules_dir()


def save_pipeline(nlp, path) -> Path:
    """nlp.to_disk(path), with the rules copied to path/rules and the
    components' `rules` setting pointing there (as `${paths.rules}`)."""
    path = Path(path)
    nlp.to_disk(path)
    shutil.copytree(rules_of(nlp), path / SAVED_RULES, dirs_exist_ok=True)
    cfg = Config().from_disk(path / "config.cfg", interpolate=False)
    cfg["paths"][RULES_SETTING] = str((path / SAVED_RULES).resolve())
    for name in cfg["nlp"]["pipeline"]:
        if RULES_SETTING in cfg["components"][name]:
            cfg["components"][name][RULES_SETTING] = "${paths.%s}" % RULES_SETTING
    cfg.to_disk(path / "config.cfg", interpolate=False)
    return path


def load_pipeline(path):
    """spacy.load(path) of a pipeline saved by save_pipeline, reading the
    rules it holds."""
    from kg.nlp import components  # noqa: F401  (registers the factories)
    path = Path(path).resolve()
    return spacy.load(path, config={"paths": {RULES_SETTING: str(path / SAVED_RULES)}})
