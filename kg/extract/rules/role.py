"""role(person, org_or_state, title): the titles marked by :mod:`kg.extract.titles` ("Menteri Luar
Negeri Rusia Sergei Lavrov", "Lloyd Austin, Menteri Pertahanan AS,")."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE, POSSESSIVE, Cues, cues
from kg.extract.antecedents import is_state, named_before, recent_of
from kg.extract.bare_titles import bare_state, government_title
from kg.extract.clause import left_subject, title_word
from kg.extract.context import SentenceContext
from kg.extract.parties import body_state, gazetteer_forms, home_of, stands_for
from kg.extract.registry import rule
from kg.extract.titles import rank_body, title_opens_with
from kg.resolve import gazetteer, norm
from kg.resolve.bodies import state_bodies
from kg.types import Relation
from kg.units import Unit


@rule("role", provides=("role_org", "envoys"))
def role_rule(ctx: SentenceContext) -> list[Relation]:
    """A role per titled person whose title names an organisation or state other than themselves."""
    units = ctx.units
    out = []
    homes = []
    # ambassadors and envoys serve a state other than the one whose capital they sit in: no guide to
    # whose government a bare title later in the article belongs to
    ctx.products["envoys"] = [u.key for u in units if u.role and u.key and title_opens_with(u.role[0], "EnvoyTitle")]
    # an adviser of a person ("X, penasihat senior Pemimpin Tertinggi Y") is read after the others, once the office
    # of the principal the sentence titles later is known
    titled = [(u, u.role) for u in sorted(units, key=lambda v: bool(
        v.role and v.role[1] is not None and units[v.role[1]].etype == "PER")) if u.role and u.key]
    # "Sekretaris Jenderal NATO Mark Rutte, mantan perdana menteri Belanda, …": a second title, naming its body
    for u, (title, org) in titled + [(u, u.also) for u in units if u.also and u.key]:
        # "Presiden Donald Trump" names no organisation: the one the article or gazetteer gives
        # ("Juru bicara kementerian itu, X": the body of that kind last named, before any the person is known by)
        # ("Wakil Menteri Keuangan X" after "Departemen Keuangan AS …": that department's, not the state's)
        department = _deputy_department(u, ctx) if org is None else None
        org_key = department or (_named_body(u, ctx) or _template_body(u, ctx) or home_of(u.key, ctx.state)) if org is None \
            else _forces_named(title, units[org]) or _body_named(title, units[org]) or (units[org].keys or (None,))[0]
        if org is not None and _sent_by_subject(title):
            # "memanggil pulang duta besarnya untuk Aljazair, X": the envoy of the state that recalls him
            v = next((k for k in range(u.i - 1, -1, -1) if units[k].is_verb()), None)
            j = left_subject(units, v) if v is not None else None
            org_key = units[j].key if j is not None and units[j].etype == "GPE" else None
        if org is not None and units[org].etype == "PER" and org_key:
            # "X, penasihat keamanan Kagame": an adviser serves the state (else the body) their principal does
            home = home_of(org_key, ctx.state, dict(homes))
            org_key = stands_for(home, ctx.state) if home else None
        possessed = org is None and title.split()[-1].lower().endswith(POSSESSIVE)
        if possessed and org_key and (body := ctx.state.last_body) and body_state(body, ctx.state) == org_key:
            org_key = body  # "Kementerian Pertahanan Kamboja …. Juru bicaranya, X": that body's, within the state
        if org_key is None and possessed:
            # "Kedatangan Orban dikonfirmasi oleh juru bicaranya, X": of the person just named, whose
            # spokesperson serves the state or body they belong to; "Juru bicaranya, X" opening a sentence: of
            # the body the last sentences told of, else of their topic
            boss = next((v.key for v in reversed(units[:u.i]) if v.etype == "PER" and v.key and v.key != u.key),
                        None)
            here = dict(homes)
            org_key = home_of(boss, ctx.state, here) if boss else ctx.state.last_body
            if org_key is None and ctx.state.topic:
                org_key = home_of(ctx.state.topic, ctx.state)
        if org_key is None and org is None and not _minister(title) and (k := rank_body(units, u.i)) is not None:
            org_key = (units[k].keys or (None,))[0]  # "Pangkogabwilhan I Laksdya TNI X": the force of the rank
        if org_key is None and org is None:
            org_key = _junta_state(units, u, ctx) or _sender_state(units, u, ctx, dict(homes)) \
                or _companion_state(units, u, ctx, dict(homes)) or _listed_state(units, u) \
                or _bare_government(u, ctx, homes)
        if org_key and (org is None or is_state(org_key, ctx.state)) and \
                (force := _headed_body(title, org_key, ctx)) is not None:
            org_key = force  # "Kepala Staf Angkatan Laut Laksamana X" in a story on Pakistan: Pakistan's navy
            # ("Hakim Agung Brasil X": a justice of Brazil's supreme court)
        if org_key and _minister(title) and not department and (home := body_state(org_key, ctx.state)):
            org_key = home  # "Wakil Menteri Pertahanan X" holds an office of the state, not of its ministry
        if org is None and org_key and title_opens_with(title, "OrgOfficeTitle") and is_state(org_key, ctx.state):
            continue  # "Ketua Umum (Ketum) X": a party's chair, not an office of the state X serves in
        org_key = _parent_body(org_key, ctx) if org_key else org_key
        if org is not None and org_key and (other := _foreign_house(units, u, org, org_key, ctx)) is not None:
            org_key = other  # "anggota DPR dari Partai Republik, Lisa McClain": the United States House
        if org_key and org_key != u.key:
            out.append(ctx.relation("role", {"person": u.key, "org_or_state": org_key, "title": title}))
            homes.append((u.key, org_key))
    for u in units:
        if u.etype == "PER" and u.key and not u.role and u.i > 0 and (held := _office_of(units[u.i - 1])) is not None:
            out.append(ctx.relation("role", {"person": u.key, "org_or_state": held[1], "title": held[0]}))
            homes.append((u.key, held[1]))
    for u, body, verb in _led_by(units):
        if (u.key, body) not in homes:
            out.append(ctx.relation("role", {"person": u.key, "org_or_state": body, "title": verb}))
            homes.append((u.key, body))
    for key, org_key, title in _counterparts(units):
        if key not in dict(homes) and org_key != key:
            out.append(ctx.relation("role", {"person": key, "org_or_state": org_key, "title": title}))
            homes.append((key, org_key))
    for key, org_key, title in _listed_holders(units):
        if key not in dict(homes) and org_key != key:
            out.append(ctx.relation("role", {"person": key, "org_or_state": org_key, "title": title}))
            homes.append((key, org_key))
    ctx.products["role_org"] = homes
    return out


def _led_by(units: list[Unit]) -> list[tuple[Unit, str, str]]:
    """(person, body, verb) for "IAI, yang dipimpin Amir Peretz, mantan Menhan Israel, …": the agent of a passive verb
    of leading right after the body's relative clause (``titles.mark_leaders`` reads it: ``Unit.led``) leads it, though
    a title set off after the name gave that person another office (``mark_leaders`` gives the led body to an
    untitled name only). Read here, once the sentence's names are resolved and every title is marked."""
    out = []
    for u in units:
        if u.led is None:
            continue
        b, v = u.led
        if not units[b].modifier and u.etype == "PER" and u.key and u.role and u.role[1] is not None \
                and units[b].etype == "ORG" and units[b].key and units[u.role[1]].key != units[b].key:
            out.append((u, units[b].key, units[v].text))
    return out


def _counterparts(units: list[Unit]) -> list[tuple[str, str, str]]:
    """(person, state, word) for "mitranya dari Singapura, Vivian Balakrishnan", "rekannya dari Slovakia, Robert
    Fico": a counterpart from a state holds the like office of that state (no title of their own written)."""
    out = []
    for j, u in enumerate(units):
        if "CounterpartNoun" not in u.cls or u.etype or j + 2 >= len(units) or not units[j + 1].has("SourcePrep") \
                or units[j + 2].etype != "GPE" or not units[j + 2].key:
            continue
        k = j + 4 if j + 4 < len(units) and units[j + 3].text == "," else j + 3
        if k < len(units) and units[k].etype == "PER" and units[k].key and not units[k].role and not units[k].pron:
            out.append((units[k].key, units[j + 2].key, u.text))
    return out


def _listed_holders(units: list[Unit]) -> list[tuple[str, str, str]]:
    """(person, body, title) for the persons a list introducer names after a title-less plural office of a
    body: "tiga jenderal Angkatan Pertahanan Rwanda (RDF), yakni A, B dan C", "dua pejabat Kemlu Iran, yaitu A
    dan B" (of a state, only titles, ranks and officials: "dua pengusaha Rusia, yakni …" hold no office)."""
    out = []
    for j, u in enumerate(units):
        if j < 3 or "ListIntro" not in u.cls or units[j - 1].text != "," or j + 1 >= len(units) \
                or units[j + 1].etype != "PER":
            continue
        k = j - 2
        if units[k].text == ")" and k >= 3 and units[k - 1].paren and units[k - 2].text == "(":
            k -= 3  # past the acronym: "Angkatan Pertahanan Rwanda (RDF)"
        body, word = units[k], units[k - 1]
        if not body.key or body.etype not in ("ORG", "GPE") or body.paren or word.etype:
            continue
        office = {"RoleTitle", "Rank", "SourceNoun"} if body.etype == "GPE" else \
            {"RoleTitle", "Rank", "SourceNoun", "PersonNoun", "MemberNoun"}
        if not word.has(*office):
            continue
        members = units[j + 1].group or (j + 1,)
        out += [(units[m].key, body.key, word.text) for m in members if units[m].etype == "PER" and units[m].key]
    return out


def _deputy_department(person: Unit, ctx: SentenceContext) -> str | None:
    """"Wakil Menteri Keuangan Wally Adeyemo" after "Departemen Keuangan AS menjatuhkan sanksi …": a deputy's title
    naming no state, of the portfolio of an executive department (a form opening with kg:ForeignBodyWord,
    "Departemen Keuangan") the article named, is that department's office; the deputy of a ministry holds an office
    of its state, as the minister does."""
    c = cues()
    words = norm(person.role[0]).split()
    at = next((k + n for k in range(len(words)) for n, cls, _ in c.match_phrase(words, k) if cls == "DeputyMinister"),
              None)
    if at is None:
        at = next((k + 1 for k, w in enumerate(words) if "DeputyMinister" in c.classes(w)), None)
    if at is None or at >= len(words):
        return None
    forms = gazetteer_forms()  # (split here, for the few bodies asked, not every form of the gazetteer up front)
    for k in dict.fromkeys(named_before(ctx.units, person.i, ctx.state, "ORG")):
        for form in forms.get(k, ()):
            f = form.split()
            if len(f) > 1 and f[1] == words[at] and "ForeignBodyWord" in c.classes(f[0]):
                return k
    return None


def _forces_named(title: str, org: Unit) -> str | None:
    """"Panglima militer Sudan X", "Kepala militer Mesir X": a commander's title ending on the armed forces' bare
    noun (kg:ForcesNoun) right before a state is an office of that state's armed forces (the gazetteer's body named
    "militer Sudan"), not of the state; not a spokesperson's ("juru bicara militer Israel": the state's, as told),
    nor a government's ("kepala pemerintahan militer Sudan")."""
    at = title.find(org.text)  # "Pemimpin militer Myanmar saat itu": the words before the state
    words = (title[:at] if at > 0 else title).lower().split()
    if org.etype != "GPE" or not org.key or len(words) != 2 or title_opens_with(title, "SourceNoun"):
        return None
    c = cues()
    if "ForcesNoun" not in c.classes(words[1]) or "RoleTitle" not in c.classes(words[0]):
        return None
    gaz = gazetteer()
    state = gaz.state_of(org.key)
    key = gaz.forms.get(norm(words[1] + " " + org.text))
    return key if key is not None and state is not None and gaz.forces_of(key) == state else None


def _body_named(title: str, org: Unit) -> str | None:
    """"Kepala intelijen militer Ukraina X", "Kepala dinas keamanan Ukraina X": a head's title whose words after the
    head, with the state after them, name a body of that state the gazetteer lists (its lower-case alias) is an office
    of that body, not of the state; not a spokesperson's (as for the armed forces, the state's as told)."""
    at = title.find(org.text)
    words = (title[:at] if at > 0 else title).lower().split()
    if org.etype != "GPE" or not org.key or not 2 <= len(words) <= 4 or title_opens_with(title, "SourceNoun"):
        return None
    if "RoleTitle" not in cues().classes(words[0]):
        return None
    gaz = gazetteer()
    state = gaz.state_of(org.key)
    key = gaz.forms.get(norm(" ".join(words[1:]) + " " + org.text))
    e = gaz.entries.get(key) if key is not None else None
    return key if e is not None and e.type == "ORG" and state is not None and gaz.state_of(key) == state else None


def _parent_body(org_key: str, ctx: SentenceContext) -> str:
    """A bureau or agency inside a state's ministry ("Kepala Biro Informasi Pertahanan Setjen Kemhan X", the
    gazetteer's kg:affiliation) is where its officials work, but the office they hold is the ministry's."""
    gaz = gazetteer()
    e = gaz.entries.get(org_key)
    parent = e.affiliation if e is not None and e.type == "ORG" else None
    if parent and parent in gaz.entries and gaz.entries[parent].type == "ORG" and body_state(parent, ctx.state):
        return parent
    return org_key


def _office_of(office: Unit) -> tuple[str, str] | None:
    """(title, state) of "Kantor Perdana Menteri Israel" right before a name: the office of a titled leader
    named with it ("Kantor Perdana Menteri Israel Benjamin Netanyahu"), whose title the name holds."""
    words = office.text.split()
    c = cues()
    if office.etype != "ORG" or len(words) < 3 or "OrgHead" not in c.classes(words[0]):
        return None
    lowers = [w.lower() for w in words]
    n = max([1] + [length for length, cls, _ in c.match_phrase(lowers, 1) if cls == "RoleTitle"])
    if "RoleTitle" not in c.classes(words[1]) and n == 1:
        return None
    gaz = gazetteer()
    tail = " ".join(words[1 + n:])
    key = gaz.lookup(tail) if tail else None
    if key is None or gaz.entries[key].type != "GPE":
        return None
    return " ".join(words[1:1 + n]) + " " + tail, gaz.entries[key].metonym_for or key


def _named_body(person, ctx: SentenceContext) -> str | None:
    """"Juru bicara kementerian itu, Esmaeil Baghaei" after "Kementerian Luar Negeri Iran menolak …": a title
    ending on a bare body noun (kg:StateBody, a demonstrative or none after it) is of the state's body of that
    kind named last (a kind: the bodies the templates opening with that noun name)."""
    c = cues()
    words = [w for w in person.role[0].lower().split() if "Demonstrative" not in c.classes(w)]
    if len(words) < 2 or "StateBody" not in c.classes(words[-1]):
        return None
    heads = {norm(v).split()[0] for f, v in c.templates.items() if f.split()[0] == words[-1]}
    for k in named_before(ctx.units, person.i, ctx.state, "ORG"):
        e = ctx.state.entities.get(k)
        if e is not None and norm(e.canonical).split()[:1] and norm(e.canonical).split()[0] in heads:
            return k if body_state(k, ctx.state) else None
    return None


def _template_body(person: Unit, ctx: SentenceContext) -> str | None:
    """"Juru Bicara Departemen Luar Negeri Tammy Bruce": a title ending on a body template's form with no state after
    it is of that body of the state the person serves, where the gazetteer lists it."""
    # (two words at least, and a word of the title before them: not the body's own name)
    template = _ending_template(norm(person.role[0]).split()[1:], cues().templates, 4, 2)
    home = home_of(person.key, ctx.state) if template is not None else None
    return state_bodies().get((template, home)) if home else None


def _junta_state(units: list, person, ctx: SentenceContext) -> str | None:
    """"pemimpin junta, Jenderal X" names a government but not its state: the state the sentence, else
    the article so far, last named ("melakukan kunjungan ke Niger dan diterima pemimpin junta …")."""
    title = person.role[0].lower().split()
    if not 2 <= len(title) <= 3 or "StateBody" not in cues().classes(title[-1]):
        return None  # not "Ketua Komite Perbatasan Negara", whose body has a state of its own
    gaz = gazetteer()
    for v in reversed(units[:person.i]):
        inside = v.i > 0 and units[v.i - 1].has("RoleTitle", "PersonNoun", "SourceNoun")  # "Menlu RI itu"
        if v.etype == "GPE" and v.key and not v.title and not v.paren and not inside and gaz.state_of(v.key):
            return gaz.state_of(v.key)
    return next((st for k in recent_of(ctx.state, "GPE") if (st := gaz.state_of(k))), None)


def _sender_state(units: list, person, ctx: SentenceContext, here: dict[str, str]) -> str | None:
    """"Marape akan mengutus Menteri Pertahanan Billy Joseph ke China": an envoy with a bare title serves
    the state of whoever sends him."""
    k = person.i - 1
    while k >= 0 and title_word(units[k]):
        k -= 1
    if k >= 0 and units[k].voice("DispatchVerb") != ACTIVE and person.title_at is not None:
        k = person.title_at - 1  # ("mengirim Utusan Khusus untuk Urusan Asia, Deng Xijun"): before the whole title
    if k < 0 or units[k].voice("DispatchVerb") != ACTIVE:
        return None
    j = left_subject(units, k)
    if j is None:
        return None
    who = units[j].key
    if not who:
        return None
    if units[j].etype != "PER":
        return gazetteer().state_of(who)
    # the sender's role told in this very sentence first ("Perdana Menteri PNG James Marape"), as home_state
    home = home_of(who, ctx.state, here)
    return gazetteer().state_of(home) or home if home else None


def _companion_state(units: list, person, ctx: SentenceContext, here: dict[str, str]) -> str | None:
    """"Joly bersama Sekretaris Negara bidang Pertahanan Stephen Fuhr …", "Asif memimpin delegasi ke Kabul bersama
    Kepala ISI A, Utusan Khusus B, …": a titled companion of a person (each of a list of them) serves the state
    that person serves (not a chief of a body of its own, "Kepala Staf Angkatan Udara X", nor a boss, "bos Tesla X",
    whose office is no state's)."""
    c = cues()
    words = person.role[0].lower().split()
    if "PersonNoun" in c.classes(words[0]) or any("StateBody" in c.classes(w) for w in words) \
            or any(cls == "StateBody" for k in range(len(words)) for _, cls, _ in c.match_phrase(words, k)):
        return None
    k = person.i
    while k >= 0:
        v = units[k]
        if v.etype == "PER" and v.role:  # a titled name: on from its title's first word
            head = v.role[0].lower().split()[:1]
            k = next((m for m in range(k - 1, max(-1, k - 15), -1) if units[m].low.split()[:1] == head), -1) - 1
        elif title_word(v) or v.text == "," or v.has("Conjunction", "Rank"):
            k -= 1
        else:
            break
    if k < 0 or not (units[k].has("CompanionPrep") or units[k].voice("AccompanyCue") == PASSIVE):
        return None
    j = left_subject(units, k)
    who = units[j].key if j is not None and units[j].etype == "PER" else None
    home = home_of(who, ctx.state, here) if who else None
    return stands_for(home, ctx.state) if home else None


def _listed_state(units: list, person) -> str | None:
    """"sejumlah pejabat tinggi Rusia, di antaranya Menteri A, Wakil Perdana Menteri B", "Delegasi Rusia tersebut
    mencakup Menteri A dan Menteri B": a titled member of a list of a state's (or a body's) officials or delegation
    holds an office of that state (or body)."""
    k = person.i - 1 if person.title_at is None else person.title_at - 1  # (past its title: "Direktur Produksi")
    while k >= 0 and (title_word(units[k]) or units[k].text in (",", ";") or units[k].has("Conjunction", "Rank")
                      or units[k].etype == "PER"):
        k = units[k].title_at - 1 if units[k].etype == "PER" and units[k].title_at is not None else k - 1
    seen = False
    while k >= 0:  # back over "di antaranya termasuk": each introducer by its first word
        m = next((m for m in range(k, max(-1, k - 4), -1) if not units[m].etype and units[m].has("ListIntro")
                  and m + units[m].span.get("ListIntro", 1) - 1 == k), None)
        if m is None:
            break
        k, seen = m - 1, True
    if not seen or k < 0:
        return None
    gaz = gazetteer()
    for g in range(k, max(-1, k - 8), -1):
        v = units[g]
        if v.etype in ("GPE", "ORG") and v.key and (st := gaz.state_of(v.key) if v.etype == "GPE" else v.key) \
                and not v.paren \
                and any(w.has("PersonNoun", "DelegationNoun") and not w.etype for w in units[max(0, g - 3):g]):
            return st  # (a firm's or a body's too: "jajaran petinggi Pindad, di antaranya Direktur Produksi A, …")
    return None


def _headed_body(title: str, org_key: str, ctx: SentenceContext) -> str | None:
    """The gazetteer's body of the state ``org_key`` (or ``org_key``'s state) whose head a title names with no body
    after it ("Kepala Staf Angkatan Laut", "KSAU": ``kg:chiefForm`` of a ``kg:OrgTemplate``): that force, not its
    state."""
    c = cues()
    template = _ending_template(_without_ranks(norm(title).split(), c), c.chief_templates, 5)
    if template is None:
        return None
    state = org_key if is_state(org_key, ctx.state) else body_state(org_key, ctx.state)
    return state_bodies().get((template, state)) if state else None


def _ending_template(words: list[str], forms: dict[str, str], longest: int, shortest: int = 1) -> str | None:
    """The body template whose form (``forms``: a template's forms or its chiefs' titles) the words end on, the
    longest ending of ``shortest`` to ``longest`` words first; None where none does."""
    return next((t for n in range(min(longest, len(words)), shortest - 1, -1)
                 if (t := forms.get(" ".join(words[-n:]))) is not None), None)


def _without_ranks(words: list[str], c: Cues) -> list[str]:
    """A title's words without the ranks written after it ("panglima tertinggi jenderal senior": "panglima
    tertinggi"): the rank is no part of the office. The first word always stays."""
    k = len(words)
    while k > 1:
        n = next((n for n in range(min(3, k), 0, -1) if _is_rank(words[k - n:k], c)), None)
        if n is None:
            break
        k -= n
    return words[:k]


def _is_rank(words: list[str], c: Cues) -> bool:
    """Whether the words are one rank, a word ("jenderal") or a phrase ("jenderal senior") of kg:Rank."""
    if len(words) == 1:
        return "Rank" in c.classes(words[0])
    return any(cls == "Rank" and ln == len(words) for ln, cls, _ in c.match_phrase(words, 0))


def _sent_by_subject(title: str) -> bool:
    """An envoy's title with a possessive before the host it names after "untuk" ("duta besarnya untuk Kenya"): the
    state named is where he serves, his own is whose "-nya" it is."""
    words = title.lower().split()
    to = next((n for n, w in enumerate(words) if "PurposeConj" in cues().classes(w)), None)
    return to is not None and title_opens_with(title, "EnvoyTitle") and any(w.endswith(POSSESSIVE) for w in words[:to])


def _minister(title: str) -> bool:
    """Whether a title opens with a government office (kg:GovernmentTitle: minister, president …)."""
    return title_opens_with(title, "GovernmentTitle")


def _bare_government(person, ctx: SentenceContext, here: list[tuple[str, str]]) -> str | None:
    """The state of a government title told with no state: the state whose government the last sentence opened
    with as its subject ("Pemerintah Den Haag menyatakan … Menteri Perdagangan Luar Negeri X berdalih …"), else the
    state the article's evidence weighs most (``bare_titles.bare_state``), the state of the office-holder named last
    counting among it."""
    before = _before_title(person, ctx.units)
    told, last = _government_state(person, ctx, here, _object_of(before))
    if told:
        return told
    if before is not None and before.is_verb() and not before.has("MeetCue", "VisitCue", "HostCue"):
        # an object of another's act, whose office no state of the sentence tells: the person's own title elsewhere
        # does, else the article's and the name's states ("… mendesak Perdana Menteri Keir Starmer", "kudeta yang
        # menggulingkan Presiden Mohamed Bazoum"); the target of a sanction is of none the article names as its
        # side ("Sanksi itu menargetkan Menteri Energi X", "… memasukkan Wakil Presiden X ke daftar sanksi"): only
        # their own title says whose office they hold
        against = any(not v.etype and v.has("AimVerb", "SanctionCue", "BlacklistNoun") for v in ctx.units)
        return bare_state(person, ctx, last, True, own_only=against, article_only=not against)
    return bare_state(person, ctx, last, _object_of(before))


def _government_state(person, ctx: SentenceContext, here: list[tuple[str, str]], told_as_object: bool
                      ) -> tuple[str | None, str | None]:
    """"Menteri Penerangan Paul Morcos" in an article about Lebanon's cabinet: (the state whose government the last
    sentence told, the state of the office-holder the article named last) for a government title told with no
    state, as subject (not "… bertemu Perdana Menteri Manasseh Sogavare", ``told_as_object``: the other side's
    office)."""
    if not government_title(person.role[0]):  # "Presiden perusahaan industri militer negara": no government's
        return None, None
    if told_as_object:
        return None, None  # "… bertemu Perdana Menteri Manasseh Sogavare": the other side's office
    gaz = gazetteer()
    last = ctx.state.last_government
    if last and (home := gaz.state_of(last) or body_state(last, ctx.state)):
        return home, None
    for who, org in reversed(list(ctx.state.role_org.items()) + here):
        home = gaz.state_of(org) or body_state(org, ctx.state)
        if who != person.key and home and who not in ctx.state.envoys:
            return None, home
    return None, None


def _object_of(before: Unit | None) -> bool:
    """Whether a titled name whose title has ``before`` (``_before_title``) before it is told after a verb, a
    preposition or a cue of meeting ("… bertemu Perdana Menteri X"): an object, whose office is the other side's,
    not the subject's."""
    return before is not None and (before.is_verb() or before.has("Preposition", "MeetCue", "VisitCue", "HostCue"))


def _before_title(person: Unit, units: list[Unit]) -> Unit | None:
    """The word before a titled name's title, a list of titled names it ends passed over."""
    k = _title_start(units, person.i) - 1
    # each titled name of the list has the same word before it as the first
    while k >= 0 and (title_word(units[k]) or units[k].text in (",", ";") or units[k].has("Conjunction")
                      or units[k].etype == "PER" and units[k].role and not units[k].paren):
        k = _title_start(units, k) - 1 if units[k].etype == "PER" else k - 1
    return units[k] if k >= 0 else None


def _title_start(units: list[Unit], p: int) -> int:
    """Where the title of the titled name at ``p`` opens (``Unit.title_at``, marked with the role), else ``p``: a
    title set off after the name, or none."""
    return units[p].title_at if units[p].role and units[p].title_at is not None else p


def _foreign_house(units: list[Unit], u: Unit, org: int, org_key: str, ctx: SentenceContext) -> str | None:
    """A body named by its bare form ("DPR", "Dewan Perwakilan Rakyat") reads as the home country's; where the title
    ties its holder to another state by a party or place of it ("anggota DPR dari Partai Republik, X", "anggota DPR Y
    dari New York"), the body of the same kind of that state, when the gazetteer lists it."""
    c = cues()
    form = c.acronym_heads.get(units[org].text) or norm(units[org].text)
    template = c.templates.get(form)
    home = body_state(org_key, ctx.state)
    if template is None or home is None:
        return None
    gaz = gazetteer()
    for v in units[org + 1:min(len(units), u.i + 4)]:
        if v.text == "," and v.i > u.i:
            break  # (the title ends with the comma after the name)
        if v is u or not v.key or v.key not in gaz.entries or v.etype == "PER":
            continue
        there = gaz.state_of(v.key)
        if there and there != home and (body := state_bodies().get((template, there))) is not None:
            return body
    return None
