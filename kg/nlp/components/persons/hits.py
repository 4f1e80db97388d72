"""What the person finder reports: a span, the cue that vouched for it and
the id of the rule that read it."""

from dataclasses import dataclass, field
from enum import IntEnum

from kg.nlp.titles import TitleChain


class Cue(IntEnum):
    """How strongly the text beside a candidate says "a name"."""
    NONE = 0
    WEAK = 1      # an end word or punctuation: a name may end here
    LIST = 2      # an enumeration with an accepted name before it
    STRONG = 3    # a title, a reporter's word, 同志/先生, a speech verb


@dataclass
class PersonHit:
    start: int
    end: int
    cue: str    # title | creator | suffix | speech | list | uncued_list | group | enumeration | majority | majority_joined | repeated | token | unknown_token | anonymised
    chain: TitleChain | None = None
    anonymised: bool = False
    attrs: dict = field(default_factory=dict)
    rule: str = ""                # the rule id of the Mention made of it

    def mention_attrs(self) -> dict:
        out = {"title": None, "title_span": None, **self.attrs}
        if self.chain is not None:
            out["title"] = self.chain.last.text
            out["title_span"] = (self.chain.last.start, self.chain.last.end)
            if len(self.chain.titles) > 1:
                out["titles"] = [t.text for t in self.chain.titles]
        if self.anonymised:
            out["anonymised"] = True
        out["cue"] = self.cue
        return out
