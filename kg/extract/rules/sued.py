"""accuses: the parties a lawsuit is brought against, listed apart from its plaintiff ("Meksiko menggugat pabrikan
senjata AS. … Perusahaan yang digugat antara lain Smith & Wesson, Beretta dan Colt", "gugatan Meksiko …. Awalnya ada
delapan tergugat: A, B, …"). Suing charges a wrong, so the plaintiff the article last named (the subject of
"menggugat", the owner of "gugatan", the agent of "digugat") accuses each party listed after "yang digugat" or
"tergugat". A lawsuit that names its own defendant ("gugatan Meksiko terhadap X") is the accusation rule's."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE, passive_prefixed
from kg.extract.charges import charge_owner
from kg.extract.clause import actor_keys, agent_at, clause_right, left_subject
from kg.extract.context import SentenceContext
from kg.extract.parties import side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit, skip_span

_LIST_REACH = 10  # words ("sejumlah nama besar industri senjata,") between "terhadap" and the list's introducer
_REACH = 4  # words ("antara lain", "adalah", a colon, a count) between the cue and the first party listed


@rule("accuses", provides=("plaintiffs",), triggers=("SuitCue", "DefendantNoun"))
def sued(ctx: SentenceContext) -> list[Relation]:
    """(plaintiff, party) for each party of a list of the sued; hands on who sues (``plaintiffs``), which a
    list later in the same sentence reads at once."""
    units, state = ctx.units, ctx.state
    plaintiffs = state.plaintiffs
    found: list[tuple[str, str]] = []
    for u in units:
        if u.etype or not (voice := u.cls.get("SuitCue") or ("list" if "DefendantNoun" in u.cls else None)):
            continue
        if voice == ACTIVE and (j := left_subject(units, u.i)) is not None and not units[j].modifier:
            plaintiffs = actor_keys(units, j, state)  # "Meksiko menggugat …"
        elif voice == NOUN and (o := charge_owner(units, u.i, clause_right(units, u.i))) is not None:
            plaintiffs = actor_keys(units, o, state)  # "gugatan Meksiko", "gugatan pemerintah Meksiko"
        elif voice == NOUN and u.i > 0 and units[u.i - 1].has("LaunchVerb") and units[u.i - 1].is_verb() and \
                (j := left_subject(units, u.i - 1)) is not None and units[j].is_actor:
            plaintiffs = actor_keys(units, j, state)  # "Meksiko mengajukan gugatan …"
        elif voice == NOUN and (a := _filed_by(units, u.i)) is not None:
            plaintiffs = actor_keys(units, a, state)  # "Gugatan itu diajukan Meksiko pada 2021 …"
        elif voice == PASSIVE and (a := agent_at(units, u.i)) < len(units) and units[a].is_actor:
            plaintiffs = actor_keys(units, a, state)  # "digugat Nikaragua"
        elif voice == PASSIVE and u.i > 0 and units[u.i - 1].has("Relativizer") or voice == "list":
            # "Perusahaan yang digugat antara lain A, B …", "ada delapan tergugat: A, B, …"
            listed = _listed(units, skip_span(units, u.i, "DefendantNoun" if voice == "list" else "SuitCue"))
            found += [(a, b) for k in listed for b in actor_keys(units, k, state) for a in plaintiffs
                      if a != b and b not in side(a, state) and (a, b) not in found]
        if voice == NOUN and (n := _against_list(units, u.i)) is not None:
            # "Gugatan Meksiko menyasar antara lain A, B …", "Gugatan itu diajukan … terhadap sejumlah produsen
            # senjata, antara lain A, B …": the parties the suit is against, listed after it
            found += [(a, b) for k in _listed(units, n) for b in actor_keys(units, k, state) for a in plaintiffs
                      if a != b and b not in side(a, state) and (a, b) not in found]
    if plaintiffs != state.plaintiffs:
        ctx.products["plaintiffs"] = plaintiffs
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def _filed_by(units: list[Unit], i: int) -> int | None:
    """The agent of a passive verb that follows the suit noun at ``i`` within a few words ("Gugatan itu diajukan
    Meksiko", "gugatan yang dilayangkan oleh Meksiko")."""
    v = next((k for k in range(i + 1, min(len(units), i + _REACH)) if units[k].is_verb()), None)
    if v is None or PASSIVE not in units[v].cls.values() and not passive_prefixed(units[v].low):
        return None
    a = agent_at(units, v)
    return a if a < len(units) and units[a].is_actor and not units[a].paren else None


def _against_list(units: list[Unit], i: int) -> int | None:
    """The list introducer after what a suit noun at ``i`` is against (a verb of aiming or "terhadap"), in its
    sentence: where the defendants' list opens; None where no such list follows."""
    n = len(units)
    at = next((k for k in range(i + 1, n) if units[k].text in STOP_PUNCT or not units[k].etype and (
        units[k].voice("AimVerb") == ACTIVE or units[k].has("TargetPrep"))), None)
    if at is None or units[at].text in STOP_PUNCT:
        return None
    return next((k for k in range(at + 1, min(n, at + _LIST_REACH)) if units[k].has("ListIntro") and not units[k].etype),
                None)


def _listed(units: list[Unit], k: int) -> list[int]:
    """The parties of a list that opens within a few words after ``k`` (past a colon, "antara lain", "adalah", a
    count), joined by commas and "dan"/"serta" (a name typed as a weapon, "Glock", stays out), where it holds at
    least two names; none where a verb or another word comes first."""
    first = None
    for m in range(k, min(len(units), k + _REACH)):
        v = units[m]
        if v.etype:
            first = m
            break
        if v.is_verb() and not v.has("ListIntro", "Copula") or \
                not (v.text == ":" or v.has("ListIntro", "Copula", "FunctionWord", "NumberWord")):
            return []
    if first is None:
        return []
    names, m = [], first
    while m < len(units) and (units[m].etype or _bare_name(units[m])):
        names.append(m)
        if m + 1 >= len(units) or not (units[m + 1].text == "," or units[m + 1].has("Conjunction")):
            break
        m += 3 if units[m + 1].text == "," and m + 2 < len(units) and units[m + 2].has("Conjunction") else 2
        if m < len(units) and units[m - 1].has("Conjunction"):
            # "… serta pedagang grosir Interstate Arms": a few lower-case words may say what the last one is
            m = next((h for h in range(m, min(len(units), m + 4)) if units[h].etype or not
                      (units[h].text.isalpha() and units[h].text.islower() and not units[h].is_verb())), m)
    return [m for m in names if units[m].is_actor and units[m].etype != "WEAPON" and not units[m].paren] \
        if len(names) >= 2 else []


def _bare_name(v: Unit) -> bool:
    """A capitalised word the tagger left out, standing as one name in a list ("…, Colt, Glock, …")."""
    return not v.cls and v.text[:1].isupper() and v.text.isalpha()
