"""Clause structure over units: clause edges, subjects (with object control and passive agents),
objects, prepositional arguments and coordination. Read-only helpers shared by every rule."""

from __future__ import annotations

from kg.cues import ACTIVE, PASSIVE, POSSESSIVE, passive_prefixed, word_is
from kg.extract import heads
from kg.extract.context import Frame, State
from kg.extract.described import SPEECH as SPEECH  # (re-exported: the rules ask it of clause)
from kg.extract.described import listed_members, nominal_relative_host, verbal_relative_host
from kg.extract.duration import before_date, duration_end, time_adjunct, time_after
from kg.extract.examples import ally_owner, ally_partner, coordinated_examples, example_start, more_examples, state_region
from kg.extract.heads import appositive_head, bracket_name, examples_after, exemplified, in_capacity, led_body, spouse_before
from kg.extract.lists import sum_part
from kg.extract.memo import per_sentence
from kg.extract.parties import group_of_state, named_group
from kg.extract.speaker_acts import speaker_act_after
from kg.extract.titlewords import after_titles, money_state, title_word, titled
from kg.resolve import gazetteer
from kg.resolve.english import name_words
from kg.units import ACTORS, CLOSE_QUOTES, OPEN_QUOTES, STOP_PUNCT, Unit, abbrev_dot

#: Object-control verbs: their object is the subject of the clause that follows.
CONTROL = ("DemandCue", "WarnCue", "PersuadeCue", "AccuseCue", "ReportCue", "BeliefCue", "AttitudeVerb")
#: the words a verb's subject may stand before: adverbs ("langsung"), modals, negation, "diduga", "(ber)balik" (left_subject)
_GLUE = frozenset({"FunctionWord", "PotentialCue", "PlannedCue", "NegationCue", "AllegedCue", "TurnAroundAdverb",
                   "MannerAdverb"})
RECIPIENT_SKIP = 3  # common nouns allowed between "ke" and the recipient ("ke organisasi paramiliter Rusia")


def boundary(u: Unit) -> bool:
    """Where a clause ends: not at an adverbial that opens with a subordinator ("selama ini")."""
    # (the classes asked in place, not through ``Unit.has``: every clause edge asks this of every word)
    cls = u.cls
    return u.text in STOP_PUNCT or bool(cls) and ("ClauseBoundary" in cls or "Complementizer" in cls) and \
        u.span.get("FunctionWord", 1) == 1


def quote_mark(units: list[Unit], j: int) -> bool:
    """A quotation mark that opens or closes a registered quotation (not a scare quote)."""
    return units[j].text in _QUOTE_MARKS and any(0 <= k < len(units) and units[k].quote is not None for k in (j - 1, j + 1))


#: quotation marks and clause ends: a word with neither these nor a cue class passes ``clause_left``/``_right`` at once
_MARKS = frozenset(OPEN_QUOTES | CLOSE_QUOTES | STOP_PUNCT)
_QUOTE_MARKS = frozenset(OPEN_QUOTES | CLOSE_QUOTES)


@per_sentence
def clause_left(units: list[Unit], i: int) -> int:
    q = units[i].quote
    j = i - 1
    while j >= 0:
        u = units[j]
        # (a boundary, a quotation edge or mark: boundary() needs a stop or a cue class, quote_mark() a mark)
        if u.quote != q or (u.cls or u.text in _MARKS) and \
                (boundary(u) and not _in_title(units, j) and not time_adjunct(units, j, i)
                 or u.text in _QUOTE_MARKS and quote_mark(units, j)
                 or j == i - 1 and "ReasonConj" in u.cls and not u.etype and units[i].is_verb()):
            return j + 1  # (a reason word right before the verb opens its clause: "… akibat membeli …")
        j -= 1
    return 0


def _in_title(units: list[Unit], j: int) -> bool:
    """"presiden sementara Suriah", "Kepala Penasihat pemerintahan sementara X": a qualifier after a title (or after
    the government a title heads), not the conjunction "sementara"."""
    k = j - 1 if j > 1 and units[j - 1].has("GovernmentNoun") and not units[j - 1].etype else j
    return k > 0 and units[j].has("TitleQualifier") and units[k - 1].has("RoleTitle") and not units[k - 1].etype


def clause_right(units: list[Unit], i: int, through_bahwa: bool = False) -> int:
    q = units[i].quote
    j = i + 1
    n = len(units)
    while j < n:
        u = units[j]
        if u.quote != q:
            return j
        if not u.cls and u.text not in _MARKS:  # no boundary, mark or cue class: the tests below fail
            j += 1
            continue
        if "ClauseBoundary" in u.cls and (d := duration_end(units, j) or heads.but_also(units, i, j)) is not None:
            j = d  # "berkunjung selama tiga hari ke Tokyo": a span of time, no clause of its own; "tidak hanya
            continue  # mengirim amunisi, tetapi juga rudal": more objects of the same verb
        if u.text in _QUOTE_MARKS and quote_mark(units, j) or u.text in STOP_PUNCT and not abbrev_dot(units, j) or \
                "ClauseBoundary" in u.cls and not _in_title(units, j):
            return j
        if "Complementizer" in u.cls and not (through_bahwa and j <= i + 3):
            return j
        j += 1
    return j


def predicate_end(units: list[Unit], i: int, hi: int) -> int:
    """Where a second predicate of the same subject starts ("Prancis mengutuk kudeta itu dan mendesak agar Bazoum
    dipulihkan", "… memborong peralatan militer Rusia sembari meminta …"): the objects of the verb at ``i`` end at
    the conjunction before it."""
    for k in range(i + 1, hi - 1):
        v, w = units[k], units[k + 1]
        if not v.etype and v.has("Conjunction", "SameSubjectConj") and w.is_verb() and not w.has("FunctionWord") and \
                any(x.etype or x.text.isalpha() and not x.has("FunctionWord", "VehementAdverb") for x in units[i + 1:k]):
            return k  # (not "menyesalkan dan menentang keras sikap AS": two verbs, one object)
    return hi


def prev_unit(units: list[Unit], j: int) -> Unit | None:
    """The unit before ``j``, skipping brackets and bracketed aliases."""
    k = j - 1
    while k >= 0 and (units[k].text in ("(", ")") or units[k].paren):
        k -= 1
    return units[k] if k >= 0 else None


@per_sentence
def governor(units: list[Unit], j: int) -> Unit | None:
    """The word that governs the noun phrase ending in unit ``j``: what comes before its titles, determiners and
    brackets ("memanggil [duta besar] Rusia", "menuduh [sejumlah pejabat] Rusia")."""
    k = j - 1
    while k >= 0 and (units[k].text in ("(", ")") or units[k].paren or units[k].head_word
                      or (not units[k].etype and units[k].has("FunctionWord") and not units[k].has("Relativizer"))
                      or units[k].etype in ("GPE", "ORG") and k > 0 and title_word(units[k - 1])
                      or spouse_before(units, k)):
        k -= 1  # (also the state of a title, "bertemu [Presiden Mesir] X", and a spouse, "didampingi [istrinya,] X")
    return units[k] if k >= 0 else None


def group_prep(units: list[Unit], j: int) -> str | None:
    u = units[j]
    return units[u.group[0]].prep if u.group else u.prep


@per_sentence
def left_subject(units: list[Unit], i: int, per_only: bool = False, allow_object: bool = True) -> int | None:
    """Nearest actor on the left that can be the subject of the verb at ``i``."""
    lo = clause_left(units, i)
    if (first := heads.contrast_first(units, i, lo)) is not None:  # "X mengaku …, tetapi menuding Y …": X's
        return left_subject(units, first, per_only, allow_object)
    if (c := heads.adverbial_subject(units, i, lo)) is not None:  # "X, saat berkunjung ke Y, menuduh Z": X's
        return left_subject(units, c, per_only, allow_object)
    if 1 < lo == i and (m := heads.same_subject_verb(units, lo - 1, i)) and \
            ((s := left_subject(units, m, per_only, allow_object)) is not None or units[lo - 1].has("SameSubjectConj")):
        return s  # "X mengancam …, seraya menuduh Y …": X accuses; "X diterima Raja Y sebelum bertemu Z": X meets Z
    k = i - 1
    while k >= lo and not units[k].etype and (not _GLUE.isdisjoint(units[k].cls) or heads.reported_second(units, k, lo)) \
            and "Relativizer" not in units[k].cls:
        k -= 1
    k = d if (d := before_date(units, k, lo)) < k and units[d].has("Conjunction", "SameSubjectConj") else k
    k = heads.past_source(units, k, lo, _GLUE)  # "AS, yang menurut Beijing terus memasok …": Beijing tells it
    if k == i - 1 > lo and units[k].is_verb() and not units[k].cls:
        # past a plain verb right before a noun cue ("dan melakukan kunjungan …", ", lalu …") to the "dan" or ", lalu"
        c = heads.back_past(units, k - 1, lo, _GLUE)
        k = c if c > lo and (units[c].has("Conjunction", "SameSubjectConj") or
                             units[c].text == "," and units[c + 1].has("NextLegAdverb")) else k
    lalu = k + 1 < i and units[k].text == "," and units[k + 1].has("NextLegAdverb")  # "…, lalu V", "…, kemudian V"
    if k > lo and (units[k].has("Conjunction", "SameSubjectConj") or lalu) and not units[k].is_actor:
        # "X mengumumkan … dan memperingatkan Moskow …", "X menghadiri pelantikan Modi, lalu melakukan kunjungan …": X's
        first = next((v.i for v in reversed(units[lo:k]) if v.is_verb() and v.cls and not v.etype and not v.has(
            "FunctionWord") and sum(w.text in OPEN_QUOTES | CLOSE_QUOTES for w in units[v.i:k]) % 2 == 0), None)
        if (units[k].has("SameSubjectConj") or speaker_act_after(units, lo, k, i)) and lo > 1 and \
                units[lo - 1].has("Complementizer"):
            # "X mengumumkan bahwa operasi selesai, sekaligus (, dan) memperingatkan Y": the speaker's act
            first = next((v.i for v in reversed(units[max(0, lo - 4):lo - 1]) if v.is_verb() and not v.etype), None)
        if first is None and k > 0 and units[k - 1].text == "," and units[lo - 1 if lo else 0].has("ClauseBoundary"):
            # "Azerbaijan mendukung Pakistan selama Operation Sindoor, dan … mengandalkan …": past an adjunct
            # ("selama …") to the verb of the main clause
            first = next((v.i for v in reversed(units[:lo - 1]) if v.text in STOP_PUNCT or
                          v.is_verb() and not v.etype and not v.has("FunctionWord")), None)
            first = None if first is not None and units[first].text in STOP_PUNCT else first
        if first is None:  # "Iran adalah pendukung utama Hizbullah dan memasok …": the copula's subject
            first = next((v.i for v in reversed(units[lo:k]) if v.has("Copula") and not v.etype), None)
        if first is None:  # "Rusia menjadi pemasok senjata bagi junta Myanmar dan memasok …": a verb with no cue class
            first = next((v.i for v in reversed(units[lo:k]) if v.is_verb() and not v.etype
                          and not v.has("FunctionWord")), None)
        top = heads.matrix_speech(units, i, k + 1 if lalu else k)
        if top is not None and top != first:
            return left_subject(units, top, per_only, allow_object)
        if first is not None:
            return left_subject(units, first, per_only, allow_object)
    if heads.noun_subject_after_and(units, k, lo):
        return None
    if k >= lo and units[k].has("Relativizer"):
        # a relative clause: its subject is the noun it hangs on ("laporan yang menyebut …": none; "Korut yang …": one)
        h = k - 1
        while h >= lo and (units[h].text in (",", "(", ")") or units[h].paren):
            h -= 1
        u = units[h] if h >= lo else None
        if u is not None and not u.etype and u.text.replace("-", "").isalpha() and not u.is_verb() \
                and not u.has("FunctionWord"):  # a noun, also capitalised or reduplicated ("Negara-negara")
            ex = examples_after(units, i)
            if ex is not None and (not per_only or units[ex].etype == "PER"):
                return ex  # "Negara-negara yang memasok senjata ke Armenia, seperti Prancis dan India, …"
        if u is not None and word_is(u.prep, "LocativePrep"):  # a venue is no subject: "gugatan A di Mahkamah X yang
            g = (u.group[0] if u.group else h) - 2  # menuduh …" is A's suit (the owner of the charge noun before "di")
            return g if g > 0 and units[g].is_actor and not units[g - 1].etype and units[g - 1].has("AccusationNoun") \
                else None
        return None if u is None or not u.is_actor or u.title or (per_only and u.etype != "PER") else h
    for j in range(i - 1, lo - 1, -1):
        u = units[j]
        if u.has("ReportCue", "BeliefCue", "DemandCue") and not u.etype and \
                not ((u.has("DemandCue") or j > 0 and units[j - 1].has("Relativizer")) and
                     any(v.text == "," for v in units[j + 1:i])) and \
                any(v.is_noun() and (not v.cls or v.has("GovernmentNoun", "GroupNoun", "PersonNoun", "ListedNoun")
                                     and not v.pron and not v.low.endswith(POSSESSIVE))
                    or v.has("LocationHead") and not v.etype
                    for v in units[j + 1:i]):
            # "SIPRI mencatat banyak importir tidak membeli …", "menuntut Barat berhenti memasok …": the reported
            # or urged clause has its own subject
            return None
        if (c := heads.apposition_open(units, j)) is not None and units[c + 1].has("Relativizer"):
            return left_subject(units, c, per_only, allow_object)  # "Aljazair, yang … dengan Maroko …, membeli …"
        if not u.is_actor or u.paren or u.title or u.possessor_of is not None or money_state(units, j):
            continue
        if ally_owner(units, j):
            # "Sekutu Ukraina menjatuhkan sanksi …": the allies, unnamed, act; Ukraine owns the noun (an actor named
            # with them acts too: "AS dan sekutu Barat Ukraina menuding …")
            return ally_partner(units, j)
        if u.modifier and j >= 2 and units[j - 2].has("Preposition") and not units[j - 1].etype \
                and (i > 0 and units[i - 1].has("PurposeConj") or units[j - 2].has("AgentPrep")):
            continue  # no prepositional object: "dengan galangan TAIS untuk membeli", "dilaporkan oleh media AS"
        if per_only and u.etype != "PER":
            if heads.state_subject(units, u, i):
                return None  # "Ia berpendapat Sudan datang ke Den Haag …": a state is the verb's subject, no person
            continue
        if (h := heads.aside_subject(units, j, i, lo)) is not None:  # "Jepang, menyusul langkah AS, juga …"
            return h if not per_only or units[h].etype == "PER" else None
        if (host := verbal_relative_host(units, u.group[0] if u.group else j, lo)) is not None:
            return host  # (also for per_only: a relative clause's host that is no person ends the search)
        if group_prep(units, j):
            last = u.group[-1] if u.group else j
            if exemplified(units, j, lo) and (heads.only_glue(units, last, i) or heads.companion_tail(units, last, i)):
                return j
            g = prev_unit(units, j)
            h = prev_unit(units, g.i) if g is not None else None
            if g is not None and g.has("LocativePrep") and h is not None and not h.etype and (
                    h.has("GovernmentNoun") and u.etype == "GPE" or h.has("SourceNoun") and u.etype in ("ORG", "GPE")) \
                    and all(v.has("FunctionWord") for v in units[lo:h.i]):
                return j  # "Pemerintah di Khartoum menuding …": the government there; "(Seorang) sumber di X": X
            continue
        p = governor(units, u.group[0] if u.group else j)
        if p is not None and not p.etype and p.is_verb():
            # "Rogers menyatakan Washington akan mempercepat pengiriman …": one plain verb may stand
            # between the embedded subject and a noun cue
            plain = i - 1 > j and units[i - 1].is_verb() and not units[i - 1].cls and heads.only_glue(units, j, i - 1)
            if allow_object and p.has(*CONTROL) and \
                    (heads.only_glue(units, j, i) or plain or heads.prep_aside(units, j, i)) and \
                    not any(p.voice(c) == PASSIVE for c in CONTROL):
                return j  # object control: "meyakinkan Pyongyang agar menjual"
            if allow_object and p.voice("ReportCue") == ACTIVE and i - 1 > j and units[i].cls and any(
                    units[h].is_verb() and (heads.only_glue(units, j, h) or heads.adverbs_only(units, j, h)) and
                    heads.counted_glue(units, h, i) for h in range(j + 1, i)):
                return j  # "… mengatakan Korea Utara menyembunyikan pengiriman peluru", "… Israel kini menjadi pemasok …"
            if allow_object and ACTIVE in (p.voice("ReportCue"), p.voice("BeliefCue"), p.voice("AttitudeVerb")) and \
                    units[i].cls and j + 1 < i and heads.adverbs_only(units, j, i):
                return j  # "Budanov menyebut Korut kini memasok …", "… khawatir Pyongyang tahun depan akan mengirim …"
            if allow_object and not p.cls and not passive_prefixed(p.low) and units[i].cls and heads.only_glue(units, j, i):
                return j  # "Casin menghitung Athena membelanjakan …": a plain verb's object does the next one
            continue  # an object, or a passive's agent ("Iran dituduh [AS] memasok"): not the subject
        if (host := nominal_relative_host(units, u.group[0] if u.group else j, i)) is not None:
            return host  # "Polandia, yang juga anggota NATO telah membeli …": Poland buys
        return in_capacity(units, appositive_head(units, bracket_name(units, led_body(units, j)), i))
    return None


def purpose_host(units: list[Unit], i: int) -> int | None:
    """"Rusia menggunakan drone Iran untuk menyerang …": a purpose clause has its host verb's subject (not after
    a verb of urging, "mendesak X untuk …", whose object acts, nor past one given something, "kepada Y untuk …")."""
    if not units[i].is_verb():
        return None  # ("… kontrak dengan X untuk pengadaan …": a noun's purpose, no clause)
    k = i - 1
    while k > 0 and not units[k].etype and units[k].has("FunctionWord") and not units[k].has("PurposeConj"):
        k -= 1
    if k < 2 or units[k].etype or not units[k].has("PurposeConj") or units[k].quote != units[i].quote:
        return None
    for m in range(k - 1, clause_left(units, k) - 1, -1):
        v = units[m]
        if v.is_actor and v.prep:
            return None
        if not v.etype and v.is_verb() and not v.has("FunctionWord"):  # (a passive only with its agent after it:
            a = agent_at(units, m) if passive_prefixed(v.low) else m  # "dipakai Rusia untuk mengirim …")
            return None if v.has(*CONTROL) or a >= k or not units[a].is_actor and a != m else m
    return None


def fronted_subject(units: list[Unit], i: int, per_only: bool = False) -> int | None:
    """"Usai bertemu Erdogan, Prabowo menyatakan …", "Dalam lawatannya ke Hanoi, Hegseth …": a sentence that opens
    with a subordinator or a preposition and has no subject of its own before the verb at ``i`` is about the first
    actor after the comma that closes it ("… di Sharm el-Sheikh, Mesir, ia …": past the country of a place)."""
    if not units or not (units[0].has("ClauseBoundary", "Preposition") or _timed_opener(units, i)) or \
            any(v.is_actor for v in units[1:i]):
        return None
    comma = next((k for k in range(i + 1, len(units)) if units[k].text == "," or units[k].text in STOP_PUNCT), None)
    if comma is None or units[comma].text != ",":
        return None
    comma += 2 * (comma + 2 < len(units) and units[comma - 1].etype in ("GPE", "LOC") and units[comma + 2].text == ","
                  and units[comma + 1].etype in ("GPE", "LOC"))
    if comma + 1 < len(units) and time_after(units, comma + 1):  # "…, Kamis (10/4/2025), Prabowo …": past the date
        comma = next((k for k in range(comma + 1, min(len(units), comma + 12)) if units[k].text == ","), comma)
    for j in range(comma + 1, min(len(units), comma + 6)):
        v = units[j]
        if v.is_actor and not v.paren and (not per_only or v.etype == "PER"):
            return j
        if not (title_word(v) or v.text in ("(", ")")):
            return None
    return None


def _timed_opener(units: list[Unit], i: int) -> bool:
    """"Sehari setelah …", "Dua hari sebelum …": a span of time, then a subordinator, opens the sentence."""
    return (o := next((k for k in range(min(i, 3)) if not units[k].has("TimeUnit", "NumberWord")), 0)) > 0 and \
        units[o].has("ClauseBoundary")


def sentence_subject(units: list[Unit], i: int) -> int | None:
    """The first person before ``i`` in the sentence that is not inside a title, a bracket or a
    prepositional phrase: who a subjectless "untuk bertemu …" or a "pertemuannya" is about."""
    for j in range(i):
        v = units[j]
        if v.text in STOP_PUNCT:
            continue
        if v.etype == "PER" and not v.paren and not v.title and not group_prep(units, j) and v.quote is None:
            return j
    return None


def right_actor(units: list[Unit], i: int, hi: int, preps: tuple[str, ...] | None = None, exclude: tuple[str, ...] = (),
                 per_only: bool = False) -> int | None:
    for j in range(i + 1, hi):
        u = units[j]
        if not u.is_actor or u.paren or u.title:
            continue
        if per_only and u.etype != "PER":
            continue
        prep = group_prep(units, j)
        if prep and (preps is None or not word_is(prep, *preps) or word_is(prep, *exclude)):
            continue
        return j
    return None


def frame_of(frames: list[Frame], i: int) -> Frame | None:
    """The outermost frame holding unit ``i``."""
    for f in frames:
        if i in f:
            return f
    return None


def aside_end(units: list[Unit], j: int, hi: int) -> int | None:
    """The ")" closing the bracket opened at ``j`` within eight units, if it holds a figure and names no
    actor: a sum or a conversion told in passing ("(sekitar Rp2 triliun)"), which a preposition's reach
    looks past (not a name spelled out, "MLRS (Multiple Launch Rocket Systems)")."""
    figure = False
    for k in range(j + 1, min(hi, j + 9)):
        if units[k].text == ")":
            return k if figure else None
        if units[k].is_actor or units[k].text == "(":
            return None
        figure = figure or any(c.isdigit() for c in units[k].text)
    return None


def prep_actor(units: list[Unit], i: int, hi: int, preps: tuple[str, ...], state: State,
                reach: int = 6) -> tuple[tuple[str, ...], int]:
    """Actor introduced by a preposition of a cue class in ``preps`` within ``reach`` units after ``i`` ("ke Rusia")."""
    place_end, extra = -1, 6  # (extra: the reach granted in all past the figures of a sum told in passing)
    last = min(hi, i + 1 + reach)
    for j in range(i + 1, hi):
        if j >= last:
            break
        u = units[j]
        if extra and (not u.is_actor and (any(c.isdigit() for c in u.text) or sum_part(u)) or u.etype == "GPE" and
                      j > 0 and units[j - 1].has("CurrencyWord")):  # a sum takes no reach ("5 miliar dolar AS", "US$ 2")
            last, extra = min(hi, last + min(extra, 2)), extra - min(extra, 2)
        if j <= place_end:
            continue
        if u.text == "(" and (close := aside_end(units, j, hi)) is not None:
            # "senilai $500 juta (setara dengan 8 triliun rupiah) ke Ukraina": an aside, not another phrase
            place_end, last = close, min(hi, last + close - j + 1)
            continue
        if u.text == "(" and j + 2 < hi and units[j + 1].paren and units[j + 1].etype in ACTORS and \
                units[j + 2].text == ")":  # "dari Uni Emirat Arab (UEA) ke RSF": a short name takes no reach
            place_end, last = j + 2, min(hi, last + 3)
            continue
        if u.span.get("FunctionWord", 1) > 1 and not u.has(*preps):
            place_end = j + u.span["FunctionWord"] - 1  # "mengirim senjata dalam jumlah besar ke Somalia"
            continue
        if j + 2 < hi and (u.has("SourcePrep") and units[j + 1].has("LocationHead")
                           or u.has("Preposition") and units[j + 1].has("DirectionNoun")):
            # "… dari pangkalan Hmeimim di Suriah untuk LNA", "dari arah Ukraina": a place, a direction, no party
            place_end = j + 2 + (units[j + 2].is_actor and j + 4 < hi and units[j + 3].has("LocativePrep")
                                 and units[j + 4].is_actor) * 2
            continue
        if not u.has(*preps):
            if u.is_actor and not u.paren and not u.title and not (u.modifier and u.etype == "GPE" and units[j - 1].has(
                    "CurrencyWord", "FormerOwner")) and j > i + 1 and not prep_is(units, j, "SourcePrep", "AgentPrep") \
                    and not units[j - 1].has("OriginNoun", "EraNoun"):  # (nor "tank buatan Jerman": the maker, "era Soviet")
                break  # (not "375 juta dolar AS", "korvet eks ROK Navy": a currency's state, a former owner)
            if u.has("Preposition") and j + 1 < hi and time_after(units, j + 1):
                continue  # "… diteken Kemhan pada 28 Maret 2024 dengan Naval Group": a date or a span, not another phrase
            if (u.has("Preposition") and not u.has("SourcePrep", "AgentPrep") or u.text in STOP_PUNCT) and not (
                    u.has("ClaimTopicPrep") and j + 1 < hi and units[j + 1].has("FunctionWord")):
                break  # "… oleh Korea Utara dalam serangan ke Kharkiv": another phrase (not "perlengkapan terkait senilai")
            continue
        k = j + max(u.span.get(c, 1) for c in preps)
        skipped, listed = 0, []
        while k < hi and skipped <= RECIPIENT_SKIP:
            v = units[k]
            if v.is_actor and not v.paren:
                end = v.group[-1] if v.group else k
                # "organisasi paramiliter Rusia, Wagner Group" / "tentara bayaran Rusia Wagner" (not "ke Rusia, UE akan …")
                for m in (end + 1, end + 2):
                    if m < hi and units[m].etype == "ORG" and v.etype == "GPE" and \
                            all(x.text == "," for x in units[end + 1:m]) and not (m + 1 < hi and (
                                units[m + 1].is_verb() or units[m + 1].has("PlannedCue", "FunctionWord"))
                                and not (m == end + 1 and units[m + 1].has("Relativizer", "ValueWord"))):
                        # ("dari perusahaan Prancis Naval Group yang …", "… AS Raytheon senilai …": a relative, a sum)
                        return actor_keys(units, m, state), m
                keys = actor_keys(units, k, state) + tuple(x for m in listed for x in actor_keys(units, m, state)) + \
                    tuple(x for m in coordinated_examples(units, end, hi) for x in units[m].keys)  # (each its own)
                return tuple(dict.fromkeys(keys)), max([end, *listed])
            if v.is_noun() or v.text in ("(", ")") or (v.span or v.has("StateBody", "Quantifier")) and not v.etype \
                    or not v.etype and v.text.lower() in name_words().words:  # ("kelompok pejuang Islam Al-Shabaab")
                k += max(v.span.values(), default=1)  # "untuk angkatan bersenjata Ukraina", "kepada Pemerintah X"
                skipped += not v.has("OriginNoun")  # "perusahaan galangan kapal asal Korsel": the origin is free
                continue
            if state_region(units, k):  # "ke sejumlah negara Afrika, termasuk X": the region, then the examples
                k += 1
                continue
            if title_word(v) and (t := after_titles(units, k, hi)) < hi and units[t].etype == "PER":
                k = t  # "dari Sekjen PBB Antonio Guterres": the person the title names, not its body
                continue
            if skipped and (e := example_start(units, k, hi)) is not None:  # (past a comma: "ke enam negara, termasuk X")
                k, listed = e, more_examples(units, e, hi)  # "dari negara-negara seperti Iran dan Korut": the examples
                continue  # of a common noun are the party
            break
        # "untuk drone-drone tersebut ke Venezuela": this one names no actor; a later one may
    return (), i


def nearest_left_actor(units: list[Unit], i: int, lo: int) -> int | None:
    """The party a wrongdoing word is about: the nearest actor before it, not a recipient ("kepada
    Rusia") or other oblique, but "antara X dan Y" and "oleh X" count."""
    for j in range(i - 1, max(lo, clause_left(units, i)) - 1, -1):
        u = units[j]
        if u.is_actor and not u.paren and not u.title and u.pron != "1" and \
                prep_is(units, j, "BetweenPrep", "AgentPrep", none=True) and \
                not (j >= 2 and units[j - 1].is_noun() and units[j - 2].has("WrongdoingCue") and units[j - 2].is_verb()) \
                and not group_of_state(units, j):  # nor "milisi Irak": a group, the state only its land
            return j  # (not the owner of what a wrong is done to: "melanggar resolusi DK PBB dan ancaman …")
    return None


def directly_after(units: list[Unit], i: int, cls: str) -> bool:
    return i + 1 < len(units) and units[i + 1].has(cls)


def agent_at(units: list[Unit], i: int) -> int:
    """Where the agent of a passive verb at ``i`` stands: right after it, or after its "oleh"
    ("dikritik AS", "dilontarkan oleh Vietnam"), past an adverb of force ("dikecam keras oleh UE", "ditolak
    mentah-mentah oleh Iran"); the index may lie past the sentence."""
    if directly_after(units, i, "VehementAdverb") and not units[i + 1].etype or \
            heads.both_opener(units, i + 1):  # "dibantah baik oleh Moskow maupun Pyongyang"
        i += 1
    return heads.past_government(units, i + 1 + directly_after(units, i, "AgentPrep"))


def prep_is(units: list[Unit], j: int, *classes: str, none: bool = False) -> bool:
    """Whether the preposition before unit ``j``'s phrase is of one of ``classes`` (``none``: when there is none)."""
    return none if (prep := group_prep(units, j)) is None else word_is(prep, *classes)


def actor_keys(units: list[Unit], j: int | None, state: State) -> tuple[str, ...]:
    """The actors unit ``j`` stands for: its coordination, a state for "pemerintahan Biden"."""
    if j is None:
        return ()
    u = units[j]
    if u.etype == "GPE" and not u.group and j and named_group(units[j - 1]) and units[j - 1].group:
        u = units[j - 1]  # "Israel dan Hizbullah Lebanon saling tuding": the list ends at the group, not its state
    # (not "Dua perusahaan asuransi Rusia, A dan B": a state that qualifies the noun the firms are named for)
    members = [units[g] for g in u.group if not units[g].paren and not (
        units[g].modifier and units[g].etype == "GPE" and g + 1 < len(units) and units[g + 1].text == "," and
        any(units[h].etype in ("ORG", "PER") for h in u.group))] \
        if u.group else [u]
    out: list[str] = []
    gaz = gazetteer()
    for m in members:
        if m.etype == "GPE" and m.i and named_group(units[m.i - 1]):
            m = units[m.i - 1]  # "Hizbullah Lebanon", "Houthi Yaman mengancam …": the state says where it is
        for k in m.keys:
            p = (heads.leader_government(units, m.i) if m.etype == "PER" else None) or prev_unit(units, m.i)
            if m.etype == "PER" and p is not None and p.has("GovernmentNoun") and not m.pron and not titled(units, p.i) \
                    and not titled(units, p.i - 1, through=True):  # "Juru bicara pemerintah X": the body of a title
                k = gaz.state_of(k) or k  # "Pemerintahan Biden yakin …": the United States
            if k not in out:
                out.append(k)
    for k in listed_members(units, members[-1].i) + heads.joined_anaphor(units, members[-1].i):
        if k not in out:
            out.append(k)
    return tuple(out)
