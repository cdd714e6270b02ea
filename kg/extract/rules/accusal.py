"""Accusation nouns and the parties they name: the wrongdoer after a noun of wrongdoing, the parties an
accusation is aimed at, the accuser and accused of a claim that is denied, and who a spokesperson speaks for.
Kept apart from the rule in :mod:`kg.extract.rules.accuses` so that each module reads one thing."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE, passive_prefixed, word_is
from kg.extract.charges import condemned_charge
from kg.extract.claims import content_subject, past_claim_age, past_owner_words, topic_doers
from kg.extract.clause import (
    SPEECH,
    actor_keys,
    after_titles,
    agent_at,
    clause_left,
    clause_right,
    group_prep,
    left_subject,
    nearest_left_actor,
    prev_unit,
)
from kg.extract.context import Event, Frame, SentenceContext, State
from kg.extract.described import relative_after
from kg.extract.heads import appositive_head
from kg.extract.negated import negated_act
from kg.extract.parties import body_state, home_state, outlet, side
from kg.extract.rules.sanction_targets import named_targets
from kg.extract.sites import attack_site
from kg.extract.titles import title_opens_with
from kg.resolve import gazetteer
from kg.units import CLOSE_QUOTES, STOP_PUNCT, Unit, skip_span


def wrongdoer_after(units: list[Unit], i: int) -> int | None:
    """The owner named right after a noun of wrongdoing, or its doer ("provokasi Rusia", "aksi provokatif Korea Utara",
    "kejahatan perang oleh pasukan Rusia", "provokasi yang dilakukan Korut"), past a noun of forces ("agresi militer Israel",
    "tembakan pasukan Rusia"); the agent of a passive wrongdoing verb ("kudeta yang didalangi TPLF")."""
    if not units[i].etype and units[i].voice("WrongdoingCue") == PASSIVE:
        # "perjanjian itu dilanggar oleh TPLF", "kudeta yang didalangi TPLF": the passive's agent did the wrong
        k = i - 1
        while k > 2 and not units[k].etype and units[k].has("PerfectMarker", "ServeVerb"):
            k -= 1  # "…, yang telah/sempat dibajak …"
        if k > 1 and units[k].has("Relativizer") and units[k - 1].text == "," and not units[k - 2].has("WrongdoingCue"):
            return None  # "kapal Galaxy Leader, yang dibajak Houthi pada 2023": what the thing named has been through
        a = agent_at(units, skip_span(units, i, "WrongdoingCue") - 1)
        return a if a < len(units) and units[a].is_actor and not units[a].paren and not attack_site(units, a) \
            else None
    if units[i].etype or units[i].is_verb() or not units[i].text.isalpha() or units[i].has("BackerNoun"):
        return None  # "penyokong utama RSF": RSF is backed, not the wrongdoer
    start = skip_span(units, i, "WrongdoingCue")  # past "pelanggaran HAM", "kejahatan perang"
    judged = any(passive_prefixed(v.low) and v.is_verb() for v in units[max(0, i - 3):i])  # "dicap ilegal oleh X"
    for k in range(start, min(len(units), start + 4)):
        v = units[k]
        if v.is_actor:
            # "provokasi belaka dari Paris": the one it comes from did it
            prep = group_prep(units, k)
            if prep is None and units[i].has("OverthrowNoun"):
                return None  # "rencana kudeta Partai Demokrat": the party to be taken over, not the plotter
            if prep is None and v.etype == "PER" and units[i].has("HarmedPersonNoun"):
                return None  # "penyiksaan Navalny": the person named right after suffered it
            # "kolusi antara Eritrea dan TPLF": right after the wrong, "antara" names all who did it together
            between = word_is(prep, "BetweenPrep") and k - 1 == start
            return k if not v.paren and (prep is None or between or word_is(prep, "SourcePrep", "AgentPrep")) and \
                not attack_site(units, k) else None  # (not "serangan teror Mumbai": where it happened)
        if v.text in CLOSE_QUOTES or v.has("SourcePrep", "PerformVerb") and not v.etype or k == start and \
                (v.has("Relativizer") or v.has("BetweenPrep") and not v.etype) or \
                v.has("RepeatAdjective") and not v.etype and k - start < 2 or \
                v.has("JointWord") and not v.etype and k == start or \
                v.has("GovernmentNoun") and (k == start or units[k - 1].has("AgentPrep", "SourcePrep")) or \
                v.has("SideNoun") and units[k - 1].has("SourcePrep") or \
                v.has("AgentPrep") and not judged and (k == start or units[k - 1].has("PerformVerb")
                                                        or k - 1 == start and units[start].text in CLOSE_QUOTES):
            continue  # '"aktivitas provokatif" Paris', '"sabotase" oleh Zelensky'
        if not v.etype and (v.has("Conjunction") and k + 1 < len(units) and _plain_noun(units[k + 1]) or
                            k > start and units[k - 1].has("Conjunction") and _plain_noun(v)) and \
                not (start - i > 1 and k == start):
            # (not after a wrong that names what it breaks: "pelanggaran hukum internasional dan resolusi PBB" joins
            # a second thing broken, whose owner did no wrong)
            continue  # "provokasi dan pelecehan berulang Filipina": the owner after the second noun owns both
        if not v.etype and not v.cls and v.text.isalpha() and any(units[m].has("SourcePrep", "AgentPrep") and
                                                                   not units[m].etype
                                                                   for m in range(k + 1, min(len(units), k + 3))):
            continue  # "provokasi berskala besar dari Rusia": a plain qualifier before whom it comes from
        if v.etype or not v.has("WrongdoingCue", "FunctionWord"):
            return None
    return None

def _plain_noun(v: Unit) -> bool:
    """A noun that names no party and no claim (a second wrong joined by a conjunction)."""
    return not v.etype and v.is_noun() and not v.has("AccusationNoun")


def governed_by_denial(units: list[Unit], i: int) -> bool:
    """A denial or rejection verb, or a condemned charge, in the three words before ``i`` ("membantah tuduhan"):
    the accusation noun at ``i`` is denied, not made."""
    return any(v.has("DenyCue", "RejectCue") or condemned_charge(units, v.i) for v in units[max(0, i - 3):i])


def noun_against(units: list[Unit], i: int, state: State) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """An accusation noun aimed with "terhadap" at parties ("gugatan pemerintah Meksiko terhadap produsen senjata
    Smith & Wesson dan distributor Interstate Arms"): its owner accuses them, else the subject of the verb
    that makes it ("Meksiko mengajukan gugatan terhadap …"), whoever later rejects it."""
    n = len(units)
    if units[i].cls.get("AccuseCue") != NOUN and not units[i].has("SuitCue"):
        return None  # (not "pernyataan Peru terhadap Bolivia": a statement aimed at a state charges it with nothing)
    k = past_owner_words(units, i, 3)  # "gugatan pemerintah Meksiko", "gugatan organisasi HAM Amnesty International"
    owner = None
    if k < n and units[k].is_actor and not units[k].paren and units[k].etype != "WEAPON":
        owner = k
        k = (units[k].group[-1] if units[k].group else k) + 1
    if k >= n or units[k].etype or not units[k].has("TargetPrep"):
        return None
    accused = named_targets(units, k, clause_right(units, k), state)
    if owner is not None:
        accusers = actor_keys(units, owner, state)
    else:
        v = prev_unit(units, i)
        if v is None or not v.is_verb() or v.voice("AccuseCue") == PASSIVE or \
                v.has("DenyCue", "RejectCue", "ReportCue", "BeliefCue", *SPEECH):
            return None  # "menolak gugatan terhadap X": not the rejecter's
        j = left_subject(units, v.i)
        accusers = actor_keys(units, j, state) if j is not None else ()
    accused = tuple(b for b in accused if b not in accusers)
    return (accusers, accused) if accusers and accused else None

def denied_claim(units: list[Unit], i: int, state: State) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """"Moskow membantah tudingan Polandia bahwa kedua negara …": the denial reports an accusation
    by Poland against the subject of the "bahwa" clause, else against the deniers."""
    k = i + 1
    while k < len(units) and k <= i + 2 and not units[k].etype and units[k].has("SourcePrep", "GovernmentNoun"):
        k += 1  # "tuduhan dari pihak AS bahwa …"
    k = past_claim_age(units, k) if k <= i + 2 else k  # "menampik tuduhan lama Kongo bahwa …"
    while k < len(units) and k <= i + 9 and (units[k].title or not units[k].etype and
                                             units[k].has("RoleTitle", "Rank", "TitleQualifier") or
                                             k > i + 1 and (units[k].paren or units[k].text in ("(", ")"))):
        # "tuduhan Presiden Venezuela Nicolas Maduro bahwa …": the speaker past the title (and the short name in
        # brackets after a state in it: "Wakil Presiden Amerika Serikat (AS) Mike Pence")
        k += 1
    if (k >= len(units) or not units[k].is_actor) and \
            (a := launched_by(units, i, clause_right(units, i, through_bahwa=True))) is not None:
        k = a  # "membantah tuduhan yang dilontarkan oleh Kemlu AS terkait …": the agent of the voicing verb
    if k >= len(units) or not units[k].is_actor or units[k].paren:
        return (), ()
    accusers = actor_keys(units, k, state)
    end = units[k].group[-1] if units[k].group else k
    hi = clause_right(units, i, through_bahwa=True)
    accused = content_subject(units, k, state) or topic_doers(units, end + 1, hi, state)  # "klaim AS terkait …"
    if not accused and end + 1 < hi and units[end + 1].has("TargetPrep") and not units[end + 1].etype:
        # "menolak gugatan Sudan terhadap UEA": the claim names whom it charges, not the one who rejects it
        accused = tuple(b for b in named_targets(units, end + 1, hi, state) if b not in accusers)
    if not accused and (not units[i].has("AccuseCue") or units[i].has("SuitCue")) and \
            not any(v.has("Demonstrative") for v in units[end + 1:min(hi, end + 3)]):
        # "menepis klaim Gedung Putih": a claim whose content is not told need not be an accusation (nor does a
        # rejected suit charge who rejects it: "Mahkamah Internasional menolak gugatan Sudan", a ruling)
        # ("menampik klaim Washington tersebut" points back to one that was)
        return (), ()
    if not accused:
        verb = next((v for v in reversed(units[max(0, i - 3):i]) if v.has("DenyCue", "RejectCue")), None)
        j = left_subject(units, verb.i) if verb is not None else None
        # the deniers, a ministry that speaks for its state as the state ("Kemlu Taiwan menolak tuduhan Beijing"),
        # and so does a spokesperson ("Juru bicara Kremlin Dmitry Peskov menepis tudingan Washington")
        accused = tuple(body_state(a, state) or a for a in actor_keys(units, j, state)) if j is not None else ()
        if j is not None and (spoken_for := speaks_for(units[j], state) or _denier_home(units[j], state)):
            accused = spoken_for  # "Izzat al-Rishq dari Hamas membantah tuduhan Israel": Hamas was charged
        accused = _charged_before(accusers, (actor_keys(units, j, state) if j is not None else ()) + accused, state) \
            or accused
    return accusers, accused


def _charged_before(accusers: tuple[str, ...], deniers: tuple[str, ...], state: State) -> tuple[str, ...]:
    """Those of ``deniers`` (or their states) whom ``accusers`` already charged in the article: a denial of a charge
    the article told is theirs ("AS menuduh Korea Utara mengirim …. Baik Korea Utara maupun Rusia membantah tuduhan
    AS": North Korea was charged, not Russia; "Trump menyebut Petro … . Petro membantah tuduhan Trump": Petro
    himself, not his state); none where the accusers charged none of them yet."""
    before = {b for a, b in state.accusations if a in accusers}
    return tuple(k for k in dict.fromkeys(deniers) if k in before)


def speaks_for(u: Unit, state: State) -> tuple[str, ...]:
    """The state of a person titled as someone who speaks for others (juru bicara, pejabat, diplomat)."""
    if u.etype != "PER" or not u.key:
        return ()
    # the title here, else one the article gave him before ("Juru bicara junta, Amadou Abdramane, …. Abdramane menyebut
    # tudingan Washington tidak berdasar": Niger's spokesman)
    titles = [u.role[0]] if u.role is not None else [t for t, _, who in state.titled if who == u.key] + [
        r.args["title"] for r in state.relations
        if r.type == "role" and r.args.get("person") == u.key and r.args.get("title")]
    if not any(title_opens_with(t, "SourceNoun") for t in titles):
        return ()
    home = home_state(u.key, state)
    return ((body_state(home, state) or home),) if home else ()


def _denier_home(u: Unit, state: State) -> tuple[str, ...]:
    """The side of a person who denies a charge whose content goes untold: an official or member of a state or
    group answers for it ("Menhan Pakistan membantah tuduhan India": Pakistan was charged, not the minister)."""
    if u.etype != "PER" or not u.key or (home := home_state(u.key, state)) is None:
        return ()
    return (body_state(home, state) or home,)


def launched_by(units: list[Unit], i: int, hi: int) -> int | None:
    """"tudingan yang dilontarkan (oleh) Washington terhadap Moskow": the agent of a passive verb of voicing a claim,
    in a relative clause right after the accusation noun at ``i``, owns the accusation (where it stands); a charge
    "made" is one voiced ("tuduhan tak berdasar yang dibuat oleh PM Israel")."""
    d = i + 1  # (past a word of dismissal and a closing quote: "tuduhan tak berdasar yang …", "“tuduhan palsu” yang …",
    # and past the wrong charged: "gugatan genosida yang dilayangkan Afrika Selatan terhadap Israel")
    while d < hi and (units[d].text in CLOSE_QUOTES or not units[d].etype and units[d].has("DismissCue", "WrongdoingCue")):
        d = skip_span(units, d, "DismissCue") if units[d].has("DismissCue") else \
            skip_span(units, d, "WrongdoingCue") if units[d].has("WrongdoingCue") else d + 1
    k = relative_after(units, d - 1, hi)  # (past an adverb of force: "protes keras yang disampaikan …")
    if k is None:
        return None
    v = units[k + 1]
    if v.etype or not v.has("LaunchVerb", "RevealVerb", "MakeVerb") or not passive_prefixed(v.text):
        return None
    a = k + 2
    if a < hi and not units[a].etype and units[a].has("AgentPrep"):
        a += 1
    while a < min(hi, k + 6) and (units[a].title or not units[a].etype and units[a].has("RoleTitle", "TitleQualifier")):
        a += 1  # "yang disampaikan Menlu Retno Marsudi", "yang dibuat oleh Perdana Menteri Israel Benjamin Netanyahu"
    return a if a < hi and units[a].is_actor and not units[a].paren else None


def cited(units: list[Unit], o: int) -> bool:
    """The actor at ``o`` follows a passive verb of reporting or citing ("seperti diwartakan Ammon News",
    "dilaporkan Reuters", "dikutip dari Anadolu"): the outlet a report comes from."""
    k = o - 1
    if k > 0 and not units[k].etype and units[k].has("SourcePrep", "AgentPrep"):
        k -= 1
    v = units[k] if k >= 0 else None
    return v is not None and not v.etype and (v.has("CiteVerb") or v.has("AllegedCue") and passive_prefixed(v.low))


def whose_person(units: list[Unit], i: int, o: int) -> bool:
    """A person named after a noun of person that is no title ("diplomat terdekat Donald Trump", "pejabat senior
    Netanyahu"): whose diplomat or official it is, not the one the verb at ``i`` is about (but "mantan Presiden
    Evo Morales", "penasihat keamanan nasional Jake Sullivan": titles, the person himself)."""
    if units[o].etype != "PER":
        return False
    for v in units[i + 1:o]:
        if v.has("PersonNoun") and not v.etype and not v.title and not v.has("RoleTitle") and \
                not (v.i + 1 < o and (units[v.i + 1].title or units[v.i + 1].has("RoleTitle", "Rank"))):
            return True
    return False


def sanctioned_doers(ev: Event, ctx: SentenceContext) -> tuple[str, ...]:
    """Whom a sanction given for the supply ``ev`` charges: the supplier ("karena memasok drone ke Rusia"), but
    for a purchase or a receipt the buyer the sentence sanctions ("menyanksi Turki atas pembelian S-400 dari
    Rusia": Turkey's wrong, not the seller's); none where the sentence sanctions no one."""
    if not ev.received and not ctx.units[ev.unit].has("ReceiveCue"):
        return ev.supplier
    return tuple(dict.fromkeys(str(r.args["target"]) for r in ctx.state.relations
                               if r.type == "sanctions" and r.sentence == ctx.sentence.index and r.args.get("target")))


def place_only(key: str, state: State) -> bool:
    """A place, not a party: a GPE the gazetteer does not know as a state ("pelanggaran HAM di Papua", "masyarakat
    adat Papua Barat", "protes di New York"). States are all in the gazetteer; a province, region or city the
    tagger called a GPE is where a wrong happened or whom it hurt, never who charges it or is charged."""
    e = state.entities.get(key)
    g = gazetteer().entries.get(key)
    return e is not None and e.type == "GPE" and (g is None or g.metonym_for is None and g.located_in is not None)


def subjects(units: list[Unit], j: int, state: State) -> tuple[str, ...]:
    """The parties of the subject at ``j``, with the others "bersama (dengan)" joins to it where it opens the
    clause ("Jerman bersama Belanda dan Belgia mengecam …", "Pada 2021, Prancis bersama 14 negara Eropa dan
    Kanada mengecam …": all of them condemn)."""
    keys = actor_keys(units, j, state)
    lo = clause_left(units, j)
    a = next((k for k in range(lo, j + 1) if units[k].is_actor and not units[k].title), None)  # (not "Anggota [DPR] X")
    if a is None or units[a].paren or any(v.is_verb() and not v.etype for v in units[lo:a]):
        return keys
    c = (units[a].group[-1] if units[a].group else a) + 1
    c += c + 1 < len(units) and units[c].text == "," and units[c + 1].has("CompanionPrep")  # ("…, bersama UE")
    if c >= len(units) or units[c].etype or not units[c].has("CompanionPrep"):
        return keys
    b = next((k for k in range(c + 1, min(len(units), c + 6)) if units[k].is_actor and not units[k].title), None)
    if b is None or b > j and j not in (a, *units[a].group) or \
            any(v.is_verb() and not v.etype or v.text in STOP_PUNCT for v in units[c + 1:b]):
        return keys
    return tuple(dict.fromkeys(actor_keys(units, a, state) + actor_keys(units, b, state) + keys))


#: sentences back a sale told as approved or planned is still what "penjualan tersebut" means: a paragraph's
#: reach (an older one is another story's sale, and the article would name it again)
SALE_REACH = 5
#: units between the demonstrative and the wrong said of the sale ("penjualan itu [jelas] memperkeruh …"): a
#: longer gap holds a clause of its own, whose subject is not the sale
SALE_GAP = 3


def supply_told(units: list[Unit], lo: int, hi: int, state: State, sentence: int) -> tuple[str, ...]:
    """The sellers of the last sale or deal told as approved, planned or possible, where a supply noun with a
    demonstrative between ``lo`` and the wrong said of it at ``hi`` points back to it ("AS menyetujui penjualan
    rudal ke Taiwan. Kemlu China menilai penjualan tersebut memperkeruh ketegangan", past weapon names: "penjualan
    rudal itu"); none where a party is named with the noun, or where the wrong is not what is said of the sale
    ("berkeras pengiriman itu terjadi sebelum invasi"). (A delivery told as done is charged where it is told.)"""
    k = next((v.i for v in units[lo:hi] if not v.etype and v.cls.get("SupplyCue") == NOUN), None)
    last = state.last_supply
    if k is None or last is None or last.modality == "denied" or sentence - state.last_supply_at > SALE_REACH:
        return ()
    for v in units[skip_span(units, k, "SupplyCue"):min(hi, k + 5)]:
        if v.has("Demonstrative") and not v.etype:
            return last.supplier if hi - v.i <= SALE_GAP else ()
        if v.is_actor and v.etype != "WEAPON" or v.is_verb() or v.text in STOP_PUNCT:
            return ()
    return ()


def passive_charged(units: list[Unit], i: int, lo: int) -> int | None:
    """Who a passive condemnation at ``i`` blames, its clause opening at ``lo``: where the clause opens with a
    noun of an act ("Serangan Israel ke kamp Rafah dikecam oleh Mesir"), the doer named right after the noun, or
    no one where the act's phrase names only what it was aimed at ("Serangan drone terhadap kilang minyak Saudi
    dikecam AS": Saudi suffered it); else the nearest party before the verb, or the head a relative clause or an
    apposition set off by commas describes ("TTP, yang berbagi ideologi dengan Taliban Afghanistan, dituduh …": TTP)."""
    if not units[lo].etype and units[lo].has("AttackCue", "WrongdoingCue", "ActNoun") and not units[lo].is_verb():
        for k in range(lo + 1, i):
            v = units[k]
            if v.is_actor:
                return k if not v.paren else None
            if not v.etype and v.has("Preposition") and not v.has("AgentPrep", "SourcePrep"):
                return None  # "terhadap …", "ke …": the target or the place, not the doer
    j = nearest_left_actor(units, i, lo)
    return None if j is None else appositive_head(units, j, i)


def unsaid(units: list[Unit], f: Frame | None, i: int) -> bool:
    """The frame's verb of saying is negated or denied ("tidak menyebut Venezuela sebagai agresor", "membantah
    pernah menyebut Peru sebagai agresor"), or the wrong at ``i`` is what a negated verb of saying or showing in the
    frame's content says ("gugatan itu tidak cukup menunjukkan bahwa kedua perusahaan …"): no claim the speaker makes."""
    if f is not None and any(v.has("Complementizer") and k > 0 and units[k - 1].voice("ReportCue") == ACTIVE and
                             negated_act(units, k - 1) for k, v in enumerate(units[f.lo:i], f.lo)):
        return True
    if f is None or f.verb is None or f.verb >= f.lo:
        return False
    v = f.verb
    while v > 0 and units[v - 1].has("FunctionWord") and not units[v - 1].etype and \
            not units[v - 1].has("NegationCue"):
        v -= 1  # past "pernah", "sempat"
    return negated_act(units, f.verb) or v > 0 and units[v - 1].voice("DenyCue") == ACTIVE


def told_by(units: list[Unit], state: State) -> list[tuple[str, str]]:
    """"Rusia dilaporkan menghadiahkan Pantsir kepada Korea Utara. Hal itu diungkap Kyrylo Budanov": a
    sentence that opens with what was just told and a passive verb of telling names the source of the
    supplies the sentence before reported; that source accuses their suppliers."""
    if not units or not units[0].has("MatterAnaphor") or not state.prev_events:
        return []
    k = skip_span(units, 0, "MatterAnaphor")
    while k < len(units) and units[k].has("FunctionWord") and not units[k].is_verb():
        k += 1
    if k >= len(units) or units[k].voice("RevealVerb") != PASSIVE:
        return []
    a = after_titles(units, agent_at(units, k))  # "diungkap Kepala Intelijen Pertahanan Ukraina Kyrylo Budanov"
    if a >= len(units) or not units[a].is_actor or outlet(units[a].key or "", state):
        return []
    out = []
    for ev in state.prev_events:
        if ev.inferred or ev.modality not in ("asserted", "alleged"):
            continue
        for sp in actor_keys(units, a, state):
            out += [(sp, b) for b in ev.supplier if b != sp and b not in side(sp, state) and (sp, b) not in out]
    return out


def sanctioners_of(targets: tuple[str, ...], units: list[Unit], state: State, anywhere: bool = False) -> list[str]:
    """Who sanctioned one of ``targets`` in this sentence (``anywhere``: so far in the article)."""
    at = units[0].start if units else -1
    return list(dict.fromkeys(r.args["sanctioner"] for r in state.relations if r.type == "sanctions"
                              and (anywhere or r.start <= at < r.end) and r.args.get("target") in targets))


def supposed(units: list[Unit], i: int) -> bool:
    """"Setiap transfer rudal Iran ke Rusia akan menjadi …", "segala bentuk pasokan drone …": a supply noun after
    a word of "every" is an act supposed, which its speaker charges no one with (not "setiap bulan Iran mengirim
    …": there the quantifier is the time's, and the verb tells the act)."""
    return units[i].cls.get("SupplyCue") == NOUN and \
        any(v.has("EveryQuantifier") and not v.etype for v in units[max(0, i - 3):i])
