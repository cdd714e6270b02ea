"""accuses: a party called a wrongdoer ("Hemedti menyebut Burhan sebagai penjahat dan pembohong", 'Trump mencap
Petro sebagai "preman"', "pernyataan Biden yang menyebut Xi Jinping sebagai seorang diktator"): whoever puts the
label on the party named right before "sebagai" charges it with a wrong. Only the active verb of calling: in the
passive ("yang dicap Ankara sebagai …") the party before "sebagai" is the one who calls."""

from __future__ import annotations

from kg.cues import PASSIVE, passive_prefixed
from kg.extract.clause import actor_keys, left_subject, title_word
from kg.extract.context import SentenceContext
from kg.extract.described import named_as, relative_party
from kg.extract.dismissals import speaks
from kg.extract.negated import negated_act
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.extract.rules.accusal import governed_by_denial
from kg.types import Relation
from kg.units import OPEN_QUOTES, Unit


@rule("accuses", triggers=("WrongdoerLabel",))
def labelled(ctx: SentenceContext) -> list[Relation]:
    """(caller, party) for each wrongdoer label after "sebagai" whose party and caller are named."""
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    for u in units:
        # the party named before "sebagai", past a comma closing an apposition on it (not the sentence's first
        # word: no verb of calling before it)
        if u.etype or "WrongdoerLabel" not in u.cls or \
                not (o := named_as(units, u.i, _quote_or_article, reach=3, formal=True, apposition=True)):
            continue
        v = (units[o].group[0] if units[o].group else o) - 1
        while v > 0 and (units[v].title or title_word(units[v])):
            v -= 1  # "menyebut pemimpin China Xi Jinping sebagai …": past the title of the party
        verb = units[v]
        if not verb.etype and passive_prefixed(verb.low) and verb.cls.get("LabelPassive") == PASSIVE:
            # "Iran, yang dicap Washington sebagai penjahat perang, …": the agent labels the relative's head
            h = _relative_head(units, v)
            if h is not None:
                found += [(a, b) for a in actor_keys(units, o, state) for b in actor_keys(units, h, state)
                          if a != b and not outlet(a, state) and b not in side(a, state) and (a, b) not in found]
            continue
        if verb.etype or not speaks(verb) or negated_act(units, v) or \
                governed_by_denial(units, v) or \
                (j := left_subject(units, v)) is None and (j := relative_party(units, v, _function_word, near=4)) is None:
            continue
        for a in actor_keys(units, j, state):
            if outlet(a, state):
                continue
            found += [(a, b) for b in actor_keys(units, o, state)
                      if a != b and b not in side(a, state) and (a, b) not in found]
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _relative_head(units: list[Unit], v: int) -> int | None:
    """The party a relative clause whose verb is at ``v`` hangs on (", yang …" right before the verb), else None."""
    r = v - 1
    while r > 0 and units[r].has("FunctionWord") and not units[r].has("Relativizer"):
        r -= 1
    if r <= 0 or not units[r].has("Relativizer"):
        return None
    h = r - 1 - (units[r - 1].text == ",")
    return h if h >= 0 and units[h].is_actor and not units[h].paren else None


def _quote_or_article(w: Unit) -> bool:
    """An opening quote or a function word between "sebagai" and the label ("sebagai \\"seorang diktator\\"")."""
    return w.text in OPEN_QUOTES or w.has("FunctionWord") and not w.has("AsPrep")


def _function_word(w: Unit) -> bool:
    """A function word between "yang" and the verb of calling ("yang telah mencap …")."""
    return w.has("FunctionWord")
