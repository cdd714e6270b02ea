"""Pieces of the sanctions rule about where a sanction's clause and list stand: list items after a semicolon
or a speaker, a firm listed after a place, and which sanctioner a later "Sanksi itu" points back to."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE
from kg.extract.clause import actor_keys, after_titles, clause_left, clause_right, fronted_subject, left_subject, prep_is
from kg.extract.context import State
from kg.extract.rules.sanction_agent import side_agents
from kg.units import CLOSE_QUOTES, OPEN_QUOTES, Unit, skip_span


def main_last(who: list[str], units: list[Unit], state: State) -> list[str]:
    """The sentence's sanctioners, those only named in a relative clause on a target first ("Sanksi Inggris
    menyasar A dan B, yang juga menjadi sasaran sanksi AS"): a side remark, so that a later "Sanksi itu juga
    menyasar C" continues the sentence's own sanction, not the one its relative clause recalls."""
    side = side_of(units, state)
    own = {a for a in who if a not in side}
    if not side or not own:
        return who
    return [a for a in who if a in side] + [a for a in who if a not in side]


def side_of(units: list[Unit], state: State) -> set[str]:
    """The sanctioners only named in a relative clause on a target, or as the agent of a sanction recalled
    (:func:`main_last`)."""
    side: set[str] = set()
    for u in units:
        if u.etype or "SanctionCue" not in u.cls or u.i + 1 >= len(units) or not units[u.i + 1].is_actor:
            continue
        lo = clause_left(units, u.i)
        rel = next((k for k in range(u.i - 1, max(lo, u.i - 6) - 1, -1) if units[k].has("Relativizer")), None)
        if rel is not None and rel > 0 and units[rel - 1].text == ",":
            side.update(actor_keys(units, u.i + 1, state))
    side |= side_agents(units, state)  # "… menanggapi sanksi yang diberlakukan AS ke Rusia"
    return side


def imposers(state: State) -> tuple[str, ...]:
    """Whom a later "Sanksi itu …" or list of targets points back to: the last sanctioner, with those who imposed
    that sanction together with it ("AS dan PBB menjatuhkan sanksi terhadap dua individu. Dua nama yang ditargetkan
    adalah A dan B": both)."""
    last = state.sanctioners[-1]
    return state.sanction_group if last in state.sanction_group else (last,)


def lifted(units: list[Unit], i: int) -> bool:
    """Whether the sanction noun at ``i`` is lifted or eased, not imposed: a verb or noun of lifting just before it
    ("mencabut (semua) sanksi AS terhadap Suriah", "Pencabutan sanksi Suriah", "melonggarkan sanksi"), past
    quantifiers and plain words ("mengakhiri program sanksi"), or a passive one ending its clause's phrase
    ("sanksi terhadap Suriah telah dicabut")."""
    k, hops = i - 1, 0
    while k >= 0 and hops < 2 and not units[k].etype and not units[k].has("LiftCue") and (
            units[k].has("FunctionWord", "Quantifier", "PackageNoun", "ProgramNoun") or
            not units[k].cls and units[k].text.isalpha() and units[k].text.islower()):
        k, hops = k - 1, hops + 1
    if k >= 0 and not units[k].etype and units[k].has("LiftCue"):
        return not _told_imposed(units, i)
    hi = clause_right(units, i)
    verb = next((v for v in units[i + 1:hi] if v.is_verb() and not v.etype), None)
    return verb is not None and verb.voice("LiftCue") == PASSIVE


def _told_imposed(units: list[Unit], i: int) -> bool:
    """A relative clause on the lifted sanction at ``i`` that tells its imposing on a target ("pencabutan sanksi AS
    yang dijatuhkan kepada Suriah sejak 1979"): the sanction's past is told, imposed by its owner."""
    rel = next((k for k in range(i + 1, min(len(units), i + 4)) if units[k].has("Relativizer") and not units[k].etype), None)
    return rel is not None and rel + 2 < len(units) and units[rel + 1].voice("ImposeVerb") == PASSIVE \
        and units[rel + 2].has("TargetPrep", "RecipientPrep") and not units[rel + 2].etype


def group_of(found: list[tuple[str, str | None, str]], last: str, units: list[Unit], state: State) -> tuple[str, ...]:
    """The sanctioners of a sentence that imposed the same sanction as ``last`` (the same targets, or none named):
    coordinated sanctioners ("AS, Inggris dan Kanada menjatuhkan sanksi kepada X"), not one a relative clause
    recalls ("…, yang juga menjadi sasaran sanksi UE")."""
    def targets(a: str) -> set[str | None]:
        return {b for x, b, _ in found if x == a}
    mine, side = targets(last), side_of(units, state) - {last}
    return tuple(dict.fromkeys(a for a, _, _ in found if targets(a) == mine and a not in side))


#: quote marks that close a quotation before its attribution (the ASCII apostrophe too: some outlets quote with it)
_QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES | {"'"}


def speaker_follows(units: list[Unit], k: int, hi: int) -> bool:
    """Whether a verb of saying, or a (titled) person or other actor as the subject of one, follows at ``k``: the clause
    that names the targets is over. A closing quote mark before it is passed ("… dan seorang pemasok di X," kata
    pernyataan itu): the quote's speaker is no target."""
    while k < hi and units[k].text in _QUOTE_MARKS:
        k += 1
    if k < hi and not units[k].etype and units[k].has("QuoteVerb"):
        return True  # "…, kata Menlu X"
    m = after_titles(units, k, hi)
    while m < hi and not units[m].etype and units[m].has("OutletNoun", "SourceNoun"):  # "…, kantor berita X melaporkan"
        m = skip_span(units, m, "OutletNoun" if units[m].has("OutletNoun") else "SourceNoun")
    # (an outlet or a body too: "…, Axios melaporkan", "…, Departemen Keuangan AS mengumumkan")
    return m + 1 < hi and units[m].is_actor and not units[m].paren and units[m + 1].voice("ReportCue") == ACTIVE


def item_follows(units: list[Unit], k: int, hi: int) -> bool:
    """Whether a person or firm opens what follows the semicolon at ``k`` (after a conjunction, rank or title)."""
    for m in range(k + 1, min(hi, k + 7)):
        v = units[m]
        if v.is_actor and not v.paren:
            return v.etype in ("ORG", "PER")
        if not v.etype and not v.cls and v.text[:1].isupper() and v.text.isalpha():
            return True  # a name the tagger missed opens the item ("; Desire Rukomera yang …")
        # (a title may name a body or be a plain noun: "; Direktur Badan Intelijen X", "; dan Ketua Hakim Y")
        if v.etype or v.is_verb() or not v.has("Conjunction", "Rank", "RankQualifier", "RoleTitle", "TitleQualifier",
                                                  "FunctionWord", "OrgHead", "PersonNoun"):
            return False
    return False


def after_place(units: list[Unit], v: Unit) -> bool:
    """A firm or person coordinated after a place ("A di Hodeidah dan PT B di Jakarta"): the place's
    preposition does not govern it."""
    if v.etype not in ("ORG", "PER") or not v.group or v.group[0] == v.i:
        return False
    first = units[v.group[0]]
    return first.etype == "GPE" and prep_is(units, first.i, "LocativePrep")


def in_series(units: list[Unit], k: int) -> int:
    """Past the words at ``k`` that number a sanction in its series ("sanksi putaran ke-16 [Uni Eropa]", "paket
    sanksi ketiga [AS]"), to the sanctioner named after them; ``k`` itself where no sanctioner follows."""
    m = k
    while m < len(units) and m - k < 3 and not units[m].etype and (
            units[m].has("SeriesWord", "PackageNoun") or _numbered(units[m].text)):
        m += 1
    return m if m > k and m < len(units) and units[m].is_actor and not units[m].paren else k


def owner_at(units: list[Unit], i: int) -> int:
    """Where the owner of the sanction noun at ``i`` would stand: right after it, past a weapon ("embargo senjata
    PBB"), the words numbering it in a series ("sanksi putaran ke-16 Uni Eropa") or one word that qualifies it
    ("sanksi baru Washington", "sanksi ekonomi AS"; not "sanksi itu adalah X", "sanksi termasuk X")."""
    n = len(units)
    own = in_series(units, i + 2 if i + 2 < n and units[i + 1].is_weapon else i + 1)
    if own + 1 < n and own == i + 1 and not units[own].etype and \
            units[own].has("FunctionWord", "Adjective", "SanctionKind") and \
            not units[own].has("Demonstrative", "Copula", "ListIntro") and units[own + 1].is_actor:
        own += 1
    return own


def package_back(units: list[Unit], lo: int, verb: int) -> bool:
    """Whether the clause from ``lo`` to the verb at ``verb`` opens with a bare package noun pointed back to
    ("Paket (yang bertepatan dengan …) itu turut menyasar X"): the sanctions package the article told of last; a
    noun of any other kind too ("bantuan itu menyasar warga sipil": aid) is not one."""
    u = units[lo] if lo < verb else None
    return u is not None and not u.etype and set(u.cls) == {"PackageNoun"} and verb - lo <= 16 and \
        any(v.has("Demonstrative") and not v.etype for v in units[lo + 1:verb])


def _numbered(text: str) -> bool:
    """An ordinal written with its number after a hyphen ("ke-12")."""
    head, _, num = text.rpartition("-")
    return bool(head) and head.isalpha() and num.isdigit()


def clause_verb(u: Unit) -> bool:
    """A verb that opens a new clause after a comma in a target list ("…, menjelang pertemuannya dengan B",
    "…, mendesak pembebasan B"): the names after it are no targets. Not a list's own words ("termasuk",
    "berikut") nor a sanction or ban verb that goes on with the measures."""
    return u.is_verb() and not u.has("ListIntro", "Conjunction", "FunctionWord", "Relativizer", "SanctionCue",
                                     "BanVerb", "FreezeVerb", "TargetNoun", "AimVerb")


def penalty(units: list[Unit], i: int) -> bool:
    """A sanction word that a fine, ticket or ban from play follows ("sanksi denda … kepada PSS Sleman",
    "Persija disanksi denda", "sanksi tilang kepada pengendara"), or one in a sentence that names a club, referee
    or match ("sanksi percobaan kepada klub X saat melakoni laga kandang"): a club's, player's or driver's penalty."""
    end = skip_span(units, i, "SanctionCue")
    return end < len(units) and not units[end].etype and units[end].has("PenaltyNoun") or \
        any(not v.etype and v.has("SportNoun") for v in units)


def left_off(units: list[Unit], subj: int | None, lo: int, i: int) -> bool:
    """Whether the list noun at ``i`` is negated for the subject before it ("A dan B tidak ada dalam daftar sanksi
    baru", "A tidak termasuk daftar hitam"): who is left off a list is no target. A verb of the negation class
    ("dilarang") is no negation of the listing, nor one before "only" ("tidak hanya masuk daftar hitam")."""
    start = max(lo, i - 4, subj + 1 if subj is not None else lo)
    return any(units[k].has("NegationCue") and not units[k].etype and not units[k].is_verb() and
               not (k + 1 < len(units) and units[k + 1].has("OnlyCue")) for k in range(start, i))


def predicate_end(units: list[Unit], first: int) -> int:
    """Where a list of targets that a copula or list introducer opens at ``first`` ends: at a verb coordinated
    after it ("Target sanksi sebelumnya adalah A dan B dan melarang impor …"), which goes on with what the
    sanctioner did, not with whom; otherwise at the sentence end."""
    return next((k for k in range(first + 1, len(units)) if units[k].is_verb() and not units[k].etype and
                 units[k - 1].has("Conjunction") and not units[k].has("ListIntro", "Relativizer")), len(units))


def plan_denied(units: list[Unit], i: int) -> bool:
    """"Tidak ada rencana untuk menjatuhkan sanksi kepada X", "belum memiliki rencana untuk …", "tidak akan
    menjatuhkan sanksi", "belum mempertimbangkan (untuk menerapkan) sanksi": a plan or a thought said not to
    exist imposes nothing, now or later."""
    for k in range(i - 1, max(-1, i - 9), -1):
        v = units[k]
        if v.text in (",", ".", ";", ":") or v.etype:
            return False
        # (not "tidak hanya akan menjatuhkan sanksi terhadap A, melainkan juga B": the plan stands and more)
        if (v.has("PlannedCue") or v.has("PotentialCue") and v.is_verb()) and \
                any(units[j].has("NegationCue") and not units[j].is_verb() and not units[j].etype and
                    not any(x.has("OnlyCue") for x in units[j + 1:k]) for j in range(max(0, k - 3), k)):
            return True
    return False


def refused(units: list[Unit], verb: Unit | None) -> int | None:
    """The verb of refusing right before the imposing verb ``verb`` ("menolak (ikut) menjatuhkan sanksi …"): who
    refuses denies the sanction (it keeps its relation, as a denied one); None where there is none."""
    if verb is None or not verb.is_verb():
        return None
    return next((v.i for v in units[max(0, verb.i - 2):verb.i] if v.voice("RejectCue") == ACTIVE and not v.etype), None)


def bare_list(units: list[Unit], i: int, state: State) -> bool:
    """"A beserta direkturnya, B, juga masuk daftar, begitu pula C": in an article that has told sanctions, a list
    noun alone after a verb of entering is the last sanctioner's list (not "masuk daftar pemain": a list of what
    the noun after it says)."""
    if not state.sanctioners or i == 0 or units[i].etype or not units[i].has("TargetNoun") or units[i].span.get(
            "TargetNoun", 1) != 1 or not units[i - 1].has("EntryVerb") or units[i - 1].etype:
        return False
    nxt = units[i + 1] if i + 1 < len(units) else None
    return nxt is None or not nxt.text.isalpha() or nxt.is_actor or nxt.has("FunctionWord", "Demonstrative")


def threatened(units: list[Unit], i: int, modality: str) -> str:
    """A sanction that a threat verb just before governs ("mengancam (akan) menjatuhkan sanksi kepada X") or a
    planned one its sentence sets under a condition ("akan menjatuhkan sanksi kepada X jika …"): potential."""
    if modality in ("denied", "potential"):
        return modality
    lo = clause_left(units, i)
    if any(v.is_verb() and not v.etype and v.voice("WarnCue") == ACTIVE for v in units[max(lo, i - 4):i]):
        return "potential"
    if modality == "planned" and any(v.has("ConditionalConj") and not v.etype for v in units):
        return "potential"
    return modality


def urged(units: list[Unit], i: int) -> bool:
    """A headline's bare verbs: "X Desak PBB Jatuhkan Sanksi pada Y", "Dorong DK PBB Sanksi Y", "X Minta Larangan
    Ekspor ke Y Dipertahankan": one who urges another to impose sanctions, or asks for them, imposes none, nor has
    the other yet (an urging verb before, with no verb of its own that a full clause would have). (The urged party's
    own verb, "mendesak X agar menyanksi Y", is read elsewhere as a sanction X may impose.)"""
    lo = max(clause_left(units, i), i - 6)
    return any(ACTIVE in (v.voice("DemandCue"), v.voice("PersuadeCue"), v.voice("AskCue")) for v in units[lo:i])


def announcer(units: list[Unit], said: int) -> int | None:
    """Who imposes the sanctions a clause without its own sanctioner tells, where the verb or noun at ``said``
    has a subject (or a fronted clause's: "Lewat paket sanksi …, UE …"); not a party in a fronted phrase that
    says whose side the targets are on ("Dari kubu militer Rwanda, sanksi menyasar …")."""
    subj = s0 if (s0 := left_subject(units, said)) is not None else fronted_subject(units, said)
    if subj is not None and units[0].has("Preposition") and any(v.text == "," for v in units[subj:said]):
        return None
    return subj
