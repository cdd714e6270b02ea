"""accuses(accuser, accused): accusation verbs (active, passive, nominal "kecaman AS terhadap …"), and
the speaker of a claim of wrongdoing or of a supply accuses whoever the claim is about."""

from __future__ import annotations

from collections.abc import Iterable

from kg.cues import ACTIVE, NOUN, PASSIVE, POSSESSIVE, passive_prefixed, word_is
from kg.extract.acts import (
    act_agent,
    act_condemned,
    act_doers,
    attacked,
    done_by,
    further_agents,
    no_object,
    relative_object,
)
from kg.extract.antecedents import clitic_object
from kg.extract.backers import backed_by, told_backing
from kg.extract.charges import charge_owner, on_grounds
from kg.extract.claims import (
    addressed_topic,
    backed_wrong,
    content_subject,
    owner_after,
    said_after,
    topic_doers,
    unnamed_accused,
)
from kg.extract.clause import (
    SPEECH,
    actor_keys,
    agent_at,
    clause_left,
    clause_right,
    frame_of,
    group_prep,
    left_subject,
    nearest_left_actor,
    predicate_end,
    prep_actor,
    prep_is,
    right_actor,
)
from kg.extract.context import Event, Frame, SentenceContext, State
from kg.extract.described import described_by_relative, past_group_noun, relative_party
from kg.extract.negated import negated_act, taken_up, unwitnessed
from kg.extract.notices import issuer
from kg.extract.parties import bare_body, body_state, outlet, side
from kg.extract.registry import rule
from kg.extract.reported_wrong import reported_wrongs
from kg.extract.rules.accusal import (
    cited,
    denied_claim,
    governed_by_denial,
    launched_by,
    noun_against,
    passive_charged,
    place_only,
    sanctioned_doers,
    sanctioners_of,
    speaks_for,
    subjects,
    supply_told,
    supposed,
    told_by,
    unsaid,
    whose_person,
    wrongdoer_after,
)
from kg.extract.rules.urged import asked_to, asked_wrong, unnamed_urger, urger_of, wrong_told_of, wrongdoer_left
from kg.extract.sites import appended_place, attack_site, attack_told, placed, unaimed
from kg.resolve import gazetteer
from kg.types import Relation
from kg.unitize import plural_state_noun
from kg.units import STOP_PUNCT, Unit, skip_span


@rule("accuses", requires=("supply_events", "origin_events", "flow_events", "urged_to_stop", "sanctioners",
                           "sanction_reasons"),
      reads=("attackers", "acts"),
      provides=("accusations",),
      triggers=("AccuseCue", "LaidChargeCue", "AccusationNoun", "PointCue", "WrongdoingCue", "MatterAnaphor", "SupportVerb",
                "FundsVerb"))
def accuse_rule(ctx: SentenceContext) -> list[Relation]:
    found = accusations(ctx.units, ctx.frames, ctx.products.get("supply_events", []) +
                        ctx.products.get("origin_events", []) + ctx.products.get("flow_events", []), ctx.state,
                        ctx.sentence.index, ctx.sentence.paragraph)
    # "UE menjatuhkan sanksi terhadap tiga perusahaan Iran karena memasok …": the reason is the sanctioner's charge
    cue = next((u.i for u in ctx.units if ("SanctionCue" in u.cls or "BlacklistNoun" in u.cls) and not u.etype), None)
    for ev in ctx.products.get("supply_events", []) if cue is not None else []:
        if ev.unit > cue and not ev.inferred and ev.modality in ("asserted", "alleged"):
            found += [(a, b) for a in ctx.products.get("sanctioners", []) for b in sanctioned_doers(ev, ctx)
                      if a != b and (a, b) not in found and b not in side(a, ctx.state)]
    # "AS menyanksi X. X disebut memasok drone ke Rusia": an allegation no one is named for, about a party
    # the article has someone sanction, is the sanctioner's (the reason given for the sanction)
    for ev in ctx.products.get("supply_events", []):
        f = frame_of(ctx.frames, ev.unit)
        if not ev.inferred and ev.modality == "alleged" and not (f is not None and f.speaker):
            found += [(a, b) for b in ev.supplier for a in sanctioners_of((b,), ctx.units, ctx.state, anywhere=True)
                      if a != b and (a, b) not in found]
    found += [p for p in ctx.products.get("sanction_reasons", []) if p not in found]
    found += [p for p in told_by(ctx.units, ctx.state) + reported_wrongs(ctx.units, ctx.state) if p not in found]
    # urging someone to stop what they do accuses them of it ("mendesak Rusia menghentikan serangan …")
    found += [p for p in ctx.products.get("urged_to_stop", []) if p not in found and p[1] not in side(p[0], ctx.state)]
    # "Departemen Keuangan meminta pertanggungjawaban Iran …," kata John Hurley: a speaker who reports
    # their own body's accusation makes it too
    speakers = {sp for f in ctx.frames for sp in f.speaker}
    persons = [sp for sp in speakers if sp in ctx.state.entities and ctx.state.entities[sp].type == "PER"]
    if persons:  # "Departemen Keuangan meminta pertanggungjawaban Iran," kata X: X's own department
        found = [(a2, b) for a, b in found for a2 in (persons if bare_body(a, ctx.state, ctx.units) else [a])]
        found = list(dict.fromkeys(p for p in found if p[0] != p[1]))
    for a, b in list(found):
        for sp in speakers:
            if sp != a and a in side(sp, ctx.state) and sp != b and (sp, b) not in found and not outlet(sp, ctx.state):
                found.append((sp, b))
    ctx.products["accusations"] = found
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def accusations(units: list[Unit], frames: list[Frame], events: list[Event], state: State,
                sentence: int = -1, paragraph: int = -1) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []

    def add(accusers: Iterable[str], accused: Iterable[str]) -> None:
        for a in accusers:
            if outlet(a, state) or place_only(a, state):
                continue  # "menurut laporan Reuters": the agency reports the claim, it does not make it
            for b in accused:
                if a != b and (a, b) not in out and b not in side(a, state) and not place_only(b, state):
                    out.append((a, b))

    # the speaker of a claim of wrongdoing accuses whoever the claim is about
    for ev in events:
        f = frame_of(frames, ev.unit)
        if f is None or ev.inferred or unsaid(units, f, ev.unit) and not taken_up(units, f.verb, ev.unit):
            continue  # (nor "X tidak pernah menuduh Y memasok …", "membantah pernah menyebut Y memasok …")
        if f.verb is not None and (units[f.verb].has("AccordingTo") and f.verb + 1 < len(units)
                                   and units[f.verb + 1].has("DataNoun") and not (f.verb + 2 < len(units) and
                                                                                   units[f.verb + 2].has("EvidenceNoun"))
                                   or units[f.verb].has("ReportCue") and f.verb >= 2
                                   and units[f.verb - 2].has("DataNoun") and units[f.verb - 1].is_actor):
            # "Menurut data SIPRI, …", "Data SIPRI menunjukkan China merupakan pemasok …": figures, no accusation
            # (but "menurut data intelijen X, …" is X's charge)
            continue
        if ev.modality in ("asserted", "alleged") and not supposed(units, ev.unit) and not unwitnessed(units, ev.unit):
            # the buyer's own side telling of its purchase accuses nobody ("Menhan Somalia: drone Turki tiba"), nor
            # does the seller's side telling of its sale (the French minister on India buying from Dassault)
            sellers = set(ev.supplier) | {st for k in ev.supplier if (st := gazetteer().state_of(k))}
            speakers = [sp for sp in f.speaker if not side(sp, state) & sellers]
            # a supply told with no recipient named, by a side the article's supplies so far went to, is that
            # side telling of what it got ("Menhan Somalia: Turki mengirim drone"): no wrong charged
            got = set(ev.recipient) or (set() if ev.anyone else _recipients_so_far(state))
            add([sp for sp in speakers if not side(sp, state) & got], ev.supplier)
            if ev.received:  # "IDF mengklaim Hizbullah menerima kiriman rudal dari Iran": both did wrong
                add(speakers, ev.recipient)
        elif ev.modality == "potential" and ev.persuader:
            add(f.speaker, ev.persuader)
    for speakers, backers in told_backing(units, frames, state):  # "Menurut panel, X mendapat sokongan dari UEA"
        add(speakers, backers)
    for u in units:
        if u.etype or not u.cls:  # (a word without a cue class has none of those asked below)
            continue
        if "WrongdoingCue" in u.cls and not unwitnessed(units, u.i) and not _dated_by(units, u.i) and \
                not backed_wrong(units, u.i) and \
                not unsaid(units, frame_of(frames, u.i), u.i) and \
                not any(v.has("NegationCue") and not units[v.i + 1].has("StopVerb") or v.has("OnlyCue")
                        or v.has("CombatCue") and wrongdoer_after(units, u.i) is None  # ("melawan upaya
                        for v in units[max(0, u.i - 2):u.i]):  # destabilisasi Moskow": the doer is named)
            # (not "tidak melanggar", "hanya melepaskan tembakan peringatan": a defence; not "melawan terorisme")
            f = frame_of(frames, u.i)
            # an accusation verb before it names whom the wrongdoing is charged to; a noun of wrongdoing
            # in what it charges still names its own doer after it ("menuding ketiganya membiarkan
            # pelanggaran HAM Wagner")
            # (not a denied one: "membantah tuduhan itu dan menyebut Ukraina melanggar …" charges Ukraine)
            # (not one whose own object came before another verb of saying: "mengecam perjanjian itu, serta menilai
            # kerja sama itu membuat Rusia melanggar …": the second verb's clause names its own wrongdoer)
            charged = any(v.has("AccuseCue") and not (v.has("AccusationNoun") and governed_by_denial(units, v.i))
                          and not said_after(units, v.i, u.i) for v in units[clause_left(units, u.i):u.i])
            o = wrongdoer_after(units, u.i)
            if f is not None and o is not None:  # "aksi provokatif Korea Utara", "pelanggaran HAM Wagner"
                # "provokasi dari Paris, dan Armenia …": after "dari" the one party, not a clause joined to it
                doers = units[o].keys if word_is(group_prep(units, o), "SourcePrep") else actor_keys(units, o, state)
                add(f.speaker, [k for k in doers if k not in f.speaker])
            # the owner named after it did the wrong, not who stands before it ("dukungan Iran terhadap perang
            # agresi Rusia": Russia's aggression)
            j = None if charged or o is not None or u.voice("WrongdoingCue") == PASSIVE else \
                wrongdoer_left(units, u.i, f.lo if f else 0)  # (a passive's subject suffered the wrong)
            j = None if j is not None and asked_wrong(units, j, u.i) else j  # "meminta China membantu invasi"
            if j is not None and (p := _described(units, u.i)) is not None:
                j = p  # "… bersama dengan X, yang (menurutnya) telah menewaskan …": the wrong is X's
            if j is not None and _claim_about(units, max(clause_left(units, j), f.lo if f else 0), j):
                # (a claim noun that names the frame's own source, 'Menurut pernyataan militer X, …', is outside it)
                j = None  # "pernyataan AS tentang … program rudal Korea Utara, tidak dapat diterima": what a claim is about
            if j is not None and (c := clause_left(units, j)) > 0 and units[c - 1].has("ConditionalConj"):
                j = None  # "… jika negara itu melancarkan invasi ke Rafah": a condition, no charge
            if f is not None and j is not None and not any(v.has("PotentialCue", "PlannedCue")
                                                           for v in units[j + 1:u.i]):
                add(f.speaker, [k for k in actor_keys(units, j, state) if k not in f.speaker])
            elif f is not None and f.speaker and not charged and state.attackers and \
                    attack_told(units, _opening(f), u.i):
                # "Qatar menyebut serangan itu pelanggaran kedaulatan": the attack just told is charged
                add(f.speaker, state.attackers)
            elif f is not None and f.speaker and not charged and \
                    (doers := act_doers(units, _opening(f) + 1, u.i, state, sentence)):
                # "Somalia menyebut kesepakatan itu serangan terhadap kedaulatannya": the act just told is charged
                add(f.speaker, doers)
            elif f is not None and f.speaker and not charged and \
                    (doers := supply_told(units, _opening(f) + 1, u.i, state, sentence)):
                add(f.speaker, doers)  # "China menilai penjualan tersebut memperkeruh ketegangan": the seller
            if (f is None or not f.speaker) and j is not None and \
                    any(v.has("AllegedCue") and passive_prefixed(v.low) for v in units[max(j + 1, u.i - 2):u.i]):
                # "UE menyanksi Avrasya. Perusahaan itu diduga melanggar embargo": the sanctioner alleges it
                accused = actor_keys(units, j, state)
                add(sanctioners_of(accused, units, state, anywhere=True), accused)
        if "PointCue" in u.cls and any(v.has("EvidenceNoun") for v in units[clause_left(units, u.i):u.i]):
            # "semua petunjuk mengarah ke dinas rahasia Rusia," kata X: X accuses whom the evidence points to
            f = frame_of(frames, u.i)
            end = skip_span(units, u.i, "PointCue")
            o = next((k for k in range(end, min(len(units), end + 4)) if units[k].is_actor), None)
            if f is not None and o is not None:
                add(f.speaker, actor_keys(units, o, state))
        if "AccusationNoun" in u.cls and (against := noun_against(units, u.i, state)) is not None:
            add(*against)  # "gugatan Meksiko terhadap Smith & Wesson", "mengajukan gugatan terhadap X"
        if "AccusationNoun" in u.cls and not governed_by_denial(units, u.i) and \
                (owner := owner_after(units, u.i)) is not None:  # "menanggapi tudingan X soal penyelundupan …"
            end = units[owner].group[-1] if units[owner].group else owner
            add(actor_keys(units, owner, state), topic_doers(units, end + 1, len(units), state))
        if "AccusationNoun" in u.cls and governed_by_denial(units, u.i):
            add(*denied_claim(units, u.i, state))
            continue
        if "LaidChargeCue" in u.cls and not u.etype:
            # "serangan yang dituduhkan Moskow kepada Kyiv": the wrong stands before the verb, the accused after
            # its "kepada"; the agent accuses
            agent, hi = agent_at(units, u.i), clause_right(units, u.i)
            o = next((k for k in range(agent + 1, hi) if units[k].is_actor and prep_is(units, k, "TargetPrep")), None)
            if agent < hi and units[agent].is_actor and o is not None and not governed_by_denial(units, u.i):
                add(actor_keys(units, agent, state), actor_keys(units, o, state))
            elif agent < hi and units[agent].is_actor and o is None and \
                    (d := next((k for k in range(u.i - 1, -1, -1) if units[k].voice("DenyCue") == ACTIVE), None)) \
                    is not None and (j := left_subject(units, d)) is not None:
                # "X membantah tudingan …, seperti yang dituduhkan Y": the denier is the one charged
                add(actor_keys(units, agent, state), actor_keys(units, j, state))
            continue
        voice = u.cls.get("AccuseCue")
        if voice is None or governed_by_denial(units, u.i) or voice == ACTIVE and negated_act(units, u.i):
            continue  # (not "Jepang tidak mengecam Korea Utara")
        if voice == ACTIVE and (u.i and units[u.i - 1].voice("ReceiveCue") == ACTIVE or described_by_relative(units, u.i)):
            voice = NOUN  # "AFC belum menerima protes resmi atas …" (AFC made none), "protes yang disampaikan X …"
        hi = predicate_end(units, u.i, clause_right(units, u.i, through_bahwa=True))  # (not past "dan mendesak …")
        if voice == ACTIVE:  # "AS menuduh Korea Utara …"
            j = left_subject(units, u.i)
            j = issuer(units, u.i) if j is None else j  # "… menerbitkan pernyataan bersama yang mengecam X"
            urger = urger_of(units, j) if j is not None and asked_to(units, u.i, j) else \
                unnamed_urger(units, u.i) if j is None else None  # ("menyerukan masyarakat internasional untuk …")
            j = None if j is not None and asked_to(units, u.i, j) else j  # "mendesak PBB untuk mengutuk X"
            o = right_actor(units, u.i, hi, ("WarnedPrep",))
            if urger is not None and o is not None and wrong_told_of(units, o, hi):
                # "Jepang mendesak PBB untuk mengecam Korut yang melanggar resolusi": the urger charges the wrong
                add(actor_keys(units, urger, state), actor_keys(units, o, state))
            if o is not None and (cited(units, o) or relative_object(units, u.i, o)):
                o = None  # "mengutuk keras serangan itu, seperti diwartakan Ammon News": the source, not the accused
            if o is not None and appended_place(units, o):
                o = None  # "mengecam serangan di Moskow, Rusia", "di wilayah Kashmir, India": where, not who
            if o is not None and _unnamed_object(units, skip_span(units, u.i, "AccuseCue"), o):
                o = None  # "menuding dinas intelijen Barat sebagai … yang berusaha menyeret Georgia …"
            if o is not None and (units[o].modifier or attacked(units, u.i, o) or attack_site(units, o)):
                # "mengutuk pembunuhan warga Palestina oleh …", "serangan terhadap Iran oleh …"; not "mengutuk
                # serangan di provinsi Kerman" nor "serangan bom Istanbul": where, not who
                site = placed(units, o) or attack_site(units, o) or attacked(units, u.i, o)  # (or who suffered it)
                o = act_agent(units, o, hi, o if units[o].modifier and not site else None)
            if o is not None and (whose_person(units, u.i, o) or any(v.has("AsPrep") and not v.etype
                                                                     for v in units[u.i + 1:o])):
                o = None  # "menuduh salah satu diplomat terdekat Donald Trump …": the diplomat, unnamed; "mengecam
                # serangan itu sebagai pelanggaran terhadap Piagam PBB": a party inside the label, not the object
            if u.low.endswith(POSSESSIVE):  # "X menggugat Y dan menuduhnya memasok senjata ke Z": Y, not Z
                o = clitic_object(units, u.i)
            if j is None and urger is None and o is not None and u.i > 0 and units[u.i - 1].has("PurposeConj") and \
                    (f := frame_of(frames, u.i)) is not None and f.speaker:
                # "X menyebut sanksi itu cara untuk meminta pertanggungjawaban Iran": a charge told as the purpose
                # of what the speaker speaks of, with no subject of its own, is the speaker's
                add(f.speaker, actor_keys(units, o, state))
            k = skip_span(units, u.i, "AccuseCue")
            while k < hi and not units[k].etype and units[k].has("FunctionWord", "PackageNoun") and \
                    not units[k].has("SanctionCue"):
                k += 1
            if k + 1 < hi and not units[k].etype and (not units[k].cls or units[k].has("VehementAdverb")) and \
                    units[k + 1].has("SanctionCue"):
                k += 1  # an adverb between: "mengecam keras sanksi tersebut"
            if k < hi and not units[k].etype and units[k].has("SanctionCue"):
                # "mengecam sanksi (AS) terhadap Rosneft": who imposed them is blamed, not their target
                # (a sanction named without its owner blames no one the sentence names)
                own = k + units[k].span.get("SanctionCue", 1)
                if j is not None and own + 2 < hi and units[own].has("Relativizer") and units[own + 1].is_verb() and \
                        passive_prefixed(units[own + 1].low) and not units[own].etype:
                    # "sanksi yang dijatuhkan (oleh) pemerintah Inggris, Kanada …": whose sanctions they are
                    own += 2 + (units[own + 2].has("AgentPrep") and not units[own + 2].etype)
                    own = past_group_noun(units, own, hi)
                if j is not None and own < hi and units[own].is_actor:
                    add(actor_keys(units, j, state), actor_keys(units, own, state))
                elif j is not None and own < hi and units[own].has("Demonstrative") and state.sanctioners:
                    # "Phnom Penh mengecam keras sanksi tersebut": the sanctions just told, by whoever imposed them
                    last = state.sanctioners[-1]  # (a ministry's sanctions are its state's: they are condemned so)
                    add(actor_keys(units, j, state), [body_state(last, state) or last])
                continue
            # not "upaya 13 anggota Dewan Keamanan untuk meminta pertanggungjawaban …": the body only
            # names whose members tried
            # ("sebuah laporan Amnesty menuding …": a report's author does accuse)
            if j is not None and u.i > 0 and units[u.i - 1].has("Reciprocal"):
                # "Kedua negara saling tuding", "Rusia saling tuduh dengan Ukraina": each accuses the other; an
                # actor further right is no object ("… gencatan senjata yang diumumkan Putin")
                both = actor_keys(units, j, state)
                w = skip_span(units, u.i, "AccuseCue")
                w = o if o is not None and units[o - 1].has("ComitativePrep") else \
                    w + 1 if w + 1 < hi and units[w].has("ComitativePrep") and units[w + 1].is_actor else None
                if w is not None:
                    both = tuple(dict.fromkeys(both + actor_keys(units, w, state)))
                for a in both:
                    add([a], [b for b in both if b != a])
            elif j is not None and o is not None and (not units[j].modifier or
                                                      j > 0 and units[j - 1].has("AccusationNoun", "StatementNoun")):
                add(subjects(units, j, state), addressed_topic(units, o, hi, state) or actor_keys(units, o, state))
                for f in further_agents(units, o, hi):  # "… oleh Iran serta pembeliannya oleh Rusia"
                    add(subjects(units, j, state), actor_keys(units, f, state))
            elif j is not None and o is None and u.low.endswith(POSSESSIVE) and state.topic and \
                    not any(v.has("Demonstrative") and not v.etype for v in units[:u.i]) and \
                    state.topic not in (subj := subjects(units, j, state)):
                # "… menangkap penulis X. Otoritas Y menuduhnya …": whom "ia" would continue (not "menolak rencana
                # itu dan mengecamnya": a thing the sentence points to)
                add(subj, [state.topic])
            elif j is not None and o is None and state.attackers and \
                    (attack_told(units, u.i, hi) or no_object(units, u.i, hi, "AccuseCue")):
                # "Kemlu Qatar mengutuk 'serangan pengecut' itu", "Turki ikut mengecam.": the attack just told
                add(subjects(units, j, state), state.attackers)
            elif j is not None and o is None and \
                    (doers := act_doers(units, skip_span(units, u.i, "AccuseCue"), hi, state, sentence, wrong=True)):
                # "Kemlu mengecam insiden itu": the violation just told (not "mengecam perjanjian tersebut", a
                # pact, nor "mengecam langkah tersebut", a sanction: condemning an act says no more than dislike)
                add(subjects(units, j, state), doers)
        elif voice == PASSIVE:  # "…, yang dikritik AS sebagai pelanggaran"
            agent = agent_at(units, u.i)
            if agent < len(units) and units[agent].is_actor:
                lo = clause_left(units, u.i)
                j = passive_charged(units, u.i, lo)  # "Serangan Israel ke Rafah dikecam Mesir": Israel, not Rafah
                if j is None and lo > 0 and units[lo - 1].has("ClauseBoundary") and not units[lo - 1].etype:
                    # "Kigali tengah disorot karena dituding Kinshasa …": the clause's subject is the one before
                    j = nearest_left_actor(units, lo - 1, clause_left(units, lo - 1))
                    if j is not None and any(v.is_actor for v in units[j + 1:lo - 1]):
                        j = None  # "… menjatuhkan sanksi kepada Iran karena dituding …": whose clause it is, unclear
                if j is not None:
                    add(actor_keys(units, agent, state), actor_keys(units, j, state))
            elif u.i > 0 and units[u.i - 1].has("Relativizer"):
                # "… sanksi terhadap Shoon Energy, yang dituduh menyalurkan avtur …": who sanctions it accuses it
                j = u.i - 2 - (1 if u.i > 2 and units[u.i - 2].text == "," else 0)
                accused = actor_keys(units, j, state) if j >= 0 and units[j].is_actor else ()
                add(sanctioners_of(accused, units, state), accused)
            elif (j := left_subject(units, u.i)) is not None and not units[j].modifier:
                # "AS menyanksi Paravar Pars. Perusahaan itu dituduh …": the sanctioner makes the accusation
                accused = actor_keys(units, j, state)
                by = sanctioners_of(accused, units, state, anywhere=True)
                f = frame_of(frames, u.i)
                # "Rusia dituding melanggar gencatan senjata, kata X": with no agent and no sanctioner, the one
                # who tells the charge makes it
                by = by or list(f.speaker if f is not None and f.lo <= j else ())
                who, para = state.unnamed_sanction
                if not by and who and 0 <= paragraph - para <= 1 and all(
                        k in state.entities and state.entities[k].type in ("ORG", "PER") for k in accused):
                    by = list(who)  # "AS menyanksi enam perusahaan. A dan B dituding membantu Iran …": the sanctioner's
                add(by, accused)
        elif voice == NOUN:  # "mendapat kecaman dari AS", "kecaman AS terhadap Korut"
            by, at = prep_actor(units, u.i, hi, ("SourcePrep", "AgentPrep"), state, reach=3)
            if by and any(v.is_verb() and v.has("DenyCue", "RejectCue", "DismissCue") for v in units[u.i + 1:at]):
                by = ()  # "Tuduhan itu dibantah oleh Iran": the agent of the denial, not who made the charge
            o = charge_owner(units, u.i, hi)  # "kecaman AS", ""kecaman keras" Venezuela terhadap …": whose it is
            if not by and o is not None:
                by = actor_keys(units, o, state)
            if not by and (a := launched_by(units, u.i, hi)) is not None:
                o, by = a, actor_keys(units, a, state)  # "tudingan yang dilontarkan Washington terhadap Moskow"
            by_at = None  # the unit naming the accuser where it is the subject of the verb that makes the charge
            if not by and u.i > 0 and units[u.i - 1].has("LaunchVerb"):
                by_at = left_subject(units, u.i - 1)  # "Sudan melontarkan tudingan keras terhadap UEA"
                by = actor_keys(units, by_at, state) if by_at is not None else ()
            if not by and u.i > 0 and units[u.i - 1].has("GroundsPrep") and not (units[u.i - 1].etype or u.has("SuitCue")):
                add(*on_grounds(units, u.i - 1, state))
                continue
            if not by:
                continue
            target, _ = prep_actor(units, o if o is not None else u.i, hi, ("TargetPrep",), state, reach=6)
            target = target or content_subject(units, o, state)  # "tudingan Washington bahwa Moskow …": Moscow
            target = target or act_condemned(units, u.i, state)  # "kecaman keras atas uji coba rudal Korut"
            if not target and not u.has("SuitCue"):  # (a suit charges whom it names, never who rejects it)
                j = left_subject(units, u.i)
                if j is not None and j != by_at:  # (not "A, B dan C melayangkan tuduhan": the accusers, not accused)
                    target = actor_keys(units, j, state)
                    if any(v.has(*SPEECH) for v in units[j + 1:u.i]):
                        # "Jubir Kremlin Dmitry Peskov menyebut tudingan Washington sebagai kebohongan": who
                        # dismisses an accusation (his state) was accused; "pengadilan itu tidak menilai
                        # apakah tuduhan Sudan benar" only speaks of it
                        dismissed = any(v.has("DismissCue", "DenyCue", "RejectCue") for v in units[u.i + 1:hi]) and \
                            not any(v.has(*SPEECH) and negated_act(units, v.i) for v in units[j + 1:u.i])
                        target = (speaks_for(units[j], state) or target) if dismissed else ()
                elif j is None and u.i < 6:  # "Hal ini pun mendapat kecaman …": what the last sentence reported
                    target = tuple(k for ev in state.prev_events for k in ev.supplier)
                    if not target and state.attackers and unaimed(units, u.i, at):
                        # "Kecaman juga datang dari PBB.": a condemnation aimed at nothing named is of the
                        # attack the article is telling
                        target = state.attackers
            add(by, target)
    return out


def _described(units: list[Unit], i: int) -> int | None:
    """The party a relative clause after a comma describes, where the verb of wrongdoing at ``i`` opens that clause
    (past a few words: "X, yang menurutnya telah …", "X, yang hingga kini masih menduduki …"): the party named
    right before ", yang"."""
    return relative_party(units, i, lambda w: not w.is_actor and w.text not in STOP_PUNCT, reach=4)


def _dated_by(units: list[Unit], i: int) -> bool:
    """The wrong at ``i`` only dates what the sentence tells: its clause opens with "sejak" ("kunjungan
    pertamanya sejak Rusia meluncurkan invasi"), so it is background, not the speaker's charge."""
    c = clause_left(units, i)
    return c > 0 and units[c - 1].has("SinceConj") and not units[c - 1].etype


def _claim_about(units: list[Unit], lo: int, j: int) -> bool:
    """A claim noun with its owner or topic after it ("pernyataan AS tentang …", "laporan AS mengenai …") stands
    before the actor at ``j`` in its clause: the actor is what the claim is about (or whose it is), and a
    wrong said of the whole ("… tidak dapat diterima") is said of the claim, not of that actor."""
    return any(v.has("AccusationNoun", "StatementNoun") and not v.etype and v.i + 1 <= j and
               (units[v.i + 1].is_actor or units[v.i + 1].has("WarnedPrep")) for v in units[lo:j])


def _recipients_so_far(state: State) -> set[str]:
    """The recipients of the supplies the article has told so far."""
    return {r.args["recipient"] for r in state.relations if r.type == "supplies" and r.args.get("recipient")}


def _opening(f: Frame) -> int:
    """Where the words a speaker says of something start: the verb of saying, or the unit before the frame (also
    where the verb follows them: "Hal itu melanggar …, kata X"; past its source where that opens the frame: "Menurut
    Korsel, uji coba itu melanggar …")."""
    return f.lo - 1 if f.verb is None or f.verb >= f.hi or f.verb < f.lo else f.verb


def _unnamed_object(units: list[Unit], k: int, o: int) -> bool:
    """The accusation's object at ``k`` is a common noun phrase, and the actor at ``o`` only stands in what
    describes it (after "yang" or "sebagai"): the one accused goes unnamed."""
    while k < o and units[k].has("FunctionWord") and not units[k].has("Relativizer"):
        k += 1
    first = units[k]
    if backed_by(units, k, o):
        return False  # "menuding kelompok militan yang disokong Pakistan …": the backer is charged
    if not first.etype and not first.is_actor and first.text[:1].islower() and \
            any(v.has("Demonstrative") and not v.etype and units[v.i + 1].text == "," and not done_by(units, v.i + 2, o)
                for v in units[k + 1:min(o, k + 4)]):
        return True  # "mengecam peluncuran tersebut, dengan mengatakan … resolusi DK PBB": the act told is the object
    if first.etype or first.cls or not first.text[:1].islower() or not first.text.replace("-", "").isalpha():
        return unnamed_accused(units, k, o)  # "menuduh Barat mempersenjatai Ukraina": the West, unnamed
    if plural_state_noun(first.text) and k + 1 < o and not units[k + 1].is_actor:
        return True  # "menuding negara-negara Barat ingin mencekik Korea Utara": states left unnamed
    # (not "mengutuk operasi militer yang dilakukan Israel": a passive verb of doing names the act's doer)
    return any(v.has("Relativizer") and not done_by(units, v.i, o) or v.has("Preposition") and v.has("ServeVerb")
               for v in units[k + 1:o])
