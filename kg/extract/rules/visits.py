"""visits(visitor, place): a person visits a country (its capital or a city in it counts as the country)."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE, POSSESSIVE, passive_prefixed
from kg.extract.clause import (
    actor_keys,
    after_titles,
    clause_right,
    fronted_subject,
    left_subject,
    prep_is,
    right_actor,
    sentence_subject,
)
from kg.extract.context import SentenceContext, State
from kg.extract.elided import elided_subject, invited_guest
from kg.extract.encounter import accompanied, addressed, judged, led_guest, person_next, remote, travel_companions
from kg.extract.modality import event_modality, noun_modality
from kg.extract.parties import body_state, fellow_home, home_state
from kg.extract.predicated import predicate_subject
from kg.extract.registry import rule
from kg.extract.titles import title_opens_with
from kg.extract.venue import (
    clause_person,
    fronted_venue,
    next_legs,
    other_meeting,
    owned_modifier,
    possessed_stay,
    sequel_modality,
    title_post,
    verb_between,
)
from kg.extract.venue import countries as _places
from kg.resolve import gazetteer
from kg.types import Relation
from kg.units import Unit, skip_span


@rule("visits", reads=("role_org",),
      triggers=("VisitCue", "DispatchVerb", "MeetCue", "HostCue", "AccompanyCue", "DelegationNoun", "EnRouteNoun"))
def visit_rule(ctx: SentenceContext) -> list[Relation]:
    found = visits(ctx.units, ctx.state)
    found += [x for x in met_away(ctx.units, ctx.state) if x not in found]
    found += [x for x in led_delegation(ctx.units, ctx.state) if x not in found]
    found += [x for x in delegation_led_by(ctx.units, ctx.state) if x not in found]
    found += [x for x in entourage(ctx.units, ctx.state, found) if x not in found]
    return [ctx.relation("visits", {"visitor": v, "place": p}, m) for v, p, m in found]


def met_away(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    """"Tusk bertemu Nausėda di Vilnius": whoever meets in a country not their own went there;
    "Prabowo menerima kunjungan PM Jepang Ishiba": the guest visits the host's country."""
    out: list[tuple[str, str, str]] = []
    for u in units:
        if u.etype or "MeetCue" not in u.cls and "HostCue" not in u.cls:
            continue
        end = skip_span(units, u.i, "HostCue") - 1 if u.has("HostCue") else skip_span(units, u.i, "MeetCue") - 1
        if u.voice("ReceiveCue") not in (None, PASSIVE) and not person_next(units, end) or remote(units, u.i):
            continue  # "menerima telepon dari …", "berbicara lewat telepon": no guest came
        if state.remote_talk and u.i + 1 < len(units) and units[u.i + 1].has("Demonstrative"):
            continue  # "… lewat telepon. Dalam pembicaraan itu, …": the call taken up was held nowhere
        if u.has("DiscussVerb") and any(v.has("MeetCue") and not v.has("DiscussVerb") for v in units[:u.i]):
            continue  # "bertemu X di Beijing untuk membahas perang di Ukraina": the place of the topic
        hi = clause_right(units, u.i)
        f = fronted_subject(units, u.i, per_only=True) if u.is_verb() else None
        if f is not None:
            # "Setelah bertemu X pekan lalu, Y akan bertemu Z di Roma": the fronted clause ends at its comma
            # (not "Di sela KTT di Rio, X berbincang dengan Y": the summit's place is where they met)
            hi = min(hi, max((k for k in range(u.i, f) if units[k].text == ","), default=hi))
        cands = [k for k in range(u.i + 1, hi) if units[k].etype in ("GPE", "LOC", "ORG") and not units[k].title
                 and not units[k].paren and (prep_is(units, k, "LocativePrep") or _in_building(units, k))
                 and not _purpose_before(units, end, k)
                 and not title_post(units, k)
                 and not (u.cls.get("DiscussVerb") == ACTIVE and _topic_before(units, end, k))
                 and not _discussed_after(units, end, k)]
        # one meeting, one place: "bertemu … antara lain di Johannesburg, Jeddah dan Jenewa" counts
        # meetings, not journeys
        places = [] if any(units[k].group for k in cands) else _places(units, cands)
        if not places:  # (an unlisted body: "di markas Kementerian Pertahanan Turki" is in Turkey)
            places = [h for k in cands if _in_building(units, k) and (h := body_state(units[k].key, state))][:1]
        j = left_subject(units, u.i, per_only=True)
        if not u.is_verb() and end + 1 < hi and units[end + 1].etype == "PER" and not units[end + 1].paren:
            j = end + 1  # "… menjelang pertemuan Trump dan Putin di Alaska": those the noun names met, not the subject
        if j is None and not u.is_verb():  # "Dalam pembicaraan dengan Scholz di Berlin, Duda meminta …"
            j = fronted_subject(units, u.i, per_only=True)
        elif j is None:  # "…, setelah sebelumnya bertemu Menhan Turki X di Ankara"
            j = elided_subject(units, u.i, per_only=True)
        if j is None and f is not None and units[0].has("ClauseBoundary") and not units[0].etype and \
                not any(v.text == "," for v in units[:u.i]):  # "Saat bertemu Presiden Y di Brasilia, X menyebut …"
            j = f
        if not cands and not places:  # "Di Kyiv, Healey bertemu Zelensky": the place opens the sentence
            places = _places(units, fronted_venue(units, j))
        if j is not None and not u.is_verb() and (_reports(units, j, u.i) or judged(units, u.i)):
            j = None  # "Menlu X mengatakan pertemuan dengan Y akan dilakukan Presiden Z di …": X tells of it
        o = right_actor(units, end, hi, ("ComitativePrep",), per_only=True)
        o = led_guest(units, end) if o is None and u.has("HostCue") else o  # "menerima delegasi … dipimpin oleh X"
        a = list(actor_keys(units, j, state)) if j is not None and not resident_envoy(units[j]) else []
        if j is not None and (h := accompanied(units, j)) is not None:  # "A didampingi B saat bertemu C di X"
            a = [k for k in actor_keys(units, h, state) if k not in a] + a
        b = list(actor_keys(units, o, state)) if o is not None and not resident_envoy(units[o]) else []
        if u.has("HostCue") and not places and a:
            # "Dubes RI untuk Sri Lanka X dan Kepala Protokol Sri Lanka Y menyambut …": an envoy among the hosts
            # greets the guest where he is posted; the country is the other host's
            hosts = [k for m in (units[j].group or (j,)) if not resident_envoy(units[m]) for k in units[m].keys]
            places = [h for h in (home_state(p, state) for p in (hosts or a)[:1]) if h]
        modality = event_modality(units, u.i, j) if u.is_verb() else noun_modality(units, u.i, j)
        for p in (b if u.has("HostCue") else a + b):
            for place in places:
                h = home_state(p, state) or fellow_home(b if p in b else a, state)
                if h and h != place and (p, place, modality) not in out:
                    out.append((p, place, modality))
    return out


def _in_building(units: list[Unit], k: int) -> bool:
    """Whether the body at ``k`` names the building after "di" ("bertemu X di kantor Kementerian Luar Negeri AS",
    "di markas Kementerian Pertahanan Turki"): the meeting is where that body sits."""
    h = next((m for m in (k - 1, k - 2) if m >= 1 and units[m].has("VenueHead") and not units[m].etype
              and skip_span(units, m, "VenueHead") == k), None)  # ("di kantor pusat Kementerian …")
    return h is not None and units[k].etype == "ORG" and units[h - 1].has("LocativePrep")


def _past_paren(units: list[Unit], j: int) -> int:
    """The unit after the actor at ``j`` and the words its description set off ("keempat [orang tersebut]")."""
    k = j + 1
    while k < len(units) and units[k].paren and not units[k].etype:
        k += 1
    return k


def resident_envoy(u: Unit) -> bool:
    """A person titled as an envoy (duta besar, komisaris tinggi, kuasa usaha): met or received where he is
    posted, so a meeting there is no journey of his ("menerima Komisaris Tinggi Pakistan, X, di Dhaka")."""
    return u.etype == "PER" and u.role is not None and title_opens_with(u.role[0], "EnvoyTitle")


#: a word with none of these is passed over by ``visits`` in one test
VISIT_CLASSES = frozenset({"DispatchVerb", "VisitCue", "OriginVerb", "WrongdoingCue", "EnRouteNoun"})


def visits(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    out = []
    gaz = gazetteer()
    for u in units:
        if VISIT_CLASSES.isdisjoint(u.cls):  # (most words: none of the classes the tests below need)
            continue
        if not u.etype and u.cls.get("DispatchVerb") == ACTIVE:
            out += _dispatched(units, u.i, state)
            continue
        # a flight is a trip only as the clause's subject is on it: "… kepada wartawan dalam penerbangan ke X"
        en_route = not u.etype and u.i > 0 and units[u.i - 1].has("EnRoutePrep") and not units[u.i - 1].etype \
            and (u.has("EnRouteNoun") or u.cls.get("VisitCue") == NOUN)
        if u.etype or u.cls.get("VisitCue") not in (ACTIVE, NOUN) and not en_route or \
                u.span.get("WrongdoingCue", 1) > 1:
            continue  # (nor "berada di balik serangan …": who is behind an attack was not there)
        hi = clause_right(units, u.i)
        origin: list[str] = []
        away: tuple[str, ...] | list[str] = ()
        past_cue = skip_span(units, u.i, "VisitCue")  # the unit after the visit word(s)
        to = addressed(units, past_cue)  # "kunjungan kehormatan kepada Raja X"
        if u.has("OriginVerb") and not any(v.has("GoalPrep") for v in units[u.i + 1:hi]):
            continue  # "datang dari X" with no "ke": where something comes from is no place visited
        if en_route or u.cls["VisitCue"] == NOUN:
            last = units[past_cue - 1]  # "kunjungan kenegaraannya"
            if not last.low.endswith(POSSESSIVE):  # "kunjungan perdananya ke", "kunjungan tiga harinya ke"
                last = owned_modifier(units, last.i) or last
            if last.low.endswith(POSSESSIVE):  # "di sela lawatannya ke Inggris": the person just named, else the topic
                near = next((k for k in range(u.i - 1, -1, -1) if units[k].etype == "PER" and not units[k].paren), None)
                if near is None:  # "Dalam lawatannya ke Hanoi, Menhan AS Pete Hegseth …"
                    near = fronted_subject(units, u.i, per_only=True)
                visitors = actor_keys(units, near, state) if near is not None else \
                    tuple(k for k in (state.topic or state.last_per,) if k)
                subj = sentence_subject(units, near) if near is not None else None
                if subj is not None and subj < near and any(v.is_verb() for v in units[subj + 1:near]):
                    # "Lavrov bertemu Retno saat lawatannya ke Indonesia": the one met is at home; the subject
                    # is the one away
                    away = actor_keys(units, subj, state)
                after = u.i
            else:
                visitor_idx = None
                for j in range(u.i + 1, min(hi, u.i + 10)):
                    if units[j].etype == "PER" and not units[j].paren:
                        visitor_idx = j
                        break
                    if units[j].has("GoalPrep", "LocativePrep") or to is not None and j == to - 1:
                        break  # (the one called on is visited, not the visitor)
                if visitor_idx is None and _described_owner(units, past_cue, hi):
                    continue  # "terkait kedatangan ratusan ribu migran Venezuela di AS": the trip of those described
                if visitor_idx is None:  # "Lavrov melakukan kunjungan ke Pyongyang"
                    visitor_idx = left_subject(units, u.i, per_only=True)
                    if visitor_idx is None:  # "X menjadi presiden pertama yang berkunjung ke Y"
                        visitor_idx = predicate_subject(units, u.i, per_only=True)
                    k = past_cue
                    while k < min(hi, past_cue + 2) and not units[k].etype and not units[k].cls and units[k].text.isalpha():
                        k += 1  # past a plain qualifier of the trip ("lawatan kenegaraan di Pakistan")
                    if visitor_idx is None and k < hi and units[k].has("GoalPrep", "LocativePrep"):
                        # "Perdana Menteri Garry Conille, usai kunjungan ke UEA dan Kenya, mengumumkan …" (and "…,
                        # sehari setelah menuntaskan lawatan kenegaraan di Pakistan")
                        visitor_idx = elided_subject(units, u.i, per_only=True)
                        if visitor_idx is None and u.i > 0 and units[u.i - 1].is_verb() and not units[u.i - 1].etype:
                            # "… singgah di Baku sebelum melanjutkan perjalanan ke Astana": the light verb's clause
                            visitor_idx = elided_subject(units, u.i - 1, per_only=True)
                    if visitor_idx is None and en_route and k < hi and units[k].has("GoalPrep"):
                        # "X menyampaikan hal itu dalam perjalanan ke Y": the subject of the clause is on the way
                        visitor_idx = clause_person(units, u.i)
                    if visitor_idx is None and (k < hi and units[k].has("GoalPrep", "LocativePrep") or to is not None):
                        # "Dalam kunjungan kenegaraan ke Ankara, Presiden Prabowo …" (not "perjalanan menlu
                        # Korea Utara ke Rusia, Miller …": that trip is someone else's)
                        visitor_idx = fronted_subject(units, u.i, per_only=True)
                    if visitor_idx is None and _trip_opens(units, u.i, hi):
                        # "Kunjungan berikutnya dilanjutkan ke Kairo, Mesir": the trip the article tells goes on
                        visitors = tuple(k for k in (state.topic or state.last_per,) if k)
                    elif visitor_idx is None or _in_relative(units, visitor_idx, u.i):
                        continue
                    after = u.i
                else:
                    after = visitor_idx
                if visitor_idx is not None:
                    visitors = actor_keys(units, visitor_idx, state)
            cands = [j for j in range(after + 1, hi) if units[j].etype in ("GPE", "LOC", "ORG")
                     and not units[j].title and not units[j].paren and not title_post(units, j)
                     and (prep_is(units, j, "GoalPrep", "LocativePrep") or units[j - 1].text == ",")
                     and not (u.i < 3 and units[0].has("Preposition") and verb_between(units, u.i, j)
                              and any(v.text == "," for v in units[u.i + 1:j]))
                     and not other_meeting(units, u.i, j)]
            modality = event_modality(units, u.i, None)  # (not "Dalam kunjungan itu, keduanya sepakat mengirim … ke X")
        else:
            j = g if (g := invited_guest(units, u.i)) is not None else left_subject(units, u.i, per_only=True)
            if j is None:  # "…, setelah sebelumnya menyambangi China dan Jepang"
                j = elided_subject(units, u.i, per_only=True)
            if j is None:  # "Sebelum bertolak ke Kairo, Menlu X singgah di Amman"
                j = fronted_subject(units, u.i, per_only=True)
            if j is None and u.i > 0 and units[u.i - 1].has("PurposeConj"):
                j = sentence_subject(units, u.i)  # "… mengundang Retno untuk berkunjung …" is object control
            if j is None:  # "X menjadi pemimpin pertama yang tiba di Y": the predicate noun's relative clause
                j = predicate_subject(units, u.i, per_only=True)
            if j is None or units[j].modifier and (k := _past_paren(units, j)) < u.i and units[k].has("Relativizer") \
                    or possessed_stay(units, j, u.i) or units[j].has("WePronoun"):
                # "aset Maduro yang berada di AS": the relative clause tells of the assets, not of him; "kami berada di
                # Afghanistan", said for a state: its presence, no person's trip
                continue
            visitors = actor_keys(units, j, state)
            if (h := accompanied(units, j)) is not None:  # "A didampingi B saat tiba di X": both came
                visitors = tuple(dict.fromkeys(actor_keys(units, h, state) + visitors))
            for c in travel_companions(units, u.i, hi):  # "A datang ke Manila bersama Menhan B"
                visitors = tuple(dict.fromkeys(visitors + actor_keys(units, c, state)))
            cands = [k for k in range(u.i + 1, min(hi, u.i + 10)) if units[k].etype in ("GPE", "LOC", "ORG")
                     and not units[k].title and not units[k].paren and not _with_whom(units, u.i, k)
                     and not title_post(units, k)
                     and (prep_is(units, k, "GoalPrep", "LocativePrep", none=True) or units[k - 1].text == ",")
                     and not verb_between(units, u.i, k)]
            modality = sequel_modality(units, u.i, j) or event_modality(units, u.i, j)
            if cands and not u.has("OriginVerb"):  # "Dari Riyadh, Trump terbang ke Doha": he was in Riyadh too
                origin = _places(units, _origin(units, j, u.i, cands[0]))
        legs = [p for k in next_legs(units, u.i) for p in _places(units, [k])] if cands else []
        places = list(dict.fromkeys(_places(units, cands) + origin + legs))
        if not places and to is not None and (k := after_titles(units, to, hi)) < hi and units[k].etype == "PER":
            # a courtesy call told with no place: the one called on receives at home
            places = list(dict.fromkeys(h for p in actor_keys(units, k, state) if (h := home_state(p, state))))
        found = [(v, p) for p in places for v in visitors if abroad(v, p, state, gaz)]
        if not found and away:
            found = [(v, p) for p in places for v in away if abroad(v, p, state, gaz)]
        out += [(v, p, modality) for v, p in found]
    return out


def _described_owner(units: list[Unit], k: int, hi: int) -> bool:
    """Whether the trip noun ending before ``k`` is owned by a phrase that names no one before its "ke"/"di": a title
    alone or a description holding a state or body ("kedatangan Menlu ke Arab Saudi", "kedatangan ratusan ribu migran
    Venezuela di AS"). The trip is that phrase's, not the subject's; one closed by a demonstrative points back to
    someone told ("kunjungan pertama pemimpin Kremlin itu ke Korut") and is left to the subject."""
    prep = next((m for m in range(k, hi) if units[m].has("GoalPrep", "LocativePrep")), None)
    if prep is None or prep == k or prep - k > 6 or any(
            not v.etype and (v.is_verb() or v.has("Preposition", "Demonstrative")) for v in units[k:prep]):
        return False  # (not "kunjungan kedua pada masa perang ke …", "kunjungan tersebut bertujuan … di …")
    return any(v.title or not v.etype and v.has("RoleTitle") or v.etype in ("GPE", "ORG") and v.pron is None
               and v.text[:1].isupper() for v in units[k:prep])  # (not "lawatan keempatnya ke …": its own "-nya")


def _trip_opens(units: list[Unit], i: int, hi: int) -> bool:
    """Whether the trip noun at ``i`` opens the sentence, names no one of its own and goes to or starts from a
    place ("Kunjungan berikutnya dilanjutkan ke Kairo", "Kunjungan resmi dimulai dari Abu Dhabi, UEA"), told by a verb
    before the place (not "Kunjungan ke Jepang itu batal")."""
    if any(v.etype or not v.has("FunctionWord") for v in units[:i]):
        return False
    prep = next((k for k in range(i + 1, min(hi, i + 6)) if units[k].has("GoalPrep", "LocativePrep", "SourcePrep")),
                None)
    return prep is not None and not any(v.is_actor or v.has("Demonstrative") for v in units[i + 1:prep]) \
        and any(v.is_verb() for v in units[i + 1:prep]) and prep + 1 < hi and units[prep + 1].etype in ("GPE", "LOC")


def abroad(v: str, place: str, state: State, gaz) -> bool:
    """Whether ``place`` is neither the person's organisation, its state, nor his own state."""
    home = state.role_org.get(v)
    home_state = gaz.state_of(home) if home else None
    return place not in (home, home_state) and place != (gaz.entries[v].affiliation if v in gaz.entries else None)


def _origin(units: list[Unit], j: int, i: int, goal: int) -> list[int]:
    """The place a trip to ``goal`` set out from: fronted before its traveller ``j`` ("Dari Beijing, Prabowo
    terbang ke Tokyo") or between the verb ``i`` and the goal ("bertolak dari Hanoi ke Manila")."""
    spans = [range(0, j), range(i + 1, goal)]
    return [k for r in spans for k in r if k > 0 and units[k].etype in ("GPE", "LOC") and not units[k].paren
            and units[k - 1].has("SourcePrep") and not units[k - 1].etype and (k - 1 == 0 or k - 1 > i or
                                                                                 units[k - 2].text == ",")][:1]


def _with_whom(units: list[Unit], i: int, k: int) -> bool:
    """Whether the place at ``k`` only qualifies a noun of company or means after the verb at ``i``: "tiba
    dengan pasukan Rusia", "datang bersama delegasi Ukraina" (whose troops, not where they went); or names
    the firm of an exhibition stand ("menyambangi stan Norinco dari China": the stand stands at the fair)."""
    return not prep_is(units, k, "GoalPrep", "LocativePrep") and \
        any(v.has("ComitativePrep", "CompanionPrep", "StandNoun") and not v.etype for v in units[i + 1:k])


def _purpose_before(units: list[Unit], i: int, k: int) -> bool:
    """"dialog untuk menyelesaikan permasalahan di Myanmar", "meminta penjelasan soal bangunan … di Ream": a place
    after a purpose clause's verb or a topic's preposition is where the topic lies, not where the meeting is."""
    return any(units[m].has("PurposeConj") and units[m + 1].is_verb() or units[m].has("ClaimTopicPrep", "TalkTopicVerb")
               for m in range(i + 1, k - 1))


def _discussed_after(units: list[Unit], i: int, k: int) -> bool:
    """"Dalam pertemuan itu, A dan B membahas situasi di Ukraina": a verb of discussing between the meeting word
    ending at ``i`` and the place at ``k``, with the topic's words before the place, makes it the topic's place."""
    d = next((m for m in range(i + 1, k) if units[m].cls.get("DiscussVerb") == ACTIVE and not units[m].etype), None)
    return d is not None and _topic_before(units, d, k)


def _topic_before(units: list[Unit], i: int, k: int) -> bool:
    """"membahas perang di Ukraina", "berdiskusi soal situasi di Gaza": a word of the topic between the discussing
    verb ending at ``i`` (or the last person named after it) and the place at ``k`` makes it the topic's place,
    not where they sat ("membahas kerja sama dengan Menlu X di Singapura" is where they sat)."""
    i = max([i] + [m for m in range(i + 1, k) if units[m].etype == "PER"])
    if any(v.has("LocativePrep") for v in units[i + 1:k - 1]):
        return False  # "… di sela pertemuan SCO di China": the place of the meeting it was held at
    return any(not v.etype and not v.title and v.text[:1].isalpha() and not v.text[:1].isupper()
               and not v.has("Preposition", "FunctionWord", "Conjunction")
               for v in units[i + 1:k - 1])


def _reports(units: list[Unit], j: int, i: int) -> bool:
    """Whether a report verb between the subject at ``j`` and the meeting noun at ``i`` opens the clause the noun
    is in ("X mengatakan(,) pertemuan …"), not a phrase of where he spoke ("X mengatakan dalam pertemuan …")."""
    said = next((k for k in range(j + 1, i) if units[k].has("ReportCue") and not units[k].etype), None)
    if said is None:
        return False
    after = next((v for v in units[said + 1:i + 1] if v.text != "," and not v.has("FunctionWord")), None)
    return not (after is not None and after.has("Preposition") and not after.has("ClauseBoundary"))


def _in_relative(units: list[Unit], j: int, i: int) -> bool:
    """"X memberikan citra kereta yang melakukan perjalanan ke …": the noun at ``i`` sits in a relative
    clause about something other than ``j``, so ``j`` is not who travels."""
    return any(units[k].has("Relativizer") and units[k - 1].i != j and not units[k - 1].paren
               for k in range(j + 2, i))


def led_delegation(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    """"Asif memimpin delegasi tingkat tinggi ke Kabul bersama Kepala ISI Nadeem Ahmed Anjum …": the leader
    of a delegation to a place visits it, and so do the persons named as going with them."""
    out: list[tuple[str, str, str]] = []
    for d in units:
        if d.etype or "DelegationNoun" not in d.cls or d.i == 0:
            continue
        u = units[d.i - 1]  # "memimpin delegasi": a plain verb or one of leading (not of sending, "mengirim delegasi")
        if u.etype or u.cls and u.cls.get("LeadVerb") != ACTIVE or not u.is_verb() or passive_prefixed(u.low):
            continue
        hi = clause_right(units, u.i)
        goal = next((k for k in range(d.i + 1, min(hi, d.i + 6)) if units[k].has("GoalPrep")), None)
        if goal is None:
            continue
        places = _places(units, [k for k in range(goal + 1, min(hi, goal + 3)) if units[k].etype in ("GPE", "LOC")])
        j = left_subject(units, u.i, per_only=True)
        if j is None or not places:
            continue
        visitors = list(actor_keys(units, j, state))
        comp = next((k for k in range(goal + 1, hi) if units[k].has("CompanionPrep", "ComitativePrep")), None)
        if comp is not None:  # "… bersama A, B serta C": everyone listed went too
            visitors += [key for v in units[comp + 1:hi] if v.etype == "PER" and not v.paren
                         and not _posted_at(units, v.i, places) for key in v.keys]
        modality = event_modality(units, u.i, j)
        out += [(v, p, modality) for v in dict.fromkeys(visitors) for p in places if home_state(v, state) != p]
    return out


def _posted_at(units: list[Unit], k: int, places: list[str]) -> bool:
    """Whether the person at ``k`` is titled by his post in the place the party goes to ("… serta kepala
    perwakilan di Kabul X", "Dubes di Hanoi, X"): he is there already and receives it, no traveller with it."""
    h = k - (k > 0 and units[k - 1].text == ",")  # (the person himself, not the head of the list he is in)
    return h > 1 and units[h - 1].etype in ("GPE", "LOC") and units[h - 2].has("LocativePrep") \
        and not units[h - 2].etype and bool(set(_places(units, [h - 1])) & set(places))


def delegation_led_by(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    """"Delegasi Swedia yang dipimpin Ebba Busch tiba di Ottawa", "Swedia mengirim rombongan ke Ottawa,
    dipimpin Raja Carl XVI Gustaf": whoever leads a delegation the sentence sends somewhere visits it."""
    out: list[tuple[str, str, str]] = []
    for d in units:
        if d.etype or "DelegationNoun" not in d.cls:
            continue
        lead = next((k for k in range(d.i + 1, min(len(units), d.i + 10)) if units[k].cls.get("LeadVerb") == PASSIVE),
                    None)
        if lead is None:
            continue
        a = after_titles(units, lead + 1)
        if a >= len(units) or units[a].etype != "PER" or units[a].paren:
            continue
        # where it went: "ke X" after the delegation noun, or the place of a verb of arrival ("tiba di X")
        cands = [k for k in range(d.i + 1, len(units)) if units[k].etype in ("GPE", "LOC") and k > 0 and
                 (units[k - 1].has("GoalPrep") or units[k - 1].has("LocativePrep") and k > 1 and
                  units[k - 2].voice("VisitCue") == ACTIVE)]
        places = _places(units, cands)
        modality = event_modality(units, lead, a)
        out += [(v, p, modality) for v in actor_keys(units, a, state) for p in places if home_state(v, state) != p]
    return out


def _dispatched(units: list[Unit], i: int, state: State) -> list[tuple[str, str, str]]:
    """"… akan mengutus Menteri Pertahanan Billy Joseph ke China": the envoy visits the place named."""
    hi = clause_right(units, i)
    k = after_titles(units, i + 1, hi)
    if k < hi and units[k].etype != "PER":  # ("mengirim Utusan Khusus untuk Urusan Asia, Deng Xijun, ke …")
        k = next((m for m in range(k, hi) if units[m].etype == "PER" and units[m].title_at == i + 1), k)
    if k >= hi or units[k].etype != "PER" or units[k].paren:
        return []
    places = _places(units, [j for j in range(k + 1, min(hi, k + 4)) if units[j].etype in ("GPE", "LOC")
                             and prep_is(units, j, "GoalPrep")])
    modality = event_modality(units, i, None)
    return [(v, p, modality) for v in actor_keys(units, k, state) for p in places if home_state(v, state) != p]


def visit_named(units: list[Unit], before: int, lo: int = 0) -> str | None:
    """The country of a visit noun's destination between ``lo`` and ``before`` ("kunjungan ke Malaysia"), if one."""
    for v in units[lo:before]:
        if v.etype or v.cls.get("VisitCue") != NOUN:
            continue
        k = v.i + units[v.i].span.get("VisitCue", 1)
        cands = [j for j in range(k, min(before, k + 3)) if units[j].etype in ("GPE", "LOC") and
                 prep_is(units, j, "GoalPrep")]
        places = _places(units, cands)
        if places:
            return places[0]
    return None


def entourage(units: list[Unit], state: State,
              here: list[tuple[str, str, str]] | None = None) -> list[tuple[str, str, str]]:
    """"Ia didampingi Menlu Marco Rubio dan Menhan Pete Hegseth" after a visit: the companions went
    where the visitor went (the visitor's last visit told in the article so far)."""
    out: list[tuple[str, str, str]] = []
    for u in units:
        if u.etype or u.cls.get("AccompanyCue") != PASSIVE:
            continue
        j = left_subject(units, u.i, per_only=True)
        visitor = set(actor_keys(units, j, state)) if j is not None else set()
        # this sentence's visit first ("Dalam kunjungan ke Malaysia, Prabowo didampingi A dan B")
        place = next((p for v, p, _ in reversed(here or []) if v in visitor), None)
        if place is None and (last := next((r for r in reversed(state.relations)
                                            if r.type == "visits" and r.args["visitor"] in visitor), None)):
            # "Ia memulai lawatan ke tiga negara, yakni A, B dan C. Ia didampingi …": which legs of the tour the
            # companions joined is not told, so none is given to them (not the last leg alone)
            place = None if _tour(state, last) else last.args["place"]
        hi = clause_right(units, u.i)
        if place is None and not visitor:
            # "Dalam kunjungan ke Malaysia, mantan Danjen Kopassus itu didampingi A, B dan C": a visitor told by a
            # description; the visit the sentence names is where the companions went
            place = visit_named(units, u.i)
        modality = event_modality(units, u.i, j)
        if place is None and visitor and (place := visit_named(units, hi, u.i + 1)) is not None:
            # "Presiden X akan didampingi Menlu Y dalam kunjungan ke Jepang": the visit told after the companions is
            # the principal's too
            out += [(v, place, modality) for v in sorted(visitor) if home_state(v, state) != place]
        if place is None:
            continue
        companions = [k for v in units[u.i + 1:hi] if v.etype == "PER" and not v.paren
                      and not _posted_at(units, v.i, [place]) for k in v.keys]
        out += [(c, place, modality) for c in dict.fromkeys(companions)
                if c not in visitor and home_state(c, state) != place]
    for u in units:  # "Kang mendampingi Kim ketika pemimpin Korut itu melawat ke Rusia": active, this sentence's visit
        if u.etype or u.cls.get("AccompanyCue") != ACTIVE:
            continue
        j, o = left_subject(units, u.i, per_only=True), right_actor(units, u.i, clause_right(units, u.i), per_only=True)
        principal = set(actor_keys(units, o, state)) if o is not None else set()
        places = list(dict.fromkeys(p for v, p, _ in here or [] if v in principal))
        modality = event_modality(units, u.i, j)
        out += [(c, p, modality) for p in places for c in (actor_keys(units, j, state) if j is not None else ())
                if c not in principal and home_state(c, state) != p]
    return out


def _tour(state: State, visit: Relation) -> bool:
    """Whether ``visit`` is one leg of a tour: the same visitor goes to more than one place in its sentence."""
    return len({r.args["place"] for r in state.relations if r.type == "visits" and r.sentence == visit.sentence
                and r.args["visitor"] == visit.args["visitor"]}) > 1

