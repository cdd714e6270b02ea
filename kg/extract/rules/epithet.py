"""role(person, body, title) told by a definite description of a person already named: "… kata Ketua Umum
Partai Gerindra itu", "Mantan Danjen Kopassus itu menambahkan …", "kata politikus UMNO itu". The description
names the body the person holds (or held) the office in; the person is the one the article was just telling of."""

from __future__ import annotations

from kg.extract.antecedents import is_state
from kg.extract.context import SentenceContext
from kg.extract.descriptions import description_end
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import Unit


@rule("role", triggers=("Demonstrative",), reads=("role_org",))
def epithet_rule(ctx: SentenceContext) -> list[Relation]:
    """A role per description "TITLE ORG itu" that discourse left open, for the person last named."""
    units = ctx.units
    out = []
    for u in units:
        # (asked in place, not through ``Unit.has``: every word of every sentence with a demonstrative)
        resolved = u.pron == "3" and u.etype == "PER" and u.key  # (discourse took it for a person named before)
        if (u.etype or u.pron) and not resolved or not ("RoleTitle" in u.cls or "PersonNoun" in u.cls) \
                or "SourceNoun" in u.cls or "Pronoun3" in u.cls:
            continue
        d = _closing(units, u.i)
        if d is None:
            continue
        bodies = [v for v in units[u.i + 1:d] if v.etype in ("ORG", "GPE")]
        # one organisation of its own (a party, a force, a firm), no state: "Menlu Iran itu" is left to
        # discourse, which knows whom of that state the article named
        if len(bodies) != 1 or bodies[0].etype != "ORG" or not bodies[0].key or is_state(bodies[0].key, ctx.state):
            continue
        who = u.key if resolved else _last_person(units, u.i, ctx)
        if who is None or who == bodies[0].key:
            continue
        title = ctx.sentence.text[u.start - ctx.sentence.start:bodies[0].start - ctx.sentence.start].strip()
        out.append(ctx.relation("role", {"person": who, "org_or_state": bodies[0].key, "title": title}))
    return out


def _closing(units: list[Unit], i: int) -> int | None:
    """The demonstrative closing the description opened at ``i`` within five units
    (:func:`kg.extract.descriptions.description_end`), where no holder's name follows it."""
    d = description_end(units, i, reach=5)
    if d is None:
        return None
    # not a title with a time qualifier before its holder's name ("Dirut Pindad saat itu, Silmy Karim")
    k = d + 1
    while k < len(units) and not units[k].etype and (units[k].text == "," or units[k].has("Rank")):
        k += 1
    return None if k < len(units) and units[k].etype == "PER" else d


def _last_person(units: list[Unit], i: int, ctx: SentenceContext) -> str | None:
    """The person last named before ``i``: in this sentence first, else the article's topic or last person."""
    here = next((v.key for v in reversed(units[:i]) if v.etype == "PER" and v.key and not v.paren), None)
    return here or ctx.state.topic or ctx.state.last_per
