"""Title words before a name and the phrase they open: shared by clause structure and the rules that walk past
titles ("dengan [Presiden Rusia] Vladimir Putin")."""

from __future__ import annotations

from kg.cues import cues
from kg.extract.context import State
from kg.units import Unit, skip_span

#: Classes a capitalised word after "dan" may have and still go on a title in title case ("Menteri Pariwisata dan
#: Ekonomi Kreatif X"): a portfolio word is also a kind of sanction ("sanksi ekonomi") or a firm's name ending
#: ("Menteri Ekonomi dan Energi Jerman X": "… Energi" ends firms' names).
TITLE_CASE = frozenset({"TitleQualifier", "StateBody", "RoleTitle", "GovernmentNoun", "ForcesNoun", "SanctionKind",
                        "NewsNoun", "FirmSuffix"})


def _portfolio_word(u: Unit) -> bool:
    return not u.etype and u.text.isalpha() and u.text[:1].isupper() and all(c in TITLE_CASE for c in u.cls)


def portfolio_list(units: list[Unit], j: int) -> bool:
    """Whether the comma at ``j`` stands in a list of portfolios in title case that a conjunction closes and the
    state or body of the title follows ("Menteri Investasi, Perdagangan dan Industri Malaysia X")."""
    if not j or not _portfolio_word(units[j - 1]):
        return False
    k, closed = j + 1, False
    while k < min(len(units), j + 8) and (_portfolio_word(units[k]) or units[k].text == "," and not closed
                                          or units[k].has("Conjunction") and not closed and not units[k].etype):
        closed = closed or units[k].has("Conjunction")
        k += 1
    return closed and k < len(units) and units[k].etype in ("GPE", "ORG") and _portfolio_word(units[k - 1])


def money_state(units: list[Unit], j: int) -> bool:
    """"senilai 5 miliar dolar AS": the state after a currency names the money, it does nothing."""
    return j > 0 and units[j].etype == "GPE" and units[j - 1].has("CurrencyWord") and not units[j - 1].etype


def title_word(u: Unit) -> bool:
    """A word of a title written before a name: a title, rank or qualifier, or a state or body inside it."""
    return u.title or not u.etype and u.has("RoleTitle", "Rank", "TitleQualifier")


def lower_leader(units: list[Unit], u: Unit) -> bool:
    """"…, raja juga sempat singgah di Brussels", "bahwa presiden tidak akan mundur": a leader's title in lower case
    opening a clause (the sentence's start, a comma, a conjunction or "bahwa" before it) is the office's holder the
    article named, as a capitalised one is; after a noun it is a kind of office ("pemilihan presiden")."""
    if not u.has("LeaderTitle"):
        return False
    p = units[u.i - 1] if u.i else None
    return p is None or not p.etype and (p.text == "," or p.has("Conjunction", "ClauseBoundary", "Complementizer"))


def before_titles(units: list[Unit], j: int, lo: int = 0) -> int:
    """Where the phrase of the person at ``j`` begins (not before ``lo``): back past the titles and the states or
    bodies inside them ("[Menteri Pertahanan Inggris] John Healey")."""
    h = units[j].group[0] if units[j].group else j
    while h > lo and (title_word(units[h - 1]) or units[h - 1].etype in ("GPE", "ORG")):
        h -= 1
    return h


def past_titled(units: list[Unit], k: int, hi: int) -> int:
    """Where the name is from ``k`` on (before ``hi``): forward past the titles and the states or bodies inside
    them ("dihadiri [Presiden China] Xi Jinping"), as :func:`before_titles` walks back."""
    while k < hi and units[k].etype != "PER" and (title_word(units[k]) or units[k].etype in ("GPE", "ORG")):
        k += 1
    return k


def after_titles(units: list[Unit], k: int, hi: int | None = None) -> int:
    """The first unit from ``k`` on (before ``hi``) that is no title word: where the name after a title is."""
    hi = len(units) if hi is None else hi
    while k < hi and (title_word(units[k]) or units[k].has("RecipientPrep") and k + 1 < hi and units[k + 1].title):
        k = skip_span(units, k, "RoleTitle" if units[k].has("RoleTitle") else  # "Dubes X untuk Y H.E."
                      "TitleQualifier" if units[k].has("TitleQualifier") else "Rank")  # ("… kala itu, X")
    return k


def titled_prep(units: list[Unit], j: int, apposed: bool = False) -> Unit | None:
    """The preposition before unit ``j``'s phrase past its titles ("dengan [Presiden Rusia] Vladimir Putin"), if
    one; with ``apposed``, also past a comma setting the title off ("dengan Penasihat … AS kala itu, Mike Waltz")."""
    h = units[j].group[0] if units[j].group else j
    if apposed and h > 1 and units[h - 1].text == "," and title_word(units[h - 2]):
        h -= 1  # "dengan [Penasihat Keamanan Nasional AS], Mike Waltz": the title set off before the name
    elif apposed and h > 2 and units[h - 1].text == "," and units[h - 3].span.get("TitleQualifier", 1) == 2 and \
            not units[h - 3].etype and units[h - 3].has("TitleQualifier"):
        h -= 2  # ("… AS kala itu, Mike Waltz": past a qualifier of two words)
    while h > 0 and (title_word(units[h - 1]) or units[h - 1].text in ("(", ")") or units[h - 1].paren
                     or h > 1 and units[h - 1].has("TitleConj") and title_word(units[h - 2])):  # "A sekaligus B"
        h -= 1
    return units[h - 1] if h > 0 and units[h - 1].has("Preposition") else None


def titled(units: list[Unit], i: int, through: bool = False) -> bool:
    """Unit ``i`` ends a title that opened before it ("Sekretaris Kabinet Pramono Anung"): the office, not the
    government the person stands for; ``through``: unit ``i`` may be the title's last word ("Juru bicara")."""
    return any(units[m].span.get("RoleTitle", 0) > i - m for m in range(max(0, i - 4), i + through))


def unnamed_aide(units: list[Unit], t: int, person: int) -> int | None:
    """Where the leader's own title begins in "AIDE TITLE STATE PERSON" with no aide named after it ("bertemu
    utusan Presiden AS Donald Trump", "menerima penasihat Presiden Rusia Vladimir Putin"): the person is the
    leader whose aide was there, not one present; None where the name is the aide's ("utusan khusus AS Keith
    Kellogg", "Asisten Menteri Luar Negeri AS X": one title; "Penasihat Presiden Azerbaijan X": an office in
    title case) or a comma sets an aide's name off."""
    if not units[t].has("AideNoun") or units[t].etype or person - 1 <= t or units[person - 1].text == ",":
        return None
    if not units[t].text[:1].islower():
        return None  # "Penasihat Presiden Azerbaijan X": written as an office, the title of the name after it
    end = skip_span(units, t, "AideNoun")
    second = next((k for k in range(end, person) if not units[k].etype
                   and units[k].has("HeadOfStateTitle", "GovernmentTitle")), None)
    if second is None or any(units[k].text in (",", "(") or units[k].has("TitleConj", "Preposition") and
                             not units[k].etype for k in range(t, person)):
        return None
    # the leader's state or body written between the title and the name ("Presiden AS Donald Trump")
    return second if any(units[k].etype in ("GPE", "ORG") for k in range(second + 1, person)) else None


def bare_aide(units: list[Unit], t: int, person: int) -> int | None:
    """An aide's title right before a leader's name with no title of the leader's: the aide's index where a name
    set off by a comma follows ("penasihat Putin, Anton Kobyakov, …"), the leader's own where none does and the
    name is a known person's short name ("Utusan Trump temui Tshisekedi"), else None (the name is the aide's:
    "juru bicara Mao Ning")."""
    if not units[t].has("AideNoun") or units[t].etype or skip_span(units, t, "AideNoun") != person:
        return None
    c = person + 1
    if c + 1 < len(units) and units[c].text == "," and units[c + 1].etype == "PER" and \
            units[c + 1].key != units[person].key:
        after = units[c + 2] if c + 2 < len(units) else None
        return None if after is not None and after.has("Conjunction") else c + 1  # (not a list of aides)
    short = " " not in units[person].text and "_" in (units[person].key or "")
    return person if short and not (c < len(units) and units[c].text == ",") else None


def named_aide(units: list[Unit], t: int, person: int) -> tuple[int, int] | None:
    """(start of the second title, the aide) in "TITLE TITLE [STATE] PERSON, AIDE": a staff title written
    before a leader's own ("penasihat keamanan nasional Presiden AS Joe Biden, Jake Sullivan") names the one set
    off after the leader; not two titles joined ("Wakil Perdana Menteri merangkap Menteri Luar Negeri …")."""
    c = person + 1  # "Utusan Presiden AS Donald Trump untuk Belarus, John Coale": where the envoy is sent
    if c + 1 < len(units) and units[c].has("Preposition") and not units[c].etype \
            and units[c + 1].etype in ("GPE", "LOC", "ORG"):
        c += 2
    # "Juru Bicara Presiden Vladimir Putin Dmitry Peskov": the aide's name written right after the leader's
    bare = c == person + 1 and c < len(units) and units[c].etype == "PER" and units[c].key != units[person].key
    aide = c if bare else c + 1
    if aide >= len(units) or not bare and units[c].text != "," or units[aide].etype != "PER" \
            or units[aide].role or units[person].role:
        return None
    end = skip_span(units, t, "RoleTitle" if units[t].has("RoleTitle") else "SourceNoun")
    spokes = units[t].has("SourceNoun")  # "juru bicara Sekretaris Jenderal PBB A, B": any leader's title
    second = next((k for k in range(end, person) if (units[k].has("HeadOfStateTitle", "GovernmentTitle") or
                                                     spokes and units[k].has("RoleTitle") and not units[k].has("Rank"))
                   and not units[k].etype), None)
    if second is None and person - 1 >= end and units[person - 1].has("GovernmentNoun") and not units[person - 1].etype:
        second = person - 1  # "Wakil Kepala Staf Pemerintahan Putin, Dmitry Kozak": the leader's government
    if second is None or any(units[k].has("TitleConj") or units[k].text == "," for k in range(t, second)):
        return None
    after = units[aide + 1] if aide + 1 < len(units) else None
    return None if after is not None and after.has("Conjunction") else (second, aide)


def portfolio_to_name(units: list[Unit], j: int) -> int | None:
    """After "untuk" in a title, a portfolio in title case runs to the holder's name ("untuk Terorisme dan Intelijen
    Keuangan Brian Nelson"), or to the comma before it ("Utusan Khusus untuk Urusan Asia, Deng Xijun"): the index of
    the name or the comma, else None."""
    for k in range(j + 1, min(len(units), j + 9)):
        v = units[k]
        if v.etype == "PER" and not v.paren:
            return k if k > j + 1 and not units[k - 1].has("Conjunction") else None
        if v.text == "," and k > j + 2 and k + 1 < len(units) and units[k + 1].etype == "PER" and \
                units[j + 1].has("TitleQualifier"):
            return k
        if v.etype in ("LOC", "GPE") and k > j + 1 and units[k - 1].has("TitleQualifier"):
            continue  # ("untuk Urusan Asia", "untuk Urusan Timur Tengah")
        if v.etype or not (v.text.isalpha() and (v.text[:1].isupper() or v.has("Conjunction") and k > j + 1)):
            return None
    return None


def server_before(units: list[Unit], i: int) -> int | None:
    """The unit before a verb of serving (or a copula, or "menjadi") that stands right before the title at ``i``,
    past adverbs ("X selaku Menteri …", "X pernah menjabat menteri …", "X kini menjadi …"); None where there is none."""
    k = i - 1
    if k < 1 or units[k].etype or not units[k].has("ServeVerb", "Copula", "BecomeVerb") or \
            units[k].span.get("ServeVerb", 1) != 1:
        return None
    while k > 0 and k > i - 4 and not units[k - 1].etype and units[k - 1].has("ServeVerb", "FunctionWord") and \
            units[k - 1].span.get("ServeVerb", 1) == 1:
        k -= 1
    return k - 1


def group_before(units: list[Unit], j: int) -> int | None:
    """The noun for a group right before the demonstrative at ``j``, past one describing word ("kelompok itu",
    "kelompok paramiliter itu", "milisi tersebut"): its index, else None."""
    for k in (j - 1, j - 2):
        if k >= 0 and not units[k].etype and units[k].has("GroupNoun") and not units[k].has("StateBody", "PersonNoun"):
            return k if k == j - 1 or units[j - 1].text.isalpha() and units[j - 1].text.islower() and not units[j - 1].cls \
                else None
    return None


def one_of(units: list[Unit], i: int) -> int | None:
    """The comma before an indefinite ("seorang", "salah satu") that ends right before the title at ``i``."""
    k = next((k for k in range(i - 1, max(0, i - 3), -1) if units[k].has("Indefinite") and not units[k].etype
              and k + units[k].span.get("Indefinite", 1) == i), None)
    return k - 1 if k is not None and k >= 2 and units[k - 1].text == "," else None


def former_apposed(units: list[Unit], t: int) -> bool:
    """Whether the title at ``t`` follows "NAME, " and one word of the person that is no title itself ("Amir
    Peretz, mantan Menhan Israel", "X, tokoh pendiri Hamas"): an apposition to that name, as with the comma alone."""
    w = units[t - 1] if t >= 3 else None
    return w is not None and not w.etype and w.has("PersonNoun") and not w.has("RoleTitle", "SourceNoun", "Rank") \
        and units[t - 2].text == "," and units[t - 3].etype == "PER" and not units[t - 3].paren


def named_next(units: list[Unit], k: int) -> bool:
    """Whether a name (past its ranks) begins at ``k``: "… di Suriah Jenderal Alexander Chaiko"."""
    while k < len(units) and not units[k].etype and units[k].has("Rank"):
        k = skip_span(units, k, "Rank")
    return k < len(units) and units[k].etype == "PER"


def numbered_decree(units: list[Unit], t: int, j: int) -> bool:
    """"Keputusan Presiden RI Nomor 15 tahun 2006", "Peraturan Menteri Pertahanan Nomor 7": a title right after a
    decree noun names who issued a numbered document, and a name tagged right before a number is no holder."""
    return t > 0 and units[t - 1].has("DecreeNoun") and not units[t - 1].etype and units[t - 1].text[:1].isupper() \
        and j + 1 < len(units) and units[j + 1].text[:1].isdigit()  # (a document's name is in title case)


def past_ticket(units: list[Unit], j: int, text: str) -> int:
    """The holder of a title whose body is named after a hyphenated pair of names: "Wakil Ketua TKN
    Jokowi-Ma'ruf Arsul Sani", "Ketua Tim Pemenangan Prabowo-Gibran Rosan Roeslani": the name after the pair,
    not the candidate the body is named for."""
    if text[units[j].end:units[j].end + 1] != "-":
        return j
    k = next((k for k in range(j + 1, min(len(units), j + 4)) if units[k].etype == "PER"), None)
    gap = units[j + 1:k] if k is not None else []
    return k if k is not None and all(v.text[:1] == "-" or v.text[:1].isupper() for v in gap) else j


def titled_as(units: list[Unit], i: int, cls: str, keys: list[str], state: State) -> list[str]:
    """Of the persons ``keys``, those the article titled with the noun of the numeral anaphor at ``i`` ("Senator A
    …. Ia didampingi Senator B …. kedua senator": not a person quoted between), where that many were, else ``keys``."""
    phrase = " ".join(v.low for v in units[i:skip_span(units, i, cls)])
    words = phrase.split()[1:2]
    held = {p for word, p in state.title_words if [word] == words}
    found = [k for k in keys if k in held]
    return found if words and len(found) >= cues().group_size.get(phrase, 2) else keys


def second_title(units: list[Unit], i: int, j: int, org: int | None) -> bool:
    """"Sekretaris Jenderal NATO Mark Rutte, mantan perdana menteri Belanda, …": a title set off after a name titled
    before it is a second office where it names its body, closes with a comma (or "yang") no title follows (not a list of
    titles: "X, Duta Besar RI untuk Turki, Kepala …") and tells no origin ("diplomat asal Kazakhstan")."""
    return org is not None and j + 1 < len(units) and (units[j].text == "," or units[j].has("Relativizer")) \
        and not units[j + 1].has("RoleTitle") and not any(units[k].has("OriginNoun") for k in range(i, j))
