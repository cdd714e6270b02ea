"""supplies told as arms-trade shares: "Rusia menyumbang 36% impor senjata India, disusul Prancis 33%
dan Israel 13%"; "Dua pertiga ekspor Rusia tertuju ke India (38%), China (17%) dan Kazakhstan".

Reports on the arms trade (SIPRI's yearly figures above all) name a state's imports or exports and then
give each partner a share. Each state given a share of one state's imports supplied it; each state given
a share of one state's exports received from it."""

from __future__ import annotations

from kg.cues import NOUN
from kg.extract.clause import actor_keys
from kg.extract.context import SentenceContext
from kg.extract.modality import event_modality
from kg.extract.parties import as_state
from kg.extract.registry import rule
from kg.extract.supply_checks import arms_key
from kg.types import Relation
from kg.units import STOP_PUNCT, Unit


@rule("supplies", triggers=("SupplyCue", "ReceiveCue"))
def market_shares(ctx: SentenceContext) -> list[Relation]:
    units, state = ctx.units, ctx.state
    out: list[Relation] = []
    for u in units:
        if u.etype or NOUN not in (u.cls.get("ReceiveCue"), u.cls.get("SupplyCue")):
            continue
        imports = u.voice("ReceiveCue") == NOUN
        owner, weapons = _owner(units, u.i)
        if owner is None:
            continue
        partners = [k for j in _with_share(units) if j != owner for k in actor_keys(units, j, state)]
        own = as_state(actor_keys(units, owner, state), state)
        partners = [p for p in as_state(tuple(partners), state) if p not in own]
        if not partners:
            continue
        modality = event_modality(units, u.i, None)
        for w in weapons or [arms_key()]:
            for a in own:
                for p in dict.fromkeys(partners):
                    supplier, recipient = (p, a) if imports else (a, p)
                    out.append(ctx.relation("supplies", {"supplier": supplier, "weapon": w, "recipient": recipient},
                                            modality, 0.6))
        break
    return out


def _owner(units: list[Unit], i: int) -> tuple[int | None, list[str]]:
    """The state whose trade the noun at ``i`` is ("impor senjata India", "ekspor Rusia"), and the
    weapons named between them."""
    weapons: list[str] = []
    for j in range(i + 1, min(len(units), i + 4)):
        v = units[j]
        if v.is_weapon and v.key:
            weapons.append(v.key)
            continue
        if v.etype == "GPE" and not v.paren:
            return j, weapons
        return None, weapons
    return None, weapons


def _with_share(units: list[Unit]) -> list[int]:
    """States followed by a percentage ("Prancis 33%", "India (38%)", "Rusia menyumbang 36%")."""
    out = []
    for j, v in enumerate(units):
        if v.etype != "GPE" or v.paren:
            continue
        for k in range(j + 1, min(len(units), j + 5)):
            w = units[k]
            if w.text == "%" and k > j + 1 and units[k - 1].text[:1].isdigit():
                out.append(j)
                break
            if w.text in STOP_PUNCT or w.etype or w.text == ",":
                break
    return out
