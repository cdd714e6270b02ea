"""role told by a definite description that points back to a person: "Kim Jong Un menyaksikan …. Pemimpin Korut
itu …", "… ketika pemimpin Rusia itu berkunjung ke Pyongyang". The description names the person's title and the
state or body it is held for; :func:`kg.extract.discourse.resolve_pronouns` already found whom it means (the last
person of that side), so the title holds for him as a title before his name would."""

from __future__ import annotations

from kg.extract.context import SentenceContext
from kg.extract.registry import rule
from kg.types import Relation

_REACH = 4  # words a description may run from its title to its demonstrative ("pemimpin Korea Utara tersebut")


@rule("role", triggers=("RoleTitle",))
def described_role(ctx: SentenceContext) -> list[Relation]:
    units = ctx.units
    out: list[Relation] = []
    for u in units:
        if u.pron != "3" or u.etype != "PER" or not u.key or not u.has("RoleTitle") or u.title:
            continue
        end = next((k for k in range(u.i + 1, min(len(units), u.i + _REACH + 1)) if units[k].has("Demonstrative")
                    and not units[k].etype), None)
        if end is None:
            continue
        quals = [v for v in units[u.i + 1:end] if v.etype]
        if len(quals) != 1 or quals[0].etype not in ("GPE", "ORG") or not quals[0].key or not quals[0].paren or \
                quals[0].pron or end + 2 < len(units) and units[end + 1].text == "," and units[end + 2].etype == "PER" \
                or units[quals[0].i - 1].has("OriginNoun"):
            # a side named, not pointed to ("juru bicara kelompok itu"); no title of a name after it; not where he is
            # from ("senator independen asal Vermont itu")
            continue
        title = " ".join(v.text for v in units[u.i:end])
        out.append(ctx.relation("role", {"person": u.key, "org_or_state": quals[0].key, "title": title}))
    return out
