"""Role titles: "TITLE [ORG/GPE] … PERSON" and "PERSON, TITLE ORG," phrases. Marks the actors inside a
title (they are not subjects) and gives the person its (title, organisation) before any rule runs."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE, POSSESSIVE, cues
from kg.extract.clause import agent_at, boundary, left_subject, prep_is, prev_unit
from kg.extract.titlewords import (
    TITLE_CASE,
    bare_aide,
    former_apposed,
    group_before,
    named_aide,
    named_next,
    numbered_decree,
    one_of,
    past_ticket,
    portfolio_list,
    portfolio_to_name,
    second_title,
    server_before,
    unnamed_aide,
)
from kg.units import CLOSE_QUOTES, OPEN_QUOTES, STOP_PUNCT, Unit, skip_span


def title_opens_with(title: str, cls: str) -> bool:
    """Whether a title opens with a word or phrase of cue class ``cls`` ("Juru bicara …": SourceNoun, "Duta Besar
    …": EnvoyTitle)."""
    words = title.lower().split()
    c = cues()
    return bool(words) and (cls in c.classes(words[0]) or any(k == cls for _, k, _ in c.match_phrase(words, 0)))


def mark_roles(units: list[Unit], text: str) -> None:
    """Find "TITLE [ORG/GPE] … PERSON" and "PERSON, TITLE ORG," phrases; mark actors inside titles."""
    i = 0
    # only a title or a source noun opens a phrase (the tests below find nothing at any other word)
    for t in [u.i for u in units if u.cls and ("RoleTitle" in u.cls or "SourceNoun" in u.cls or "MemberNoun" in u.cls)]:
        if t < i:
            continue  # inside the phrase just read
        i = t
        u = units[i]
        # "Brian Nelson, pejabat Departemen Keuangan AS, …": a source noun set off after a name is its title
        source = not u.has("RoleTitle") and u.has("SourceNoun") and i >= 2 and units[i - 1].text == "," \
            and units[i - 2].etype == "PER"
        # "Seki Hei, anggota Majelis Tinggi Jepang", "anggota Kongres AS Joe Wilson": a member of the body named
        # right after the word holds a seat in it (no title of its own elsewhere: "13 anggota Dewan Keamanan")
        member = not u.has("RoleTitle") and u.has("MemberNoun") and i + 1 < len(units) \
            and units[i + 1].etype == "ORG"
        if u.etype or not (u.has("RoleTitle") or source or member) or \
                (i > 0 and units[i - 1].has("RoleTitle") and not units[i - 1].etype):
            i += 1
            continue
        j = skip_span(units, i, "SourceNoun" if source else "MemberNoun" if member else "RoleTitle")
        prev = units[i - 1] if i > 0 else None
        # a title opens a phrase after a boundary, a quote, a comma or "dan" ("…, dan CEO Vantor, Dan Smoot"), or
        # a list's introducer ("Delegasi itu termasuk Menteri Pertahanan, X")
        # (also after a person noun opening the clause: "Mantan Menteri Luar Negeri (Menlu), X")
        if prev is not None and not prev.etype and prev.has("PersonNoun") and (i < 2 or boundary(units[i - 2])):
            prev = units[i - 2] if i >= 2 else None
        at_start = prev is None or boundary(prev) or prev.text in OPEN_QUOTES | CLOSE_QUOTES | {","} \
            or prev.has("Conjunction") or any(units[m].has("ListIntro") and not units[m].etype
                                              and m + units[m].span.get("ListIntro", 1) == i
                                              for m in range(max(0, i - 3), i))
        org = person = None
        inner: list[int] = []
        # "Phil Davidson, mantan kepala Komando Indo-Pasifik AS, Mao menegaskan …": a title set off after a name
        # by a comma and a word of the person (kg:PersonNoun, "mantan") is that name's; the next name is no holder
        apposed = former_apposed(units, i)
        qualified = -1  # where a qualifier ended the title ("Menteri Luar Negeri saat itu, Marcelo Ebrard")
        while j < len(units) and j < i + 14:
            v = units[j]
            if v.etype == "PER" and not v.paren:
                person = None if numbered_decree(units, i, j) else past_ticket(units, j, text)
                break
            if v.etype in ("ORG", "GPE"):
                # (not the state a scholar studies: "profesor studi China di Universitas X")
                if not v.paren and not (v.etype == "GPE" and not units[j - 1].etype and units[j - 1].has("FieldNoun")):
                    inner.append(j)
                j += 1
                continue
            if v.etype == "LOC" or v.text in ("-", "–") and j + 1 < len(units) and units[j - 1].etype == "LOC" and \
                    units[j + 1].etype in ("GPE", "LOC"):  # "Kepala Urusan Asia-Oseania Kementerian Luar Negeri …"
                j += 1  # the region of an expert or envoy: "pengamat Sahel dari …", "utusan khusus Timur Tengah"
                continue
            if v.etype == "WEAPON" and not units[j - 1].etype and units[j - 1].has("OrgHead"):
                j += 1  # "komandan Komando UAV Korps Garda Revolusi Islam": a command named by its weapon
                continue
            if v.text in ("(", ")") or v.has("Rank") or v.has("RoleTitle"):
                j = skip_span(units, j, "Rank") if v.has("Rank") else j + 1
                continue
            if v.has("TitleQualifier"):  # "presiden sementara Suriah", "Menteri Pertahanan Israel saat itu, …"
                j = qualified = skip_span(units, j, "TitleQualifier")
                continue
            nxt = j + 1
            while nxt < len(units) and not units[nxt].etype:
                if units[nxt].has("Rank"):
                    nxt = skip_span(units, nxt, "Rank")  # "pemimpin junta, Jenderal (Senior) Abdourahamane Tchiani"
                elif units[nxt].text == "(" and nxt > j + 1 and nxt + 2 < len(units) and \
                        units[nxt + 1].has("Rank") and units[nxt + 2].text == ")":
                    nxt += 3  # "Duta Besar Ethiopia untuk Kenya, Jenderal (Purn) Bacha Debele"
                else:
                    break
            if v.text == "," and not inner and portfolio_list(units, j):
                j += 1  # "Menteri Pertanian, Kehutanan dan Perikanan Jepang X": a list of portfolios
                continue
            if v.text == "," and nxt < len(units) and units[nxt].etype == "PER" and \
                    (at_start or inner or nxt > j + 1 or qualified == j or units[j - 1].low.endswith(POSSESSIVE)) \
                    and not _closes_fronted(units, i, nxt) and not apposed:
                # (also "dikonfirmasi oleh juru bicaranya, Bertalan Havasi": a possessed title names its holder)
                j += 1  # "Koordinator NSC untuk komunikasi strategis, John Kirby …", "Menteri Perdagangan Myanmar, Than"
                continue
            if v.has("Conjunction") and j + 1 < len(units) and not units[j + 1].etype and units[j + 1].text.isalpha() \
                    and units[j + 1].text[:1].isupper() \
                    and not (_name_follows(units, j + 1) and not units[j + 1].has("TitleQualifier")) \
                    and (all(c in TITLE_CASE for c in units[j + 1].cls)
                         or units[j + 1].span.get("TitleQualifier", 1) > 1 or _state_then_name(units, j + 2)):
                # "Asisten Menteri Urusan Keamanan dan Militer UEA, Salem Aljaberi": a title in title case; a
                # portfolio word may end it right before the name ("Menteri … Kemaritiman dan Investasi Luhut …",
                # "Menteri Energi dan Sumber Daya Mineral Arifin Tasrif")
                j += 1
                continue
            if v.has("TitleConj") and j + 1 < len(units) and units[j + 1].has("RoleTitle") and not units[j + 1].etype:
                j += 1  # "Wakil Perdana Menteri merangkap Menteri Luar Negeri Pakistan": two titles, one person
                continue
            if v.has("TitleConj"):
                break  # "X, presiden Majelis Y sekaligus tokoh berpengaruh …": a description, no title, goes on
            if v.has("Conjunction") and not inner and _lower_portfolio(units, j + 1):
                j += 1  # "X, asisten menteri urusan keamanan dan militer UEA,": a title written in lower case
                continue
            if v.has("LocativePrep", "SourcePrep", "PostPrep") and j + 1 < len(units) and units[j + 1].etype == "ORG":
                j += 1  # "Direktur Komunikasi Strategis di Kementerian Luar Negeri UEA, Afra Al Hameli"
                continue
            if v.has("LocativePrep") and inner and (u.has("EnvoyTitle") or at_start and units[j - 1].etype == "ORG") and \
                    j + 2 < len(units) and (units[j + 2].text == "," or named_next(units, j + 2)) and \
                    (units[j + 1].etype in ("GPE", "LOC") or not units[j + 1].etype and units[j + 1].text.istitle()):
                # "Duta Besar Prancis di Athena, Laurence Auer", "Juru bicara Kedubes Rusia di Tokyo, Andrei
                # Fedorov": where the envoy or the body serves, then the name (a body's title opening the phrase:
                # not "di sela Pertemuan Menhan ASEAN di Kuala Lumpur, Sjafrie …")
                j += 1
                continue
            if v.has("ClaimTopicPrep") and inner and inner[-1] == j - 1 and (c := _topic_to_name(units, j)) is not None:
                j = qualified = c  # "Pelapor Khusus PBB tentang situasi HAM di Myanmar, Tom Andrews": the brief
                continue
            if v.has("PurposeConj") and (k := portfolio_to_name(units, j)) is not None:
                j = k  # "Wakil Menteri Keuangan AS untuk Terorisme dan Intelijen Keuangan Brian Nelson"
                qualified = k if units[k].text == "," else qualified  # ("… untuk Urusan Asia, Deng Xijun")
                continue
            if v.has("Preposition") and not v.has("PurposeConj"):
                break  # "perjalanan menlu Korea Utara ke Rusia, Miller …": not a title any more
            if v.has("Demonstrative") and j + 2 < len(units) and units[j + 1].text == "," and units[j + 2].etype == "PER" \
                    and (units[j - 1].has("StateBody") or (g := group_before(units, j)) is not None):
                inner += [] if units[j - 1].has("StateBody") else [g]  # "pemimpin kelompok paramiliter itu, X": the group
                j += 1  # "Juru bicara kementerian itu, Esmaeil Baghaei": of the body told before (the role rule)
                continue
            if v.has("Relativizer") and j + 1 < len(units) and units[j + 1].has("TenureAdj") and \
                    (e := skip_span(units, j + 1, "TenureAdj")) + 1 < len(units) and units[e].text == "," \
                    and units[e + 1].etype == "PER":
                j = qualified = e  # "Menteri Pertahanan Rusia yang baru, Andrei Belousov": the title goes on
                continue
            if v.has("Demonstrative", "Relativizer"):
                # "Menlu Iran itu kembali mengundang Retno": a description, not a title of Retno; "Catherine
                # West, menteri Inggris yang membidangi …": a relative clause goes on describing the person
                break
            if v.etype or v.text in STOP_PUNCT or v.text in (",", "-", "–", "—") or v.text in OPEN_QUOTES \
                    or v.text in CLOSE_QUOTES or v.has("Conjunction", "ClauseBoundary", "Complementizer") \
                    or v.is_verb():  # "Presiden didampingi Menlu X", "Presiden mengutus Menhan X": two phrases
                break
            j += 1
        if person is not None and (a := _advised(units, i, person, inner)) is not None:
            # "Hikmet Hajiyev, penasihat kebijakan luar negeri Aliyev, …": the name set off before the title holds
            # it, in the state or body of the person it ends on (who keeps a title of their own written in it:
            # "…, penasihat Pemimpin Tertinggi Iran Ali Khamenei, …")
            org = _title_org(units, inner)
            for k in inner:
                units[k].title = True
            units[a].role = role_span(units, i, -1 - person if org is None else org, person, text)
            own = next((k for k in range(i + 1, person) if units[k].has("RoleTitle") and not units[k].etype), None)
            if own is not None and not units[person].role:
                units[person].role, units[person].title_at = role_span(units, own, org, person, text), own
            i = person + 1
            continue
        if person is not None and (aide := bare_aide(units, i, person)) is not None:
            for k in [*inner, person]:
                units[k].title = True  # the leader whose aide the sentence tells of: no party of it
            if aide != person:  # the aide serves the leader's state (the role rule)
                units[aide].role, units[aide].title_at = (text[u.start:units[person - 1].end], person), i
            i = aide + 1
            continue
        if person is not None and (aide := named_aide(units, i, person)) is not None:
            # "Juru bicara Presiden Rusia Vladimir Putin, Dmitry Peskov": the first title is the name's after
            # the comma, the second the person's it ends on
            org = _title_org(units, inner)
            for k in inner:
                units[k].title = True
            units[person].title = True  # the principal is named inside the aide's title, no party of the clause
            if aide[0] == person - 1 and units[aide[0]].has("GovernmentNoun"):
                # the leader holds no title here; the aide serves the leader's state (the role rule)
                units[aide[1]].role, units[aide[1]].title_at = (text[u.start:units[aide[0]].end], person), i
                i = aide[1] + 1
                continue
            units[person].role, units[person].title_at = role_span(units, aide[0], org, person, text), aide[0]
            # (a title naming no body: the aide serves the leader's state, as the role rule finds it)
            units[aide[1]].role = (text[u.start:units[aide[0] - 1].end], person if org is None else org)
            units[aide[1]].title_at = i
            i = aide[1] + 1
            continue
        if person is not None and (lead := unnamed_aide(units, i, person)) is not None:
            org = _title_org(units, inner)
            for k in inner:
                units[k].title = True
            units[person].title = True  # the leader whose unnamed aide the sentence tells of: no party of it
            if not units[person].role:
                units[person].role, units[person].title_at = role_span(units, lead, org, person, text), lead
            i = person + 1
            continue
        if person is not None:
            org = _title_org(units, inner)
            for k in inner:
                units[k].title = True
            if org is None and any(units[k].low.endswith(POSSESSIVE) for k in range(i, person) if not units[k].etype):
                # "Juru bicaranya, X": of the body just named (in an earlier sentence: the role rule looks)
                # (not a place travelled to or from: "Kunjungan Presiden Brasil Lula ke Beijing … oleh juru
                # bicaranya, X" is the person's, whose office the role rule finds)
                # (nor the state of another's title: "memanggil dubes Kenya dan menarik pulang duta besarnya untuk
                # Kenya, X" is Kinshasa's envoy)
                near = [k for k in range(i - 1, -1, -1) if units[k].etype in ("ORG", "GPE")
                        and not prep_is(units, k, "GoalPrep", "LocativePrep", "SourcePrep")
                        and not (k > 0 and not units[k - 1].etype and units[k - 1].has("RoleTitle"))]
                org = next((k for k in near if units[k].etype == "ORG"), None)  # a firm before its state
                org = org if org is not None else next((k for k in near if units[k].etype == "GPE"), None)
                org = -1 - org if org is not None else None  # outside the title: not marked
            elif org is None and (k := _from_body(units, person)) is not None:
                org = -1 - k  # "Juru bicara Ahmad dari Kementerian Pertahanan Malaysia": the body after the name
            elif org is None and (b := prev_unit(units, i)) is not None and b.etype in ("ORG", "GPE"):
                org = -1 - b.i  # "Korea Utara pimpinan Kim Jong Un", "Tentara Nasional Libya (LNA) pimpinan Haftar"
                if b.etype == "GPE" and b.i > 1 and units[b.i - 1].has("LocativePrep") \
                        and (a := prev_unit(units, b.i - 1)) is not None and a.etype == "ORG":
                    org = -1 - a.i  # "Pemerintah Kesepakatan Nasional (GNA) di Tripoli pimpinan …": the body's seat
            role = role_span(units, i, org, person, text)
            # "dua komandan senior Houthi, A dan B": a list set off by a comma shares the title; not
            # "Presiden Rusia Vladimir Putin dan Kim …", where the title is Putin's alone
            listed = units[person].group if units[person - 1].text == "," else (person,)
            for m in listed or (person,):
                if m < person:
                    continue  # "…, Wapres Vietnam, A; Wapres Myanmar, B": a title goes to the names after it
                if m > person and any(v.has("RoleTitle") and not v.etype for v in units[person + 1:m]):
                    break  # "…, Abbas Araghchi, dan Menteri Pertahanan Turki, Yasar Guler": a title of his own
                if units[m].etype == "PER" and not units[m].role:
                    units[m].role, units[m].title_at = role, i
            i = person + 1
            continue
        # appositive: "Andrii Yusov, perwakilan Intelijen Pertahanan, …"
        # (set off by a comma or ending the sentence: "Usai bertemu Erdogan, Kepala Negara menyatakan …"
        # opens a new clause whose subject is the title)
        closed = j >= len(units) or not units[j].is_verb() or units[j].has("Relativizer")
        serving = False  # the name is set off by a comma or a verb of serving, not by any word
        b = i - 2 if apposed else i - 1  # "Benny Gantz, yang kala itu menjabat Menhan Israel, …": apposition as a clause
        # ("menjadi" too: becoming what a title names is holding that office; this runs only where a title follows)
        while b > 1 and not units[b].etype:
            # a word of "menjabat", "kala itu" …, or the last word of such a phrase
            start = next((k for k in range(b, max(-1, b - 3), -1) if units[k].has("ServeVerb", "Copula", "BecomeVerb")
                          and k + units[k].span.get("ServeVerb", 1) > b), None)
            if start is None:
                break
            b = start - 1
        if b < i - 1 and units[b].has("Relativizer"):
            b -= 1
        elif (h := server_before(units, i)) is not None and (units[h].etype == "PER" or units[h].has("Pronoun3")) \
                and not units[h].role \
                and not (h >= 1 and "LabelPassive" in units[h - 1].cls):  # (not "yang dijuluki X sebagai …": X labels)
            # "Rustam Umerov selaku Menteri Pertahanan Ukraina", "X adalah pemimpin Hamas", "sejak X menjadi presiden
            # Chile", "X pernah menjabat menteri luar negeri Sudan": the title at once
            b, closed, serving = h + 1, True, True
        elif i >= 3 and units[i - 1].has("ServeVerb") and units[i - 1].span.get("ServeVerb", 1) == 1 \
                and units[i - 2].text == "," and units[i - 3].etype == "PER" and not units[i - 3].role:
            b, closed = i - 2, True  # "Anwar Ibrahim, selaku Ketua ASEAN tahun ini, …"
        elif b == i - 1 and (k := one_of(units, i)) is not None:
            b = k  # "X, seorang petinggi RSF, …", "X, salah satu pemimpin …": one of the body's, set off as a title is
        elif b == i - 1 and b >= 3 and units[b].has("TitleConj") and units[b - 1].has("PersonNoun", "KinNoun") and \
                not units[b - 1].etype and units[b - 2].text == ",":
            b -= 2  # "Rosario Murillo, istri sekaligus Wakil Presiden Nikaragua, …": a second title, set off as well
        elif b < i - 1 and not apposed:
            b = -1  # time words without "yang" are no apposition
        # (not "… dilakukan Retno dengan Wakil Menlu Afghanistan", "Hasan menemui Kepala Staf AD Pakistan di …": a title
        # after a preposition or a verb is another's)
        h = units[b - 1] if b >= 1 else None  # (titled before the name: a second title of its own body)
        if h and (units[b].text == "," or serving) and closed and (h.etype == "PER" or serving and h.has("Pronoun3")) \
                and (not h.role or h.title_at is not None and second_title(units, i, j, _title_org(units, inner))):
            org = _title_org(units, inner)
            end = units[j - 1].end if j - 1 >= i else u.end
            for k in inner:
                units[k].title = True
            value = (text[u.start:end].strip(" ,"), org)  # (no organisation named: the role rule looks it up)
            h.also, h.role = (value, h.role) if h.role else (None, value)
        i += 1


def mark_leaders(units: list[Unit], text: str) -> None:
    """"NRF dipimpin Jenderal Tareq Saleh", "delegasi Armenia yang dipimpin Kolonel Mher Israelyan": the
    agent of a passive verb of leading holds a role in the body or state the verb is told of (titled by
    the rank written with the name, else by the verb)."""
    for u in units:
        if not u.etype and u.cls.get("LeadVerb") == ACTIVE:
            _lead_holder(units, u.i)
            continue
        if u.etype or u.cls.get("LeadVerb") != PASSIVE:  # (u.voice("LeadVerb"), without the call)
            continue
        k = agent_at(units, u.i)
        if k < len(units) and u.i >= 3 and units[u.i - 1].has("Relativizer") and units[u.i - 2].text == ",":
            # "IAI, yang dipimpin X, mantan Menhan Israel": the body set off by a comma, which the role rule gives
            # X beside the office of his own title ("delegasi Kongres AS yang dipimpin X" leads no Congress)
            units[k].led = (u.i - 3, u.i)
        first, inner = k, None
        # past ranks and titles ("dipimpin Wakil Menteri Kim", "dipimpin Menlu Jepang X": Japan is his body)
        while k < min(len(units), first + 8) and not units[k].paren and (
                units[k].etype in ("ORG", "GPE") and k > first or
                not units[k].etype and units[k].has("Rank", "RoleTitle", "TitleQualifier")):
            inner = k if units[k].etype and inner is None else inner
            k += 1
        # (a title naming no body leaves the role's body open: the led body fills it)
        if k >= len(units) or units[k].etype != "PER" or units[k].role and units[k].role[1] is not None or \
                units[k].paren:
            continue
        j = left_subject(units, u.i)
        if j is None or units[j].etype not in ("ORG", "GPE"):
            continue
        if any(units[m].has("RoleTitle") for m in range(first, k)) and j > 0 and \
                not (boundary(units[j - 1]) or units[j - 1].has("DelegationNoun")):
            continue  # a title is his own, not one in "rombongan pengusaha Jepang" (no body led)
        title = text[units[first].start:units[k - 1].end] if k > first else u.text
        units[k].role, units[k].title_at = (title, j if inner is None else inner), first if k > first else u.i


def _lead_holder(units: list[Unit], i: int) -> None:
    """"Mohamed Hamdan Dagalo, yang memimpin Pasukan Dukungan Cepat (RSF), …": a person whom a relative clause
    says leads the body or state named right after its verb holds a role there, titled by the verb."""
    o = i + 1
    if o >= len(units) or units[o].etype not in ("ORG", "GPE") or units[o].paren or i < 2 or \
            not units[i - 1].has("Relativizer") or units[i - 1].etype:
        return
    p = i - 2 if units[i - 2].text != "," else i - 3
    if p >= 0 and units[p].etype == "PER" and not units[p].role and not units[p].paren:
        units[p].role = (units[i].text, o)


def mark_ranked(units: list[Unit], text: str) -> None:
    """"Brigjen U.G. Ogeleka dari Angkatan Darat Nigeria", "Kolonel X dari TNI AU": a rank written with a name
    and the body named after it with "dari" give a role in that body, titled by the rank."""
    for u in units:
        if u.etype != "PER" or u.role or u.paren or not u.i or (k := _from_body(units, u.i)) is None:
            continue
        first = u.i
        while (r := next((j for j in range(first - 1, max(-1, first - 4), -1) if not units[j].etype
                          and units[j].has("Rank") and j + units[j].span.get("Rank", 1) == first), None)) is not None:
            first = r  # back over each rank, one word or more ("Laksamana Muda", "Brigjen")
        if first < u.i:
            u.role, u.title_at = (text[units[first].start:units[u.i - 1].end], k), first


def _from_body(units: list[Unit], person: int) -> int | None:
    """The organisation named with "dari" right after the person at ``person``, else None."""
    k = person + 1
    if k + 1 < len(units) and units[k].has("SourcePrep") and not units[k].etype and units[k + 1].etype == "ORG" \
            and not units[k + 1].paren:
        return k + 1
    return None


def rank_body(units: list[Unit], person: int) -> int | None:
    """The force a rank written right before the name names ("Asisten Operasi Mayjen TNI X", "Kapuskersin TNI
    Marsma TNI X"): the officer's body where nothing else tells it; not a retired officer's ("Letjen TNI (Purn)")."""
    found = None
    k = person - 1
    while k >= 0 and (units[k].text in ("(", ")", ".") or units[k].etype == "ORG" or not units[k].etype
                      and units[k].has("Rank")):
        v = units[k]
        if not v.etype and v.has("Rank"):
            if v.has("RetiredMark"):
                return None
            end = skip_span(units, k, "Rank")
            found = next((m for m in range(k + 1, min(end, person)) if units[m].etype == "ORG"), found)
        k -= 1
    return found


def _advised(units: list[Unit], t: int, person: int, inner: list[int]) -> int | None:
    """The name before ", SPEAKER-NOUN … PERSON," whose title ends on another person, written with no comma
    before them (an adviser or spokesman of that person), else None. Not a list ("A, juru bicara Gedung Putih
    John Kirby"): a body named before any title of the person ended on is the title's own."""
    c = t - (2 if former_apposed(units, t) else 1)  # "John Bolton, mantan penasihat keamanan nasional Trump": the same
    if c < 1 or units[c].text != "," or units[c - 1].etype != "PER" or units[c - 1].role \
            or not units[t].has("SourceNoun") or units[person - 1].text == "," \
            or person + 1 < len(units) and units[person + 1].text not in STOP_PUNCT | {","}:
        return None
    own = next((k for k in range(t + 1, person) if units[k].has("RoleTitle") and not units[k].etype), person)
    if own == person and all(v.text[:1].isupper() for v in units[t:person]):
        return None  # "A, Penasihat Keamanan Nasional Mike Waltz, …": a formal title in title case is the next name's
    return None if any(k < own for k in inner) else c - 1


def _lower_portfolio(units: list[Unit], k: int) -> bool:
    """Whether one or two lower-case portfolio words at ``k`` (after "dan") run on to a body or a name: "asisten
    menteri urusan keamanan dan militer UEA", "wakil menteri keuangan untuk terorisme dan intelijen keuangan X"."""
    n = 0
    while n < 2 and k + n < len(units) and not (w := units[k + n]).etype and w.text.isalpha() and w.text.islower() \
            and not w.is_verb() and (w.has("TitleQualifier") or w.cls and all(c in TITLE_CASE for c in w.cls)):
        n += 1
    return n > 0 and k + n < len(units) and units[k + n].etype in ("ORG", "GPE", "PER") and not units[k + n].paren


def _topic_to_name(units: list[Unit], j: int) -> int | None:
    """The comma before the name after a title's brief ("… tentang situasi hak asasi manusia di Myanmar, X"):
    lower-case words, perhaps where, then a comma and a person; None where anything else comes first."""
    for m in range(j + 1, min(len(units), j + 10)):
        v = units[m]
        if v.text == "," and m > j + 1 and m + 1 < len(units) and units[m + 1].etype == "PER":
            return m
        if v.etype in ("GPE", "LOC") and (m == j + 1 or units[m - 1].has("LocativePrep")) or \
                v.has("LocativePrep") and not v.etype:
            continue  # "… soal Iran, X", "… di Myanmar, X"
        if v.etype or not (v.text.isalpha() and v.text.islower()) or v.is_verb():
            return None
    return None


def _closes_fronted(units: list[Unit], t: int, name: int) -> bool:
    """Whether the comma before ``name`` closes a clause a subordinator opened the sentence with, the title at
    ``t`` inside it, and the name begins the main clause: "Setelah pertemuan dengan Menlu Turki, Retno
    melanjutkan …", "Usai bertemu Menlu Rusia, Wang Yi …": the title after a preposition or a verb of meeting is
    the other side's (Retno is no minister of Turkey; "…, Panh Binh Minh." at the sentence's end still is one)."""
    k = 0
    while k < t and (units[k].text in OPEN_QUOTES or units[k].has("Conjunction")):
        k += 1
    if k >= t or not units[k].has("ClauseBoundary") or units[k].etype or any(v.text == "," for v in units[k:t]):
        return False
    before = units[t - 1]
    if before.has("ServeVerb") or not before.has("Preposition", "MeetCue", "VisitCue", "HostCue"):
        return False  # "Sebelum diangkat menjadi Perdana Menteri Prancis, X …": the title is the subject's own
    return name + 1 < len(units) and units[name + 1].text not in STOP_PUNCT | {",", "(", ")"}


def _state_then_name(units: list[Unit], k: int) -> bool:
    """Whether the title's state or body stands at ``k`` with its holder right after: then the one capitalised word
    before it, after "dan", is a portfolio however the lexicon knows it ("Menteri Luar Negeri dan Diaspora Kenya
    Musalia Mudavadi", "Menteri Perdagangan dan Pasokan Sudan X")."""
    return k + 1 < len(units) and units[k].etype in ("GPE", "ORG") and not units[k].paren and units[k + 1].etype == "PER"


def _name_follows(units: list[Unit], j: int) -> bool:
    """Whether a person follows unit ``j`` at once (a capitalised word before a name may be a rank
    or a first name the tagger missed): then "dan" joins two phrases, not two words of one title."""
    return j + 1 < len(units) and units[j + 1].etype == "PER"


def _title_org(units: list[Unit], inner: list[int]) -> int | None:
    """The body or state a title belongs to: an organisation before a state, but never what follows
    "untuk" ("Duta Besar Rusia untuk PBB": Russia's ambassador, to the UN)."""
    # ("duta besarnya untuk Kenya", "Utusan Khusus untuk Afghanistan": the title names no state of its own)
    # nor what follows "di" after a state: "Wakil Duta Besar Pyongyang di PBB" is North Korea's envoy, posted there
    cut = next((k for k in range(inner[0] - 1, inner[-1]) if units[k].has("PurposeConj") or units[k].has(
        "LocativePrep") and any(units[m].etype == "GPE" for m in inner if m < k)), None) if inner else None
    own = [k for k in inner if cut is None or k < cut]
    orgs = [k for k in own if units[k].etype == "ORG"] or own
    if len(orgs) > 1 and "SubunitNoun" in cues().classes(units[orgs[0]].low.split()[0]):
        orgs = orgs[1:]  # "komandan Divisi 3 RDF": the force the division belongs to
    return orgs[0] if orgs else None


def role_span(units: list[Unit], t: int, org: int | None, person: int, text: str) -> tuple[str, int | None]:
    """(title as written, index of its organisation or state; negative: outside the title; None: the
    title names none, as in "Presiden Donald Trump")."""
    start = units[t].start
    k = person - 1  # the title ends before the rank written with the name ("…, Jenderal (Purn) Bacha Debele")
    while k > t and (units[k].text in ("(", ")", ",") or units[k].has("Rank") or units[k].paren
                     or units[k].etype and units[k - 1].has("Rank") and skip_span(units, k - 1, "Rank") > k):
        k -= 1  # (and the force a rank names: "Laksdya TNI")
    if org is None or org < 0:  # the whole title up to the name ("duta besarnya untuk Kenya, John Nyakeru")
        return (_closed(text, start, units[k].end), None if org is None else -1 - org)
    real = org
    tail = [v for v in units[org + 1:person] if not v.etype and not v.has("Rank") and v.text not in ("(", ")", ",")
            and not any(v.start >= r.start and v.end <= r.end + 40 and r.has("Rank") for r in units[org + 1:person]
                        if r.has("Rank") and r.start <= v.start and v.start < r.start + 30)]
    if tail:
        return (_closed(text, start, units[max(k, org)].end), real)
    head = [v for v in units[t:org] if v.start >= start]
    # "Direktur … di [Kementerian …]", "analis dari [RAND]", "… pada [Kementerian …]"
    while head and head[-1].has("LocativePrep", "SourcePrep", "PostPrep"):
        head.pop()
    return (text[start:head[-1].end if head else units[org].start].strip(" ,"), real)


def _closed(text: str, start: int, end: int) -> str:
    """The title written from ``start`` to ``end``, with the bracket it opened closed where the text closes it
    ("Kepala Staf Angkatan Laut (KSAL) Laksamana X": the acronym is part of the title, its bracket too)."""
    title = text[start:end].strip(" ,")
    if title.count("(") > title.count(")") and text[end:end + 1] == ")":
        title += ")"
    return title
