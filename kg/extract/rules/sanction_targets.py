"""The targets a sanction phrase names: after its preposition ("sanksi terhadap A, B serta C"), after a verb
of aiming ("sanksi yang menargetkan X"), and those sanctioned along with them ("bersama B")."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE, POSSESSIVE, passive_prefixed
from kg.extract.clause import actor_keys, clause_left, clause_right, right_actor
from kg.extract.context import State
from kg.extract.rules.sanction_parts import describes, imposing_relative, listed_actor, person_described
from kg.extract.rules.sanction_side import after_place, clause_verb, item_follows, speaker_follows
from kg.extract.titlewords import after_titles
from kg.units import STOP_PUNCT, Unit


def companions(units: list[Unit], i: int, hi: int, state: State, named: tuple[str, ...]) -> tuple[str, ...]:
    """"A disanksi, bersama B dan pejabatnya, C", "…, begitu pula D": those sanctioned along with the subject."""
    k = next((v.i + v.span.get("LikewiseCue", 1) - 1 for v in units[i + 1:hi]
              if v.has("ComitativePrep", "LikewiseCue") and units[v.i - 1].text == ","), None)
    if k is None:
        return ()
    found = named_targets(units, k, hi, state, ("TargetPrep", "BeneficiaryPrep", "ComitativePrep"))
    return tuple(t for t in found if t not in named)


def sanction_target(units: list[Unit], i: int, hi: int, state: State) -> tuple[str, ...]:
    """"sanksi (baru) terhadap/atas/kepada X, Y serta Z": everyone the phrase after the preposition
    names (:func:`named_targets`)."""
    imposed = units[i].has("TradeBan")  # "larangan ekspor senjata ke Israel": the goal is the target
    imported = units[i].has("ImportBan")  # "larangan impor emas dari Rusia": the source is
    # (a trade ban names its goods first: "melarang ekspor, penjualan dan pengiriman avtur ke Myanmar")
    reach = 13 if imposed else 7  # "sanksi finansial dan larangan perjalanan kepada …"
    if not imposed:  # (a trade ban's goods run on to their worth: "… senilai 73 juta dolar AS")
        reach += 2 * sum(1 for v in units[i + 1:min(hi, i + reach)] if v.text == "," or v.has("Conjunction") and not v.etype)
    for j in range(i + 1, min(hi, i + reach)):  # ("sanksi ekonomi, perdagangan, dan transportasi baru kepada X")
        u = units[j]
        if u.has("TargetPrep", "BeneficiaryPrep") and j + 1 < hi and _dated(units, j + 1):
            continue  # "mengumumkan sanksi tersebut pada Rabu (15/1), di hari-hari terakhir …": a date, no target
        if u.has("TargetPrep", "BeneficiaryPrep") and u.low.endswith(POSSESSIVE) and not u.etype and any(
                v.cls.get("ImposeVerb") == ACTIVE for v in units[clause_left(units, i):i]):
            # "… menjatuhkan sanksi kepadanya (dan kepada B)": the person told of last, and any named after (not
            # "X menyebut sanksi AS terhadapnya …": X itself)
            return tuple(dict.fromkeys(_clitic_person(units, j, state) + named_targets(units, j, hi, state)))
        if u.has("TargetPrep", "BeneficiaryPrep"):
            return named_targets(units, j, hi, state)
        if imported and not u.etype and u.has("SourcePrep", "GoalPrep"):
            # "larangan impor emas dari Rusia" (not "… impor ke Eropa": where the goods go bans nothing there)
            return named_targets(units, j, hi, state, ("SourcePrep",)) if u.has("SourcePrep") else ()
        if imported and u.etype == "GPE" and j > i + 1 and not units[j - 1].etype and not units[j - 1].has("Preposition"):
            return actor_keys(units, j, state)  # "melarang impor buah dan sayuran Thailand": whose goods
        if imported and u.has("Preposition") and not u.etype:
            return ()  # "membatasi impor di perbatasan dengan X": the goods end, no state of theirs follows
        if imposed and u.has("GoalPrep") and not u.etype:  # "Sanksi tersebut dijatuhkan ke A, B dan C"
            return named_targets(units, j, hi, state, ("TargetPrep", "BeneficiaryPrep", "GoalPrep"))
        if j + 1 < hi and u.has("PurposeConj") and u.has("RecipientPrep") and units[j + 1].is_actor \
                and not units[j + 1].paren:
            return actor_keys(units, j + 1, state)  # "sanksi baru untuk Militer Myanmar" (not "untuk menghukum X")
        if imposed and u.has("PurposeConj") and u.has("RecipientPrep") and j + 1 < hi and not units[j + 1].is_verb():
            # "Sanksi itu berlaku pula untuk kapal tanker A": imposed on whom the phrase names
            return named_targets(units, j, hi, state, ("TargetPrep", "BeneficiaryPrep", "RecipientPrep"))
        imposed = imposed or u.cls.get("ImposeVerb") == PASSIVE
        if not u.cls and u.is_verb() and j + 1 < hi and units[j + 1].has("TargetPrep") and not units[j + 1].etype:
            continue  # a verb's shape that qualifies the sanction: "sanksi berlapis terhadap Kuba", "… menyeluruh …"
        if u.is_verb() and not u.has("FunctionWord", "SanctionCue") and not imposing_relative(units, i, j) \
                and u.cls.get("AimVerb") != PASSIVE and u.cls.get("ImposeVerb") != PASSIVE:
            # (but "sanksi itu ditargetkan terhadap X" aims it at X, "Sanksi ini diberikan kepada X" imposes it on X)
            break  # "Sanksi ini menambah tekanan terhadap Maduro": the phrase is the verb's, not the sanction's
    return ()


def _clitic_person(units: list[Unit], j: int, state: State) -> tuple[str, ...]:
    """The person a preposition's object clitic at ``j`` stands for ("Departemen Keuangan AS menjatuhkan sanksi
    kepadanya"): the last actor named before its clause (whose own actors impose it), or, with none, the last person
    or organisation of the sentences before, where that one is a person (a firm named since blocks it)."""
    last = next((v for v in reversed(units[:clause_left(units, j)]) if v.is_actor and v.key and not v.pron), None)
    if last is None:  # (the last person or organisation of the sentences before: no person where it was a firm)
        last_key = next((k for k in reversed(state.recent) if k in state.entities
                         and state.entities[k].type in ("PER", "ORG")), None)
        return (last_key,) if last_key is not None and state.entities[last_key].type == "PER" else ()
    return (last.key,) if last.etype == "PER" else ()


def named_targets(units: list[Unit], j: int, hi: int, state: State,
                  preps: tuple[str, ...] = ("TargetPrep", "BeneficiaryPrep")) -> tuple[str, ...]:
    """The targets named after unit ``j`` up to the clause end: firms and persons wherever they stand
    in the list ("perusahaan pelayaran X, pemasok Y, serta kepala eksekutifnya, Z"), a state only as
    the head of the phrase ("terhadap Rusia", not "tiga jenderal Iran" nor "perusahaan asal Shenzhen")."""
    out: list[str] = []
    k = j + 1
    while k < hi or k == hi < len(units) and (out and units[k].text == ";" and item_follows(units, k, len(units))
                                              or not out and _colon_list(units, j, k)):
        if k == hi:  # past the clause's end where a semicolon sets off one more item: "A, kepala X; Menteri Y B; dan C"
            hi = clause_right(units, k)  # (or a colon the list opens with: "terhadap tiga individu: A, B, dan C")
        v = units[k]
        if v.text == ";" and item_follows(units, k, hi):
            k += 1  # "A, komandan pasukan khusus; B, komandan Divisi 3; dan C": items set off by semicolons
            continue
        # ("menyusul keputusan X", "pada masa pemerintahan Presiden X")
        if v.text in (".", ";", "?", "!") or v.has("ClauseBoundary", "AfterConj", "EraPhrase"):
            nxt = units[k + 1] if k + 1 < hi else None
            initial = k > 0 and len(units[k - 1].text) == 1 and units[k - 1].text.isupper()  # "S.A."
            if v.text == "." and nxt is not None and (not nxt.text[:1].isupper() or initial) and k > 0 \
                    and units[k - 1].end == v.start:
                k += 1  # "Redstone Dynamics Inc. dan …": an abbreviation's period, not the sentence's end
                continue
            break
        if v.has("Conjunction") and not v.etype and k + 1 < hi and units[k + 1].is_verb() and \
                not {ACTIVE, PASSIVE}.isdisjoint(units[k + 1].cls.values()):
            break  # "membekukan aset A dan melarangnya masuk ke wilayah B": a second predicate with objects of its own
        if v.has("AccordingTo") and not v.etype:
            break  # "… kepada A dan B, sesuai pernyataan Departemen Keuangan X": whose word it is, no target
        if v.has("NamedThingNoun") and not v.etype and not units[k - 1].text[:1].isupper():
            break  # "… kepada Turki berdasarkan undang-undang CAATSA": the law named, no target (not a body's own
            # word: "Direktur Biro Operasi X")
        if out and v.is_actor and units[k - 1].text == "," and k + 1 < hi and units[k + 1].is_verb() and \
                not units[k + 1].cls:
            break  # "Inggris Sanksi Capital Bank, Japarov Meradang": a clause of its own, with its subject
        if out and not v.etype and PASSIVE in v.cls.values() and passive_prefixed(v.low) and units[k - 1].text != ",":
            break  # "Sanksi AS terhadap A dan B diumumkan Departemen Keuangan": the announcer, no target
        if k > j + 1 and _grounds(units, k, hi):
            # "… kepada A atas kasus serangan terhadap X": the grounds of the sanction name no more targets, but a
            # firm or person after ", serta" ends them and goes on with the list ("menyasar A atas pengerahan
            # pasukan ke X, serta bank B": B is no second goal of the grounds' "ke")
            m = next((m for m in range(k + 1, hi - 2) if units[m].text == "," and units[m + 1].has("Conjunction")
                      and not units[m + 1].etype), None)
            a = m + 2 if m is not None else hi
            lim = min(hi, a + 3)
            while a < lim and not units[a].etype and units[a].text.isalpha() and units[a].text.islower():
                a += 1  # "…, serta perusahaan emas B": the words that describe it
            if a >= hi or units[a].etype not in ("ORG", "PER") or not units[a].is_actor or any(
                    w.is_verb() and not {ACTIVE, PASSIVE}.isdisjoint(w.cls.values()) for w in units[k:m]):
                break
            out += [key for key in units[a].keys if key not in out]
            k = a + 1
            continue
        if v.text == "," and speaker_follows(units, k + 1, hi):
            break  # "… terhadap Rusia …, Presiden Komisi Eropa X mengatakan …": who tells it, no target
        if v.text == "," and k + 1 < hi and clause_verb(units[k + 1]):
            break  # "… terhadap A, menjelang pertemuannya dengan B", "… pada A, mendesak pembebasan B": a new clause
        if v.has("Relativizer"):  # a relative clause describes the last target: skip to its end
            # (where they come from may be a list itself: "… C yang berasal dari A, B dan C": to the clause's end)
            origin = k + 1 < hi and units[k + 1].has("OriginVerb")
            rel = k
            while k < hi and units[k].text != ";" and not (units[k].text == "," and (
                    not origin or k + 1 < hi and units[k + 1].has("Conjunction"))):
                k += 1  # (", serta D" goes on with the targets)
            # "… entitas yang berafiliasi dengan kelompok seperti A, B dan C": the clause's own list, to its last member
            # (of its own kind: "… yang berbasis di China, serta B" goes on with a firm after the place)
            k = max([k] + [m + 1 for w in units[rel:k] if w.is_actor and not w.title for m in w.group
                           if m >= k and units[m].etype == w.etype])
            if _apposed(units, k, hi):
                k += 2  # "… yang sebagian sahamnya dimiliki raksasa minyak Rusia, Rosneft.": the clause's owner named
            continue
        if v.pron == "1":  # "…, tindakan kami menekan X," kata A: the speaker's "we" is who imposes, no target
            k += 1
            continue
        if v.is_actor and not v.paren and not v.title and (listed_actor(units, k, preps) or after_place(units, v)):
            if v.etype == "ORG" and person_described(units, k, j) or _possessor(units, k) or _harmed(units, v) or \
                    v.etype == "GPE" and _titles_person(units, k):
                k += 1  # "para petinggi kelompok pemberontak M23": the persons, not their group
                continue
            head = not out and (all(w.has("FunctionWord", "RegimeNoun") or w.text[:1].isdigit() for w in units[j + 1:k])
                                or _program_of(units, j, k))
            # (not the maker of goods named just before: "produsen utama drone Rusia, dan Wagner Group")
            if v.etype in ("ORG", "PER") or head or (not v.modifier and v.etype == "GPE" and v.group
                                                     and not units[v.group[0]].modifier and v.possessor_of is None):
                # each member on its own merits: "kontraktor pertahanan Amerika Serikat, Redstone Dynamics
                # Inc. dan Pacific Shield Systems" coordinates a modifier with two targets; states coordinated
                # with a modifier modify too ("tujuh perusahaan Rusia, Iran dan Korea Utara")
                out += [key for key in v.keys if key not in out]
            k += 1
            continue
        k += 1
    return tuple(out)


def _colon_list(units: list[Unit], j: int, k: int) -> bool:
    """Whether the colon at ``k`` opens the list of the phrase after ``j`` ("terhadap tiga individu: A, B, dan C"):
    plain words before it (a state only as their modifier: "kapal-kapal Rusia:"), no verb, and a name after it."""
    m = after_titles(units, k + 1)  # (past a rank: "…: Jenderal A, …")
    return units[k].text == ":" and m < len(units) and units[m].is_actor and not any(
        v.etype not in (None, "GPE") or v.is_verb() for v in units[j + 1:k])


def aimed_at(units: list[Unit], i: int, hi: int, state: State, own: int | None = None) -> tuple[str, ...]:
    """The object of a verb of aiming after the sanction noun in its clause ("sanksi … untuk
    menghukum Rusia", "sanksi yang menargetkan Iran Air"), past the noun's own sanctioner at ``own``
    ("Sanksi baru Washington menyasar …")."""
    end, j = i + 8, i
    while j + 1 < min(len(units), end):
        j += 1
        v = units[j]
        if v.text in (".", ";") or v.is_actor and j != own:
            return ()
        if v.text in ("(", ")") or v.text[:1].isdigit() or v.has("CalendarWord"):
            end += 1  # "Sanksi yang diumumkan X pada Rabu (21/6) itu menyasar …": a date takes no reach
        if v.has("AimVerb") and v.voice("AimVerb") == ACTIVE:
            return aim_objects(units, j, state)
    return ()


def aim_objects(units: list[Unit], j: int, state: State) -> tuple[str, ...]:
    """What the verb of aiming at ``j`` aims at: a list of firms and persons ("membidik A, B serta C"),
    else its object."""
    hi = clause_right(units, j)
    if hi < len(units) and units[hi].text == ";" and item_follows(units, hi, len(units)):
        hi = len(units)  # the list goes on past a semicolon
    listed = named_targets(units, j, hi, state)
    if listed:
        return listed
    colon = next((k for k in range(j + 1, min(len(units), j + 8)) if units[k].text == ":"), None)
    if colon is not None:  # "sanksi menyasar pejabat Mali sendiri: Menteri Pertahanan Sadio Camara, …"
        listed = tuple(t for t in named_targets(units, colon, len(units), state)
                       if state.entities.get(t) is not None and state.entities[t].type in ("ORG", "PER"))
        if listed:
            return listed
    o = right_actor(units, j, min(len(units), j + 5), ())
    if o is not None and describes(units[o]):
        return ()  # "menyasar tiga warga Iran", "industri drone Iran": the persons or the trade, not the state
    return actor_keys(units, o, state) if o is not None else ()


def _harmed(units: list[Unit], v: Unit) -> bool:
    """Whether the party ``v`` (with those coordinated with it) is what an act named just before was done to
    ("entitas yang terlibat dalam peretasan A dan B", "… pembunuhan X"): the harmed, not a target."""
    first = v.group[0] if v.group else v.i
    return first > 0 and not units[first - 1].etype and units[first - 1].has("HarmedPersonNoun")


def _possessor(units: list[Unit], k: int) -> bool:
    """Whether the actor at ``k`` only owns what is sanctioned: a name right after a word for his government
    ("staf pemerintahan X", "pejabat administrasi X") or for allies ("sekutu X") tells whose it is, not who is
    targeted."""
    v = units[k]
    p = units[k - 1] if k else None
    if v.etype in ("ORG", "GPE") and p is not None and not p.etype and p.has("AffiliateNoun"):
        return True  # "perusahaan afiliasi RSF", "proksi Iran": whose affiliates are sanctioned
    m = k - 1
    while m > max(0, k - 5) and not units[m].etype and units[m].has("RoleTitle", "TitleQualifier", "PersonNoun") \
            and not units[m].has("AllyNoun"):
        m -= 1  # (past his titles: "sekutu mantan Presiden X")
    if m >= 0 and m < k and not units[m].etype and units[m].has("AllyNoun"):
        return True  # "sekutu mantan Presiden X", "mitra Rusia": whose allies are sanctioned, not he or it
    if v.etype != "PER":
        return False
    return p is not None and not p.etype and p.has("GovernmentNoun") and not p.has("StateNoun")  # (not "Ibu Negara X")


def _titles_person(units: list[Unit], k: int) -> bool:
    """Whether the state at ``k`` stands in the title of the person named right after it, past a hyphened partner
    ("Ketua Komisi Keamanan AS-China X"): whose commission it is, no target."""
    m = k + 1
    while m + 1 < len(units) and units[m].text == "-" and units[m + 1].etype == "GPE":
        m += 2
    return m < len(units) and units[m].etype == "PER"


def _grounds(units: list[Unit], k: int, hi: int) -> bool:
    """Whether unit ``k`` opens the grounds of a sanction after its targets ("… atas kasus serangan terhadap X",
    "… sebagai respons atas serangan negara X"): a grounds preposition before a plain noun, not one more item of
    the list (after a comma or a conjunction)."""
    v, nxt, prev = units[k], units[k + 1] if k + 1 < hi else None, units[k - 1]
    return not v.etype and v.has("GroundsPrep") and nxt is not None and not nxt.etype and nxt.text.isalpha() \
        and nxt.text.islower() and not prev.has("Conjunction") and prev.text != ","


def _program_of(units: list[Unit], j: int, k: int) -> bool:
    """"sanksi terhadap program rudal balistik Iran", "… terhadap sektor energi Rusia": a state's programme,
    sector or industry opens the phrase and the state closes it (plain words or weapons between): the
    state is the target."""
    if k - j > 6 or j + 1 >= k or units[j + 1].etype or not units[j + 1].has("ProgramNoun"):
        return False
    return all(not w.is_actor and (w.is_weapon or w.text.isalpha() and w.text.islower()) for w in units[j + 2:k])


def _dated(units: list[Unit], k: int) -> bool:
    """Whether a date opens at ``k`` ("pada Rabu", "pada 14 Oktober"), not a count ("kepada 19 orang")."""
    return units[k].has("CalendarWord") or units[k].text[:1].isdigit() and k + 1 < len(units) and \
        units[k + 1].has("CalendarWord")


def _apposed(units: list[Unit], k: int, hi: int) -> bool:
    """Whether the comma at ``k``, ending a relative clause whose last word is a description ("raksasa minyak
    Rusia"), sets off the one name that description is of, closing the sentence: no further target."""
    if k + 1 >= hi or units[k].text != "," or k < 1:
        return False
    last, name = units[k - 1], units[k + 1]
    described = not last.etype and last.is_noun() or last.etype == "GPE" and last.modifier
    return described and name.is_actor and not name.group and (k + 2 >= len(units) or units[k + 2].text in STOP_PUNCT)
