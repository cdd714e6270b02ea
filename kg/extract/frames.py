"""Who speaks: the speaker of a quotation, of "kata X" / "menurut X", and the frames of reported speech and belief
a sentence holds (:class:`kg.extract.context.Frame`). Split from :mod:`kg.extract.discourse`, which resolves
pronouns and anaphors with them."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE, POSSESSIVE, cues, passive_prefixed
from kg.extract.antecedents import named_before, said_by_person
from kg.extract.claims import judged_by
from kg.extract.clause import actor_keys, agent_at, clause_left, left_subject
from kg.extract.context import Frame, State
from kg.extract.descriptions import description_end
from kg.extract.discourse import described_person
from kg.extract.evidence import evidence_frames
from kg.extract.parties import body_state, outlet
from kg.quotes import Quote
from kg.resolve import gazetteer
from kg.units import ACTORS, CLOSE_QUOTES, OPEN_QUOTES, STOP_PUNCT, Unit, skip_span


def quote_speaker(q: Quote, units_of: list[list[Unit]], state: State) -> tuple[str, ...]:
    if q.kind == "again" and state.last_speaker:
        # "“…,” kata Aoun saat menerima Larijani. “…,” lanjutnya": whoever spoke last goes on, not the last
        # person named
        return state.last_speaker
    if q.kind in ("pronoun", "again"):
        # "katanya": whoever spoke last, or the person the text has just been about
        if state.last_subject and state.last_subject[1] > state.last_speaker_at:
            return (state.last_subject[0],)
        return said_by_person(state)
    if q.kind == "none":
        # a quotation that opens its paragraph with no attribution continues the last speaker's
        # (a quote running over several paragraphs, the speaker named once)
        first = next((units[0].start for units in units_of if units), None)
        if first is not None and q.start - first <= 2:
            return state.last_speaker
        # "Netanyahu kembali menyerang Iran … . "Teheran menyelundupkan …": a quotation after a
        # sentence of its paragraph about a person is that person's
        if first is not None and state.last_subject and first <= state.last_subject[1] < q.start:
            return (state.last_subject[0],)
        return ()
    for units in units_of:
        for u in units:
            if q.kind == "pre" and u.start == q.site:
                j = left_subject(units, u.i)
                return actor_keys(units, j, state) if j is not None else ()
            if q.kind == "name" and u.start >= q.site:
                return speaker_phrase(units, u.i, state) or _group_speaker(u, state)
    return ()


def _group_speaker(u: Unit, state: State) -> tuple[str, ...]:
    """'“…,” tulis mereka', '“…,” kata keduanya': the actors last named together speak (as for a sentence opening
    with "Mereka …"), where that many were (a numeral anaphor counts them); not "pihaknya", one side."""
    if u.etype or not u.has("PronounPlural", "GroupAnaphor", "PersonGroupAnaphor") or u.has("SidePronoun"):
        return ()
    size = cues().group_size.get(u.low)
    return next((g for g in reversed(state.groups) if len(g) > 1 and (size is None or len(g) == size)), ())


def speaker_phrase(units: list[Unit], i: int, state: State, stop: int | None = None) -> tuple[str, ...]:
    """Who a "kata …" names: the first person, else the body or state (an unnamed official); named
    before unit ``stop`` when given."""
    first_actor = None
    while i < len(units) and not units[i].etype and units[i].has("QuoteVerb"):
        i += 1  # '"…," demikian bunyi pernyataan itu': past the words of attribution to the phrase
    if i < len(units) and not units[i].etype and units[i].has("ReportNoun", "StatementNoun"):
        return _document_author(units, i, state)
    if i < len(units) and (described := _described_speaker(units, i, state)) is not None:
        return described
    for j in range(i, min(len(units), i + 14, len(units) if stop is None else stop)):
        u = units[j]
        if u.text in STOP_PUNCT or (u.text == "," and j > i + 1 and first_actor is not None
                                    and not (j + 1 < len(units) and units[j + 1].etype == "PER")):
            break  # not at "kata Duta Besar Nikaragua untuk Belanda, Carlos …": the title's person
        if j == i and u.has("Relativizer"):
            return ()  # "…, klaim yang ditepis Moskow": a noun of saying with its clause, no "kata X"
        if j == i and u.has("Pronoun3", "StatementNoun") and \
                not any(v.is_actor for v in units[j + 1:j + 3]):  # not "demikian pernyataan CENTCOM"
            # (no one spoke yet: "X termasuk pengkritik paling lantang. Menurut dia, …" is the person "dia" means)
            said = u.keys if u.pron == "3" and u.etype == "PER" else ()
            fresh = said and state.last_subject is not None and said == (state.last_subject[0],) and \
                state.last_subject[1] > state.last_speaker_at  # (named as a subject since the last one spoke)
            return said if fresh else state.last_speaker or said
        if u.etype == "PER" and not u.paren and not u.title:  # (not the leader inside an aide's title:
            return actor_keys(units, j, state)               # "kata juru bicara Presiden Rusia Putin, Peskov")
        if u.etype in ACTORS and not u.paren and first_actor is None:
            first_actor = j
    return actor_keys(units, first_actor, state) if first_actor is not None else ()


def _described_speaker(units: list[Unit], i: int, state: State) -> tuple[str, ...] | None:
    """Who a definite description naming no one speaks for ('"…," ujar menteri itu', 'tulis kementerian tersebut',
    'lanjut kepala negara itu'): read before the sentence's own anaphora are, so resolved here, as the discourse
    layer would: the last speaker where it is a person (for a person noun or title) or a body (for an
    organisation noun), else the person the text is about or the last body named; None where it is no such
    description."""
    u = units[i]
    if u.etype or not u.has("PersonNoun", "RoleTitle", "OrgHead", "GroupNoun") or \
            (d := description_end(units, i)) is None or any(v.etype == "PER" for v in units[i:d]):
        return None
    entities = state.entities
    if u.has("PersonNoun", "RoleTitle"):
        spoke = next((k for k in state.last_speaker if k in entities and entities[k].type == "PER"), None)
        last = spoke or (state.last_subject[0] if state.last_subject else state.last_per)
        who = described_person(units, i, d, last, state) if last else None
        return (who,) if who else ()
    if any(v.etype for v in units[i:d]):
        return None  # "tulis kementerian luar negeri X itu": the phrase names its body (speaker_phrase)
    spoke = next((k for k in state.last_speaker if k in entities and entities[k].type == "ORG"), None)
    # (not a body the quotation itself names: '"Penjaga Pantai Filipina mengutuk … Penjaga Pantai China …," tulis
    # lembaga itu')
    lo = next((v.i for v in reversed(units[:i]) if v.quote is not None), -1) + 1
    body = spoke or next((k for k in named_before(units, i, state, "ORG", start=lo) if not outlet(k, state) and
                          ("StateBody" not in u.cls or body_state(k, state))), None)
    return (body,) if body else ()


#: how far after "dari" the author of a report may stand ("laporan dari kelompok hak asasi Amnesty …")
_AUTHOR_REACH = 6


def _document_author(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """Who speaks through the report or statement at ``i`` that a "kata …" names ("demikian bunyi pernyataan
    CENTCOM", "ujar pernyataan yang dikeluarkan HRW"): the actor of its phrase, through a relative clause of
    publishing; an anaphor ("kata laporan itu") means the last report's author, or the last speaker's words."""
    reach = i + 6
    for j in range(i + 1, len(units)):
        v = units[j]
        if j >= reach or v.text in STOP_PUNCT or v.text == ",":
            break
        if not v.etype and v.has("SourcePrep"):
            reach = j + _AUTHOR_REACH  # "laporan terbaru dari kelompok hak asasi Amnesty …": the author's phrase
        if v.is_actor and not v.paren:
            return actor_keys(units, j, state)
        if not v.etype and (v.is_verb() and not v.has("PublishVerb") or
                            v.has("Preposition") and not v.has("AgentPrep", "SourcePrep")):
            break  # "laporan yang menyebut Rusia …", "laporan tentang Rusia": whom it is about, not its author
    if i + 1 < len(units) and units[i + 1].has("Demonstrative"):
        if units[i].keys:
            return units[i].keys
        if units[i].has("ReportNoun") and state.report_author:
            return state.report_author
    return state.last_speaker if units[i].has("StatementNoun") else ()


def _reported_by(units: list[Unit], j: int) -> bool:
    """"Laporan terbaru Panel Ahli PBB menyebut …": the owner of a report or statement speaks through it."""
    k = j - 1
    while k >= 0 and units[k].has("Adjective", "FunctionWord") and not units[k].etype:
        k -= 1
    return k >= 0 and not units[k].etype and units[k].has("AccusationNoun", "StatementNoun", "EvidenceNoun") \
        and not units[k].has("DenyCue", "RejectCue")


#: Verbs that, active, open reported speech or belief: "X mengatakan (bahwa) …", "X yakin …".
REPORTING = ("ReportCue", "BeliefCue", "DemandCue", "WarnCue", "AccuseCue")


#: ``find_frames`` skips a word with none of these in one test (tests/extract/test_guards.py checks
#: that every class it asks a word about is here).
FRAME_CLASSES = frozenset(REPORTING) | {"QuoteVerb", "QuotePronounVerb", "AccordingTo", "Pronoun1", "AllegedCue",
                                          "StanceOpener"}


def find_frames(units: list[Unit], state: State) -> list[Frame]:
    frames: list[Frame] = []
    n = len(units)
    # quotations; in the same pass, the few units the loops below are about
    verbs: list[Unit] = []  # words of a class of FRAME_CLASSES
    according: list[Unit] = []  # units of class AccordingTo
    statements: list[Unit] = []  # statement anaphors
    qi = None
    for u in units:
        if u.quote is not None and u.quote != qi and u.speaker:
            hi = u.i
            while hi < n and units[hi].quote == u.quote:
                hi += 1
            frames.append(Frame(u.speaker, u.i, hi))
        qi = u.quote
        if u.cls:
            if not u.etype and not FRAME_CLASSES.isdisjoint(u.cls):
                verbs.append(u)
            if "AccordingTo" in u.cls or "StanceOpener" in u.cls and u.i == 0:
                according.append(u)  # ("Bagi Korsel, …", "Di mata Teheran, …": only opening the sentence)
            if u.pron == "statement":  # (a statement noun: a word with a cue class)
                statements.append(u)
    # reported speech and belief: "X mengatakan (bahwa) …", "X yakin …", "X meminta Y untuk …"
    for u in verbs:  # a word with none of these classes is no verb of saying
        if u.quote is not None and u.has("Pronoun1"):
            continue
        if ACTIVE in map(u.cls.get, REPORTING):  # (any active REPORTING voice, without a generator or a frame)
            j = left_subject(units, u.i, allow_object=False)
            if j is None or units[j].modifier and not _reported_by(units, j):
                continue  # "upaya 13 anggota Dewan Keamanan untuk meminta …": not the body speaking
            speaker = units[j].keys if units[j].pron == "1" else actor_keys(units, j, state)
            if units[j].pron == "statement" or not speaker:
                speaker = units[j].keys if units[j].pron == "statement" and units[j].has("ReportNoun") else \
                    state.last_speaker
            hi = u.i + 1
            while hi < n and units[hi].quote == u.quote and units[hi].text not in STOP_PUNCT:
                hi += 1
                if hi < n and u.quote is None and (e := _as_quoted(units, hi)) is not None:
                    hi = e  # 'X menyebut langkah Y sebagai "upaya koersif"': the label quoted is X's own words
            if speaker:
                frames.append(Frame(speaker, u.i + 1, hi, u.i))
                if (q := _opened_quote(units, u.i, hi)) is not None:  # 'X menyatakan bahwa "…"': the quote is his
                    frames.append(Frame(speaker, *q, u.i))
                c = next((k for k in range(j - 1, max(0, j - 6), -1) if units[k].is_verb() or units[k].text in STOP_PUNCT
                          or units[k].text == "," or units[k].has("Conjunction", "ClauseBoundary")), 0)
                if c > 0 and units[c].text == "," and u.quote is None and \
                        not any(v.is_verb() for v in units[u.i + 1:hi]):
                    # "Pasukan X menembaki …, Staf Umum Y mengatakan (pada Senin).": a verb of saying with
                    # nothing said after it speaks the clause before the comma
                    frames.append(Frame(speaker, 0, c, u.i))
        # a passive with a person as its agent: "apa yang disebut Abdramane sebagai 'agresi Ukraina'"
        if (PASSIVE in (u.voice("ReportCue"), u.voice("BeliefCue")) or u.has("AllegedCue") and passive_prefixed(u.low)) \
                and u.quote is None:
            a = agent_at(units, u.i)
            if a < n and units[a].etype == "PER" and units[a].is_actor and not units[a].paren:
                hi = a + 1
                while hi < n and units[hi].text not in STOP_PUNCT:
                    hi += 1
                frames.append(Frame(actor_keys(units, a, state), a + 1, hi, u.i))
            elif (a := judged_by(units, u.i)) is not None:  # "Aneksasi itu dicap ilegal oleh UE": UE says what precedes
                frames.append(Frame(actor_keys(units, a, state), clause_left(units, u.i), a - 1, u.i))
        # post-posed attribution without quotation marks: "…, kata Kirby."
        if u.has("QuoteVerb", "QuotePronounVerb") and u.i > 0 and units[u.i - 1].text == "," and u.quote is None and \
                not any(v.text in CLOSE_QUOTES for v in units[max(0, u.i - 3):u.i]):
            speaker = () if u.has("QuotePronounVerb") else speaker_phrase(units, u.i + 1, state)
            if not speaker and (u.has("QuotePronounVerb") or u.i + 1 < n and units[u.i + 1].has("Pronoun3")):
                speaker = _told_of(state)  # "Rusia, katanya, telah …", "…, kata dia.": who the text is about
            if speaker and (e := _inserted_tag(units, u.i)) is not None:
                # "Aghajani, kata Departemen Keuangan, berada di balik serangan …": the tag set inside the clause
                # speaks all of it, and its speaker is no party to it
                for v in units[u.i:e]:
                    v.paren = True
                hi = next((k for k in range(e + 1, n) if units[k].text in STOP_PUNCT), n)
                frames.append(Frame(speaker, 0, hi, u.i))
            elif speaker:
                frames.append(Frame(speaker, 0, u.i - 1, u.i))
    # "Menurut X, …": X is the source of the rest of the sentence
    for u in according:
        if u.has("AccordingTo") and u.quote is None and u.low.endswith(POSSESSIVE):
            # "…, yang menurutnya dapat dipakai …": the person just named says what follows
            p = next((k for k in range(u.i - 1, -1, -1) if units[k].etype == "PER" and not units[k].paren), None)
            speaker = actor_keys(units, p, state) if p is not None else _told_of(state)
            if speaker:
                frames.append(Frame(speaker, u.i + 1, n, u.i))
            continue
        if u.has("StanceOpener") and u.quote is None:
            # "Bagi Korsel dan AS, uji coba itu melanggar …": in whose view the rest of the sentence is told
            j = next((k for k in range(u.i + 1, min(n, u.i + 8)) if units[k].text == ","), None)
            speaker = speaker_phrase(units, skip_span(units, u.i, "StanceOpener"), state, stop=j) if j else ()
            if j is not None and speaker and any(v.has("WrongdoingCue") and not v.etype for v in units[j + 1:]) and \
                    not any(v.has("SupplyCue") and not v.etype for v in units[j + 1:]):
                frames.append(Frame(speaker, j + 1, n, u.i))  # (a view of a wrong only: "Bagi Kyiv, bantuan itu …")
            continue
        if u.has("AccordingTo") and u.quote is None:
            j = next((k for k in range(u.i + 1, min(n, u.i + 10)) if units[k].text == ","), None)
            # the source is named before the comma that closes "Menurut …,": not an actor of the clause after
            p = j + 1 if j is not None else n
            while p < min(n, j + 3 if j is not None else n) and not units[p].etype and units[p].has("Rank"):
                p += 1  # "…, Mayjen X, …"
            if p + 1 < n and units[p].etype == "PER" and not units[p].paren and units[p + 1].text == "," and \
                    any(v.has("RoleTitle") and not v.etype for v in units[u.i + 1:j]):
                # "Menurut Menteri Luar Negeri Iran, Abbas Araghchi, …": the person set off after the title speaks
                speaker, j = actor_keys(units, p, state), p + 1
            else:
                speaker = speaker_phrase(units, u.i + 1, state, stop=j)
            if j is not None and not speaker and any(v.has("StatementNoun", "AccusationNoun") for v in units[u.i + 1:j]) \
                    and any(v.has("Demonstrative") for v in units[u.i + 1:j]):
                speaker = state.last_speaker  # "Menurut laporan setebal 300 halaman tersebut, …": the one just quoted
            if j is not None and speaker:
                frames.append(Frame(speaker, j + 1, n, u.i))
            elif speaker and u.i > 0:  # "…, menurut laporan X." at the end
                frames.append(Frame(speaker, 0, u.i, u.i))
    # headline attribution "Panel PBB: Turki dan UEA Langgar Embargo": who stands before the colon says the rest
    colon = next((k for k in range(min(n, 8)) if units[k].text == ":"), None)
    if colon is not None and units[0].quote is None and not any(v.is_verb() for v in units[:colon]):
        j = next((k for k in range(colon - 1, -1, -1) if units[k].is_actor and not units[k].paren), None)
        # (a headline's bare verb has no verb's shape: "PBB: Israel Lakukan Kejahatan Perang", a wrong named is enough)
        if j is not None and any(v.is_verb() or v.has("WrongdoingCue") and not v.etype for v in units[colon + 1:]) and \
                not _city(units[j]):
            frames.append(Frame(actor_keys(units, j, state), colon + 1, n, colon))
    # "Pernyataan itu adalah …": the statement speaks for whoever made it
    for u in statements:
        if u.pron == "statement" and u.keys:
            frames.append(Frame(u.keys, u.i + 1, n, u.i))
    frames.extend(evidence_frames(units, state))  # "X memiliki bukti bahwa …", "Laporan X menemukan …"
    _end_at_other_speakers(units, frames)
    frames.sort(key=lambda f: (f.lo, -(f.hi - f.lo)))
    return frames


def _inserted_tag(units: list[Unit], v: int) -> int | None:
    """The comma that closes a tag of saying set inside its clause ("S, kata X, P"), where the verb of saying is at
    ``v``: a subject with no verb before the tag and a predicate after it; None for a tag that ends the clause."""
    if any(w.is_verb() for w in units[:v - 1]):
        return None
    e = next((k for k in range(v + 1, min(len(units), v + 16)) if units[k].text in STOP_PUNCT or units[k].text == ","),
             None)
    if e is None or units[e].text != "," or units[e].quote is not None:
        return None
    rest = next((k for k in range(e + 1, len(units)) if units[k].text in STOP_PUNCT or units[k].text == ","), len(units))
    return e if any(w.is_verb() for w in units[e + 1:rest]) else None


def _end_at_other_speakers(units: list[Unit], frames: list[Frame]) -> None:
    """"Hamas menuding Israel …, sementara Israel mengklaim Hamas …": what one says ends at the comma and
    subordinator before another speaker's own verb of saying, whose frame holds the rest."""
    for f in frames:
        for g in frames:
            if f.verb is None or g.verb is None or not f.verb < g.verb < f.hi or set(g.speaker) & set(f.speaker):
                continue
            c = next((k for k in range(g.verb - 1, f.verb, -1) if units[k].text == "," and
                      units[k + 1].has("ClauseBoundary") and not units[k + 1].etype), None)
            if c is not None and units[c].quote is None and left_subject(units, g.verb, allow_object=False) is not None:
                f.hi = min(f.hi, c)


def _city(u: Unit) -> bool:
    """A place below a state before a colon ("Muzaffarabad: Militer India menembaki …"): a dateline, no speaker (a
    capital that speaks, "Moskow: …", is its state already)."""
    gaz = gazetteer()
    return u.etype == "GPE" and bool(u.keys) and all(gaz.below_state(k) for k in u.keys)


def _told_of(state: State) -> tuple[str, ...]:
    """Whom a sentence-opening "Menurutnya" means: the subject of the sentences since the last speaker was named
    ("Caracas menepis tudingan itu. Menurutnya, justru Bogota yang …": the denier), as for "katanya"; else the
    last speaker."""
    if state.last_subject and state.last_subject[1] > state.last_speaker_at:
        return (state.last_subject[0],)
    return state.last_speaker


def _opened_quote(units: list[Unit], v: int, k: int) -> tuple[int, int] | None:
    """The span of a quotation that opens at ``k`` (past a colon) and names no speaker of its own, right
    where the reported clause of the verb of saying at ``v`` stops and right after the verb, "bahwa" or a
    colon ('menyatakan dalam jumpa pers bahwa "Jika …"', 'berkata: "…"'): the speaker of the verb says it
    (not 'X berpendapat, kehadiran Y akan "merusak …"', a phrase quoted inside his own words)."""
    n = len(units)
    if k < n and units[k].text == ":":
        k += 1
    while k < n and units[k].quote is None and units[k].text in OPEN_QUOTES:
        k += 1
    b = _before_marks(units, k, v)
    if b != v and not (units[b].text == ":" or units[b].has("Complementizer")):
        return None
    if k >= n or units[k].quote is None or any(units[j].speaker for j in range(k, n) if units[j].quote == units[k].quote):
        return None
    return k, _quote_end(units, k)


def _as_quoted(units: list[Unit], k: int) -> int | None:
    """The end of a quotation that opens at ``k`` right after "sebagai" and names no speaker of its own
    ('menyebut langkah Y sebagai "upaya koersif"', 'menggambarkannya sebagai "serangan kriminal"'): the label
    a speaker puts on something is his, quoted or not."""
    if units[k].quote is None or units[k - 1].quote == units[k].quote or units[k].speaker:
        return None
    b = _before_marks(units, k, 0)
    if b == k - 1 or units[b].etype or not units[b].has("AsPrep"):
        return None
    return _quote_end(units, k)


def _before_marks(units: list[Unit], k: int, lo: int) -> int:
    """The unit before the opening quotation marks that end right before ``k`` (not before ``lo``)."""
    b = k - 1
    while b > lo and units[b].quote is None and units[b].text in OPEN_QUOTES:
        b -= 1
    return b


def _quote_end(units: list[Unit], k: int) -> int:
    """Where the quotation that ``k`` lies in ends."""
    e, n = k, len(units)
    while e < n and units[e].quote == units[k].quote:
        e += 1
    return e
