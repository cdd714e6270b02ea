"""role told inside a name: "Raja Salman bin Abdulaziz dari Arab Saudi", "Emir Tamim dari Qatar". The
name a gazetteer knows may hold the head of state's title ("Raja Salman"), so no title is marked before
the person; the state follows it after "dari"."""

from __future__ import annotations

from kg.cues import cues
from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.types import Relation


@rule("role", reads=("role_org",), triggers=("SourcePrep",))
def crowned(ctx: SentenceContext) -> list[Relation]:
    units, c = ctx.units, cues()
    held = {k for k, _ in ctx.products.get("role_org", [])}
    out: list[Relation] = []
    for p in units:
        if p.etype or "SourcePrep" not in p.cls or not 0 < p.i < len(units) - 1:
            continue
        state, j = units[p.i + 1], p.i - 1
        while j > max(0, p.i - 4) and not units[j].etype and \
                (units[j].has("NameParticle") or units[j].text[:1].isupper() and units[j].text.isalpha()):
            j -= 1  # back past the rest of the name: "Raja Salman bin Abdulaziz dari …"
        u = units[j]
        if u.etype != "PER" or not u.key or u.role or u.key in held or " " not in u.text:
            continue
        first = u.text.split(" ", 1)[0]
        if not first[:1].isupper() or "HeadOfStateTitle" not in c.classes(first) or state.etype != "GPE" or \
                not state.key:
            continue
        out.append(ctx.relation("role", {"person": u.key, "org_or_state": state.key, "title": first}))
    return out
