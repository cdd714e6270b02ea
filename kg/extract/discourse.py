"""The discourse layer: what pronouns and statement anaphors refer to, and the paragraphs and topic state of
an article, computed before the relation rules read a sentence (who speaks: :mod:`kg.extract.frames`)."""

from __future__ import annotations

from kg.cues import ACTIVE, POSSESSIVE, cues, same_title
from kg.extract.antecedents import (
    anaphor_size,
    colon_members,
    counted,
    group_candidates,
    head_of_state,
    listed_persons,
    listed_states,
    main_subject,
    named_before,
    named_leaders,
    object_group,
    opens,
    org_or_listed,
    own_side,
    quoted_attackers,
    quoted_counterpart,
    recent_of,
    sanctioned_by,
    sentence_sides,
    set_off_owner,
    states_of,
    subject_state,
)
from kg.extract.bare_heads import bare_bloc, bare_head_org
from kg.extract.clause import SPEECH, actor_keys, after_titles, clause_left, group_prep, left_subject
from kg.extract.context import State
from kg.extract.denied_content import denier_of_content, told_state
from kg.extract.descriptions import description_end, state_described, stative_description
from kg.extract.heads import appositive_group, named_after
from kg.extract.objects import object_antecedent
from kg.extract.parties import body_state, home_of, home_state, outlet, outlet_named, topic_state
from kg.extract.titlewords import lower_leader, title_word, titled_as
from kg.resolve import gazetteer
from kg.unitize import join_companion
from kg.units import ACTORS, STOP_PUNCT, Unit, skip_span


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for para in text.split("\n\n"):
        spans.append((pos, pos + len(para)))
        pos += len(para) + 2
    return spans


def _titled_state(units: list[Unit], i: int) -> str | None:
    """The state a title written just before person ``i`` names ("Menlu Korsel Cho Tae-yul"): before the
    role rule has recorded it, "pemerintahnya" after that person is that state."""
    window = units[max(0, i - 3):i]
    return next((v.key for v in reversed(window) if v.etype == "GPE" and v.key), None) \
        if any(v.has("RoleTitle") for v in window) else None


#: The cue classes ``resolve_pronouns`` tests a word for: each case needs one, so a word with none is skipped in one
#: test (most words with a cue class; tests/extract/test_guards.py checks every class the function asks about is here).
PRONOUN_CLASSES = frozenset({"Pronoun3", "PronounPlural", "SidePronoun", "Pronoun1", "GovernmentNoun", "StatesAnaphor",
                             "HeadOfStateEpithet", "FirmGroupAnaphor", "PersonGroupAnaphor", "LeaderGroupAnaphor",
                             "GroupAnaphor", "StatementNoun", "ReportNoun", "RegimeNoun", "GroupNoun", "BlocNoun",
                             "PersonNoun", "RoleTitle", "OrgHead", "OrgTemplate", "StateBody", "StateNoun"})

#: Nouns with their own anaphora above: an organisation head word of these classes is left to them, unless it names
#: a kind of state body by a template ("Kedubes itu", or "kedubes" bare as a subject: the last such body named).
_OWN_ANAPHORA = frozenset({"GovernmentNoun", "RegimeNoun", "GroupNoun", "PersonNoun", "RoleTitle", "SourceNoun"})


def resolve_pronouns(units: list[Unit], state: State) -> None:
    c = cues()
    seen_gpe: list[str] = []
    last_per = state.topic or state.last_per  # "ia" at the start of a sentence continues the last subject
    opening = last_per  # (whom a fronted clause with no subject of its own goes on about)
    last_per_i: int | None = None
    subject: str | None = None  # the last person so far in subject position (a verb follows)
    prev3: str | None = None  # whom an "ia" before, the subject of its clause, stood for
    for u in units:
        if u.etype:
            if u.etype in ("ORG", "PER") and u.key and outlet_named(units, u.i):
                state.outlets.add(u.key)  # "menurut laporan media Prancis La Tribune"
            if u.etype == "PER" and u.key and not u.pron and u.keys:  # (a relative's kin stands for no one)
                last_per, last_per_i = u.key, u.i
                if u.i + 1 < len(units) and (units[u.i + 1].is_verb() or units[u.i + 1].has("NegationCue")):
                    subject = u.key  # ("… Tinubu tidak dijadwalkan …": the subject of a clause of its own)
            if u.etype == "GPE" and u.key and u.key not in seen_gpe and not u.paren and not u.title:
                seen_gpe.append(u.key)  # (not "Menlu Australia A … Menlu China B, ketika keduanya …": the two persons)
            if u.etype == "GPE" and u.key and any("RegimeNoun" in v.cls and not v.etype for v in units[max(0, u.i - 2):u.i]):
                state.regime = gazetteer().state_of(u.key) or u.key  # "junta Myanmar", "rezim militer Myanmar"
            continue
        if not u.cls or PRONOUN_CLASSES.isdisjoint(u.cls):  # every case below needs one of these cue classes
            u.pron = None
            continue
        keys: tuple[str, ...] = ()
        if "Pronoun3" in u.cls and last_per:
            # "Orban tiba … untuk bertemu Xi, tiga hari setelah ia menemui Putin": after a subordinator, "ia" is the
            # subject of the clause it hangs on, not the last person named
            after_sub = subject is not None and u.i > 0 and units[u.i - 1].has("ClauseBoundary") and \
                not units[u.i - 1].etype
            again = subject is not None and subject == prev3  # ("ia bertemu A … pesan B, lalu ia …": the same "ia")
            keys, u.pron = ((subject,) if after_sub or again else (opening,) if opening and subject is None and
                            _after_subjectless(units, u.i) else (last_per,)), "3"
            if u.quote is None and u.i + 1 < len(units) and units[u.i + 1].is_verb():
                subject = prev3 = keys[0]
        elif "PronounPlural" in u.cls:
            nxt = units[u.i + 2] if u.i + 2 < len(units) and units[u.i + 1].text == "(" else None
            if nxt is not None and nxt.etype in ACTORS:
                keys, u.pron = nxt.keys, "pl"
                nxt.paren = True
            elif "SidePronoun" in u.cls and (speaker := clause_speaker(units, u.i, state) or state.last_speaker):
                # "Rusia membantah bahwa pihaknya menerima …": the side of whoever speaks or denies
                keys, u.pron = speaker, "pl"
            elif "SidePronoun" not in u.cls and u.quote is not None and (other := quoted_counterpart(units, u.i, state)):
                keys, u.pron = other, "pl"  # "Jika mereka berani menyerang kami, …": the side the speaker's faces
            elif "SidePronoun" not in u.cls and u.i < 3 and u.quote is not None and state.quoted_subject:
                # a quoted sentence that opens with "Mereka …": the actors the quotation was just about
                keys, u.pron = state.quoted_subject, "pl"
            elif "SidePronoun" not in u.cls and opens(units, u.i) and u.quote is None and state.crowd:
                u.pron = None  # left unresolved: "Ribuan warga berunjuk rasa. Mereka menuduh …" (a crowd, no party)
            elif "SidePronoun" not in u.cls and opens(units, u.i) and u.quote is None and state.last_government \
                    and not state.group_fresh:
                # "… A dan B. Kementerian Luar Negeri X … mengkritik C. Mereka mendesak …": the body that was the
                # last sentence's subject, not a pair named further back
                keys, u.pron = (state.last_government,), "pl"
            elif "SidePronoun" not in u.cls and u.i < 3 and u.quote is not None and \
                    (doers := quoted_attackers(state, u.speaker)):
                keys, u.pron = doers, "pl"  # "X menyerang …. "Mereka membunuh …," kata Y": the attackers
            elif "SidePronoun" not in u.cls and opens(units, u.i) and state.groups and u.quote is None:
                # a sentence that opens with "Mereka …" continues the last sentence's subject group, else the last
                keys, u.pron = state.lead_group or state.groups[-1], "pl"  # coordinated actors
            elif "SidePronoun" not in u.cls and u.quote is None and (main := main_subject(units, u.i, state)):
                # "Houthi menolak tuduhan Pentagon bahwa Iran memasok rudal kepada mereka": the main clause's subject
                keys, u.pron = main, "pl"
            elif "SidePronoun" not in u.cls and u.quote is None and (group := object_group(units, u.i, state)):
                # "Anwar mengatakan akan berbicara dengan kedua pemimpin dan meminta mereka menahan diri": the
                # object of a verb is not its own subject, so the actors last named together
                keys, u.pron = group, "pl"
            elif "SidePronoun" not in u.cls and u.quote is None and (listed := sanctioned_by(units, u.i, state)):
                keys, u.pron = listed, "pl"  # "Departemen Keuangan menuduh mereka …": whom it just sanctioned
        elif "Pronoun1" in u.cls and u.speaker:
            keys, u.pron = u.speaker, "1"
        elif u.low.endswith(POSSESSIVE) and "GovernmentNoun" in u.cls:  # "negaranya": of a state saying it, or
            if (d := denier_of_content(units, u.i)) is not None and units[d].etype == "PER":
                last_per, last_per_i = units[d].key, d  # ("menepis tudingan X yang menyebut pemerintahannya …")
            home = subject_state(units, u.i, state) or last_per and (  # of the person just mentioned
                home_state(last_per, state) or (_titled_state(units, last_per_i) if last_per_i is not None else None))
            home = told_state(units, u.i, state, home) if last_per_i is None else home
            if home:
                keys, u.pron = (home,), "3"
        elif "HeadOfStateEpithet" in u.cls and u.text[:1].isupper() and not named_after(units, u):
            # "Usai bertemu Erdogan, Kepala Negara menyatakan …": the president the article is about
            who = head_of_state(state)
            if who:
                keys, u.pron = (who,), "3"
                for v in units[u.i + 1:skip_span(units, u.i, "HeadOfStateEpithet")]:
                    v.paren = True
        elif "FirmGroupAnaphor" in u.cls or "PersonGroupAnaphor" in u.cls:
            # "ketiga perusahaan itu": the last that many organisations (no news outlets); "kedua politisi ini": persons
            cls, etype = ("FirmGroupAnaphor", "ORG") if "FirmGroupAnaphor" in u.cls else ("PersonGroupAnaphor", "PER")
            n = anaphor_size(units, u.i, cls)
            named = named_before(units, u.i, state, etype, anaphors=True)
            # the most recent first; not news outlets nor a state's own bodies ("Departemen Keuangan AS")
            orgs = list(dict.fromkeys(k for k in named if not outlet(k, state) and body_state(k, state) is None))
            orgs = titled_as(units, u.i, cls, orgs, state) if etype == "PER" else orgs
            # (firms are no places: "… berbasis di Hong Kong dan China daratan" is no pair of firms)
            group = next((g for g in reversed(state.groups) if len(g) == n and not set(g) & set(seen_gpe) and
                          all(k in state.entities and (state.entities[k].type == etype or etype == "ORG" and
                                                       state.entities[k].type not in ("GPE", "LOC")) for k in g)),
                         None)
            if group is not None or len(orgs) >= n:  # a list of that many names first ("yakni A, B dan C")
                keys, u.pron = tuple(group or orgs[:n]), "many"
                set_off_owner(units, u.i + 1, skip_span(units, u.i, cls), ("GPE",))  # "kedua perusahaan Iran tersebut"
        elif "StatesAnaphor" in u.cls and (listed := listed_states(state)):
            keys, u.pron = listed, "many"  # "negara-negara itu": the states last listed, three or more
            for v in units[u.i + 1:skip_span(units, u.i, "StatesAnaphor")]:
                v.paren = True
        elif "LeaderGroupAnaphor" in u.cls and (lead := named_leaders(units, u.i, state)):
            keys, u.pron = lead, "many"  # "Kedua pemimpin mengecam …": the leaders just named, else the states
            set_off_owner(units, u.i + 1, skip_span(units, u.i, "LeaderGroupAnaphor"))  # ("Kedua pemimpin UE itu")
        elif "GroupAnaphor" in u.cls:
            phrase = " ".join(v.low for v in units[u.i:u.i + u.span.get("GroupAnaphor", 1)])
            n = c.group_size[phrase] if phrase in c.group_size else c.group_size.get(u.low, 2)
            states = any(v.has("GovernmentNoun") for v in units[u.i:u.i + u.span.get("GroupAnaphor", 1)])
            country = any(v.has("StateNoun") for v in units[u.i:u.i + u.span.get("GroupAnaphor", 1)])
            # "Baik Moskow maupun Minsk membantah tudingan Polandia bahwa kedua negara …": a coordination of
            # that many in the sentence first, not the last states named
            listed = appositive_group(units, u.i, n) or next((units[k].group for k in range(u.i - 1, -1, -1) if len(
                units[k].group) == n and all(units[m].key and not units[m].is_weapon for m in units[k].group)), None)
            own = own_side(units, u.i, state)
            here_sides = sentence_sides(units)
            if listed is None and u.i < 2 and n and state.counted == n and not (
                    state.group_fresh and state.groups and len(state.groups[-1]) == n):
                u.pron = None  # "… dua kilang minyak serta satu perusahaan. Ketiganya …": the things just counted
                continue
            # the first that is not the one who urges or warns, nor its state ("AS … mendesak kedua belah pihak")
            for cand in group_candidates(units, u, state, n, listed, seen_gpe, here_sides, country, states, own):
                if cand and not set(cand) & own:
                    keys = cand
                    break
            if country and keys:  # "PM A dan PM B …. X mendesak kedua negara …": the states, not the leaders
                keys = states_of(keys, state, units, listed or ()) or keys
            u.pron = "many"
        elif "ReportNoun" in u.cls and state.report_author and u.i + 1 < len(units) and \
                units[u.i + 1].has("Demonstrative"):
            # "Menurut laporan itu, …": whoever wrote the report (who speaks, never a party to what it tells)
            keys, u.pron, u.paren = state.report_author, "statement", True
        elif "StatementNoun" in u.cls and u.i + 1 < len(units) and units[u.i + 1].has("Demonstrative"):
            keys, u.pron = state.last_speaker, "statement"
        elif "StateNoun" in u.cls and (d := state_described(units, u.i)) and not (u.i > 0 and (units[u.i - 1].has(
                "NumberWord", "GroupAnaphor", "Quantifier") or counted(units, u.i - 1))) \
                and (st := _last_state(units, u.i, state)):
            keys, u.pron = (st,), "3"  # "Pada September, negara itu menerima …": the last state named
            for v in units[u.i + 1:d + 1]:  # ("negara Skandinavia itu", "negara tetangganya itu": qualifiers)
                v.paren = True
        elif "RegimeNoun" in u.cls and not any(v.etype for v in units[u.i + 1:u.i + 3]) and \
                not any(v.has("RoleTitle", "PersonNoun") for v in units[max(0, u.i - 1):u.i]) and \
                not (u.i + 1 < len(units) and units[u.i + 1].has("SanctionCue")) and \
                (home := state.regime or topic_state(state)):
            # "Junta membantah tudingan Paris": the government of the state last named with a regime noun, else the
            # article's state (not "Beijing … junta Myanmar … junta militer juga …": China; nor "rezim sanksi itu")
            keys, u.pron = (home,), "3"
        elif "GroupNoun" in u.cls and (d := _described(units, u.i) or _described_by_clause(units, u.i)
                                       or bare_bloc(units, u.i)) and \
                not any(v.etype and not units[v.i - 1].has("LedByNoun") and not (v.etype == "GPE" and v.i < d)
                        for v in units[u.i:_clause_start(units, u.i, d)]) and \
                (org := _bloc(u, state) if "BlocNoun" in u.cls else _group_here(units, u.i, state) or
                 next((k for k in recent_of(state, "ORG") if not outlet(k, state) and body_state(k, state) is None
                       and k not in _speakers_before(units, u.i)), None)):
            # "kelompok tersebut": the last organisation named, in this sentence first ("Iran, sekutu utama
            # Hizbullah, memasok senjata kepada kelompok tersebut"; also "aliansi pimpinan AS itu", its leader only
            # describing it); never a state's own body, here or before
            # ("Gazprombank …. Departemen Keuangan mengatakan …. Perusahaan ini …": the bank, not the ministry)
            keys, u.pron = org_or_listed(units, u.i, state, org)
            for v in units[u.i + 1:d]:
                v.paren = True
        elif (org_head := "OrgHead" in u.cls and (u.cls.keys().isdisjoint(_OWN_ANAPHORA) or "OrgTemplate" in u.cls)) \
                and (org := bare_head_org(units, u.i, state)):
            keys, u.pron = (org,), "3"  # "Dalam resolusi tersebut, dewan mengutuk …": the council just named (also a
            # body's template word: "Dalam pernyataannya, kedubes menuduh …", the embassy just named)
        elif org_head and (d := _described(units, u.i)) and \
                not any(v.etype and v.etype != "GPE" or v.has("StateNoun") for v in units[u.i:d]) and \
                (org := _last_org(units, u.i, state, "StateBody" in u.cls or "GovernmentNoun" in u.cls)) and \
                all(v.key and (gazetteer().state_of(v.key) or v.key) == gazetteer().state_of(org) for v in units[u.i:d]
                    if v.etype):
            # "Kementerian itu", "komando militer AS itu" (a state inside: the body's own): the last such body named
            # (not "parlemen negara itu": the demonstrative is the state noun's, whose state the parliament is)
            keys, u.pron = (org,), "3"
            for v in units[u.i + 1:d]:
                v.paren = True
        elif ("PersonNoun" in u.cls or "RoleTitle" in u.cls) and \
                (keys := colon_members(units, u.i, state) or listed_persons(units, u.i, description_end(units, u.i), state)):
            # "Para pemimpin Eropa itu kemudian bertemu Trump": the persons last listed; "Sejumlah pemimpin Eropa ikut
            u.pron = "many"  # terbang ke Washington untuk memberi dukungan: A, B dan C": those the colon lists
        elif last_per and ("PersonNoun" in u.cls or "RoleTitle" in u.cls) and (d := _described(units, u.i)) \
                and (who := described_person(units, u.i, d, object_antecedent(units, u.i, last_per, state), state)):
            # "Diplomat itu memperingatkan …", "Politikus CDU tersebut", "Menteri tersebut": the person
            # just written about (one with that title, for a title); names inside only qualify it
            keys, u.pron = (who,), "3"
            for v in units[u.i + 1:d]:
                v.paren = True
        elif "RoleTitle" in u.cls and (end := _bare_title(units, u)) and (who := title_holder(units, u, end, state)):
            # "Sebelumnya Panglima TLDM telah melakukan kunjungan …", "Menhan RI juga dijadwalkan menerima …": a
            # title with no name, for the one person the article already gave that title (of that side)
            keys, u.pron = (who,), "3"
            for v in units[u.i + 1:end]:
                v.paren = True
        if keys:
            u.keys = keys
            u.key = keys[0]
            if u.i and "Preposition" in units[u.i - 1].cls and not units[u.i - 1].etype and not u.prep:
                u.prep = units[u.i - 1].low  # "ke negaranya": an oblique, as a named party after it would be
            elif u.i and units[u.i - 1].is_noun() and not units[u.i - 1].head_word and not u.has("Pronoun3") \
                    and not units[u.i - 1].has("StatementNoun") and not (u.i + 1 < len(units) and units[u.i + 1].is_verb()):
                # "aset keempatnya yang berada di AS": after a common noun, whose owner it names, as a named party
                # there would be (kg.units); not "ia/dia", nor a subject before its verb ("Dalam wawancara ia menuduh")
                u.modifier = True
            u.etype = state.entities[keys[0]].type if keys[0] in state.entities else "PER"
            if u.etype == "PER" and u.pron == "3":
                join_companion(units, u.i)
        else:
            u.pron = None


def _after_subjectless(units: list[Unit], i: int) -> bool:
    """Whether the pronoun at ``i`` follows the comma of a fronted clause with no subject of its own ("Setelah
    diterima Putin di Kremlin, ia terbang ke Paris", "Usai bertemu A, ia …"): the persons in it are its objects,
    and "ia" goes on with the person told of before."""
    if i < 3 or units[i - 1].text != "," or units[0].etype or not units[0].has("ClauseBoundary"):
        return False
    verb = next((k for k in range(1, i - 1) if units[k].is_verb() or units[k].etype), None)
    return verb is not None and not units[verb].etype and all(
        v.text != "," and not v.has("ClauseBoundary") for v in units[1:i - 1])


def clause_speaker(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The subject of the nearest speaking or denying verb left of ``i`` in this sentence."""
    for v in reversed(units[:i]):
        if not v.etype and any(v.voice(c) == ACTIVE for c in SPEECH):
            j = left_subject(units, v.i, allow_object=False)
            return actor_keys(units, j, state) if j is not None and not units[j].modifier else ()
    return ()


def _bloc(u: Unit, state: State) -> str | None:
    """"Blok tersebut", "aliansi itu": the last body of states named (a listed organisation of no one state, not a
    firm or an armed group of one), never the last organisation of any kind; for an alliance noun, the last alliance
    named first (kg:Alliance: NATO, not the union named since)."""
    gaz = gazetteer()
    bodies = [k for k in recent_of(state, "ORG") if (e := gaz.entries.get(k)) is not None and not e.affiliation
              and not e.outlet and not outlet(k, state)]
    alliances = [k for k in bodies if gaz.entries[k].alliance] if u.has("AllianceNoun") else []
    return (alliances or bodies or [None])[0]


def _speakers_before(units: list[Unit], i: int) -> set[str]:
    """Who speaks of what comes at ``i``: the parties before the last verb of saying, believing or charging ("Uni
    Eropa menilai perusahaan itu …": the EU is not the firm)."""
    told = next((k for k in range(i - 1, -1, -1) if not units[k].etype and units[k].has("ReportCue", "BeliefCue",
                                                                                          "AccuseCue")), -1)
    return {k for v in units[:max(told, 0)] if v.etype for k in v.keys}


def _group_here(units: list[Unit], i: int, state: State) -> str | None:
    """The last organisation named before ``i`` in the sentence: no news outlet, nor a state's own body (not
    "Menurut Kementerian Luar Negeri Jepang, salah satu entitas itu …")."""
    # (nor one that speaks of it: "Uni Eropa menilai perusahaan itu membantu …" tells of another)
    speakers = _speakers_before(units, i)
    return next((v.key for v in reversed(units[:i]) if v.etype == "ORG" and v.key and not v.pron and not v.paren
                 and v.key not in speakers and not outlet(v.key, state) and body_state(v.key, state) is None), None)


def _described(units: list[Unit], i: int) -> int | None:
    """Index of the demonstrative that closes a definite description of a person opened at ``i`` (:func:`description_end`);
    none after a count or plural marker ("Keenam perusahaan tersebut", "Para menteri itu"): a group, no one party."""
    if i > 0 and (units[i - 1].has("NumberWord", "SeriesWord", "PluralMarker") or counted(units, i - 1)):
        return None
    if i > 0 and units[i - 1].has("DefiniteArticle") and not units[i - 1].etype and not units[i].title:
        return i  # "Washington menuding sang presiden …": made definite by the article, no demonstrative
    if i + 1 < len(units) and units[i + 1].has("SameAnaphor"):
        return i + units[i + 1].span.get("SameAnaphor", 1)  # "Kementerian yang sama": the one just named
    if units[i].title:  # (on a title's body, "pemimpin [kelompok] itu, X", the demonstrative right after it)
        return next((d for d in (i + 1, i + 2) if d < len(units) and units[d].has("Demonstrative")), None)
    # ("Mantan menteri luar negeri Prancis itu": a title's words take no reach; "pria berusia 68 tahun itu": by age)
    reach = 4 + (i + 1 < len(units) and units[i + 1].has("RoleTitle"))
    return description_end(units, i, reach) or stative_description(units, i)


def _described_by_clause(units: list[Unit], i: int) -> int | None:
    """The demonstrative closing a description with a relative clause, "Kelompok yang menguasai ibu kota
    Sanaa itu memperingatkan …", when a verb follows it: the names inside describe, they are no subject."""
    if i + 1 >= len(units) or not units[i + 1].has("Relativizer") or i > 0 and units[i - 1].etype:
        return None
    for d in range(i + 2, min(len(units) - 1, i + 10)):
        v = units[d]
        if v.text in STOP_PUNCT or v.text == "," or v.has("Complementizer"):
            return None
        if v.has("Demonstrative") and (units[d + 1].is_verb() or units[d + 1].has("FunctionWord")):
            return d
    return None


def _clause_start(units: list[Unit], i: int, d: int) -> int:
    """Where a description's relative clause starts (``d`` when it has none)."""
    return next((v.i for v in units[i + 1:d] if v.has("Relativizer")), d)


def _last_org(units: list[Unit], i: int, state: State, body: bool) -> str | None:
    """The organisation an organisation noun with a demonstrative refers back to: the last one named
    (in this sentence first), no news outlet; a ministry or department noun wants a state's own body."""
    named = named_before(units, i, state, "ORG")
    # not the speaker ("Departemen Keuangan AS menyebut, … kementerian tersebut mengimpor …": the one told of)
    speaker = set(clause_speaker(units, i, state))
    return next((k for k in named if not outlet(k, state) and (not body or body_state(k, state)) and k not in speaker),
                None)


def _last_state(units: list[Unit], i: int, state: State) -> str | None:
    """The state a state noun with a demonstrative refers back to: the last one named before its clause ("Yunani
    tidak tinggal diam: negara itu …"), never one of its own clause ("Turki dan UEA melanggar embargo terhadap
    negara itu" means a third state)."""
    gaz = gazetteer()
    lo = clause_left(units, i)
    # "memperingatkan Jerman setelah parlemen negara itu …": a subordinator opens the noun's clause even where,
    # the noun not yet read as an actor, the clause looked like a time adverbial
    lo = next((k + 1 for k in range(i - 1, lo - 1, -1) if units[k].has("ClauseBoundary") and not units[k].etype), lo)
    # a state named as a subject or object before one in an oblique ("Iran mengirim drone ke Rusia untuk dipakai di
    # Ukraina. Negara itu …": Iran), and not the one that speaks of it ("Washington mengatakan negara itu …")
    def side_state(key: str) -> str | None:  # the state a party stands for: itself, a person's, a body's
        return gaz.state_of(key) or home_state(key, state) or body_state(key, state)

    speaker = set(clause_speaker(units, i, state))
    # nor the state of a party of its own clause ("Turki memasok senjata kepada negara itu", "Menlu Venezuela …
    # menuding negara tetangganya itu": another state)
    speaker |= {side_state(v.key) for v in units[lo:i] if v.etype in ACTORS and v.key and not v.paren and not v.title}
    here = [v.key for v in reversed(units[:lo]) if v.etype == "GPE" and v.key and not v.pron and not v.paren
            and not v.title and not v.modifier and not group_prep(units, v.i) and v.key not in speaker]
    core = [k for k in reversed(state.core_states) if k not in speaker]
    # the object of an active verb is not its subject's own state, however recently named ("… tiba di Washington.
    # Trump menuduh negara itu gagal …": Mexico; the speaker's own state stays open deeper in its clause)
    own = set()
    if i > 0 and any(units[i - 1].voice(c) == ACTIVE for c in units[i - 1].cls) and \
            (k := left_subject(units, i - 1)) is not None and units[k].key:
        own = {side_state(units[k].key)}
    # (a state's body stands for it: "Militer Mali … kepada angkatan bersenjata negara itu": Mali)
    return next((st for k in here + core + named_before(units, lo, state, "GPE ORG")
                 if (st := gaz.state_of(k)) and st not in own), None)


def _bare_title(units: list[Unit], u: Unit) -> int:
    """End of a capitalised title with no name after it, and no title word before it ("Menhan RI juga …",
    "Panglima TLDM telah …", "Dari Belanda, Menlu menuju ke Brussel"): the title, the state or body it is of if
    any, then a verb or function word (not a title going on, "Juru bicara partai X, Y,") or, after its state or
    body, the sentence's end (a headline's "… Tuduhan Menlu AS"); 0 where it is none. A title without its side is
    safe as well: ``title_holder`` takes only the one person the article gave it."""
    p = units[u.i - 1] if u.i else None
    if not (u.text[:1].isupper() or lower_leader(units, u)) or p is not None and (title_word(p) or p.etype == "PER"):
        return 0
    k = after_titles(units, u.i)
    while k < len(units) and units[k].etype in ("GPE", "ORG") and not units[k].paren:
        k = (units[k].group[-1] if units[k].group else k) + 1
    if k - u.i > 4:
        return 0
    if (k >= len(units) or units[k].text in STOP_PUNCT) and units[k - 1].etype in ("GPE", "ORG"):
        return k  # "Kolombia Bantah Tuduhan Menlu Peru": a title of a side ends the sentence
    if k >= len(units) or units[k].etype \
            or title_word(units[k]) or not (units[k].is_verb() or units[k].has("FunctionWord")):
        return 0
    return k


def title_holder(units: list[Unit], u: Unit, end: int, state: State) -> str | None:
    """The one person whom an earlier role gave the title at ``u`` (its first words), of the state or body named
    after it, if any; with that state or body named and no earlier holder, the one the article names later."""
    phrase = same_title(" ".join(v.low for v in units[u.i:end] if not v.etype))  # "PM" for "Perdana Menteri"
    quals = {k for v in units[u.i + 1:end] for k in v.keys}
    gaz = gazetteer()
    people = set()
    for r in state.relations:
        title, org, who = str(r.args.get("title") or "").lower(), r.args.get("org_or_state"), r.args.get("person")
        title = same_title(title)
        if r.type != "role" or not who or not (title == phrase or title.startswith(phrase + " ")):
            continue
        if quals and not (org in quals or (org and gaz.state_of(org) in quals)):
            continue
        people.add(who)
    if not people and quals:
        # "China Bantah Tuduhan Menlu AS" over a story that names "Menteri Luar Negeri AS Mike Pompeo" further on:
        # the one person the article gives that title of that side (a side named: a bare "Menteri" stays open)
        people = {who for title, org, who in state.titled if (t := same_title(title.lower())) and
                  (t == phrase or t.startswith(phrase + " ")) and (org in quals or gaz.state_of(org) in quals)}
    return next(iter(people)) if len(people) == 1 else None


def described_person(units: list[Unit], i: int, d: int, last_per: str, state: State) -> str | None:
    """Whom a definite description at ``i``..``d`` means: the person the article is about, or, where it
    names a state or body ("Menlu RI itu", "Kepala negara Lituania itu"), the last person of that side."""
    quals = {k for v in units[i + 1:d] if v.etype in ("GPE", "ORG") for k in v.keys}
    held = {p for w, p in state.title_words if w == units[i].low} if units[i].has("RoleTitle") else set()
    if not quals:  # ("Trump menjamu sang putra mahkota": the one the article titled so, the latest named)
        return last_per if not held or last_per in held else next((p for p in reversed(state.recent) if p in held),
                                                                  next(iter(held)) if len(held) == 1 else None)
    gaz = gazetteer()
    for p in dict.fromkeys([last_per, *reversed(state.recent)]):  # the most recent first
        if p not in state.entities or state.entities[p].type != "PER":
            continue
        home = home_of(p, state)
        if home and (home in quals or (gaz.state_of(home) or home) in quals):
            return p
    # "AS menyanksi Bidzina Ivanishvili. Washington menuduh pendiri partai Georgian Dream itu …": a body of the last
    # person's own state, new to the reader, describes him (not a spokesman's office, whose holder is someone else)
    home = home_of(last_per, state) if not units[i].has("SourceNoun") else None
    # ("Diplomat asal Djibouti itu": a state after a noun of origin tells where he is from, new to the reader too)
    origin = all(units[v.i - 1].has("OriginNoun") for v in units[i + 1:d] if v.etype in ("GPE", "ORG"))
    return last_per if origin or home and (gaz.state_of(home) or home) in {gaz.state_of(q) for q in quals} else None
