"""warns(warner, warned): warning and urging verbs and nouns ("memperingatkan X", "mendesak X untuk …",
"peringatan AS kepada …"), and a speaker who says a party would break a rule."""

from __future__ import annotations

from collections.abc import Iterable

from kg.cues import ACTIVE, NOUN, PASSIVE, passive_prefixed
from kg.extract.agents import host_doer, object_noun_subject, purpose_clause
from kg.extract.clause import (
    actor_keys,
    clause_right,
    directly_after,
    frame_of,
    group_prep,
    left_subject,
    nearest_left_actor,
    prep_actor,
    purpose_host,
    right_actor,
)
from kg.extract.context import Frame, SentenceContext, State
from kg.extract.elided import elided_subject
from kg.extract.negated import negated_act
from kg.extract.notices import defied, delivered_by, issuer, titled_person
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.extract.retold import last_warned, set_against, told_again
from kg.extract.rules.threats import (
    anniversary,
    buyer_warned,
    charged_before,
    condition_party,
    conditional_threat,
    hearsay_after,
    joined_goal,
    own_attack_target,
    severed_with,
    stopped_act,
    subject_with_verb,
    supplier_warned,
    taken_as,
)
from kg.extract.rules.urged import (
    continued_charge,
    hoped_urger,
    sides_in,
    stopped_owner,
    stops_a_charge,
    urged_party,
)
from kg.types import Relation
from kg.unitize import plural_state_noun
from kg.units import STOP_PUNCT, Unit, skip_span


@rule("warns", reads=("role_org",), provides=("urged_to_stop",),
      triggers=("WarnCue", "DemandCue", "ThreatNoun", "WrongdoingCue", "ConditionalConj", "VowCue", "ObligationCue"))
def warn_rule(ctx: SentenceContext) -> list[Relation]:
    stops: list[tuple[str, str]] = []
    here = dict(ctx.products.get("role_org") or [])  # a role told in this sentence: "Duta Besar Rusia X"
    found = warnings(ctx.units, ctx.frames, ctx.state, stops, here)
    if not found:  # "Peringatan itu disampaikan PM Netanyahu …": the warning the sentence before told, now his
        before = last_warned(ctx)
        by = told_again(ctx.units, ctx.state)
        found = [(a, b) for a in by for b in dict.fromkeys(before) if a != b and b not in side(a, ctx.state, here)]
    ctx.products["urged_to_stop"] = stops
    return [ctx.relation("warns", {"warner": a, "warned": b}) for a, b in found]


#: ``warnings`` skips a word with none of these in one test: every class it asks a word about (the guard test in
#: tests/extract/test_guards.py checks), and the vow ``_vowed_attack`` reads a warning from
WARNING_CLASSES = frozenset({"ThreatNoun", "ThreatVerb", "ObligationCue", "WarnCue", "DemandCue", "ConditionalConj",
                             "WrongdoingCue", "VowCue"})


def warnings(units: list[Unit], frames: list[Frame], state: State,
             stops: list[tuple[str, str]] | None = None, here: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(warner, warned) pairs; ``stops`` receives those where the warned is urged to stop doing
    something ("mendesak Rusia untuk menghentikan serangan …"), which is also an accusation."""
    out: list[tuple[str, str]] = []

    def add(at: int, warners: Iterable[str], warned: Iterable[str], after: int | None = None) -> None:
        """Record warnings made by the word at ``at``; urging to stop is noted for the accusation rule (a
        stop verb after the warned at ``after``: not "mengancam akan menghentikan pasokan ke Israel jika
        Israel …", where the warner would stop)."""
        hi = clause_right(units, at, through_bahwa=True)
        stop = any(v.has("StopVerb") and not any(w.has("NegationCue") for w in units[max(0, v.i - 2):v.i])
                   for v in units[max(at, after or at) + 1:min(len(units), hi + 4)])  # not "tidak akan berhenti"
        warned = list(warned)
        stop = stop and stops_a_charge(units, max(at, after or at) + 1, min(len(units), hi + 4), len(set(warned)) > 1) \
            or continued_charge(units, max(at, after or at) + 1, len(units))  # "… jika pasokan itu berlanjut""
        owner = stopped_owner(units, max(at, after or at) + 1, min(len(units), hi + 4))
        for a in warners:
            if outlet(a, state):
                continue
            own = side(a, state, here)  # "Menlu Rwanda memperingatkan bahwa negaranya akan …": no warning to his own
            for b in warned:
                if b in own or a in side(b, state, here) or outlet(b, state):
                    continue  # nor to one of its own ("kedua pihak" read as its spokesman), nor to "dilansir Reuters"
                if a != b and (a, b) not in out:
                    out.append((a, b))
                if a != b and stop and stops is not None and (a, b) not in stops and (not owner or b in owner):
                    stops.append((a, b))

    n = len(units)
    for u in units:
        if u.etype or WARNING_CLASSES.isdisjoint(u.cls):  # (a word with none of the classes asked below: most)
            continue
        if u.has("ThreatNoun") and taken_as(units, u.i):
            continue  # "sanksi baru sebagai konsekuensi atas peluncuran …": a measure taken, not threatened
        if u.has("ThreatNoun") and (f := frame_of(frames, u.i)) is not None and f.speaker:
            # not where a verb of warning before it has the threat as its own ("“Kementerian telah memperingatkan
            # bahwa Jepang akan menanggung akibatnya,” kata X": the ministry warns; the verb's reading finds it)
            if not any(v.voice("WarnCue") == ACTIVE for v in units[max(0, f.lo):u.i]):
                add(u.i, f.speaker, threatened(units, u.i, f, state))
            continue
        if u.has("ObligationCue") and (f := frame_of(frames, u.i)) is not None and f.speaker:
            add(u.i, f.speaker, _must_stop(units, u.i, f, state))  # "… mengatakan Iran harus menghentikan serangan"
            continue
        warn, demand = u.voice("WarnCue"), u.voice("DemandCue")
        if warn is None and demand is None and _vowed_attack(units, u.i):
            warn = ACTIVE  # "Houthi bersumpah akan menyerang pangkalan AS": a threat to the one attacked
        if u.has("ConditionalConj") and (f := frame_of(frames, u.i)) is not None and f.speaker:
            add(u.i, f.speaker, conditional_threat(units, u.i, f, state))  # "negaranya bisa … jika Berlin terus …"
            continue
        if warn is None and demand is None:
            if u.has("WrongdoingCue"):  # "… akan melanggar resolusi": a warning by whoever says it
                f = frame_of(frames, u.i)
                j = nearest_left_actor(units, u.i, f.lo if f else 0)
                warned = j is not None and any(v.voice("WarnCue") == ACTIVE for v in units[max(0, j - 6):j])  # "… X berniat"
                if f is not None and j is not None and any(v.has("PotentialCue", "PlannedCue")
                                                           and not v.has("PersuadeCue", "ActNoun")  # ("menggarap rencana")
                                                           and (warned or not v.has("IntentCue"))
                                                           and not negated_act(units, v.i)  # "tak sanggup …"
                                                           for v in units[j + 1:u.i]) \
                        and not any(v.has("Relativizer") for v in units[j + 1:u.i]) \
                        and not any(v.voice("AccuseCue") == ACTIVE for v in units[max(0, j - 3):j]):
                    # (not "Uni Eropa akan memboikot barang yang dibuat di permukiman ilegal": a thing described; nor
                    # "menuduh Uganda menyiapkan kecurangan": a charge, not a warning)
                    add(u.i, f.speaker, actor_keys(units, j, state))
            continue
        # (from the cue's last word: "melontarkan ancaman terbuka kepada X" is one cue, not a clause ending at its verb)
        hi = clause_right(units, u.i, through_bahwa=True)
        nxt = units[u.i + 1] if u.i + 1 < n else None
        if warn == NOUN:
            if nxt is not None and not nxt.etype and not nxt.title and set(nxt.cls or ()) <= {"FunctionWord", "TimeUnit"} \
                    and (nxt.text[:1].isdigit() or nxt.text[:1].isupper()):
                continue  # a commemoration: "KTT peringatan 75 tahun aliansi", "peringatan Hari Kemerdekaan"
            if anniversary(units, u.i + 1):
                continue  # "menjelang peringatan dua tahun invasi", "peringatan ulang tahun ke-70 NATO"
            if (by_to := defied(units, u.i, hi, state)) is not None:
                add(u.i, *by_to)  # "Filipina mengabaikan peringatan Tiongkok": China warned the Philippines
                continue
            delivered = delivered_by(units, u.i, hi, state)
            if delivered is not None:  # "Peringatan serupa disampaikan Moskow kepada Warsawa"
                add(u.i, *delivered)
                continue
            if nxt is not None and nxt.has("Demonstrative"):
                # "Peringatan tersebut disampaikan …" was counted where it was made, unless it now
                # names its addressee: "menyampaikan peringatan itu … kepada Wang"
                to, _ = prep_actor(units, u.i + 1, hi, ("TargetPrep",), state, reach=6)
                j = left_subject(units, u.i)
                if to and j is not None:
                    add(u.i, actor_keys(units, j, state), to)
                continue
            p = titled_person(units, u.i, hi)  # "peringatan (dari) Wakil Presiden AS Mike Pence agar …"
            by = actor_keys(units, p, state) if p is not None else ()
            if not by:
                by, _ = prep_actor(units, u.i, hi, ("SourcePrep", "AgentPrep"), state, reach=2)
            if not by and nxt is not None and nxt.is_actor and not nxt.paren:
                by = actor_keys(units, u.i + 1, state)
            if not by:  # (from the verb it is the object of: "X …, dan memberikan peringatan kepada Y")
                j = object_noun_subject(units, u.i)
                by = actor_keys(units, j, state) if j is not None else ()
            o = right_actor(units, p if p is not None else u.i + (1 if by and nxt is not None and nxt.is_actor else 0),
                            hi, ("WarnedPrep",))
            c = next((k for k in (u.i + 1, u.i + 2) if k < n and units[k].text == ":"), None)
            if o is None and c is not None and not units[c - 1].etype:
                o = subject_with_verb(units, c, n)  # "memberi tenggat: tentara X harus pulang …"
                o = None if o is not None and hearsay_after(units, o) else o  # ": X disebut-sebut bersiap …"
            if o is not None and _in_place(units, u.i, o):
                o = None
            if by and o is not None:
                add(u.i, by, actor_keys(units, o, state) + _singled_out(units, o, hi, state))
            continue
        if demand == NOUN and warn is None:
            # "seruan agar kedua pihak menahan diri", "desakan Beijing kepada Manila untuk …"
            at, by = u.i, ()
            if nxt is not None and nxt.is_actor and not nxt.paren and not nxt.title:
                at, by = (nxt.group[-1] if nxt.group else u.i + 1), actor_keys(units, u.i + 1, state)
            if at + 1 < n and units[at + 1].has("PurposeConj", "AddresseePrep"):
                if not by:
                    j = left_subject(units, u.i)
                    by = actor_keys(units, j, state) if j is not None else ()
                to = urged_party(units, at, state)
                if not to and by and (d := defied(units, u.i, hi, state)) is not None and \
                        any(v.has("StopVerb", "NegationCue", "WithdrawVerb") for v in units[at + 2:at + 5]):
                    to = d[1]  # "Houthi menolak seruan AS agar menghentikan …": who rejects it was urged to stop
                add(u.i, by, to)
            continue
        voice = warn or demand
        if voice == PASSIVE:
            if warn:  # "X diperingatkan oleh Y"; "X diancam akan diserang oleh Y" (who threatens the act does it)
                act = u.i + 2 < n and units[u.i + 1].has("PlannedCue") and passive_prefixed(units[u.i + 2].low)
                agent, _ = prep_actor(units, u.i, hi, ("AgentPrep",), state, reach=4 if act else 2)
                j = left_subject(units, u.i)
                j = elided_subject(units, u.i) if j is None and act else j  # "X membalas setelah diancam …"
                j = _through(units, j) if j is not None else j
                if agent and j is not None:
                    add(u.i, agent, actor_keys(units, j, state))
            continue
        if voice != ACTIVE or negated_act(units, u.i) or stopped_act(units, u.i):  # nor "berhenti mengancam"
            continue
        host = purpose_host(units, u.i)  # ("memanggil X untuk menuntut")
        j = left_subject(units, u.i) if host is None else host_doer(units, host)
        j = issuer(units, u.i) if j is None else j  # "… mengesahkan resolusi yang menuntut X …": its issuer
        if j is None:  # "…," ujar Guo, sembari meminta AS berhenti …": the subject of the clause it hangs on
            j = elided_subject(units, u.i)
        warner = actor_keys(units, j, state) if j is not None else ()
        if not warner:
            continue
        if u.i > 0 and units[u.i - 1].has("Reciprocal") and not units[u.i - 1].etype and len(warner) > 1:
            for a in warner:  # "India dan Pakistan saling memperingatkan …": each warns the other
                add(u.i, [a], [b for b in warner if b != a])
            continue
        if warn:
            if nxt is not None and nxt.text == "," and not any(v.has("ConditionalConj") for v in units[u.i + 2:u.i + 4]):
                continue  # "Sheinbaum mengingatkan, Departemen Kehakiman AS sendiri mengakui …": a verb of saying
            if anniversary(units, u.i + 1):
                continue  # "memperingati 20 tahun kemitraan A dan B": a commemoration, no warning
            o = right_actor(units, u.i, hi, ("WarnedPrep",),
                            exclude=("AgentPrep",) if directly_after(units, u.i, "AgentPrep") else ())
            if o is None and (lead := next((k for k in range(u.i + 1, min(n, u.i + 4))
                                            if not units[k].has("FunctionWord")), n)) + 1 < n and \
                    (placed := sides_in(units, lead + 1)) > lead + 1:
                o = placed  # "memperingatkan para pihak di Madagaskar bahwa …": the sides of that state
            if o is not None and (_thing_object(units, u.i, o) or _in_urged_act(units, u.i, o) or _in_place(units, u.i, o)
                                  or units[o].has("WePronoun") or units[o - 1].has("NamedThingNoun")):
                o = None  # (nor "“X memperingatkan kami …,” kata Menlu Y": "kami" is his side; nor "undang-undang CAATSA")
            # "mengancam akan memutus hubungan dengan X": X, not "hubungan"; also past a date before "bahwa"
            far = clause_right(units, hi) if hi < min(n, u.i + 7) and units[hi].has("Complementizer") else hi
            cut = severed_with(units, u.i, far)
            o = cut if cut is not None and (o is None or o < cut) else o
            cond = condition_party(units, hi) if hi < n and units[hi].has("ConditionalConj") else None
            o = cond if o is None else o  # "mengancam akan membalas apabila AS …": the condition's subject
            if o is None and u.has("ThreatVerb") and (act := _threatened_act(units, u.i, hi)) is not None:
                # "mengancam memutus pasokan listrik ke Ukraina": whom the threatened act is aimed at
                o = right_actor(units, act, hi, ("GoalPrep", "RecipientPrep", "WarnedPrep", "TargetPrep"))
                if o is not None and any(v.has("SanctionCue") and not v.etype for v in units[act:o]):
                    o = None  # "mengancam memveto paket sanksi untuk Rusia": the sanctions' target is not threatened
            if o is not None and o > 0 and units[o - 1].has("SanctionCue") and not units[o - 1].etype:
                # "mengancam akan memberlakukan sanksi PBB terhadap Teheran": the sanctions' owner is not warned
                to, _ = prep_actor(units, o, hi, ("TargetPrep",), state, reach=3)
                o = right_actor(units, o, hi, ("TargetPrep",)) if to else o
            if o is not None and set(actor_keys(units, o, state)) <= {k for a in warner for k in side(a, state, here)}:
                # "memperingatkan bahwa Iran akan menyerang X": his own side threatens the one it would attack
                t = own_attack_target(units, o, clause_right(units, o))
                # (none: "… dan memperingatkan bahwa negaranya akan membela diri" warns whom it answers, below; the
                # condition's party: "… bahwa AS berhak bertindak sendiri jika Meksiko gagal …")
                o = t if t is not None else cond
            if o is not None and units[o].modifier and o + 2 < n and units[o + 1].text == "," and \
                    units[o + 2].etype == "PER" and units[o + 2].is_actor:
                o += 2  # "pesan keras kepada pejabat tertinggi Iran, Ali Larijani": the person the description names
            if o is not None:
                add(u.i, warner, actor_keys(units, o, state) + _singled_out(units, o, hi, state), o)
            elif (buyer := buyer_warned(units, u.i, hi, warner, state)):
                add(u.i, warner, buyer)  # "memperingatkan bahwa pembelian S-400 bisa memicu sanksi": to its buyer
            elif (giver := supplier_warned(units, u.i, hi, warner, state)):
                add(u.i, warner, giver)  # "mengingatkan bahwa pasokan senjata dari Korsel ke Kyiv …": to its source
            elif (before := set_against(units, u.i, hi, warner, state, here)):
                add(u.i, warner, before)  # "… serangan Thailand …. Phnom Penh memperingatkan akan membalas"
            elif (k := charged_before(units, j, u.i)) is not None:
                add(u.i, warner, actor_keys(units, k, state))  # "menuding Jerman … dan memperingatkan bahwa …"
        else:  # "mendesak Korea Utara untuk …", "menyerukan kepada DPRK untuk …"
            to = urged_party(units, u.i, state) or _stop_owner(units, u.i, hi, state)
            if (h := hoped_urger(units, j)) is not None:  # only hoped for: no warning, the hoper's charge
                told = len(out)
                add(u.i, actor_keys(units, h, state), to)
                del out[told:]
                continue
            add(u.i, warner, to)
    return out


def _threatened_act(units: list[Unit], i: int, hi: int) -> int | None:
    """The verb a threat verb at ``i`` governs ("mengancam (akan) memutus …"), past modals and adverbs; None where
    no verb follows."""
    k = i + 1
    while k < hi and not units[k].etype and units[k].has("FunctionWord", "PlannedCue", "MannerAdverb"):
        k += 1
    return k if k < hi and units[k].is_verb() and not units[k].etype else None


def _vowed_attack(units: list[Unit], i: int) -> bool:
    """A vow whose act is an attack ("bersumpah akan menyerang Israel", "berikrar untuk menggempur …"); not a
    vow to help or to go on ("bersumpah akan membantu Ukraina")."""
    if units[i].voice("VowCue") != ACTIVE:
        return False
    k = i + 1
    while k < min(len(units), i + 3) and units[k].has("PlannedCue", "PurposeConj") and not units[k].etype:
        k += 1
    return k < len(units) and not units[k].etype and units[k].voice("AttackCue") == ACTIVE


def _in_urged_act(units: list[Unit], at: int, o: int) -> bool:
    """Whether the actor at ``o`` belongs to the act warned against after "agar/supaya" past its verb: "China
    memperingatkan agar tidak menjual rudal kepada Taiwan" (the buyer, not the one warned; unlike the subject
    of that act, "memperingatkan agar Korut tidak …", who is)."""
    c = purpose_clause(units, at + 1, o)
    return c is not None and any(v.is_verb() for v in units[c + 1:o])


def _in_place(units: list[Unit], at: int, o: int) -> bool:
    """The actor at ``o`` named in a place phrase after common-noun addressees ("peringatan kepada warga di
    Prefektur X yang terletak di selatan negara itu", "memperingatkan penduduk di dekat perbatasan Y"): where
    those warned are, not a party warned (but "kepada pemerintah di Pyongyang" names the state)."""
    w = next((k for k in range(o - 1, at, -1) if units[k].has("WarnedPrep") and not units[k].etype), at)
    first = units[w + 1] if w + 1 < o else None
    return first is not None and not first.etype and first.is_noun() and \
        not first.has("GovernmentNoun", "StateNoun", "GroupNoun", "RoleTitle") and \
        any(v.has("LocativePrep") and not v.etype for v in units[w + 2:o])


def _thing_object(units: list[Unit], i: int, o: int) -> bool:
    """A warning verb whose object is a thing and the party only its owner ("mengancam pasokan air negaranya",
    "memperingatkan para pembuat senjata AS"): what is endangered or who is warned is no party named."""
    if i + 1 < o and units[i + 1].has("ThreatWord"):
        i = skip_span(units, i, "WarnCue") - 1  # (past the cue's own words: "melontarkan ancaman terbuka kepada X")
    nxt = units[i + 1] if i + 1 < o else None
    while nxt is not None and nxt.has("FunctionWord") and not nxt.is_verb() and nxt.i + 1 < o:
        nxt = units[nxt.i + 1]
    if nxt is not None and nxt.has("PotentialNoun") and nxt.i + 1 < o:
        return True  # "memperingatkan kemungkinan senjata jatuh ke tangan X": a possibility warned of, X no addressee
    if nxt is None or nxt.etype or not nxt.is_noun() or plural_state_noun(nxt.text) or \
            nxt.has("GovernmentNoun", "PersonNoun", "StateNoun", "GroupNoun", "RoleTitle", "LifeNoun"):
        return False  # (nor "mengancam nyawa Khamenei": who is threatened with death; "negara-negara NATO" are NATO)
    if any(v.is_verb() for v in units[nxt.i + 1:o]):
        return True  # "mengancam kawasan Afrika Timur dengan mendanai pejuang Somalia": the party is another verb's
    if any(v.has("ClaimTopicPrep") and not v.etype for v in units[nxt.i + 1:o]):
        return True  # "memperingatkan operator penerbangan mengenai bahaya di wilayah udara Venezuela": a topic
    # but "memperingatkan pesaing dan musuhnya – termasuk Tiongkok – agar …": a member of those warned
    return not any(v.has("Preposition", "ListIntro") or v.text in (",", "-", "–", "—") for v in units[i + 1:o])


def _stop_owner(units: list[Unit], i: int, hi: int, state: State) -> tuple[str, ...]:
    """A demand for a stop told as a noun ("mendesak penghentian program nuklir Korea Utara", "menuntut
    penghentian serangan Israel di Gaza"): the party whose act is to stop, named in the noun phrase (not after a
    preposition: "penghentian serangan terhadap X" names the one attacked)."""
    if i + 1 >= hi or units[i + 1].etype or not units[i + 1].has("StopNoun"):
        return ()
    for k in range(i + 2, min(hi, i + 7)):
        v = units[k]
        if v.is_actor and not v.paren and not v.title:
            return actor_keys(units, k, state)
        if v.etype or v.text in (",", ".", ";") or v.is_verb() or v.has("TargetPrep", "LocativePrep", "GoalPrep"):
            return ()
    return ()


def _must_stop(units: list[Unit], i: int, f: Frame, state: State) -> tuple[str, ...]:
    """The party a speaker says must stop or pull out ("X mengatakan bahwa Iran harus segera menghentikan serangan
    itu", "… bahwa RSF harus mundur", not a person asked to step down): warned. A named party only: a pronoun
    there ("Jika A …, ia harus berhenti," kata B) is read back to the wrong one too often."""
    j = i - 1
    while j > f.lo and not units[j].etype and units[j].has("FunctionWord") and not units[j].is_verb():
        j -= 1
    k = i + 1
    while k < min(f.hi, i + 3) and not units[k].etype and units[k].has("FunctionWord", "MannerAdverb") \
            and not units[k].has("StopVerb"):
        k += 1  # "harus segera menghentikan"
    if j < f.lo or k >= len(units) or not units[j].is_actor or units[j].paren or units[j].title \
            or units[j].pron is not None or units[k].etype or not units[k].has("StopVerb") \
            and (not units[k].has("WithdrawVerb") or units[j].etype == "PER"):  # a person "harus mundur": resign
        return ()
    return actor_keys(units, j, state)


def threatened(units: list[Unit], i: int, f: Frame, state: State) -> tuple[str, ...]:
    """Whom consequences announced at ``i`` are for: the addressee of the speech ("menyampaikan kepada
    Beijing bahwa akan ada konsekuensi"), else the actors the speaker's clause is about ("Beijing,
    Pyongyang, dan Teheran harus tahu bahwa ada harga yang harus dibayar"), not the speaker's side."""
    own = {k for sp in f.speaker for k in side(sp, state)}
    to, at = prep_actor(units, f.lo - 1, i, ("AddresseePrep", "RecipientPrep"), state, reach=8)
    if to and not joined_goal(units, f.lo - 1, at):
        return tuple(k for k in to if k not in own)
    # the first party the clause names besides the speaker's own ("China akan mengambil tindakan balasan, dan
    # Jepang yang menanggung semua akibatnya")
    for j in range(max(0, f.lo), i):
        if units[j].is_actor and not units[j].paren and not units[j].title and units[j].pron != "1" and \
                not group_prep(units, j) and not _of_a_thing(units, j) and \
                (them := tuple(k for k in actor_keys(units, j, state) if k not in own)):
            return them
    # none before it: whom the consequences are for ("akan memiliki konsekuensi yang serius bagi Rusia")
    end = i + units[i].span.get("ThreatNoun", 1) - 1
    hi = min(f.hi, end + 8)
    for k in range(end + 1, hi):
        if units[k].text in STOP_PUNCT or units[k].is_verb():
            break
        if not units[k].etype and units[k].has("RecipientPrep"):
            to, _ = prep_actor(units, k - 1, hi, ("RecipientPrep",), state, reach=3)
            return tuple(x for x in to if x not in own)
    return ()


def _of_a_thing(units: list[Unit], j: int) -> bool:
    """The actor at ``j`` only names what a thing is about or whose it is ("dalam isu Taiwan", "soal nuklir Iran"):
    no party the consequences are for (but "pasukan Rusia", "pemerintah Israel" are that party)."""
    h = (units[j].group[0] if units[j].group else j) - 1
    return units[j].modifier and h >= 0 and not units[h].etype and units[h].is_noun() and \
        not units[h].has("GovernmentNoun", "PersonNoun", "StateNoun", "GroupNoun", "StateBody", "OrgHead", "RoleTitle")


def _singled_out(units: list[Unit], o: int, hi: int, state: State) -> tuple[str, ...]:
    """One more party singled out right after the warned at ``o`` ("peringatan keras kepada AS, khususnya
    kepada Presiden Donald Trump", "memperingatkan Korsel, terutama Presiden Yoon, agar …"): warned too."""
    e = units[o].group[-1] if units[o].group else o
    k, n = e + 1, len(units)
    if k + 2 >= n or units[k].text != "," or not units[k + 1].has("EspeciallyWord") or units[k + 1].etype:
        return ()
    j = k + 2
    if units[j].has("WarnedPrep") and not units[j].etype:
        j += 1
    first = j
    while j < min(n, k + 10) and not units[j].etype and (units[j].head_word or units[j].has("RoleTitle", "TitleQualifier")
                                                         or units[j].has("PersonNoun") and j == first) \
            or j < n and units[j].etype and units[j].title:
        j += 1  # "khususnya (kepada) Presiden AS Donald Trump", "khususnya mantan Presiden X"
    return actor_keys(units, j, state) if j < n and units[j].is_actor and not units[j].paren else ()


def _through(units: list[Unit], j: int) -> int:
    """"Israel melalui Perdana Menteri X …": the party X speaks for, not X, is the one the clause is about."""
    k = j
    while k > 0 and (units[k - 1].has("RoleTitle", "TitleQualifier") or units[k - 1].etype == "GPE" and k < j) \
            and not units[k - 1].has("ViaPrep"):
        k -= 1
    return k - 2 if k >= 2 and units[k - 1].has("ViaPrep") and units[k - 2].is_actor else j
