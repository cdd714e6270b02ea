"""Heads of noun phrases an actor stands in: the body a titled leader leads, the person an apposition
describes, the organisation a bracket names, the members a list exemplifies, the actor
holding the office a capacity phrase names, the speech verb a second one is joined to. Used by clause.left_subject."""

from __future__ import annotations

from kg.cues import ACTIVE, POSSESSIVE, passive_prefixed, stative_prefixed
from kg.extract.described import SPEECH
from kg.extract.titlewords import before_titles, title_word
from kg.units import STOP_PUNCT, Unit, skip_span


def led_body(units: list[Unit], j: int) -> int:
    """"Militer Sudan (SAF) pimpinan Jenderal Abdel Fattah al-Burhan mengumumkan …": a person named by the
    title of the body just before the title ("X pimpinan Y") leads the subject; the body is the subject."""
    if units[j].etype != "PER":
        return j
    t = j - 1
    while t >= 0 and not units[t].etype and units[t].has("Rank", "RoleTitle", "TitleQualifier"):
        t -= 1
    if t == j - 1 or not units[t + 1].has("RoleTitle"):
        return j
    b = t
    while b >= 0 and (units[b].text in ("(", ")") or units[b].paren):
        b -= 1
    return b if b >= 0 and units[b].etype in ("ORG", "GPE") and units[b].is_actor and not units[b].title else j


def examples_after(units: list[Unit], i: int) -> int | None:
    """The actors a relative clause's noun is exemplified by after the clause (", seperti A dan B,"), or None."""
    for k in range(i + 1, min(len(units) - 2, i + 12)):
        v = units[k]
        if v.text in STOP_PUNCT:
            return None
        if v.text == ",":
            nxt = units[k + 1]
            if nxt.has("ListIntro") and nxt.has("Preposition") and units[k + 2].is_actor and not units[k + 2].paren:
                return k + 2
            return None
    return None


def exemplified(units: list[Unit], j: int, lo: int) -> bool:
    """"Negara-negara Barat seperti Jerman dan Prancis memasok …", "Sekutu AS, seperti Jepang dan Australia,
    mengecam …": the actors after a list word ("seperti") that follows the plural noun opening the clause at
    ``lo`` are examples of that subject, and so the subject themselves."""
    first = units[j].group[0] if units[j].group else j
    # (the list word may span words: "di antaranya")
    p = next((k for k in range(first - 1, max(lo, first - 4), -1)
              if units[k].has("ListIntro") and k + units[k].span.get("ListIntro", 1) == first), first - 1)
    if p <= lo or not (units[p].has("ListIntro") and units[p].has("Preposition")):
        return False
    h = p - 1 if units[p - 1].text == "," else p
    lo = max([k + 1 for k in range(lo, h) if units[k].text == ","], default=lo)  # (past "Pada hari yang sama, …")
    words = 0
    for v in units[lo:h]:
        if v.etype:
            if not v.is_actor or v.i == lo:
                return False  # "Sekutu [AS]": an actor may only describe the noun
            continue
        if not v.text.replace("-", "").isalpha() or v.is_verb() or v.has("Preposition", "ClauseBoundary") and not (
                v.has("SourcePrep") and any(w.has("GovernmentTitle") for w in units[lo:v.i])):
            return False  # (but "para menteri dari sepuluh negara, di antaranya A, B …": the states' own officials)
        words += not v.has("FunctionWord")
    return words > 0


def appositive_head(units: list[Unit], j: int, i: int) -> int:
    """"Kim Yo Jong, adik pemimpin Korea Utara Kim Jong Un, membantah …": an actor inside an
    appositive set off by commas before the verb describes the person before the first comma."""
    k = i - 1
    words = 0  # "Serbia, negara kandidat UE, [menolak ikut] menjatuhkan …": a short verb chain
    while k > j and (units[k].has("FunctionWord") or units[k].text in ("(", ")") or units[k].paren
                     or words < 3 and not units[k].etype and units[k].text.isalpha() and units[k].text.islower()):
        words += not units[k].has("FunctionWord")
        k -= 1
    if k <= j or units[k].text != ",":
        return j
    for c in range(j - 1, max(0, j - 14), -1):
        # "AS dan Arab Saudi, yang memimpin koalisi pendukung pemerintah Yaman, sejak lama menuduh …": a
        # relative clause set off by commas describes the actor before it
        v = units[c]
        if v.text in STOP_PUNCT or v.text == ",":
            break
        if v.has("Relativizer") and units[c - 1].text == "," and c >= 2:
            h = c - 2
            if units[h].is_actor and units[h].etype and not units[h].paren and units[h].key != units[j].key:
                return h
            break
    for c in range(j - 1, max(-1, j - 12), -1):
        v = units[c]
        if v.text in STOP_PUNCT or v.is_verb() and not v.has("FunctionWord"):
            return j
        if v.text == ",":
            h = c - 1
            # not "Dua perusahaan Malaysia, yakni A dan B, disebut …": a list that names the noun's members,
            # nor an aide titled before ("…, Dmitry Peskov, …": kg.extract.titlewords.named_aide)
            if h >= 0 and units[h].is_actor and units[h].etype and not units[h].paren and not units[h].modifier and \
                    not units[c + 1].has("ListIntro") and units[h].key != units[j].key and \
                    (units[h].etype == "PER" or units[c + 1].text[:1].islower()) and not (c + 1 == j and units[j].role) \
                    and not (units[j].group and units[j].group[0] < c):  # (a list's comma: "A, B yang …, serta C")
                return h  # also "Azerbaijan, rival Armenia, mendukung …": a noun opens the appositive
            return j
    return j


def bracket_name(units: list[Unit], j: int) -> int:
    """"Badan intelijen Korea Selatan (NIS) mengatakan …": a state that only modifies a common noun,
    then an organisation in brackets. The brackets name the whole phrase, so they are the subject."""
    u = units[j]
    if u.modifier and j + 2 < len(units) and units[j + 1].text == "(":
        b = units[j + 2]
        if b.paren and b.etype == "ORG" and b.key != u.key:
            return j + 2
    return j


def spouse_before(units: list[Unit], k: int) -> bool:
    """Whether unit ``k`` is a spouse noun before a name, or the comma after one ("didampingi istrinya, Jill
    Biden"): the name is the spouse's own, the phrase is governed by what stands before the noun."""
    if units[k].text == "," and k > 0:
        k -= 1
    return not units[k].etype and units[k].has("SpouseNoun")


def in_capacity(units: list[Unit], j: int) -> int:
    """"Malaysia selaku Ketua ASEAN mengimbau …": the body in a capacity phrase only names the office the
    actor before "selaku/sebagai" holds; that actor is the subject."""
    k = j - 1
    while k > 0 and j - k <= 4 and not units[k].etype and units[k].has("RoleTitle", "TitleQualifier"):
        k -= 1
    if k < j - 1 and k > 0 and not units[k].etype and units[k].has("AsPrep") \
            and units[k - 1].is_actor and not units[k - 1].paren:
        return k - 1
    return j


def apposition_end(units: list[Unit], k: int) -> bool:
    """The comma at ``k`` closes an apposition or a relative clause set off after an actor ("Seoul dan
    Washington, dua pendiri MSMT, …", "AS, yang memimpin koalisi, …"): what follows it is said of that actor,
    as if it stood right before (clause.clause_left reads a time adverbial there as no clause of its own)."""
    return apposition_open(units, k) is not None


def apposition_open(units: list[Unit], k: int) -> int | None:
    """The comma that opens the apposition or relative clause that the comma at ``k`` closes
    (:func:`apposition_end`), or None."""
    if units[k].text != "," or units[k].etype:
        return None
    c = next((m for m in range(k - 1, max(-1, k - 16), -1) if units[m].text in STOP_PUNCT or units[m].text == ","), None)
    # (not a list, "Prancis, Jerman, Italia dan AS, sementara …": an apposition opens with no party; nor "…, kata X,")
    return c if c is not None and c > 0 and units[c].text == "," and c + 1 < k and units[c - 1].is_actor and \
        not units[c + 1].is_actor and not units[c + 1].is_verb() and not units[c + 1].has("QuoteVerb") and \
        not any(v.text in ("(", ")") for v in units[c + 1:k]) else None


def appositive_group(units: list[Unit], i: int, n: int) -> tuple[int, ...] | None:
    """The parties named in apposition right after a group anaphor at ``i`` of ``n`` (0: any number): "mendesak kedua
    negara tetangganya, Thailand dan Kamboja, untuk …", "kedua sahabat kami, A dan B," — the group it means, or None.
    Only plain words between the anaphor and the comma, and the list closed by a comma or the sentence's end."""
    k = i + units[i].span.get("GroupAnaphor", 1)
    while k < len(units) and k - i < 5 and not units[k].etype and units[k].text.isalpha() and not units[k].is_verb():
        k += 1
    if k + 1 >= len(units) or units[k].text != "," or not (g := units[k + 1].group) or g[0] != k + 1 or \
            n and len(g) != n or not all(units[m].key and not units[m].is_weapon for m in g):
        return None
    end = g[-1] + 1
    return g if end >= len(units) or units[end].text == "," or units[end].text in STOP_PUNCT else None


def named_after(units: list[Unit], u: Unit) -> bool:
    """Whether a name follows the head-of-state epithet at ``u`` (then it is a title: "Kepala Negara Vatikan Paus …")."""
    k = skip_span(units, u.i, "HeadOfStateEpithet")
    if "RoleTitle" in u.cls:
        # a head-of-state title read as the epithet ("Presiden akan bertemu …") is a title where a name follows
        # before the clause goes on ("Presiden interim Suriah Ahmed …"), or a title word, a capitalised word
        # or a bracket ("Presiden Republik …", "Presiden (AS)")
        for v in units[k:k + 5]:
            if v.etype == "PER":
                return True
            if v.text in STOP_PUNCT | {","} or v.is_verb() or v.has("Relativizer"):
                break
        return k < len(units) and (units[k].etype is not None or title_word(units[k]) or
                                   units[k].text[:1].isupper() or units[k].text in ("(", ")"))
    return k < len(units) and units[k].etype is not None


def aside_subject(units: list[Unit], j: int, i: int, lo: int) -> int | None:
    """"Jepang, menyusul langkah AS dan Inggris, juga menjatuhkan …", "China, menanggapi tuduhan AS, membantah …":
    the actor at ``j`` stands in an active verb phrase set off by commas right after the subject; the subject, not
    that actor, does the verb at ``i`` (only adverbs between the second comma and the verb)."""
    first, last = (units[j].group[0], units[j].group[-1]) if units[j].group else (j, j)
    c2 = next((k for k in range(last + 1, i) if units[k].text == ","), None)
    c1 = next((k for k in range(first - 1, lo - 1, -1) if units[k].text == ","), None)
    if c1 is None or c2 is None or c1 - 1 < lo or \
            not all(not v.etype and v.has("FunctionWord") for v in units[c2 + 1:i]):
        return None
    v, h = units[c1 + 1], units[c1 - 1]
    if v.etype or not v.is_verb() or passive_prefixed(v.low) or not v.low.startswith("me"):
        return None
    return h.i if h.is_actor and not h.paren and not h.title else None


def prep_aside(units: list[Unit], a: int, b: int) -> bool:
    """"menuduh Ukraina, dengan dukungan negara-negara Barat, memasok …": between units a and b only a phrase led by
    a preposition and set off by commas (no party, no verb in it), then adverbs: the object at ``a`` is still the
    verb's subject."""
    if a + 3 >= b or units[a + 1].text != "," or units[a + 2].etype or \
            not units[a + 2].has("Preposition", "MeansPrep"):  # (also "lewat", "melalui")
        return False
    c2 = next((k for k in range(a + 3, b) if units[k].text == ","), None)
    return c2 is not None and c2 - a <= 8 and \
        all(not v.etype and not v.is_verb() and v.text not in STOP_PUNCT for v in units[a + 3:c2]) and \
        all(not v.etype and v.has("FunctionWord") for v in units[c2 + 1:b])


def reported_second(units: list[Unit], k: int, lo: int) -> bool:
    """", serta menyatakan ingin membeli …", "dan menegaskan akan mengirim …": an active verb of saying right after a
    conjunction opens a second clause with the first one's subject, and the verb it governs is done by that subject
    too (not by a party named at the end of the first clause, "… dari perusahaan Jerman Rheinmetall")."""
    return k - 1 > lo and not units[k].etype and units[k].voice("ReportCue") == ACTIVE and \
        units[k - 1].has("Conjunction", "SameSubjectConj") and not units[k - 1].etype


def adverbs_only(units: list[Unit], a: int, b: int) -> bool:
    """Nothing but adverbs of time and manner, modals and negation between units a and b ("kini", "segera", "tahun
    depan", "akan", "sejak 2015", "selama bertahun-tahun"): the reported clause's subject stands at ``a``."""
    k = a + 1
    while k < b:
        v = units[k]
        if not v.etype and v.has("Preposition", "SinceConj", "DurationPrep") and k + 1 < b and (
                _plain(units[k + 1]) or units[k + 1].text.isdigit() or units[k + 1].has("FunctionWord")):
            k += 3 if k + 2 < b and _plain(units[k + 2]) else 2  # "pada tahap berikutnya": a phrase of time
            continue
        if v.etype or not v.has("FunctionWord", "PlannedCue", "PotentialCue", "NegationCue", "NowAdverb", "MannerAdverb",
                                "AllegedCue", "NextLegAdverb"):  # (also "konon", "lantas")
            return False
        k += 2 if v.has("TimeUnit") and k + 1 < b and _plain(units[k + 1]) else 1
    return True


def _plain(v: Unit) -> bool:
    """A lower-case word that names no one and does nothing ("tahap", "depan", "berikutnya")."""
    return not v.etype and v.text.isalpha() and v.text.islower() and not v.is_verb() and \
        not v.has("Preposition", "Relativizer", "Demonstrative")


def noun_subject_after_and(units: list[Unit], k: int, lo: int) -> bool:
    """"Ukraina pengekspor gandum besar, dan negara-negara Barat menuduh …": the verb after ", dan" has its own
    subject, common nouns ending at ``k`` (also after "para", "banyak"; not one told with "-nya"), after a clause
    that ends in no party."""
    h, nouns = k, 0
    while h >= max(lo, k - 3) and (v := units[h]).text.replace("-", "").isalpha() and not v.etype and not v.pron and \
            not v.is_verb() and not v.low.endswith(POSSESSIVE) and \
            (set(v.cls) - {"TimeUnit", "PluralMarker", "RestWord"} == {"FunctionWord"} or
             not v.has("FunctionWord", "Preposition", "Conjunction")):
        nouns += not v.has("FunctionWord")
        h -= 1
    return nouns > 0 and lo + 2 <= h < k and units[h].has("Conjunction") and not units[h].etype and \
        units[h - 1].text == "," and not units[h - 2].is_actor


def counted_glue(units: list[Unit], a: int, b: int) -> bool:
    """Only glue and counts between a verb at ``a`` and a noun at ``b`` ("melakukan sekitar sepuluh kali pengiriman
    senjata": the verb's object is the noun, counted)."""
    return all(v.paren or v.text in ("(", ")", ",") or not v.etype and (
        v.text[:1].isdigit() or v.has("NumberWord", "FunctionWord", "PotentialCue", "PlannedCue", "NegationCue", "StopVerb",
                                              "PurposeConj"))
        for v in units[a + 1:b])


def joined_anaphor(units: list[Unit], j: int) -> tuple[str, ...]:
    """The parties a group anaphor stands for, joined to the actor at ``j`` ("menuding AS dan ketiga negara Eropa
    tersebut melanggar …"): they are listed with it (the anaphor is no mention, so in no coordination)."""
    if j + 2 < len(units) and units[j + 1].has("Conjunction") and not units[j + 1].etype and \
            units[j + 2].pron == "many":
        return units[j + 2].keys
    return ()


def contrast_first(units: list[Unit], i: int, lo: int) -> int | None:
    """The verb of the clause before ", tetapi" where the verb at ``i`` follows the contrast with no subject of its own
    ("RSF mengaku menyambut perundingan, tetapi menuding militer Sudan …"): the two verbs share that subject."""
    if i != lo or lo < 3 or not units[lo - 1].has("ContrastConj") or units[lo - 1].etype or units[lo - 2].text != "," \
            or not units[i].is_verb():
        return None
    for v in reversed(units[:lo - 2]):
        if v.text in STOP_PUNCT or v.has("Complementizer"):
            return None
        if v.is_verb() and not v.etype and not v.has("FunctionWord"):
            return v.i
    return None


def adverbial_subject(units: list[Unit], i: int, lo: int) -> int | None:
    """"Shoigu, seusai bertemu Kim di Pyongyang, menuduh …", "Saar, saat berkunjung ke Budapest, menyatakan …": a
    clause of time set off by commas between a subject and its verb (only adverbs after the second comma); the
    verb's subject is the one before the first comma (where the comma stands, ``left_subject`` finds it). The same
    aside without commas: :func:`_bare_aside`."""
    if lo < 2 or units[lo - 1].etype or not units[lo - 1].has("AdverbialConj"):
        return None
    if (bare := _bare_aside(units, i, lo)) is not None:
        return bare
    if lo < 3:
        return None
    # the first comma right before the conjunction, or before a phrase of means or place that opens the aside
    # ("Zelensky, melalui unggahan di X usai bertemu Y, menuding …")
    c1 = next((k for k in range(lo - 2, max(0, lo - 8), -1) if units[k].text == ","), None)
    if c1 is None or c1 < 1 or c1 < lo - 2 and (units[c1 + 1].etype or not units[c1 + 1].has("Preposition", "MeansPrep") or
                                                any(v.text in STOP_PUNCT for v in units[c1 + 1:lo - 1])):
        return None
    if not (h := units[c1 - 1]).is_actor or h.paren or h.quote != units[i].quote:
        return None
    c2 = next((k for k in range(i - 1, lo, -1) if units[k].text == ","), None)
    if c2 is None or not all(not v.etype and v.has("FunctionWord") for v in units[c2 + 1:i]):
        return None
    return c1


def _bare_aside(units: list[Unit], i: int, lo: int) -> int | None:
    """"Phumtham sebelum bertolak dari Bangkok ke Malaysia menuding …": the same aside with no commas, a verb with
    no subject of its own and only the places, times and adverbs it takes ("Trump sejak menjabat kembali pada 20
    Januari berkali-kali menuduh …"): the person before it is the subject (the conjunction's place is returned)."""
    h = units[lo - 2]
    if i <= lo + 1 or h.etype != "PER" or h.paren or h.quote != units[i].quote or not units[lo].is_verb() or \
            units[lo].etype or not all(v.etype in ("GPE", "LOC") or not v.etype and (
                v.has("Preposition", "FunctionWord", "CalendarWord") or v.text[:1].isdigit()) for v in units[lo + 1:i]):
        return None
    return lo - 1  # (``left_subject`` reads the subject left of the conjunction, as left of the comma above)


def both_opener(units: list[Unit], k: int) -> bool:
    """A plain word before "oleh" whose list closes with "maupun": the "baik" of "baik oleh A maupun B"."""
    return k + 2 < len(units) and not units[k].etype and not units[k].cls and units[k + 1].has("AgentPrep") and \
        any(v.has("EitherConj") and not v.etype for v in units[k + 2:k + 8])


def companion_tail(units: list[Unit], last: int, i: int) -> bool:
    """Whether only a companion phrase stands between a subject ending at ``last`` and its verb at ``i`` (", bersama
    UE", "bersama Kanada dan Australia"): the subject acts with them."""
    k = last + 1 + (last + 1 < i and units[last + 1].text == ",")
    if k >= i or units[k].etype or not units[k].has("CompanionPrep"):
        return False
    return all(v.is_actor or v.text in (",", "(", ")") or not v.etype and v.has("Conjunction", "FunctionWord")
               for v in units[k + 1:i]) and any(v.is_actor for v in units[k + 1:i])


def past_government(units: list[Unit], a: int) -> int:
    """Where a passive's agent at ``a`` is named: past a government noun that heads a state ("dituduh pemerintah
    AS", "dikecam otoritas China": the state acts), or past unnamed officials of one ("dibantah para petinggi Iran")."""
    if a + 2 < len(units) and units[a].has("PluralMarker") and units[a + 1].has("PersonNoun") and \
            not units[a].etype and not units[a + 1].etype and units[a + 2].etype == "GPE":
        return a + 2
    return a + 1 if a + 1 < len(units) and units[a].head_word and units[a].has("GovernmentNoun") and \
        not units[a].etype and units[a + 1].etype == "GPE" else a


def leader_government(units: list[Unit], j: int) -> Unit | None:
    """The government noun before a person's leader title ("pemerintahan [Presiden] Donald Trump
    memperingatkan …"): the administration, which acts for its state; None where there is none."""
    h = before_titles(units, j)
    if h == j or h == 0 or not units[h].has("HeadOfStateTitle", "GovernmentTitle") or units[h].etype:
        return None
    g = units[h - 1]
    return g if not g.etype and g.has("GovernmentNoun") and not g.title and not title_word(g) else None


def only_glue(units: list[Unit], a: int, b: int) -> bool:
    """Nothing but adverbs, modals, negation, agar/untuk and verbs of stopping between units a and b
    ("memperingatkan Washington agar berhenti mempersenjatai …": Washington arms)."""
    for v in units[a + 1:b]:
        if not (v.paren or v.text in ("(", ")", ",") or
                v.has("FunctionWord", "PotentialCue", "PlannedCue", "NegationCue", "StopVerb", "PurposeConj")):
            return False
    return True


#: words before a state that leave it the head of its phrase (not a noun it qualifies: "senator AS")
_NOT_NOUN = ("FunctionWord", "Conjunction", "Preposition", "ClauseBoundary", "Complementizer", "ReportCue",
             "BeliefCue", "NegationCue", "PlannedCue", "PotentialCue")


def state_subject(units: list[Unit], u: Unit, i: int) -> bool:
    """Whether the state ``u`` stands as the subject right before the verb at ``i`` (no object of a preposition,
    no modifier): where a person is sought as that verb's subject, none is ("Ia berpendapat Sudan datang …")."""
    first = u.group[0] if u.group else u.i
    p = units[first - 1] if first > 0 else None  # (not "Tiga senator AS berkunjung …": the noun's state)
    qualifies = p is not None and (p.has("RoleTitle", "PersonNoun") or not p.etype and p.text.isalpha() and
                                   not p.is_verb() and not p.has(*_NOT_NOUN))
    return u.etype == "GPE" and not u.modifier and not u.pron and not u.prep and not qualifies and \
        only_glue(units, u.group[-1] if u.group else u.i, i)


def craft_subject(units: list[Unit], j: int, i: int) -> bool:
    """Whether a weapon stands between the actor at ``j`` and the verb at ``i`` as that verb's subject, only its
    qualifiers after it ("data radar Kementerian Pertahanan memperlihatkan [drone pengintai bersenjata itu] telah
    menerobos …"): the craft does the act, not the actor before it."""
    w = next((k for k in range(i - 1, j, -1) if units[k].is_weapon), None)
    if w is None or not units[w - 1].has("ReportCue", "BeliefCue", "Complementizer"):
        return False  # (not "Hizbullah menembakkan roket dan melanggar …": the weapon is an object there)
    return not any(v.is_verb() and not v.has("FunctionWord") and not (not v.cls and stative_prefixed(v.low))
                   or v.is_actor or v.text in ",;" or v.has("Conjunction") for v in units[w + 1:i])


def matrix_speech(units: list[Unit], i: int, k: int) -> int | None:
    """The speech verb heading the sentence a speech verb at ``i`` is joined to by ", dan" at ``k``: "Militer
    Thailand menuduh pasukan Kamboja melanggar …, dan memperingatkan …", "Tentara Sudan menolak tuduhan UEA bahwa
    pasukannya mengebom …, dan malah menyalahkan RSF": the second act is the first speaker's, not that of whoever
    acts inside what was said (the accused, the accuser named in the rejected claim); also with no comma where the
    second verb reports ("menuding Washington sengaja menggagalkan … dan memperingatkan bahwa …") or is one of the
    first's kind ("menuduh Ramaphosa menghambat … dan menuding Afrika Selatan …")."""
    that = i + 1 < len(units) and units[i + 1].has("Complementizer") and not units[i + 1].etype
    if k < 1 or not units[i].has(*SPEECH):
        return None
    end = k - 1 if units[k - 1].text == "," else k
    q, s = units[i].quote, end
    while s > 0 and units[s - 1].quote == q and units[s - 1].text not in STOP_PUNCT and not (
            units[s - 1].has("ClauseBoundary") and not units[s - 1].etype):
        s -= 1
    for v in units[s:end]:
        if not v.etype and v.cls and v.is_verb() and any(v.voice(c) == ACTIVE for c in SPEECH):
            later = any(w.is_verb() and w.cls and not w.etype and not w.has("FunctionWord") for w in units[v.i + 1:k])
            kin = any(v.voice(c) == ACTIVE == units[i].voice(c) for c in SPEECH)
            return v.i if later and (units[k - 1].text == "," or that or kin) else None
    return None


def past_source(units: list[Unit], k: int, lo: int, glue: frozenset[str]) -> int:
    """Where the search for a subject goes on from ``k``: past a source told in passing before the verb ("AS, yang
    menurut Beijing terus memasok …"), and the adverbs (classes in ``glue``) before it."""
    while k > lo and units[k].is_actor:
        j = k - 1
        while j > lo and k - j <= 2 and not units[j].etype and units[j].has(*_SOURCE_HEAD):
            j -= 1  # "yang menurut pemerintah Jepang telah memasok …"
        if not units[j].has("AccordingTo") or units[j].etype:
            break
        k = back_past(units, j - 1, lo, glue)
    return k


#: nouns a source told in passing may open with before its name ("menurut pemerintah Jepang")
_SOURCE_HEAD = ("GovernmentNoun", "RegimeNoun", "PersonNoun", "RoleTitle", "OrgHead", "StateBody")


def back_past(units: list[Unit], k: int, lo: int, glue: frozenset[str]) -> int:
    """From ``k`` back (not before ``lo``) past the words of the classes in ``glue`` (adverbs, modals, negation),
    stopping at "yang": the first word that is none of them."""
    while k >= lo and not units[k].etype and not glue.isdisjoint(units[k].cls) and "Relativizer" not in units[k].cls:
        k -= 1
    return k


def but_also(units: list[Unit], i: int, j: int) -> int | None:
    """Past the contrast word at ``j`` where it answers a "not only" at most four words before ``i`` ("tidak hanya
    …, tetapi juga") and no verb follows it: what comes after goes on with the clause, not a clause of its own."""
    if "ContrastConj" not in units[j].cls:
        return None
    k = j + 1
    while k < len(units) and not units[k].etype and units[k].has("FunctionWord") and not units[k].is_verb():
        k += 1
    return j + 1 if (k >= len(units) or not units[k].is_verb()) and not_only(units, i - 4, j) else None


def not_only(units: list[Unit], lo: int, hi: int) -> bool:
    """A "not only" ("tidak hanya", "bukan hanya") between ``lo`` and ``hi``: a list or clause goes on after its
    "tetapi juga"."""
    return any(units[m].has("OnlyCue") and units[m - 1].has("NegationCue") and not units[m - 1].etype
               for m in range(max(1, lo), hi))


def _clause_verbs(units: list[Unit], c: int) -> list[int]:
    """The verbs of the sentence before unit ``c``, back to its last stop."""
    lo = max((v.i for v in units[:c] if v.text in STOP_PUNCT), default=-1)
    return [v.i for v in units[lo + 1:c] if v.is_verb() and not v.etype and not v.has("FunctionWord")]


def _main_verb(units: list[Unit], c: int) -> int | None:
    """The verb of the clause a same-subject conjunction at ``c`` that opens a clause of its own hangs on: the first
    one with a cue class in its sentence ("X mengancam Y akan menanggung …, seraya …": mengancam), else the first."""
    verbs = _clause_verbs(units, c)
    return next((k for k in verbs if units[k].cls), verbs[0] if verbs else None)


def same_subject_verb(units: list[Unit], c: int, i: int) -> int | None:
    """The main verb whose subject goes on in a clause with none after the word at ``c``: "seraya"; "sebelum",
    "setelah", "saat" before a verb ("Yordania melarang X setelah menuding Y …"), where the main verb stands outside
    any quote the clause is not in."""
    u = units[c]
    if u.etype or not (u.has("SameSubjectConj") or ("NextLegAdverb" in u.cls and u.has("ClauseBoundary")
                                                    or u.has("AdverbialConj")) and units[i].is_verb()):
        return None
    if not u.has("SameSubjectConj", "NextLegAdverb"):
        # a clause of time hangs on the verb right before it, an active one ("A didampingi B saat menerima C", "seperti
        # diungkapkan X saat berkunjung ke Y": the nearest party's; "X, yang saat berkunjung …": the relative clause's)
        m = (_clause_verbs(units, c) or [None])[-1]
        return m if m is not None and not passive_prefixed(units[m].low) and not (
            c > 0 and units[c - 1].has("Relativizer")) and units[m].quote == units[i].quote else None
    m = _main_verb(units, i - 1)
    return m if m and (u.has("SameSubjectConj") or units[m].quote == units[i].quote) else None
