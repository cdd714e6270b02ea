"""denies: a denial that answers a charge the main accusation rule never recorded.

Some charges are told by other rules (an attack told of the speaker's own side: "Lavrov mengatakan bahwa Ukraina
telah mencoba menyerang kediaman Presiden Putin"; a protest, an expulsion, a counter-charge), and these make no
entry in the article's accusations, so a denial a sentence or two later ("Ukraina membantah klaim tersebut")
found no accuser. Its accuser is who made the last such charge against the denier or its side.

A denier who charges a party back in the same sentence ("Korea Utara menolak tuduhan terlibat dalam peretasan …,
dan berbalik menuding Seoul menciptakan cerita palsu") turns the charge on who made it: where no charge told
before names the accuser, the party charged back is that accuser.

A speaker who calls news untrue ("Peskov menegaskan bahwa semua informasi tentang panggilan itu tidak benar") right
after outlets reported it ("Washington Post melaporkan bahwa …", "Reuters juga melaporkan …") denies those outlets,
where nothing else names an accuser. (A verb of denying with "laporan itu" is left to the report's author, which
:mod:`kg.extract.reports` never takes to be an outlet.)
"""

from __future__ import annotations

from kg.cues import ACTIVE
from kg.extract.answered import denial_verb
from kg.extract.clause import actor_keys, left_subject
from kg.extract.context import SentenceContext, State
from kg.extract.dismissals import speaks
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.extract.rules.answered import deniers_of
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit

#: how many sentences back the charge a denial answers may have been told (a short paragraph)
REACH = 3
#: how many sentences back an outlet's report may be the news a denial answers
NEWS = 2
#: the nouns of news a denial may be about
_NEWS = ("ReportNoun", "RumourNoun", "NewsNoun")


@rule("denies", provides=("outlet_report",), triggers=("ReportCue", "NewsVerb"))
def outlet_reports(ctx: SentenceContext) -> list[Relation]:
    """The news outlets that report in this sentence, as the subject of a verb of reporting ("harian Daily News
    Egypt memberitakan bahwa …", "Reuters juga melaporkan panggilan telepon itu")."""
    units, state = ctx.units, ctx.state
    found: list[str] = []
    for u in units:
        if u.etype or ACTIVE not in (u.voice("ReportCue"), u.voice("NewsVerb")):
            continue
        j = left_subject(units, u.i)
        if j is not None and units[j].is_actor:
            found += [k for k in actor_keys(units, j, state) if outlet(k, state) and k not in found]
    if found:
        before, at = state.outlet_report  # (outlets reporting in turn: "Washington Post pertama kali melaporkan
        if 0 < ctx.sentence.index - at <= NEWS:  # … . Reuters juga melaporkan …": the news is theirs together)
            found = [k for k in before if k not in found] + found
        ctx.products["outlet_report"] = (tuple(found), ctx.sentence.index)
    return []


@rule("denies", reads=("accusations", "supply_events", "claimants", "reported", "charged", "denied_by",
                       "outlet_report"),
      triggers=("DenyCue", "RejectCue", "DismissCue"))
def told_charge_denials(ctx: SentenceContext) -> list[Relation]:
    """(denier, accuser) for each denier of the sentence still without an accuser, where a charge against it (or
    its side) came from a rule that does not record accusations, ``REACH`` sentences back at most; else where the
    sentence charges a party back (:func:`charged_back`)."""
    state, here, units = ctx.state, ctx.sentence.index, ctx.units
    dismissers = news_dismissers(units, state) + news_deniers(units, state)
    if not dismissers and not any(ACTIVE in (u.voice("DenyCue"), u.voice("RejectCue")) for u in units if not u.etype):
        return []  # (a denial told as a noun or passive has its own rules)
    recorded = set(state.accusations)
    charges = [r for r in state.relations if r.type == "accuses" and 0 < here - r.sentence <= REACH
               and (r.args.get("accuser"), r.args.get("accused")) not in recorded]
    answered = {r.args.get("denier") for r in state.relations if r.type == "denies" and r.sentence == here}
    found: list[tuple[str, str]] = []
    outlets, at = state.outlet_report
    news = outlets if 0 < here - at <= NEWS and dismissers else ()
    for d in dict.fromkeys(deniers_of(units, state) + dismissers):
        if d in answered:
            continue
        own = side(d, state) | {d}
        last = [r for r in charges if r.args.get("accused") in own and r.args.get("accuser") not in own
                and d not in side(str(r.args.get("accuser")), state)]
        if last:
            at = max(r.sentence for r in last)
            found += [(d, str(r.args["accuser"])) for r in last if r.sentence == at
                      and (d, str(r.args["accuser"])) not in found]
        else:
            back = charged_back(units, state)
            found += [(d, a) for a in back or news if a not in own and (d, a) not in found]
    return [ctx.relation("denies", {"denier": d, "accuser": a}) for d, a in found]


def charged_back(units: list[Unit], state: State) -> tuple[str, ...]:
    """Who the sentence charges back: the party right after an active verb of accusing that "(ber)balik" opens
    ("dan berbalik menuding Seoul menciptakan …", "balik menuduh Trump …")."""
    for u in units:
        if u.etype or not u.has("TurnAroundAdverb") or u.i + 2 >= len(units):
            continue
        v, k = units[u.i + 1], u.i + 2
        if v.etype or v.voice("AccuseCue") != ACTIVE:
            continue
        if units[k].is_actor and not units[k].paren:
            return actor_keys(units, k, state)
    return ()


def news_dismissers(units: list[Unit], state: State) -> tuple[str, ...]:
    """The speakers who call news untrue ("Peskov menegaskan bahwa semua informasi tentang panggilan Putin dan
    Trump itu tidak benar"): a verb of telling, then the news with a demonstrative, then a dismissal word before
    any verb or stop."""
    out: list[str] = []
    n = len(units)
    for u in units:
        if u.etype or not u.cls or not speaks(u):
            continue
        k = u.i + 1
        while k < n and not units[k].etype and units[k].has("Complementizer", "AllQuantifier"):
            k += 1
        if k >= n or units[k].etype or not units[k].has(*_NEWS):
            continue
        this = False
        for v in units[k + 1:min(n, k + 12)]:
            if v.text in STOP_PUNCT or v.text == "," or v.is_verb() and not v.has("DismissCue"):
                break
            this = this or not v.etype and v.has("Demonstrative")
            if this and not v.etype and v.has("DismissCue"):
                j = left_subject(units, u.i)
                if j is not None and units[j].is_actor:
                    out += [d for d in actor_keys(units, j, state) if d not in out]
                break
    return tuple(out)


def news_deniers(units: list[Unit], state: State) -> tuple[str, ...]:
    """The subjects of an active verb of denying whose object is the news just told ("Beijing menepis laporan
    itu", "Teheran membantah semua berita tersebut"): a news noun with a demonstrative a word or two after it.
    Right after outlets reported it, they are whom the denial answers (where no charge names another)."""
    out: list[str] = []
    n = len(units)
    for u in units:
        if not denial_verb(u, units):
            continue
        k = u.i + 1
        while k < n and not units[k].etype and units[k].has("AllQuantifier", "VehementAdverb"):
            k += 1
        if k + 1 >= n or units[k].etype or not units[k].has(*_NEWS) or \
                not any(not v.etype and v.has("Demonstrative") for v in units[k + 1:min(n, k + 3)]):
            continue
        j = left_subject(units, u.i)
        if j is not None and units[j].is_actor:
            out += [d for d in actor_keys(units, j, state) if d not in out]
    return tuple(out)
