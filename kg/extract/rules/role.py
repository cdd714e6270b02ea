"""role(person, org_or_state, title): the titles marked by :mod:`kg.extract.titles` ("Menteri Luar
Negeri Rusia Sergei Lavrov", "Lloyd Austin, Menteri Pertahanan AS,")."""

from __future__ import annotations

from kg.extract.context import SentenceContext
from kg.extract.parties import home_of
from kg.extract.registry import rule
from kg.types import Relation


@rule("role", provides=("role_org",))
def role_rule(ctx: SentenceContext) -> list[Relation]:
    """A role per titled person whose title names an organisation or state other than themselves."""
    units = ctx.units
    out = []
    homes = []
    for u in units:
        if u.role and u.key:
            title, org = u.role
            # "Presiden Donald Trump" names no organisation: the one the article or gazetteer gives
            org_key = home_of(u.key, ctx.state) if org is None else (units[org].keys or (None,))[0]
            if org_key and org_key != u.key:
                out.append(ctx.relation("role", {"person": u.key, "org_or_state": org_key, "title": title}))
                homes.append((u.key, org_key))
    ctx.products["role_org"] = homes
    return out
