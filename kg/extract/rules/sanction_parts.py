"""Small readings of a sanction's target phrase, shared by the sanction rules (kg.extract.rules.sanctions)."""

from __future__ import annotations

from kg.cues import NOUN, PASSIVE, passive_prefixed
from kg.extract.clause import group_prep, left_subject, prep_is
from kg.extract.titlewords import titled_prep
from kg.units import STOP_PUNCT, Unit

#: words of a description of a person: "pemimpin sayap politik M23", "tiga jenderal Angkatan Pertahanan Rwanda"
_PERSON_WORDS = ("PersonNoun", "RoleTitle", "Rank", "MemberNoun")


def blocks_party(units: list[Unit], i: int) -> bool:
    """The verb of blocking at ``i`` has a party for its object: a firm or body named right after it, or a noun for
    firms or people after a count ("memblokir tujuh perusahaan …", "memblokir lima bank swasta lain, termasuk …"),
    not a thing ("memblokir paket bantuan", "memblokir penjualan senjata") nor a person (an account blocked)."""
    k = i + 1
    while k < len(units) and not units[k].etype and (units[k].has("NumberWord", "FunctionWord") or units[k].text.isdigit()):
        k += 1
    if k >= len(units):
        return False
    u = units[k]
    return u.etype == "ORG" or not u.etype and u.has("FirmDescriptor", "GroupNoun", "ListedNoun")


def after_intro(units: list[Unit], k: int) -> bool:
    """Whether the phrase of the actor at ``k`` opens right after a list introducer ("kepada 19 orang, di
    antaranya A, B …", "antara lain A"): the introducer's own preposition does not govern it."""
    u = units[k]
    return _intro_before(units, u.group[0] if u.group else k)


def _intro_before(units: list[Unit], first: int) -> bool:
    """Whether a list introducer ends right before unit ``first``."""
    for m in (first - 1, first - 2):
        if m >= 0 and units[m].has("ListIntro") and m + units[m].span.get("ListIntro", 1) == first:
            return True
    return False


def listed_actor(units: list[Unit], k: int, preps: tuple[str, ...]) -> bool:
    """Whether the actor at ``k`` stands in the target phrase: no preposition, one of ``preps``, or a list
    introducer's. A person whose titles stand between him and a preposition has that preposition ("… kepada Korut
    melalui perintah dari Presiden X": X orders the sanction, no target)."""
    if group_prep(units, k) is None and units[k].etype == "PER" and (p := titled_prep(units, k)) is not None:
        # "…, di antaranya [Wakil Menteri Pertahanan Rusia] X": the introducer ends where the titles begin
        return p.has(*preps) or after_intro(units, k) or _intro_before(units, p.i + 1)
    return prep_is(units, k, *preps, none=True) or after_intro(units, k)


def besides(units: list[Unit]) -> tuple[str, ...]:
    """"Selain Petro, daftar hitam itu juga memuat A": a person set before the clause with "selain" is one
    more target of the sanction it tells. (A state or body so set may be one more sanctioner instead: "Selain
    AS, Inggris juga …", so only persons are read.)"""
    comma = besides_comma(units)
    if comma is None:
        return ()
    return tuple(k for u in units[1:comma] if u.etype == "PER" and u.is_actor and not u.title for k in u.keys)


def besides_comma(units: list[Unit]) -> int | None:
    """The comma that closes a sentence-opening "Selain …," phrase, if the sentence opens with one."""
    if not units or not units[0].has("BesidesPrep"):
        return None
    return next((k for k in range(1, min(len(units), 14)) if units[k].text == ","), None)


def person_described(units: list[Unit], k: int, lo: int) -> bool:
    """Whether the organisation at ``k`` only says whose a person is, in a list item that speaks of persons
    ("para petinggi kelompok pemberontak M23", "Bisimwa, pemimpin sayap politik M23", "tiga jenderal Angkatan
    Pertahanan Rwanda (RDF)", "A, anggota Majelis Tinggi Jepang"): the persons are the targets, not their organisation."""
    m = k - 1
    while m > lo:
        v = units[m]
        if v.etype == "ORG" and m == k - 1 or v.is_weapon:
            m -= 1  # "pejabat senior Pasukan Quds Garda Revolusi": the body the unit before it belongs to; "komandan
            continue  # Komando UAV IRGC": a weapon names the unit
        if v.etype or v.text in (",", ";", "(", ")") or v.has("Conjunction", "ListIntro", "Preposition", "Copula"):
            return False
        if v.has(*_PERSON_WORDS):
            return True
        if not v.text.isalpha() or v.has("FirmNoun", "Relativizer") or k - m > 6:
            return False  # "konglomerat militer Rostec": a firm's own noun
        m -= 1
    return False


def describes(u: Unit) -> bool:
    """Whether the actor ``u`` is a state that describes the noun before it ("warga [Iran]", "produsen drone [Iran]")."""
    return u.etype == "GPE" and (u.modifier or u.possessor_of is not None)


def described_name(units: list[Unit], rel: int, bare: bool = False) -> int | None:
    """The name an apposition before the relativizer at ``rel`` describes ("Qods Aviation Industries, produsen
    drone Iran yang sudah lama disanksi"): the firm or person before the comma, past its bracketed acronym
    (``bare``: one that no preposition governs)."""
    a = rel - 1
    while a > 0 and a > rel - 8 and not units[a].is_actor and units[a].text != "," and not units[a].is_verb() \
            and not units[a].has("Relativizer", "Preposition"):
        a -= 1
    while a > 0 and a > rel - 8 and units[a].is_actor and describes(units[a]):
        a -= 1  # "produsen drone [Iran]": the state describes the noun, the name stands further left
        while a > 0 and not units[a].is_actor and units[a].text != "," and not units[a].is_verb() \
                and not units[a].has("Relativizer", "Preposition"):
            a -= 1
    if a < 1 or units[a].text != ",":
        return None
    a -= 1
    while a > 0 and (units[a].paren or units[a].text in ("(", ")")):
        a -= 1
    ok = units[a].is_actor and units[a].etype in ("ORG", "PER") and (not bare or prep_is(units, a, none=True))
    return a if ok else None


def head_org(units: list[Unit], j: int | None) -> int | None:
    """The office a subject organisation at ``j`` belongs to names it first ("Kantor Pengawasan Aset Asing (OFAC)
    Departemen Keuangan AS menyanksi …"): that first organisation acts."""
    if j is None or units[j].etype != "ORG" or units[j].group:
        return j
    k = j - 1
    if k > 0 and units[k].text == ")":
        while k > 0 and units[k].text != "(":
            k -= 1
        k -= 1
    if k >= 0:
        u = units[k]
        if u.etype == "ORG" and u.is_actor and not u.paren and not u.title and not u.group and u.prep is None:
            return k
    return j


def officials_state(units: list[Unit], i: int, hi: int) -> int | None:
    """The state whose unnamed officials a sanction at ``i`` targets, where they are its only target ("sanksi
    terhadap tiga pejabat senior Korea Utara", "Sanksi ke Pejabat Korut"): the sanction is on that state's regime.
    Officials named in the clause, or a list of further targets ("tiga jenderal Iran dan sebuah perusahaan …"),
    are targets themselves, and the state is then not one."""
    if units[i].has("PersonBan"):
        return None  # "larangan masuk bagi sejumlah pejabat Georgia": a ban on the persons themselves
    p = next((j for j in range(i + 1, min(hi, i + 5)) if units[j].has("TargetPrep", "BeneficiaryPrep")), None)
    if p is None:
        return None
    k = p + 1
    while k < hi and not units[k].etype and (units[k].text[:1].isdigit() or units[k].has("NumberWord", "FunctionWord")):
        k += 1  # "terhadap tiga …", "kepada para …"
    if k >= hi or units[k].etype or not units[k].has("SourceNoun") or not units[k].has("PersonNoun"):
        return None  # "pejabat", "diplomat": officials, not "warga" nor "jenderal"
    k += units[k].span.get("SourceNoun", 1)
    while k < hi and not units[k].etype and units[k].has("Adjective", "FunctionWord", "SourceNoun", "GovernmentNoun") \
            and not units[k].has("Conjunction", "Relativizer"):
        k += 1  # "pejabat senior", "pejabat tinggi", "pejabat militer"
    if k >= hi or units[k].etype != "GPE" or units[k].paren or units[k].group:
        return None
    # (a relative clause only describes the officials: "… pejabat Korea Utara yang terkait program senjata negara itu")
    end = next((v.i for v in units[k + 1:hi] if v.has("Relativizer")), hi)
    rest = units[k + 1:end]
    if any(v.is_actor and not v.paren for v in rest) or any(v.has("Conjunction") or v.text == ":" for v in rest[:2]):
        return None  # a further target or the officials' names follow
    return k


def verb_subject(units: list[Unit], i: int) -> int | None:
    """The subject of the verb before the noun at ``i`` ("X [sudah menjadi] target sanksi …", "X [ditetapkan
    sebagai] target sanksi …"): the target of the sanction that noun names."""
    k = i - 1
    while k > 0 and not units[k].etype and (units[k].is_verb() or units[k].has("FunctionWord", "Copula", "ServeVerb")
                                            or not units[k].cls and passive_prefixed(units[k].low)):
        k -= 1
    if k + 1 >= i:
        return None
    j = left_subject(units, k + 1)
    if j is None and units[k].text == "," and units[k + 1].has("Relativizer") and units[k - 1].is_actor:
        j = k - 1  # "… terkena imbas, seperti Rosneft, yang sudah menjadi target sanksi AS": a name an example governs
    return j


def undergone_intro(units: list[Unit]) -> int | None:
    """The copula after a relative clause of undergoing a sanction near the sentence start ("Di antara lima
    pejabat yang terkena sanksi adalah A", "yang disanksi, salah satunya adalah A", "Perusahaan yang dimasukkan
    dalam daftar sanksi adalah B", "Di antara individu yang mendapat sanksi itu, terdapat A"): what it introduces
    are targets. An active clause ("yang menjatuhkan sanksi adalah AS") names the sanctioner and is not read."""
    n = len(units)
    for r in range(min(n - 2, 8)):
        if "Relativizer" not in units[r].cls:
            continue
        k, cue = r + 1, None
        while k < min(n - 1, r + 3) and not units[k].etype and units[k].has("FunctionWord") and \
                not units[k].has("UndergoVerb", "Copula", "ListIntro", "BanVerb"):
            k += 1  # "yang telah/baru/sudah masuk daftar …": adverbs before the verb
        if units[k].cls.get("SanctionCue") == PASSIVE:
            cue = k
        elif units[k].has("AssetNoun") and not units[k].etype and units[k + 1].cls.get("FreezeVerb") == PASSIVE:
            cue = k + 1  # "Di antara individu yang asetnya dibekukan terdapat A": whose assets are frozen
        elif entry_ban(units, k):
            cue = k + 1  # "Mereka yang dilarang memasuki Rusia antara lain A, B": barred from entering, sanctioned
        elif not units[k].etype and (units[k].has("UndergoVerb") or passive_prefixed(units[k].low)):
            m = k + 1
            while m < min(n, k + 3) and units[m].has("Preposition") and not units[m].etype:
                m += 1
            if m < n and not units[m].etype and (units[m].has("BlacklistNoun") or units[m].cls.get("SanctionCue") == NOUN):
                cue = m
        if cue is None:
            continue
        for c in range(cue + 1, min(n, cue + 7)):
            if units[c].etype and not list_owner(units, c):
                return None
            if units[c].has("Copula", "ExistCue"):  # "… yang mendapat sanksi itu, terdapat A, B"
                return c
            f = c + units[c].span.get("ListIntro", 1)  # (past "antara lain")
            if units[c].has("ListIntro") and f < n and (units[f].is_actor or
                                                         not units[f].etype and units[f].has(*_PERSON_WORDS)):
                # "Perusahaan yang terkena sanksi termasuk A, B dan C" (a name right after it, or a person's
                # description: "elit yang masuk dalam sanksi terbaru antara lain perwira militer X dan Y")
                return c
        return None
    return None


def list_owner(units: list[Unit], k: int) -> bool:
    """Whether the actor at ``k``, inside a relative clause of undergoing a sanction, is whose sanction or list it
    is ("yang masuk daftar sanksi dari Uni Eropa", "yang masuk daftar hitam masuk Rusia", "yang terkena sanksi
    AS", "yang dijatuhi sanksi oleh Seoul"): a state or body right after the list or sanction noun, or after a
    preposition (of source or agent) or a verb of entering there."""
    u = units[k]
    if u.etype not in ("GPE", "ORG") or not u.is_actor or u.paren:
        return False
    m = k - 1
    while m > 0 and not units[m].etype and (units[m].has("SourcePrep", "AgentPrep", "EntryVerb") or not units[m].cls and
                                              units[m].text.isalpha() and units[m].text.islower()) and m > k - 4:
        m -= 1  # "dari", "masuk", or the rest of the list's name ("daftar hitam")
    return not units[m].etype and (units[m].has("BlacklistNoun", "SanctionCue", "TargetNoun") or entry_ban(units, m))


def entry_ban(units: list[Unit], k: int) -> bool:
    """A passive ban with a verb of entering right after it ("dilarang memasuki/masuk"): barred from a country."""
    return units[k].voice("BanVerb") == PASSIVE and k + 1 < len(units) and units[k + 1].has("EntryVerb")


def undergone_owner(units: list[Unit], c: int) -> tuple[int, ...]:
    """The owners (:func:`list_owner`) named before the copula or introducer at ``c`` that
    :func:`undergone_intro` found: who imposed what the listed targets underwent."""
    return tuple(k for k in range(max(0, c - 8), c) if list_owner(units, k))


def imposing_relative(units: list[Unit], i: int, j: int) -> bool:
    """Whether the verb at ``j`` is the passive of a relative clause on the sanction noun at ``i`` ("sanksi yang
    sebelumnya dijatuhkan terhadap X"): it tells the imposing, and the phrase after it is still the target."""
    return j - i <= 4 and passive_prefixed(units[j].low) and any(v.has("Relativizer") for v in units[i + 1:j]) \
        and not any(v.etype for v in units[i + 1:j])


def undergoer(units: list[Unit], i: int) -> int | None:
    """The subject of the undergoing verb at ``i`` ("Iran dijatuhi sanksi"), if it is the verb's own: not one
    across a subordinator ("Hook merinci kesalahan Ansar sehingga mereka terkena sanksi") nor a statement
    anaphor ("Pernyataan itu memperingatkan, siapa pun … dapat terkena sanksi")."""
    j = left_subject(units, i)
    if j is None or units[j].pron == "statement" or \
            any(v.has("ClauseBoundary") and not v.etype for v in units[j + 1:i]) or \
            j > 0 and units[j - 1].has("LocativePrep") and not units[j - 1].etype or _aside(units, j, i):
        return None  # (nor a place the subject is in: "Kilang minyak terbesar di India … dikenakan sanksi")
    return j


def _aside(units: list[Unit], j: int, i: int) -> bool:
    """Whether the name at ``j`` closes a relative clause set off by commas before the verb at ``i`` ("X, yang
    pernah memimpin A dan berafiliasi dengan B, dijatuhi sanksi"): the clause describes the subject, whom the
    sanction hits, not the groups it names."""
    if not any(v.text == "," for v in units[j + 1:i]):
        return False
    for k in range(j - 1, max(-1, j - 16), -1):
        if units[k].text in (".", ";"):
            return False
        if units[k].has("Relativizer") and not units[k].etype:
            return k > 0 and units[k - 1].text == ","
    return False


def copular_imposers(units: list[Unit], v: int) -> int | None:
    """Where the imposers of a sanction told in a relative clause stand after a copula: "Negara lain yang juga
    menjatuhkan sanksi terhadap Myanmar adalah Kanada dan Australia" (the list after "adalah" imposes the
    sanction; it is no target). The index of the first imposer, None where the verb at ``v`` heads no such clause."""
    k = v - 1
    while k >= 0 and not units[k].etype and units[k].has("FunctionWord") and not units[k].has("Relativizer") and \
            not units[k].is_verb():
        k -= 1  # "yang juga telah …"
    if k < 1 or units[k].etype or not units[k].has("Relativizer") or units[k - 1].is_actor:
        return None  # (not "Rosneft, yang menjatuhkan …": a named head says who)
    for c in range(v + 1, len(units)):
        if units[c].text in (".", ";") or units[c].has("Relativizer") and not units[c].etype:
            return None
        if not units[c].etype and units[c].has("Copula") and not units[c].has("ListIntro"):
            m = c + 1
            return m if m < len(units) and units[m].is_actor and not units[m].paren else None
    return None


def count_intro(units: list[Unit]) -> int | None:
    """The copula or list introducer after a noun that points back to targets left unnamed before: "Keenam
    perusahaan tersebut antara lain A, B" near the sentence start, or anywhere after a count ("… menyebutkan
    kelima orang dari AS tersebut, yakni A, B"): the noun and its demonstrative point back, the introducer names."""
    n = len(units)
    for u in units:
        # (also a noun the discourse layer took for a group named before: "Dua di antara entitas tersebut adalah …"
        # points back to the targets left unnamed, which is why this is asked)
        if u.etype and not u.text[:1].islower() or not u.has("GroupNoun", "FirmNoun", "PersonNoun", "ListedNoun"):
            continue
        counted = u.i > 0 and not units[u.i - 1].etype and units[u.i - 1].has("SeriesWord", "NumberWord")
        if u.i >= 8 and not counted:
            continue
        k = u.i + 1
        if counted and k + 1 < n and units[k].has("SourcePrep") and units[k + 1].is_actor:
            k += 2  # "kelima orang dari AS tersebut": where they come from
        if k + 1 < n and units[k].has("Demonstrative"):
            c = k + 2 if counted and units[k + 1].text == "," else k + 1
            if c < n and units[c].has("Copula", "ListIntro"):
                return c
    return None


def relative_from(units: list[Unit], lo: int, subj: int, i: int) -> int:
    """Where the parties of a passive sanction told in a relative clause start, from ``lo``: after the last verb
    before the subject at ``subj`` ("A menyanksi B, yang juga disanksi C": B), or at the subject itself where the
    clause follows it after a comma ("… termasuk A, B dan C, yang juga disanksi AS": C, the clause's own)."""
    rel = next((v.i for v in units[subj + 1:i] if v.has("Relativizer") and not v.etype), None)
    if rel is None:
        return lo
    if rel == subj + 2 and units[subj + 1].text == ",":
        return subj
    return max([lo] + [v.i + 1 for v in units[lo:subj] if v.is_verb()])


def entrant(units: list[Unit], lo: int, i: int) -> int | None:
    """Who entered the list a noun at ``i`` names: the subject of the verb before it ("IRISL masuk (ke)
    daftar hitam AS"), or where that verb opens a relative clause, the party the clause is about
    ("IRISL, perusahaan pelayaran milik negara yang sudah masuk daftar sanksi AS")."""
    k = i - 1
    while k > lo and units[k].has("Preposition") and not units[k].etype:
        k -= 1  # "masuk ke dalam daftar hitam"
    if k <= lo or units[k].etype or units[k].cls and not units[k].has("EntryVerb") or not units[k].text.isalpha() \
            or not units[k].text.islower():
        return None  # the verb: a plain word ("masuk", "tercantum"), which no other cue claims
    j = left_subject(units, k)
    if j is not None:
        return j
    m = k - 1
    while m >= max(lo, k - 5) and not units[m].etype and not units[m].has("Relativizer") and \
            (units[m].has("FunctionWord") or not units[m].cls and units[m].text.isalpha() and units[m].text.islower()):
        m -= 1  # "sudah lebih dulu masuk …": adverbs only
    if m >= lo and units[m].is_actor and not units[m].paren:
        return m  # "IRISL sudah masuk daftar hitam AS"
    if m < lo or not units[m].has("Relativizer"):
        return None
    # "IRISL, perusahaan pelayaran milik negara yang sudah masuk daftar sanksi AS": the name the
    # apposition before "yang" describes (plain words, a comma, the name's bracketed acronym)
    return described_name(units, m, bare=True)


def list_entered(units: list[Unit]) -> bool:
    """"Sejumlah nama besar industri pertahanan masuk daftar.": a sentence that ends by telling that some entered
    the list, without naming them: the list follows ("Di antaranya A, B …")."""
    n = len(units)
    return any(not u.etype and u.has("UndergoVerb") and u.i + 2 < n and not units[u.i + 1].etype and
               units[u.i + 1].has("TargetNoun", "BlacklistNoun") and units[u.i + 2].text in STOP_PUNCT
               for u in units[1:])
