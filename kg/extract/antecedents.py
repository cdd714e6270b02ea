"""Antecedents of a plural pronoun that is not a clause's subject: the main clause's subject for one in a
"bahwa" clause, the actors last named together for a verb's object; the person a "katanya" is; and the actors of
a type named before a point, the most recent first (what a description or bare title refers back to); the sides
a group anaphor may mean within its sentence, and the states a "kedua negara" means."""

from __future__ import annotations

from kg.cues import ACTIVE, POSSESSIVE, cues, passive_prefixed, word_is
from kg.extract.clause import actor_keys, clause_left, group_prep, left_subject
from kg.extract.context import State
from kg.extract.parties import body_state, home_state, outlet
from kg.extract.titles import title_opens_with
from kg.extract.titlewords import past_titled
from kg.resolve import gazetteer, home_country
from kg.schema import RELATIONS
from kg.units import Unit, skip_span


def object_group(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The last coordinated actors, for a plural pronoun right after an active verb at ``i``, where they were
    named among the last few actors of the article and the verb's subject is none of them."""
    if not state.groups or i == 0 or units[i - 1].etype or not any(v == ACTIVE for v in units[i - 1].cls.values()):
        return ()
    group = state.groups[-1]
    recent = state.recent[-6:]
    if not all(k in recent for k in group):
        return ()
    j = left_subject(units, i - 1)
    subj = actor_keys(units, j, state) if j is not None else ()
    return () if set(subj) & set(group) else group


def sanctioned_by(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """For a plural pronoun right after an active verb of accusing at ``i``: the parties (no state) its subject,
    or that subject's state, sanctioned in the last earlier sentence that told its sanctions ("… masuk daftar
    sanksi Departemen Keuangan AS. Departemen Keuangan menuduh mereka …": those listed)."""
    if i == 0 or units[i - 1].voice("AccuseCue") != ACTIVE:
        return ()
    j = left_subject(units, i - 1)
    by = set(actor_keys(units, j, state)) if j is not None else set()
    by |= {s for k in by if (s := gazetteer().state_of(k))}
    told = [r for r in state.relations if r.type == "sanctions" and r.args.get("sanctioner") in by]
    last = max((r.sentence for r in told), default=None)
    return tuple(dict.fromkeys(k for r in told if r.sentence == last and (k := r.args.get("target"))
                               and not (k in state.entities and state.entities[k].type == "GPE")))


def main_subject(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The state or body that is the subject of the clause a "bahwa" clause at ``i`` depends on, or the people
    coordinated there ("Presiden A dan PM B mengatakan bahwa mereka …": a plural pronoun, so both of them)."""
    comp = next((v.i for v in units[:i] if v.has("Complementizer")), None)
    verb = next((v.i for v in reversed(units[:comp]) if v.is_verb() and v.cls), None) if comp is not None else None
    j = left_subject(units, verb) if verb is not None else None
    pair = j is not None and units[j].etype == "PER" and len(units[j].group) > 1
    return actor_keys(units, j, state) if j is not None and (units[j].etype in ("ORG", "GPE") or pair) else ()


def subject_state(units: list[Unit], i: int, state: State) -> str | None:
    """The state "negaranya" at ``i`` means in a "bahwa" clause that a state or its body governs ("Rwanda membantah …")."""
    keys = main_subject(units, i, state)
    k = keys[0] if len(keys) == 1 and keys[0] in state.entities else None
    return None if k is None else k if state.entities[k].type == "GPE" else body_state(k, state)


def said_by_person(state: State) -> tuple[str, ...]:
    """Whom "katanya"/"ujarnya" names, where no person was a subject since the last speaker: the last speaker, but
    "-nya" is a person's, so where a body or state reported since ("Sebelumnya, militer X melaporkan bahwa …"),
    the last person in subject position or who spoke, whichever came later."""
    if state.last_speaker and not state.speaker_personal:
        people = [p for p in (state.last_subject, state.person_speaker) if p is not None]
        if people:
            return (max(people, key=lambda p: p[1])[0],)
    return state.last_speaker


def quoted_attackers(state: State, speaker: tuple[str, ...]) -> tuple[str, ...]:
    """Whom a quotation opening with "Mereka" means where the last sentence quoted no one: the doers of the last act
    the article told, where it was an attack and the speaker is not on their side ("Serangan udara X menewaskan
    11 orang. "Mereka membunuh nelayan kami," kata Y")."""
    if not state.acts or state.acts[-1].kind != "AttackCue" or not speaker:
        return ()
    doers = state.acts[-1].doers
    sides = set(speaker) | {h for k in speaker if (h := home_state(k, state))}
    return () if sides & set(doers) else doers


#: how far back (characters) the relation a quoted conditional "mereka" takes up may lie
_COUNTERPART_REACH = 800
#: the relations whose other side a quoted conditional "mereka" may be: argument that acts, argument acted on
#: the two sides of each relation type a quoted "mereka" may stand across (a supply's are its giver and receiver)
_SIDES = {t: (RELATIONS[t].subject, RELATIONS[t].object or "recipient")
          for t in ("warns", "accuses", "sanctions", "supplies")}


def quoted_counterpart(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """Whom a "mereka" at ``i`` in a quoted condition means ('Israel memperingatkan Hizbullah …. "Jika mereka berani
    menyerang kami, mereka akan membayar mahal," kata Menhan Israel'): the other side of the relations the sentence
    just before told with the speaker, or the speaker's state, on one side (the warned, the accused, the target, the
    recipient; or the one that warned them); none where the quotation states no condition."""
    u = units[i]
    if not u.speaker or not any(v.has("ConditionalConj") and v.quote == u.quote for v in units):
        return ()
    gaz = gazetteer()
    sides = set(u.speaker) | {h for k in u.speaker if (h := home_state(k, state))}
    sides |= {org for _, org, who in state.titled if who in u.speaker}  # (a title the role rule has not read yet)
    sides |= {s for k in sides if (s := gaz.state_of(k))}
    last = None
    out: dict[str, None] = {}
    for r in reversed(state.relations):
        if u.start - r.end > _COUNTERPART_REACH or last is not None and r.sentence != last:
            break
        if r.type not in _SIDES:
            continue
        a, b = (r.args.get(n) for n in _SIDES[r.type])
        if not a or not b:
            continue
        near = {a, gaz.state_of(a) or a}, {b, gaz.state_of(b) or b}
        other = b if near[0] & sides and not near[1] & sides else a if near[1] & sides and not near[0] & sides else None
        if other is not None:
            last = r.sentence
            out[other] = None
    return tuple(reversed(out))


def personal(units: list[Unit], lo: int, hi: int) -> bool:
    """Whether a person noun or title tells the speaker named in units ``lo``..``hi`` ("seorang pejabat
    kementerian X", "juru bicara militer X"): a person speaks for the body."""
    return any(not v.etype and v.has("PersonNoun", "RoleTitle") for v in units[max(0, lo):hi])


def recent_of(state: State, etype: str) -> list[str]:
    """Keys of the ``etype`` actors (or types, as "GPE ORG") earlier sentences named, the most recent first."""
    types = etype.split()
    return [k for k in reversed(state.recent) if k in state.entities and state.entities[k].type in types]


def named_before(units: list[Unit], end: int, state: State, etype: str, anaphors: bool = False,
                 start: int = 0) -> list[str]:
    """Keys of the ``etype`` actors named before unit ``end`` of this sentence (from unit ``start`` on), then of those
    earlier sentences named, the most recent first (with ``anaphors``, also what an anaphor here stands for)."""
    types = etype.split()
    here = [v.key for v in reversed(units[start:end]) if v.etype in types and v.key and (anaphors or not v.pron)]
    return here + recent_of(state, etype)


def named_here(units: list[Unit], end: int, state: State) -> tuple[str, ...]:
    """The distinct actors this sentence named before unit ``end``, in order (not a title's or a modifier's
    state, nor a bracketed alias, a pronoun, a news outlet or a place
    after "di", where the sides met or fought): the sides a group anaphor later in the sentence may mean."""
    return tuple(dict.fromkeys(v.key for v in units[:end] if v.etype in ("ORG", "PER", "GPE") and v.key
                               and not v.pron and not v.title and not v.paren and not (v.modifier and v.etype == "GPE")
                               and not outlet(v.key, state)
                               and not (v.etype == "GPE" and v.i > 0 and units[v.i - 1].has("LocativePrep"))))


def states_of(keys: tuple[str, ...], state: State, units: list[Unit], at: tuple[int, ...] = ()) -> tuple[str, ...]:
    """The states ``keys`` are or act for ("kedua negara" after two leaders named: the states they lead), one
    each and all distinct, else none; ``at``: the units naming them in this sentence, whose titles tell a state
    before the role relation does ("PM Thailand X dan PM Kamboja Y ...")."""
    gaz = gazetteer()
    out = []
    for n, k in enumerate(keys):
        home = k if is_state(k, state) else home_state(k, state)
        if (home is None or not is_state(home, state)) and n < len(at) and (role := units[at[n]].role) \
                and role[1] is not None:  # (a title with no state or body of its own: "Perdana Menteri Tony Blair")
            home = units[role[1]].key and (gaz.state_of(units[role[1]].key) or units[role[1]].key)
        if home is None or not is_state(home, state):
            return ()
        out.append(home)
    return tuple(out) if len(set(out)) == len(out) else ()


def is_state(key: str, state: State) -> bool:
    """Whether an entity key is a state (GPE), known in this article or the gazetteer."""
    e = state.entities.get(key)
    g = gazetteer().entries.get(key)
    return (e is not None and e.type == "GPE") or (e is None and g is not None and g.type == "GPE")


def sentence_sides(units: list[Unit]) -> tuple[str, ...]:
    """The pair this sentence sets up as the sides of a conflict or talk, before or after a group anaphor: one
    joined after "antara" ("ketegangan antara A dan B") or by a hyphen ("bentrokan A-B")."""
    for u in units:
        g = u.group
        if g and u.i == g[0] and len(g) >= 2 and all(units[m].key for m in g) and _paired(units, g):
            return tuple(dict.fromkeys(str(units[m].key) for m in g))
    return ()


def _paired(units: list[Unit], g: tuple[int, ...]) -> bool:
    """Whether the coordination at ``g`` is joined after "antara" ("antara A dan B") or by a hyphen ("A-B")."""
    return g[0] > 0 and units[g[0] - 1].has("BetweenPrep") or units[g[0] + 1].text == "-"


def are_sides(units: list[Unit], g: tuple[int, ...]) -> bool:
    """Whether the coordinated actors at ``g`` may be the sides a later "semua pihak" means: joined after "antara"
    or by a hyphen, or with no preposition before them ("Iran dan Israel saling …"; not "di forum seperti A dan B")."""
    u = units[g[0]]
    return u.etype in ("GPE", "ORG", "PER") and (_paired(units, g) or not u.prep)


def own_side(units: list[Unit], i: int, state: State) -> set[str]:
    """Who a group anaphor at ``i`` that is a verb's object can never mean: that verb's subject and the state it
    acts for ("AS … mendesak kedua belah pihak", "PBB menyerukan semua pihak": not the one who urges)."""
    after = next((v for v in units[i + 1:] if v.is_verb() and not v.has("FunctionWord")  # (past "yang dituduh itu")
                  and not units[v.i - 1].has("Relativizer")), None)
    if after is not None and after.voice("DenyCue") == ACTIVE and (told := [g for g in state.accusation_groups if g]):
        return {a for a, _ in told[-1]}  # "… menuduh Korut …. Kedua negara itu menyangkal": not who accused
    verb = next((v.i for v in reversed(units[:i]) if v.is_verb() and v.cls and not v.etype), None)
    if verb is None or verb < clause_left(units, i) or \
            any(v.text == "," or v.etype or v.is_verb() or v.has("Conjunction") for v in units[verb + 1:i]):
        return set()  # (not "X menyerang Y, dan kedua pihak saling menuduh …": the subject of a clause of its own)
    j = left_subject(units, verb)
    subj = actor_keys(units, j, state) if j is not None else ()
    return set(subj) | {h for k in subj if (h := home_state(k, state))}


def clitic_object(units: list[Unit], i: int) -> int | None:
    """The party the object clitic of the active accusation verb at ``i`` ("menuduhnya", "mengecamnya") stands
    for in its sentence: the object of the verb its subject did just before ("Nikaragua menggugat Berlin ke ICJ
    dan menuduhnya …": Berlin, not the court; "menjatuhkan sanksi pada kelompok X, menuduhnya …": X), else, with
    no verb between, the party named last before that subject ("Takaichi membela diri setelah diplomat China
    menuduhnya …": Takaichi). None where the verb wears no clitic or the party is not named here."""
    u = units[i]
    if u.etype or u.voice("AccuseCue") != ACTIVE or not u.low.endswith(POSSESSIVE):
        return None
    j = left_subject(units, i)
    start = (units[j].group[0] if units[j].group else j) if j is not None else 0
    verb = next((v.i for v in reversed(units[start + 1:i]) if v.is_verb() and v.cls and not v.etype
                 and not v.has("FunctionWord")), None) if j is not None and j < i else None
    if verb is not None:
        return next((k for k in range(verb + 1, i) if _object_of(units, k)), None)
    before = [v.i for v in units[:start] if v.is_actor and not v.paren and not v.title and not v.modifier]
    return before[-1] if j is not None and before and units[before[-1]].key != units[j].key else None


def _object_of(units: list[Unit], k: int) -> bool:
    """Whether the actor at ``k`` is a verb's object: named bare or after "terhadap/kepada/pada", not after
    "ke" (where a case was brought) nor "di"."""
    v = units[k]
    if not v.is_actor or v.paren or v.title or (v.group and v.group[0] != k):
        return False
    prep = group_prep(units, k)
    return not prep or word_is(prep, "TargetPrep", "BeneficiaryPrep") and not word_is(prep, "GoalPrep")


def listed_orgs(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The organisations a reduplicated group noun at ``i`` means ("perusahaan-perusahaan itu", "kelompok-kelompok
    tersebut"): the last coordination of organisations named, in this sentence first, where every one of them is
    among the last few actors and none is a news outlet or a state's own body; none where no such list was named
    (then the last organisation, as for the singular)."""
    base, _, again = units[i].low.partition("-")
    if not base or base != again:
        return ()
    here = [units[k].group for k in range(i - 1, -1, -1) if units[k].group and units[k].group[-1] == k]
    lists = [tuple(dict.fromkeys(str(units[m].key) for m in g if units[m].key)) for g in here if units[g[0]].etype == "ORG"]
    recent = state.recent[-10:]
    lists += [g for g in reversed(state.groups) if all(k in recent for k in g)]
    lists.append(_last_run(state))
    return next((g for g in lists if len(g) > 1 and all(_body(k, state) for k in g)), ())


def _body(key: str, state: State) -> bool:
    """Whether ``key`` is an organisation a group noun may mean: no news outlet, nor a state's own body."""
    e = state.entities.get(key)
    return e is not None and e.type == "ORG" and not outlet(key, state) and body_state(key, state) is None


def _last_run(state: State) -> tuple[str, ...]:
    """The organisations named one after another last, past up to two states or persons named since ("Perusahaan
    yang digugat antara lain A, B, C dan D. Menurut X, … perusahaan-perusahaan itu …"), where no list was one."""
    run: list[str] = []
    keys = list(reversed(state.recent[-12:]))
    for n, k in enumerate(keys):
        if _body(k, state):
            if k not in run:
                run.append(k)
        elif run and not is_state(k, state) and n + 1 < len(keys) and _body(keys[n + 1], state):
            continue  # (one name in the list read as a person's: "A, B, Colt dan D")
        elif run or n >= 2:
            break
    return tuple(reversed(run))


def org_or_listed(units: list[Unit], i: int, state: State, org: str) -> tuple[tuple[str, ...], str]:
    """The keys and pronoun kind of a group noun's description at ``i`` whose last organisation is ``org``: the
    organisations last listed, for a reduplicated plural (:func:`listed_orgs`), else the organisation the last
    sentence opened with, for one that opens its sentence (:func:`subject_org`), else ``org``."""
    listed = listed_orgs(units, i, state)
    return (listed, "many") if listed else ((subject_org(units, i, state) or org,), "3")


def clitic_keeps_topic(units: list[Unit], i: int, state: State) -> bool:
    """Whether the person subject at ``i`` meets the article's topic person named by an object clitic ("Orban
    …. Putin menerimanya di Moskwa. Ia juga singgah …": the one received, referred to again, stays the topic, and
    the next "ia" is him)."""
    topic, u = state.topic, units[i]
    if topic is None or topic == u.key or i + 1 >= len(units) or topic not in state.entities \
            or state.entities[topic].type != "PER":
        return False
    v = units[i + 1]
    # (a verb of meeting, whose clitic is a person: not "menyebutnya", whose may be anything)
    return not v.etype and v.voice("MeetCue") == ACTIVE and v.low.endswith(POSSESSIVE) and \
        len(v.low) > len(POSSESSIVE) + 3


def subject_org(units: list[Unit], i: int, state: State) -> str | None:
    """The organisation the last sentence opened with as its subject, for an institution noun's description at ``i``
    that opens its own sentence ("Amnesty menyatakan … pasukan RSF memakai …. Organisasi itu menuding …": Amnesty
    goes on, not the one last named inside what it said); None where an actor or a verb comes first."""
    k = state.last_body
    if k is None or not units[i].has("InstitutionNoun") or any(v.etype or v.is_verb() for v in units[:i]) \
            or units[i].quote is not None:
        return None  # (not "PBB menuding RSF …. Kelompok itu membantah": a group noun may mean the one accused)
    return k if _body(k, state) else None


def group_candidates(units: list[Unit], u: Unit, state: State, n: int, listed, seen_gpe: list[str],
                      here_sides: tuple[str, ...], country: bool, states: bool, own: set[str]):
    """What a group anaphor of ``n`` (0: however many) at ``u`` may mean, the likeliest first."""
    if n == 0:  # "semua pihak": the sides this sentence or the last ones set up ("ketegangan antara A dan B")
        yield here_sides
        yield state.sides
        return
    if listed is not None and not (country and _one_state([units[m].key for m in listed], state, n)):
        yield tuple(dict.fromkeys(units[m].key for m in listed))
    if len(here_sides) == n:  # "… mendesak kedua negara menahan diri di tengah bentrokan A-B"
        yield here_sides
    if not country and len(state.remote_talk) == n:
        yield state.remote_talk  # "X menerima telepon dari Y. Keduanya membahas …": the two on the call
    if len(seen_gpe) >= n and not country:
        yield tuple(seen_gpe[-n:])
    elif len(seen_gpe) >= n:  # "kedua negara": the last two states named, a province or city standing for its own
        last = _latest_states(seen_gpe)[:n]
        yield tuple(reversed(last)) if len(last) == n else ()
    if not country and len(here := named_here(units, u.i, state)) == n:
        yield here  # "Hamas dan Fatah menyepakati …, tetapi kedua pihak …": the sides this sentence named
    if states and len(state.last_states) == n and not (country and _one_state(state.last_states, state, n)):
        yield tuple(state.last_states)  # "Rusia … dan China …. … dari dua negara ini": the states just named
    if n == 2 and state.pair_fresh and not country:
        yield state.pair  # "Usai parade, A bertemu B. Keduanya membahas …": the two just told met, not a pair before
    # "A bersama B … bertemu dengan C dan D. Keduanya lalu …": as subject, the pair that was one
    keys = next((g for g in reversed(state.groups) if len(g) == n), ())
    if keys in state.object_groups and u.i + 1 < len(units) and units[u.i + 1].is_verb() and \
            not passive_prefixed(units[u.i + 1].low):
        keys = state.object_groups[keys]  # (not "Keduanya dituduh …": the objects just named)
    yield () if country and _one_state(keys, state, n) else keys
    if n == 2:
        yield state.pair  # "A bertemu B …. Keduanya …": the two who met
    if not own:  # (as a verb's object, no guess from what was named last)
        distinct = list(dict.fromkeys(reversed(state.recent)))
        yield tuple(distinct[:n]) if len(distinct) >= n else ()
    elif country:  # "… Provinsi Surin dan Sisaket. X mendesak kedua negara …": the last states named, by their places
        last = _latest_states([k for k in state.recent if is_state(k, state)])[:6]
        last.sort(key=lambda k: -state.state_counts.get(k, 0))  # (the sides the article names most: not "Jenewa")
        yield tuple(last[:n]) if len(last) >= n else ()


def listed_states(state: State) -> tuple[str, ...]:
    """The states "negara-negara itu" means: the last coordination of three or more states (two are "kedua negara"),
    one of them among the article's last actors; none where no such list was named."""
    recent = state.recent[-25:]
    return next((g for g in reversed(state.groups) if len(g) >= 3 and all(is_state(k, state) for k in g)
                 and any(k in recent for k in g)), ())


def opens(units: list[Unit], i: int) -> bool:
    """The pronoun at ``i`` opens its sentence as its subject: where ``opens_clause`` says so, or after a fronted
    phrase of a preposition that names no one and has no verb ("Dalam pernyataan yang sama mereka meminta …")."""
    return opens_clause(units, i) or units[0].has("Preposition") and not units[0].etype and \
        not any(v.etype or v.is_verb() or v.quote is not None or v.text in ("(", ":") for v in units[:i])


def opens_clause(units: list[Unit], i: int) -> bool:
    """Whether ``i`` opens the sentence's main clause: at its start, or right after one fronted phrase that a
    comma sets off ("Di Kyiv, mereka …", "Setelah tiba di Moskow, mereka …"): a subject there continues the
    actors of the sentences before."""
    if i < 3:
        return True
    return units[i - 1].text == "," and not units[0].etype and units[0].has("Preposition", "ClauseBoundary") and \
        not any(v.text in (",", ":", ";") or v.quote is not None for v in units[:i - 1])


def listed_persons(units: list[Unit], i: int, d: int | None, state: State) -> tuple[str, ...]:
    """For a plural description of persons at ``i`` closed by the demonstrative at ``d`` ("Para pemimpin Eropa
    itu", "para menteri tersebut"): the persons last named together, so that each of them is the party (the
    qualifiers between name no party)."""
    if d is None or i == 0 or not units[i - 1].has("PluralMarker") or any(v.etype == "PER" for v in units[i:d]):
        return ()
    for g in reversed(state.groups):
        if len(g) > 1 and all(k in state.entities and state.entities[k].type == "PER" for k in g):
            for v in units[i + 1:d]:
                v.paren = True
            return g
    return ()


def counted(units: list[Unit], k: int) -> bool:
    """Whether the number at ``k`` counts the noun after it ("5 perusahaan itu"), not a date ending just before
    it ("sejak kudeta 1 Februari 2021 kementerian tersebut …", "Pada 2019 negara itu …": a year)."""
    v = units[k]
    if not v.text[:1].isdigit():
        return False
    year = len(v.text) == 4 and v.text.isdigit() and v.text[:2] in ("19", "20")
    return not (year or k > 0 and units[k - 1].has("CalendarWord"))


def colon_members(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """For an unnamed group of persons that opens the clause at ``i`` ("Sejumlah pemimpin Eropa ikut terbang ke
    Washington untuk memberi dukungan: A, B dan C", "Tiga menteri tiba di Tokyo, yakni A, B dan C"): the
    persons the list after the colon names, the sentence's last phrase. Not a list after a noun for persons
    ("… mengecam dua pejabat: A dan B"): that one names the object."""
    if i == 0 or not (units[i - 1].has("Quantifier", "PluralMarker", "NumberWord") or counted(units, i - 1)) or \
            not (i == 1 or units[i - 2].text == "," and opens_clause(units, i - 1)):
        return ()
    for c in range(i + 1, len(units)):
        v = units[c]
        if v.text in (".", ";", "?", "!") or v.quote is not None:
            return ()
        if (v.text == ":" or v.has("ListIntro") and units[c - 1].text == ",") and c > i + 2:
            break
    else:
        return ()
    n = c - 1 if units[c - 1].text == "," else c
    while n > i and (units[n - 1].etype in ("GPE", "ORG", "LOC") or units[n - 1].has("Demonstrative")):
        n -= 1  # ("… menemui dua menteri Rusia itu: A dan B": a noun for persons, its qualifiers after it)
    if units[n - 1].has("PersonNoun", "RoleTitle"):
        return ()
    k = skip_span(units, c, "ListIntro") if v.has("ListIntro") else c + 1
    k = past_titled(units, k, len(units))
    if k >= len(units) or units[k].etype != "PER" or len(units[k].group) < 2:
        return ()
    return tuple(dict.fromkeys(p for m in units[k].group for p in units[m].keys
                               if p in state.entities and state.entities[p].type == "PER"))


def anaphor_size(units: list[Unit], i: int, cls: str) -> int:
    """How many a numeral anaphor of class ``cls`` at ``i`` counts ("ketiga perusahaan itu": 3), two by default."""
    return cues().group_size.get(" ".join(v.low for v in units[i:skip_span(units, i, cls)]), 2)


def named_leaders(units: list[Unit], i: int, state: State) -> tuple[str, ...]:
    """The persons "kedua pemimpin" at ``i`` means: as many as it counts, the last named before it whom the article
    titled as a state's leader ("Presiden Yoon …, PM Tusk …. Kedua pemimpin …"); none where fewer were named (then
    the states are meant)."""
    n = anaphor_size(units, i, "LeaderGroupAnaphor")
    leaders = {person for title, _, person in state.titled if title_opens_with(title, "LeaderTitle")}
    found = list(dict.fromkeys(k for k in named_before(units, i, state, "PER", anaphors=True) if k in leaders))
    return tuple(found[:n]) if len(found) >= n else ()


def head_of_state(state: State) -> str | None:
    """The person the article titled with a head-of-state word ("Presiden Prabowo") whom the reporting calls
    "Kepala Negara": the home country's first ("Prabowo bertemu Presiden AS Donald Trump … Presiden RI Prabowo
    …"), else the one the article named first."""
    c = cues()
    heads = [r for r in state.relations
             if r.type == "role" and "HeadOfStateTitle" in c.classes(str(r.args.get("title") or "").split(" ")[0])]
    if not heads:
        return None
    home = home_country()
    gaz = gazetteer()
    own = next((r for r in heads if (org := r.args.get("org_or_state")) and (gaz.state_of(org) or org) == home), None)
    if own is not None:
        return own.args.get("person")
    # else the one the article named first (the entities are in order of first mention), not the first titled
    order = {k: n for n, k in enumerate(state.entities)}
    return min((r.args.get("person") for r in heads), key=lambda k: order.get(str(k), len(order)))


def _one_state(keys, state: State, n: int) -> bool:
    """Places, all of them, that lie in fewer than ``n`` states ("Provinsi Surin dan Sisaket …. mendesak kedua negara
    …": two provinces of one state are not the two states meant); a capital stands for its state."""
    gaz = gazetteer()
    places = [k for k in keys if k and (e := state.entities.get(k)) is not None and e.type in ("GPE", "LOC")]
    return bool(places) and len(places) == len(keys) and len({gaz.state_of(k) or k for k in places}) < n


def _latest_states(places: list[str]) -> list[str]:
    """The states of ``places`` (a province or city standing for its own), the last named first, each once."""
    gaz = gazetteer()
    return list(dict.fromkeys(gaz.state_of(k) or k for k in reversed(places)))


def set_off_owner(units: list[Unit], start: int, end: int, owners: tuple[str, ...] = ("GPE", "ORG")) -> None:
    """The words of a group anaphor from ``start`` to ``end`` are no party to the clause, nor is the state or body
    (of a type in ``owners``) between it and its demonstrative, which only says whose they are ("kedua perusahaan
    Iran tersebut", "Kedua pemimpin UE itu")."""
    for v in units[start:end]:
        v.paren = True
    if end + 1 < len(units) and units[end].etype in owners and units[end + 1].has("Demonstrative"):
        units[end].paren = True
