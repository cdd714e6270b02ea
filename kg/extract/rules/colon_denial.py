"""denies: a party's answer given after a colon, as headlines and lead-ins put it ("…, Minsk: Itu Propaganda",
"Kremlin: Tuduhan AS Tak Berdasar"): the party before the colon calls the claim a lie or baseless, with no verb of
saying. Who made the claim is the party named with the accusation noun, else who the sentence says claims something
before the colon ("Pakistan Klaim …, New Delhi: Disinformasi"), else whoever first accuses the denier's side
in the article (a headline answers what the body tells: :func:`kg.extract.inference.infer_accusers`)."""

from __future__ import annotations

from kg.extract.clause import actor_keys
from kg.extract.context import SentenceContext
from kg.extract.negated import negated_act
from kg.extract.parties import side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import OPEN_QUOTES, STOP_PUNCT, Unit

#: how many words may stand between the colon and the word of dismissal ("Minsk: Tuduhan Itu Sekadar Propaganda")
REACH = 5
#: what may open the speaker's segment: the sentence's start, or the end of the clause before it
_OPENERS = (",", "-", "–", "—", ";", "|")


@rule("denies", provides=("headline_denials",), reads=("claimants",), triggers=("DismissCue",))
def colon_denial(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    found: list[tuple[str, str]] = []
    open_: list[str] = []
    here = ctx.products.get("claimants")  # a claim the sentence itself tells ("A Klaim …, B: Disinformasi")
    claimants = here[0] if here and here[1] == ctx.sentence.index else ()
    for u in units:
        if u.etype or not u.has("DismissCue") or u.quote is not None:
            continue
        c = next((k for k in range(u.i - 1, max(0, u.i - 1 - REACH), -1) if units[k].text == ":"), None)
        if c is None or c == 0:
            continue
        sp = c - 1
        if not colon_speaker(units, c) or units[sp].paren:
            continue
        claim = _dismissal(units, c, u.i)
        if claim is None:
            continue
        for d in actor_keys(units, sp, state):
            own = side(d, state)
            makers = [a for a in (claim or claimants) if a != d and a not in own and d not in side(a, state)]
            if makers:
                found += [(d, a) for a in makers if (d, a) not in found]
            elif d not in open_:
                open_.append(d)
    if open_:
        # (empty claimants: the accuser is read from the whole article once it is read)
        ctx.products["headline_denials"] = [(ctx.relation("denies", {"denier": d, "accuser": ""}), ()) for d in open_]
    return [ctx.relation("denies", {"denier": d, "accuser": a}) for d, a in found]


def colon_speaker(units: list[Unit], c: int) -> bool:
    """Whether the party right before the colon at ``c`` speaks through it: a named actor (no weapon, no pronoun)
    opening the sentence or the segment after the clause before it ("…, Minsk: …")."""
    sp = c - 1
    return sp >= 0 and units[c].text == ":" and units[sp].is_actor and units[sp].etype != "WEAPON" and \
        units[sp].pron is None and (sp == 0 or units[sp - 1].text in _OPENERS)


def _dismissal(units: list[Unit], c: int, w: int) -> tuple[str, ...] | None:
    """Whether the words between the colon at ``c`` and the word of dismissal at ``w`` leave it the answer, with no
    verb or other party between: ``None`` if not, else the accusers the claim is named with ("Tuduhan AS Tak
    Berdasar": the United States), possibly none."""
    owner: tuple[str, ...] = ()
    for k in range(c + 1, w):
        v = units[k]
        if v.text in OPEN_QUOTES:
            continue
        if v.etype:
            if not (v.is_actor and k > c + 1 and units[k - 1].has("AccusationNoun")):
                return None
            owner = tuple(v.keys)
            continue
        if v.is_verb() or v.text in STOP_PUNCT or v.text == ",":
            return None
    return None if negated_act(units, w) else owner
