"""meets(a, b): two persons meet ("bertemu dengan", "pertemuan X dan Y"); symmetric."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE, POSSESSIVE
from kg.extract.clause import (
    actor_keys,
    after_titles,
    agent_at,
    clause_left,
    clause_right,
    fronted_subject,
    left_subject,
    passive_prefixed,
    right_actor,
    sentence_subject,
    title_word,
)
from kg.extract.context import SentenceContext, State
from kg.extract.elided import elided_subject
from kg.extract.encounter import (
    accompanied,
    colon_listed,
    inviter,
    led_guest,
    next_partners,
    person_next,
    remote,
    trailing_companion,
    witnesses,
)
from kg.extract.examples import coordinated_examples
from kg.extract.modality import event_modality, noun_modality
from kg.extract.parties import is_person
from kg.extract.registry import rule
from kg.extract.titlewords import before_titles, titled_prep
from kg.types import Entity, Relation
from kg.units import Unit, skip_span


@rule("meets", triggers=("MeetCue",))
def meet_rule(ctx: SentenceContext) -> list[Relation]:
    found = [x for x in meetings(ctx.units, ctx.state) if not _call_goes_on(ctx.units, ctx.state, x[0], x[1])]
    found += [x for x in mediated(ctx.units, ctx.state, found) if x not in found]
    return [ctx.relation("meets", {"a": a, "b": b}, m) for a, b, m in found]


def _call_goes_on(units: list[Unit], state: State, a: str, b: str) -> bool:
    """"X menerima telepon dari Y. Dalam percakapan tersebut, kedua pemimpin membahas …": two who just talked by
    phone and now discuss or agree go on with that call; only a meeting word of its own (not one taken up with a
    demonstrative: "pembicaraan itu") tells a new meeting ("Keduanya akan bertemu di KTT …")."""
    if a not in state.remote_talk or b not in state.remote_talk:
        return False
    for u in units:
        if u.etype or "MeetCue" not in u.cls or u.has("DiscussVerb"):
            continue
        if u.cls["MeetCue"] == NOUN and (any(v.has("Demonstrative") for v in units[u.i + 1:clause_right(units, u.i)])
                                         or _same_talk(units, u.i)):
            continue
        return False
    return True


def _same_talk(units: list[Unit], i: int) -> bool:
    """Whether the meeting noun at ``i`` right after a call takes that call up with no new meeting of its own:
    "Pembicaraan keduanya berlangsung dua jam", "Dalam pembicaraan selama 90 menit, keduanya …". A meeting
    planned ("sepakat mengadakan pertemuan", "akan bertemu") or held somewhere named ("pertemuan di Riyadh") is
    another."""
    if event_modality(units, i, None) != "asserted" or any(v.has("PlannedCue", "PotentialCue") for v in units[:i]):
        return False
    hi = clause_right(units, i)
    return not any(v.etype in ("GPE", "LOC", "ORG") and units[v.i - 1].has("LocativePrep")
                   for v in units[i + 1:hi] if v.i > 0)


def mediated(units: list[Unit], state: State, found: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """"Pertemuan yang dimediasi X itu …", "perundingan A dan B yang ditengahi X", "X menengahi pertemuan antara
    A dan B": the mediator meets every side of the meeting, named in this sentence or, for a meeting taken up
    again ("Pertemuan … itu"), the one the sentence before told."""
    out: list[tuple[str, str, str]] = []
    for u in units:
        if u.etype or "MediateVerb" not in u.cls:
            continue
        hi = clause_right(units, u.i)
        if u.cls["MediateVerb"] == PASSIVE:
            noun = next((k for k in range(u.i - 1, max(-1, u.i - 14), -1)
                         if units[k].cls.get("MeetCue") == NOUN and not units[k].etype), None)
            k = u.i + 1
            while k < hi and (units[k].has("AgentPrep") or title_word(units[k])):
                k += 1
            who = k if k < hi and units[k].etype == "PER" and not units[k].paren else None
        else:
            noun = next((k for k in range(u.i + 1, min(hi, u.i + 4)) if units[k].cls.get("MeetCue") == NOUN), None)
            who = _verb_subject(units, u.i)
        if noun is None or who is None:
            continue
        mediators = [p for p in actor_keys(units, who, state) if is_person(p, state)]
        sides = list(dict.fromkeys(p for a, b, _ in found for p in (a, b)))
        if not sides and noun <= 1:  # "Pertemuan yang dimediasi X itu membahas …": the last meeting told
            last = [r for r in state.relations if r.type == "meets"]
            sides = list(dict.fromkeys(p for r in last if r.sentence == last[-1].sentence
                                       for p in (r.args["a"], r.args["b"]) if p)) if last else []
        modality = event_modality(units, noun, None)
        out += [(m, p, modality) for m in mediators for p in sides if p not in mediators]
    return out


def meetings(units: list[Unit], state: State) -> list[tuple[str, str, str]]:
    out = []
    sides: list[set[str]] = []  # hosts of a meeting noun with its partners named: one side, not a pair
    for u in units:
        if u.etype or "MeetCue" not in u.cls or u.span.get("AttitudeVerb", 1) > 1:
            continue  # (nor "menyambut baik penyelidikan oleh Presiden X": approving a thing, no guest welcomed)
        end = skip_span(units, u.i, "MeetCue") - 1  # the cue's last word
        hosted = u.low.endswith(POSSESSIVE) and end + 1 < len(units) and units[end + 1].has("LocativePrep")
        if u.voice("ReceiveCue") not in (None, PASSIVE) and not person_next(units, end) and not hosted or \
                remote(units, u.i):
            continue  # receiving a call, a letter or arms is no meeting, nor is a talk by phone (but "menerimanya di
            # Moskwa" hosts someone there)
        hi = clause_right(units, u.i)
        if u.cls["MeetCue"] == NOUN:
            if (v := _convened(units, end, hi)) is not None and (held := _convened_pairs(units, v, state)):
                out += held  # "Pertemuan (bilateral itu) dilakukan Menlu A dengan Menlu B, C dan D"
                continue
            if u.i + 1 < len(units) and units[u.i + 1].has("Demonstrative"):
                continue
            stop = min(hi, u.i + 12)
            # "Dalam pertemuan bilateral ini Presiden A didampingi B, C": A's companions, not his partners
            stop = next((k for k in range(u.i + 1, stop) if units[k].voice("AccompanyCue") == PASSIVE), stop)
            if units[0].has("ClauseBoundary", "Preposition") and not any(v.is_actor for v in units[1:u.i]):
                # "Usai pertemuan 2+2, keduanya …": a fronted phrase ends at its comma; who follows holds it
                stop = next((k for k in range(u.i + 1, stop) if units[k].text == ","), stop)
                if u.i + 2 < len(units) and units[u.i + 1].etype == "PER" and units[u.i + 2].text == "," and \
                        len(units[u.i + 1].keys) == 1:
                    continue  # "Pada hari yang sama dengan pertemuan Goyal, X bertemu …", "Usai pertemuan Zelensky,
                    # Trump …": a meeting one person owns, in a fronted phrase, names no partner of his
            people = [j for j in range(u.i + 1, stop) if units[j].etype == "PER" and not units[j].paren]
            if not people and (far := _far_partner(units, u.i, stop, hi)) is not None:
                stop = min(hi, far + 12)  # "pertemuan 2+2 dengan Wakil Perdana Menteri sekaligus Menteri … X dan Y"
                people = [j for j in range(far, stop) if units[j].etype == "PER" and not units[j].paren]
            keys = list(dict.fromkeys(k for j in people for k in units[j].keys))
            p = titled_prep(units, people[0]) if people else None
            # "pertemuan A dan B dengan C serta D": each of one side meets each of the other's (titles make it long)
            both = [j for j in range(u.i + 1, min(hi, u.i + 24)) if units[j].etype == "PER" and not units[j].paren]
            w = next((j for j in both[1:] if (q := titled_prep(units, j)) is not None and q.has("ComitativePrep")), None)
            if people and p is None and w is not None and not any(v.is_verb() for v in units[u.i + 1:w] if not v.etype):
                host = list(dict.fromkeys(k for j in both if j < w for k in units[j].keys))
                partners = list(dict.fromkeys(k for j in both if j >= w for k in units[j].keys))
                out += [(a, b, noun_modality(units, u.i)) for a in host for b in partners if a != b]
                continue
            if p is not None and p.has("ComitativePrep", "AddresseePrep"):
                # "A bersama B menghadiri pertemuan dengan C dan D", "keduanya melakukan kunjungan kehormatan kepada
                # C": each of the hosts meets each partner named
                partners = list(dict.fromkeys(k for j in people for k in actor_keys(units, j, state) if is_person(k, state)))
                host = _noun_host(units, u, keys, state)
                pairs = [(a, b) for a in host for b in partners if a != b]
                if any(v.has("JointMeeting") for v in units[u.i:people[0]]):
                    # "pertemuan trilateral dengan A dan B": the partners meet each other too
                    pairs += [(a, b) for n, a in enumerate(partners) for b in partners[n + 1:] if a != b]
                if pairs:
                    out += [(a, b, noun_modality(units, u.i)) for a, b in pairs]
                    sides += [set(host)] if partners and len(host) > 1 else []
                    continue
                if p.has("ComitativePrep") and not host:
                    continue  # "Pertemuan kedua dan ketiga adalah dengan A dan B": each met someone unnamed, not each other
            if p is not None and p.has("BetweenPrep") and len(keys) < 2 and (k := _other_side(units, people[0], hi)):
                keys += [x for x in units[k].keys if x not in keys]
            if p is not None and p.has("BetweenPrep") and len(keys) < 2:
                continue  # "mengatur pertemuan antara Prigozhin dan pejabat …": one named side, and not the arranger
            if not keys and u.i > 0 and units[u.i - 1].has("AheadPrep") and not units[u.i - 1].etype:
                continue  # "kunjungan A dan B ke X menjelang KTT": the summit dates the visit; no meeting of theirs
            if len(keys) < 2:
                # "Kim dan Putin menggelar pertemuan puncak", "Lee menggelar pertemuan puncak dengan Ishiba",
                # "usai pertemuannya dengan MBS": the subject, or the owner of "-nya", meets whoever follows
                host = _noun_host(units, u, keys, state)
                if not keys and u.i > 0 and units[u.i - 1].voice("VisitCue") == ACTIVE and not units[u.i - 1].etype \
                        and any(v.has("CompanionPrep") and not v.etype for v in units[clause_left(units, u.i):u.i]):
                    continue  # "A bersama B menghadiri KTT G20 di X": one side attending an event together
                if not keys and any(v.cls.get("MeetCue") == ACTIVE and not v.etype for v in units[:u.i]):
                    continue  # "A dan B terbang ke X untuk bertemu C dalam dialog 2+2": the verb's meeting, told
                if not keys and len(host) > 2:  # "A, B, C dan D menggelar pertemuan di X": each met each
                    modality = noun_modality(units, u.i)
                    out += [(a, b, modality) for n, a in enumerate(host) for b in host[n + 1:]]
                    continue
                keys = list(dict.fromkeys(host + keys))
            if len(keys) >= 2:
                out.append((keys[0], keys[1], noun_modality(units, u.i)))
            continue
        if u.has("DiscussVerb") and u.i > 0 and units[u.i - 1].has("PurposeConj") and \
                any(v.has("MeetCue") and not v.has("DiscussVerb") and not v.etype for v in units[:u.i - 1]):
            continue  # "A, B dan C bertemu D … untuk membahas …": the talk is that meeting's, not one among A, B, C
        if u.cls["MeetCue"] != PASSIVE and end + 1 < len(units) and units[end + 1].has("OutcomeNoun") \
                and not units[end + 1].etype:
            continue  # "usaha keduanya belum menemui hasil", "perundingan menemui jalan buntu": an outcome, no meeting
        j = _verb_subject(units, u.i)
        if j is None and u.cls["MeetCue"] == PASSIVE and (g := _arrival_owner(units, u.i, state)):
            # "Kedatangannya disambut Wakil Perdana Menteri X": whose arrival it is was met by the agent
            o = right_actor(units, end, hi, ("AgentPrep",), per_only=True)
            out += [(g, b, event_modality(units, u.i, None)) for b in (actor_keys(units, o, state) if o else ())
                    if b != g]
            continue
        if j is None and u.cls["MeetCue"] == PASSIVE:
            # "ditandatangani (oleh) A bersama B" (to the sentence's end: a title may hold "saat itu")
            stop = next((k for k in range(u.i + 1, len(units)) if units[k].text in (".", ";", "?", "!")), len(units))
            out += _done_together(units, u.i, stop, state)
            continue
        if j is None:
            continue
        a_keys = [k for k in actor_keys(units, j, state) if state.entities.get(k, Entity(k, k, "PER")).type == "PER"]
        if (h := accompanied(units, j)) is not None:  # "A didampingi B saat bertemu C": A met C, B with him
            a_keys = [k for k in actor_keys(units, h, state) if is_person(k, state) and k not in a_keys] + a_keys
        if (c := trailing_companion(units, end, hi)) is not None:  # "A menerima C …, didampingi B": B with A
            a_keys += [k for k in actor_keys(units, c, state) if is_person(k, state) and k not in a_keys]
        preps = ("ComitativePrep", "AgentPrep") if u.cls["MeetCue"] == PASSIVE else ("ComitativePrep",)
        o = right_actor(units, end, hi, preps, per_only=True)
        if o is not None and any(v.has("DelegationNoun") and units[v.i - 1].has("CompanionPrep") and
                                 any(w.has("ListIntro") for w in units[v.i + 1:o]) for v in units[end + 1:o]):
            o = None  # "X disambut … bersama rombongannya, yang beranggotakan Menlu Y": Y came with X
        o = led_guest(units, end) if o is None and u.has("HostCue") else o  # "menerima delegasi … yang dipimpin oleh X"
        o = colon_listed(units, end) if o is None else o  # "menemui tiga pejabat: A, B dan C"
        o = inviter(units, end, hi) if o is None and u.has("InviteAccept") else o  # "memenuhi undangan dari X"
        if o is not None and u.has("SignVerb") and not u.has("HostCue") and u.cls["MeetCue"] != PASSIVE and \
                not _signed_with(units, o):
            o = None  # "meneken dekret sanksi terhadap X", "menandatangani perintah … kepada X": a paper signed, no partner
        if o is not None and u.has("DiscussVerb") and titled_prep(units, o, apposed=True) is None:
            o = None  # "membahas pengamanan koridor X": the topic, not a partner
        if o is not None and _place_owner(units, end, o):
            o = None  # "saat ditemui di rumah X": whose the place is, not who was met
        if o is not None and _tagged_speaker(units, end, o):
            o = None  # "A dan B bertemu di X, kata juru bicara C": C tells of the meeting, he was not met
        modality = event_modality(units, u.i, j)
        # "A dan B meneken kesepakatan … dengan C": signers met each other and whoever is named with them;
        # "A dan B bertemu C" tells only that both met C
        # "A dan B berjabat tangan …, disaksikan C": C, set off by a comma, was there as well
        apart = o is not None and any(units[k].text == "," for k in range(end + 1, o))
        # (not "A dan B disambut …", "A dan B menyambut …": the guests, or the hosts, come together)
        mutual = u.cls["MeetCue"] != PASSIVE and not u.has("HostCue")
        if mutual and (o is None or u.has("SignVerb") or apart):
            out += [(a, b, modality) for n, a in enumerate(a_keys) for b in a_keys[n + 1:] if a != b]
        seen = [b for m in witnesses(units, end, hi) for b in actor_keys(units, m, state) if b not in a_keys]
        out += [(a, b, modality) for a in a_keys for b in seen if o is None or b not in actor_keys(units, o, state)]
        if o is not None:
            # ("disambut Menlu A dan beberapa anggota kabinet lain, antara lain Menkes B": the examples met too)
            last = units[o].group[-1] if units[o].group else o
            met = [b for m in [o, *next_partners(units, o), *coordinated_examples(units, last, len(units))]
                   for b in actor_keys(units, m, state)]
            for a in a_keys:
                for b in dict.fromkeys(met):
                    if a != b and (mutual or b not in a_keys):  # (the guests met their hosts, not each other)
                        out.append((a, b, modality))
        elif u.cls["MeetCue"] == ACTIVE and u.low.endswith(POSSESSIVE) and not u.has("SignVerb") and \
                (guest := state.topic or state.last_per) and is_person(guest, state):
            # "Putin menerimanya di Moskwa", "Muizzu menjemputnya di bandara", "… menemuinya": the topic, met (not
            # "menandatanganinya": what is signed)
            out += [(a, guest, modality) for a in a_keys if a != guest]
    # "A bersama B membahas … dalam pertemuan dengan C": A and B came as one side; each met C, not each other
    return [x for x in out if not any(x[0] in h and x[1] in h for h in sides)]


def _signed_with(units: list[Unit], o: int) -> bool:
    """Whether the person at ``o`` after a verb of signing signed with the subject: named after "dengan" or
    "bersama", or as the agent of a passive verb ("…, disaksikan X"), not after another preposition or a list's
    introducer ("dekret sanksi terhadap A dan 18 orang lain, di antaranya B")."""
    p = titled_prep(units, o)
    if p is not None:
        return p.has("ComitativePrep", "CompanionPrep")
    h = before_titles(units, o)
    return h > 0 and not units[h - 1].etype and units[h - 1].is_verb() and not units[h - 1].has("ListIntro")


def _convened(units: list[Unit], end: int, hi: int) -> int | None:
    """A passive verb of holding right after the meeting noun ending at ``end`` (its modifiers between)."""
    for k in range(end + 1, min(hi, end + 7)):
        if units[k].voice("ConveneVerb") == PASSIVE:
            return k
        if units[k].etype or units[k].text in ",.;" or units[k].cls and units[k].is_verb():
            return None
    return None


def _convened_pairs(units: list[Unit], v: int, state: State) -> list[tuple[str, str, str]]:
    """The agent right after the passive verb of holding at ``v`` met every person listed after "dengan" (titles,
    unnamed members and commas between them; a verb or another preposition ends the list)."""
    k = v + 1
    while k < len(units) and units[k].has("AgentPrep", "FunctionWord") and not units[k].etype:
        k += 1
    k = after_titles(units, k)
    if k >= len(units) or units[k].etype != "PER" or units[k].paren:
        return []
    c = (units[k].group[-1] if units[k].group else k) + 1
    if c >= len(units) or not units[c].has("ComitativePrep") or units[c].etype:
        return []
    hosts = [p for p in actor_keys(units, k, state) if is_person(p, state)]
    partners: list[str] = []
    for m in range(c + 1, len(units)):
        w = units[m]
        if w.text in (".", ";", "?", "!") or not w.etype and (w.is_verb() or w.has("Preposition") and not
                                                               w.has("Conjunction")):
            break
        if w.etype == "PER" and not w.paren:
            partners += [p for p in w.keys if p not in partners and p not in hosts and is_person(p, state)]
    modality = event_modality(units, v, None)
    return [(a, b, modality) for a in hosts for b in partners]


def _arrival_owner(units: list[Unit], i: int, state: State) -> str | None:
    """The person whose arrival or visit, told by a noun with "-nya" as the subject of the passive verb at ``i``
    ("Kedatangannya (di Moskow) disambut …"), is meant: the topic or the person last named, none being named
    before it in the sentence."""
    lo = clause_left(units, i)
    for k in range(i - 1, lo - 1, -1):
        v = units[k]
        if not v.etype and v.low.endswith(POSSESSIVE) and NOUN in (v.cls.get("VisitCue"), v.cls.get("ArriveVerb")):
            if any(w.etype == "PER" for w in units[:k]):
                return None
            who = state.topic or state.last_per
            return who if who and is_person(who, state) else None
        if v.etype == "PER" or v.is_verb() and not v.has("FunctionWord") or v.text in (",", ";"):
            return None
    return None


def _tagged_speaker(units: list[Unit], end: int, o: int) -> bool:
    """Whether the person at ``o`` is named by a speech tag after a comma ("…, kata juru bicara X"): the
    speaker reports the meeting, and is not its partner."""
    return any(units[k].text == "," and k + 1 < o and units[k + 1].has("QuoteVerb") and not units[k + 1].etype
               for k in range(end + 1, o))


def _object_before(units: list[Unit], j: int, i: int) -> bool:
    """Whether the person at ``j`` is named after "dengan" (past titles and a comma) and the verb at ``i`` follows
    it in a second, coordinated verb phrase ("…, dan juga bertemu", "…, lalu menemui")."""
    e = units[j].group[-1] if units[j].group else j
    if not any(units[k].has("Conjunction", "NextLegAdverb") and not units[k].etype for k in range(e + 1, i)) or \
            any(units[k].etype or units[k].is_verb() and not units[k].has("FunctionWord") for k in range(e + 1, i)):
        return False
    h = units[j].group[0] if units[j].group else j
    while h > 0 and (title_word(units[h - 1]) or units[h - 1].text == "," or units[h - 1].etype in ("GPE", "ORG")):
        h -= 1
    return h > 0 and units[h - 1].has("ComitativePrep") and not units[h - 1].etype


def _far_partner(units: list[Unit], i: int, stop: int, hi: int) -> int | None:
    """The partner after "dengan" in the meeting noun's window whose long title runs the name out of it."""
    k = next((k for k in range(i + 1, stop) if units[k].has("ComitativePrep") and not units[k].etype), None)
    if k is None:
        return None
    k += 1
    while k < hi and (title_word(units[k]) or units[k].etype in ("ORG", "GPE") or units[k].has("TitleConj")):
        k += 1
    return k if stop <= k < hi and units[k].etype == "PER" and not units[k].paren else None


def _other_side(units: list[Unit], j: int, hi: int) -> int | None:
    """"Pertemuan antara A dengan Panglima Angkatan Tentara Malaysia, Jenderal Datuk B": the other side of a pair
    opened by "antara", named right after the first past a title however long (a comma before a rank included)."""
    k = j + 1
    if k >= hi or not units[k].has("ComitativePrep", "Conjunction"):
        return None
    k += 1
    while k < hi and (title_word(units[k]) or units[k].etype in ("ORG", "GPE") or units[k].text == ","):
        k += 1
    return k if k < hi and units[k].etype == "PER" and not units[k].paren else None


def _place_owner(units: list[Unit], end: int, o: int) -> bool:
    """Whether the person at ``o`` is named inside a place phrase after the verb ending at ``end`` ("ditemui di
    rumah X", "di kantor X"): no preposition of his own, and no comma or verb since the locative one."""
    if titled_prep(units, o) is not None:
        return False
    for k in range(o - 1, end, -1):
        if units[k].text == "," or units[k].is_verb():
            return False
        if units[k].has("LocativePrep"):
            return True
    return False


def _verb_subject(units: list[Unit], i: int) -> int | None:
    """The person who meets at the verb ``i``."""
    k = i - 1
    while k > 0 and units[k].has("FunctionWord") and not units[k].etype:
        k -= 1
    s = k - 1 if k > 0 and units[k - 1].text == "," else k
    if k > 0 and units[k].has("ClauseBoundary") and not units[k].etype and units[s - 1].has("ReportCue") \
            and not units[s - 1].etype:
        # "Sugiono mengatakan(,) sebelum bertemu Macron, Presiden Prabowo …": the reported clause's subject
        f = fronted_subject(units[k:], i - k, per_only=True)
        if f is not None:
            return f + k  # (none: "X berbicara setelah bertemu Lavrov", the speaker's own meeting, read below)
    j = left_subject(units, i, per_only=True)
    if j is None:
        j = next((k for k in range(i - 1, clause_left(units, i) - 1, -1)
                  if units[k].etype == "PER" and not units[k].paren and not units[k].title), None)
    if j is not None:
        k = (units[j].group[0] if units[j].group else j) - 1
        while k >= 0 and title_word(units[k]):
            k -= 1
        if k >= 0 and k < i and "MeetCue" in units[k].cls and units[k].is_verb() and not units[k].etype:
            # "ke Tiongkok untuk bertemu Presiden Xi, ke AS bertemu Presiden Biden": the one met before is an
            # object; whoever met him meets the next one too
            return _verb_subject(units, k)
    if j is not None and j < i and _object_before(units, j, i):
        # "X akan mengadakan pembicaraan dengan [Penasihat …,] A, dan juga bertemu dengan B": A is an object
        f = sentence_subject(units, j)
        j = f if f is not None and f < j else None
    if j is None:  # "Kim dan Putin sepakat … saat bertemu di Vostochny"
        j = elided_subject(units, i, per_only=True)
    if j is None:  # "Usai bertemu Erdogan, Prabowo menyatakan …"
        j = fronted_subject(units, i, per_only=True)
    if j is None and i > 0 and units[i - 1].has("PurposeConj"):
        j = sentence_subject(units, i)  # "Blinken dan Lammy … melanjutkan perjalanan … untuk bertemu X"
    if j is not None and j < i and _unnamed_subject(units, j, i):
        return None
    return j


def _unnamed_subject(units: list[Unit], j: int, i: int) -> bool:
    """Whether an unnamed person noun between the person at ``j`` and the verb at ``i`` is the verb's subject,
    set off from that person by a comma or a speaking verb ("Menurut X, banyak pemimpin negara ingin bertemu
    Y", "X mengatakan para pejabat yang akan menemui Y"): the speaker does not meet."""
    k = next((k for k in range(i - 1, j, -1) if units[k].has("PersonNoun") and not units[k].etype), None)
    if k is None or any(v.text == "," or v.etype or v.is_verb() and not v.has("FunctionWord") for v in units[k + 1:i]):
        return False
    for v in units[k - 1:j:-1]:
        if v.text == "," or v.has("ReportCue") and not v.etype:
            return True
        if v.etype or v.has("Preposition", "Conjunction") or v.is_verb():
            return False
    return False


def _noun_host(units: list[Unit], u: Unit, keys: list[str], state: State) -> list[str]:
    """Who holds the meeting a noun names: the subject, or the owner of "-nya" ("usai pertemuannya dengan MBS")."""
    j = left_subject(units, u.i, per_only=True)
    first = sentence_subject(units, j) if j is not None else None
    if first is not None and any(v.is_verb() and not v.has("FunctionWord") for v in units[first + 1:j]) and \
            not (units[j - 1].text in (",", ";") and (e := (units[j].group[-1] if units[j].group else j) + 1) < len(units)
                 and units[e].is_verb()):
        j = first  # "Ia bertemu X …, kemudian melanjutkan pembicaraan dengan Y": X is an object (not "…; menurut
        # Kremlin, Putin menjelaskan hasil pertemuannya dengan Trump": a clause's own subject after its comma)
    if j is None:
        j = sentence_subject(units, u.i) if u.low.endswith(POSSESSIVE) or keys else None
    if j is None and (f := fronted_subject(units, u.i, per_only=True)) is not None and (keys or len(units[f].group) > 1):
        j = f  # "Usai pertemuannya dengan X, Albanese menyatakan …"; "Dalam pertemuan di Berlin, A dan B sepakat …"
    if j is None:  # "Kesepakatan itu dicapai Putin dan Kim pada pertemuan puncak …": the passive's agents held it
        v = next((m for m in range(u.i - 1, clause_left(units, u.i) - 1, -1) if units[m].is_verb()
                  and not units[m].etype and passive_prefixed(units[m].low)), None)
        a = after_titles(units, agent_at(units, v), u.i) if v is not None else None
        j = a if a is not None and a < u.i and units[a].etype == "PER" and not units[a].paren else None
    if j is not None and j < u.i and not u.low.endswith(POSSESSIVE):
        said = next((k for k in range(j + 1, u.i) if units[k].has("ReportCue") and not units[k].etype), None)
        after = next((v for v in units[said + 1:u.i] if v.text != "," and not v.has("FunctionWord")), None) \
            if said is not None else None
        at = units[u.i - 1]  # "X menegaskan komitmennya dalam percakapan dengan Y": where he said it, his meeting
        if said is not None and not any(v is not None and v.has("Preposition") and not v.has("ClauseBoundary")
                                        and not v.etype for v in (after, at)):
            # (not "Blinken mengatakan dalam jumpa pers bersama Lammy …": where he spoke, his own meeting)
            # "Retno mengatakan pertemuan dengan Trump akan dilakukan Presiden Jokowi", "X mengungkapkan, usai
            # pertemuan dengan A, B akan …": the speaker reports a meeting; its holder is in the reported clause
            return _reported_host(units, said, u, state)
    return [k for k in actor_keys(units, j, state) if is_person(k, state)] if j is not None else []


def _reported_host(units: list[Unit], said: int, u: Unit, state: State) -> list[str]:
    """Holder of a meeting noun inside reported speech: the subject after a fronted phrase ("usai pertemuan
    dengan A, B akan …") or the agent of a passive ("pertemuan dengan A akan dilakukan Presiden B"); none else."""
    k = said + 1
    while k < u.i and (units[k].text == "," or units[k].has("FunctionWord")):
        k += 1
    f = fronted_subject(units[k:], u.i - k, per_only=True)
    if f is not None:
        return [a for a in actor_keys(units, f + k, state) if is_person(a, state)]
    hi = clause_right(units, u.i)
    v = next((m for m in range(u.i + 1, hi) if units[m].cls.get("MeetCue") == PASSIVE or
              units[m].is_verb() and not units[m].etype and passive_prefixed(units[m].low)), None)
    if v is not None and v + 1 < hi:
        a = next((m for m in range(v + 1, min(hi, v + 6)) if units[m].etype == "PER" and not units[m].paren), None)
        if a is not None and all(title_word(units[m]) or units[m].has("AgentPrep") for m in range(v + 1, a)):
            return [p for p in actor_keys(units, a, state) if is_person(p, state)]
    return []



def _done_together(units: list[Unit], i: int, hi: int, state: State) -> list[tuple[str, str, str]]:
    """A passive with its agents after it: "ditandatangani oleh A dan B", "ditandatangani A bersama B",
    "dibahas A dengan B" (they met to do it)."""
    k = i + 1
    while k < hi and (units[k].has("AgentPrep", "FunctionWord") or units[k].text == "," or title_word(units[k])):
        k += 1
    if k >= hi or units[k].etype != "PER" or units[k].paren:
        return []
    people = [k for k in actor_keys(units, k, state) if is_person(k, state)]
    o = right_actor(units, units[k].group[-1] if units[k].group else k, hi, ("ComitativePrep",), per_only=True)
    if o is not None:
        people += [p for p in actor_keys(units, o, state) if p not in people and is_person(p, state)]
    modality = event_modality(units, i, None)
    return [(people[0], b, modality) for b in people[1:] if b != people[0]] if len(people) >= 2 else []
