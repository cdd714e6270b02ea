"""Weapon lists after a supply word: "memasok senjata ke Ukraina, termasuk peluru artileri …",
"rudal antikapal Harpoon, sistem roket HIMARS serta drone pengintai MQ-9B". Kept apart from the rules so
that every supply rule reads a list the same way; and how many things a sentence counts without naming them."""

from __future__ import annotations

from kg.cues import cues
from kg.extract.described import past_group_noun
from kg.extract.heads import not_only
from kg.resolve import gazetteer
from kg.tokenize import tokenizer
from kg.units import STOP_PUNCT, Unit
from kg.weapons import lexicon


def first_object(units: list[Unit], i: int, n: int) -> int:
    """The first unit after the verb at ``i`` past plain nouns: its first object where that is an actor
    ("memasok Rusia dengan drone"). A recipient preposition right after the verb is passed, its actor being
    the receiver told before the weapons ("mengirimkan ke Ukraina sebanyak 15 tank")."""
    k = next((m for m in range(i + 1, min(n, i + 5)) if not units[m].is_noun() or units[m].etype), n)
    if k == i + 1 and k + 1 < n and units[k].has("RecipientPrep") and not units[k].etype and units[k + 1].is_actor:
        return k + 1
    return k


def weapons_after(units: list[Unit], i: int, hi: int, reach: int = 5) -> tuple[list[int], int]:
    """Weapon units starting within ``reach`` units after ``i``: a coordination counts as one, and a
    list goes on past commas, conjunctions and quantities ("helikopter, berikut senjata dan amunisi")."""
    found: list[int] = []
    last, extra = min(hi, i + 1 + reach), 4
    for j in range(i + 1, hi):
        if j >= last:
            break
        u = units[j]
        if extra and sum_part(u):  # "bantuan lebih dari US$19,3 miliar senjata": a sum takes no reach
            last, extra = min(hi, last + 1), extra - 1
        if u.is_weapon:
            found = list_on(units, list(u.group) if u.group else [j], hi)
            break
        if u.is_actor or u.is_verb() and not u.has("FunctionWord") or u.text in STOP_PUNCT:
            break
        if u.text == "," and any(not v.cls and not v.etype and v.text.isalpha() for v in units[i + 1:j]):
            break  # "Beri Sinyal, Jet Tempur J-10 …": the verb's object ends at the comma
    if not found:  # "mengirim lebih dari 10.000 tentara dan jutaan peluru artileri": weapons after other cargo
        for j in range(i + 1, min(hi, i + 11)):
            u = units[j]
            if u.is_actor or u.is_weapon or u.is_verb() and not u.has("FunctionWord") or u.text in STOP_PUNCT:
                break
            if u.has("Conjunction"):
                m = next((m for m in range(j + 1, min(hi, j + 4)) if units[m].is_weapon), None)
                if m is not None and all(filler(v) for v in units[j + 1:m]):
                    found = list_on(units, list(units[m].group) if units[m].group else [m], hi)
                    break
                # "helm dan pelindung tubuh serta 2.000 senjata anti-tank": the cargo list goes on
    # "memasok senjata ke Ukraina, termasuk peluru artileri …", "paket bantuan … yang berisi granat, …"
    j = found[-1] + 1 if found else i + 1
    while j < min(len(units), i + 16):
        u = units[j]
        if u.has("Relativizer") and found:  # "empat helikopter yang dibeli Bamako, berikut senjata …"
            c = next((m for m in range(j + 1, min(hi, j + 10)) if units[m].text == ","), hi)
            k = c + 1 + (c + 1 < hi and units[c + 1].has("Conjunction"))
            m = next((m for m in range(k, min(hi, k + 4)) if units[m].is_weapon), None)
            if m is not None and all(filler(v) for v in units[k:m]):
                # "60 howitzer yang nilainya lebih dari 4 miliar dolar, serta rudal Javelin": the list goes on
                found += [x for x in list_on(units, list(units[m].group) or [m], hi) if x not in found]
                j = found[-1] + 1
                continue
            j = next((m for m in range(j + 1, min(len(units), j + 6)) if units[m].text == ","), len(units))
            continue
        j += max(u.span.values(), default=1) if not u.etype else 1  # "angkatan bersenjata": one phrase
        if u.text == ":" and found and j - 1 <= found[-1] + 3:
            # "mengoperasikan tiga jenis jet tempur sekaligus: A, B serta C": the colon lists the kinds
            found += _list_within(units, j, j + 4, found)
            break
        if _ends_search(u):
            break
        if u.has("ListIntro"):  # (past all its words: "salah satunya 48 unit jet tempur …")
            w = u.span.get("ListIntro", 1)
            found += _list_within(units, u.i + w, u.i + w + 3, found)
            break
        if found and u.text == "," and u.i == found[-1] + 1 and (r := _range_after(units, u.i + 1)):
            found += [m for m in r if m not in found]  # "… persenjataan, dari senjata ringan sampai pesawat tempur"
            break
    return (found, found[-1]) if found else ([], i)


def listed_past_recipient(units: list[Unit], end: int, hi: int) -> list[int]:
    """Weapons a list goes on with after the recipient that closed its first item ("mengirim 1.000 senjata
    anti-tank ke Ukraina, 500 rudal Starstreak dan sembilan howitzer"), where the list ends the clause (not
    "…, dan rudal ke Israel": another recipient, another supply)."""
    sep = end + 1
    if add := addition(units, sep, hi):  # "ke Ukraina bersama dengan mortir": an additive word joins like "dan"
        sep += add - 1
    elif not (sep < hi and (units[sep].text == "," or units[sep].has("Conjunction"))):
        return []
    elif units[sep].text == ",":  # ", lengkap dengan rudal …"
        sep += addition(units, sep + 1, hi)
    m = sep + 1
    if m < hi and units[m].has("ContrastConj") and not units[m].etype and not_only(units, end - 8, end):
        m += 1  # "tidak hanya memasok drone ke Rusia, tetapi juga rudal"
    while m < hi and m <= sep + 3 and not units[m].is_weapon and (units[m].has("Conjunction") or filler(units[m])):
        m += 1
    if not (m < hi and units[m].is_weapon and not units[m].paren):
        return []
    items = list_on(units, list(units[m].group) if units[m].group else [m], hi)
    after = _item_end(units, items[-1] + 1, hi)
    if after < hi and units[after].text not in STOP_PUNCT:
        return []
    return items


def listed_later(units: list[Unit], j: int, found: list[int]) -> list[int]:
    """The weapons a list introducer names further on in the clause from ``j``, less ``found``: "impor
    senjata Islamabad datang dari China, mulai dari jet tempur, kapal perang hingga rudal"."""
    for k in range(j, len(units)):
        u = units[k]
        if _ends_search(u):
            return []
        if u.has("ListIntro") and not u.etype:
            w = u.span.get("ListIntro", 1)
            return _list_within(units, k + w, k + w + 3, found)
    return []


def _range_after(units: list[Unit], k: int) -> list[int]:
    """The two ends of a range of weapons opening at ``k`` ("dari senjata ringan sampai/hingga pesawat tempur"): the
    kinds a whole spans, each supplied; none where the words are not that."""
    if k + 3 < len(units) and units[k].has("SourcePrep") and not units[k].etype and units[k + 1].is_weapon and \
            units[k + 2].has("RangeEnd") and not units[k + 2].etype and units[k + 3].is_weapon:
        return [k + 1, k + 3]
    return []


def _ends_search(u: Unit) -> bool:
    """Whether the search for a list introducer stops at ``u``: the sentence ends or another verb begins."""
    return u.text in STOP_PUNCT or u.is_verb() and not u.has("FunctionWord", "ListIntro") and not u.span


def _list_within(units: list[Unit], lo: int, hi: int, found: list[int]) -> list[int]:
    """The weapon list that opens between ``lo`` and ``hi`` (a list introducer's or a colon's), less
    what ``found`` already holds."""
    k = next((m for m in range(lo, min(len(units), hi)) if units[m].is_weapon), None)
    if k is None:
        return []
    return [m for m in list_on(units, list(units[k].group) if units[k].group else [k], len(units)) if m not in found]


def list_on(units: list[Unit], members: list[int], hi: int) -> list[int]:
    """Extend a weapon list over "," / conjunctions followed by another weapon: a model name or a
    modifier may close an item ("rudal antikapal Harpoon, sistem roket HIMARS serta drone pengintai
    MQ-9B") and a quantity may open one ("… serta jutaan butir peluru artileri")."""
    out = list(members)
    k = out[-1] + 1
    while k < hi:
        if units[k].is_weapon and not units[k].paren:  # "meriam artileri": one item named twice
            out.append(k)
            k += 1
            continue
        sep = _item_end(units, k, hi)  # past "Harpoon", "155 mm", "pengintai" after the weapon word
        sep = platform_end(units, sep, hi) or sep  # "amunisi untuk HIMARS dan howitzer, …": what it serves
        if sep > k and sep < hi and units[sep].is_weapon and not units[sep].paren:
            out += list(units[sep].group) if units[sep].group else [sep]  # "rudal taktis [ATACMS]": the model
            k = out[-1] + 1
            continue
        src = item_source(units, sep, hi)
        if src is not None:  # "150 drone dari BlueBird, 36 Rafale buatan Prancis, …": each item its own source
            sep = (units[src].group[-1] if units[src].group else src) + 1
        add = addition(units, sep, hi)  # "Stryker bersama dengan mortir": an additive word joins like "dan"
        if not (add or sep < hi and (units[sep].text == "," or units[sep].has("Conjunction", "RangeEnd"))):
            break  # "mulai dari jet tempur, kapal perang hingga rudal": a range closes like a conjunction
        sep += max(add - 1, 0)
        if not add and (add := addition(units, sep + 1, hi)):  # ", di samping dua kapal fregat"
            sep += add
        m = sep + 1
        if m < hi and units[m].has("ContrastConj") and not units[m].etype and not_only(units, out[0] - 4, out[0]):
            m += 1  # "tidak hanya mengirim amunisi, tetapi juga rudal balistik": "but also" goes on with the list
        while m < hi and m <= sep + 3 and not units[m].is_weapon and (units[m].has("Conjunction") or filler(units[m])):
            m += 1
        if any(units[x].has("NegationCue") and not units[x].etype and not units[x + 1].has("OnlyCue")
               for x in range(sep + 1, m)):
            break  # "membeli Gripen dari Swedia, bukan F-16 buatan AS": an alternative turned down ends the list
            # (not "tank, bukan hanya rudal": not only)
        if m < hi and units[m].is_weapon and not units[m].paren:
            # (not the platform an item served, which the tagger may have joined to this one's group)
            out += [g for g in units[m].group if g > sep] if units[m].group else [m]
            k = out[-1] + 1
            continue
        break
    return list(dict.fromkeys(out))


def addition(units: list[Unit], k: int, hi: int) -> int:
    """How many words an additive word at ``k`` takes ("bersama dengan", "di samping", "lengkap dengan"), 0 when
    none stands there. It continues a list only where a weapon follows: a party after it is a companion."""
    return units[k].span.get("ListAddition", 1) if k < hi and units[k].has("ListAddition") and not units[k].etype else 0


#: quotation marks, which may enclose a model name inside a list item
QUOTES = ('"', "“", "”")


def sum_part(u: Unit) -> bool:
    """A figure, currency word or currency symbol of a sum ("US$ 19,3", "375 juta dolar")."""
    return not u.etype and (any(ch.isdigit() for ch in u.text) or u.has("CurrencyWord")
                            or u.text in tokenizer().currencies)


def filler(u: Unit) -> bool:
    """A word that can sit inside a list item: not a clause word, an actor, a preposition or a verb (a model
    name the tagger took for a body is one: "pesawat serang ringan HURKUS-C, drone …")."""
    return not (u.etype and not (u.etype == "ORG" and model_name(u)) or u.is_verb() or
                u.has("Preposition", "Relativizer", "ClauseBoundary", "Complementizer")
                or u.text in STOP_PUNCT or u.text in ("(", ")", "“", "”", '"'))


def owner_end(units: list[Unit], w_last: int) -> int:
    """The last unit of the owner named right after the weapon at ``w_last`` ("dukungan senjata ilegal AS dan
    sejumlah negara Barat kepada Israel"), else ``w_last``: where a phrase after the weapons is looked for."""
    j = w_last + 1 + (w_last + 2 < len(units) and units[w_last + 1].has("WeaponAdjective"))
    if j < len(units) and units[j].is_actor and units[j].possessor_of is not None and not model_name(units[j]):
        return units[j].group[-1] if units[j].group else j
    return w_last


def model_name(u: Unit) -> bool:
    """A model written after the weapon, not its owner: "drone bersenjata CH-92A", "pesawat serang ringan
    HURKUS-C" (a name with a digit, or capitals joined by a hyphen, that the gazetteer does not know)."""
    if any(ch.isdigit() for ch in u.text):
        return True
    return "-" in u.text and u.text.replace("-", "").isupper() and u.key not in gazetteer().entries


def spent(key: str | None) -> bool:
    """Whether weapon ``key`` is a munition (a shell, a missile), not a platform that fires it (a launcher,
    a system): "amunisi untuk HIMARS dan peluru artileri" lists two items, "… untuk HIMARS dan howitzer" one."""
    concepts, seen = lexicon().concepts, key
    for _ in range(8):  # the nearest type marked in ontology/weapons.ttl (kg:Munition, kg:WeaponPlatform) decides
        c = concepts.get(seen) if seen is not None else None
        if c is None or c.kind == "platform":
            return False
        if c.kind == "munition":
            return True
        seen = c.broader
    return False


def platform_end(units: list[Unit], j: int, hi: int) -> int | None:
    """Where the platforms a list item serves end when ``j`` opens "untuk <weapon>" ("amunisi untuk HIMARS
    dan howitzer", "rudal untuk Sistem Roket Artileri (HIMARS)"): the index after them, else None. A munition
    coordinated after them opens the next item instead ("… untuk HIMARS dan peluru artileri")."""
    if not (j + 1 < hi and units[j].has("RecipientPrep") and not units[j].etype and units[j + 1].is_weapon
            and not units[j + 1].paren):
        return None
    k, words = j + 1, 0
    while k < hi:
        u = units[k]
        if u.is_weapon or u.paren:
            k, words = k + 1, 0
            continue
        if u.text == "(":  # the platform's short name in brackets
            close = next((m for m in range(k + 1, min(hi, k + 5)) if units[m].text == ")"), None)
            if close is not None:
                k, words = close + 1, 0
                continue
        if u.has("Conjunction") and u.text != ",":
            m = next_platform(units, k, hi)
            if m is not None and all(filler(v) for v in units[k + 1:m]):
                k, words = m, 0
                continue
            break
        if words < 2 and filler(u) and u.text != "," and not u.has("Conjunction"):
            k, words = k + 1, words + 1  # "Sistem Roket Artileri Mobilitas Tinggi": the rest of its name
            continue
        break
    return k


def next_platform(units: list[Unit], k: int, hi: int) -> int | None:
    """The weapon the conjunction at ``k`` joins when it is another platform, not a munition that opens the
    next item: "amunisi untuk howitzer dan tank" (the tank), "… untuk HIMARS dan peluru artileri" (None)."""
    m = next((m for m in range(k + 1, min(hi, k + 4)) if units[m].is_weapon), None)
    return m if m is not None and not spent(units[m].key) else None


def unserved(units: list[Unit], members: list[int]) -> list[int]:
    """A coordination group less the platforms an earlier member serves ("amunisi untuk HIMARS dan peluru
    artileri yang disediakan AS": ammunition and shells, not HIMARS)."""
    out, first = list(members), min(members)
    # the group may open right after "untuk": the item served stands before it ("amunisi untuk [HIMARS dan …]")
    starts = [k + 1 for k in members] + [first - 1] * any(units[m].is_weapon for m in range(max(0, first - 5), first - 1))
    for p in starts:
        end = platform_end(units, p, len(units)) if 0 <= p < len(units) else None
        if end is not None:
            out = [m for m in out if not p < m < end]
    return out or list(members)


def _item_end(units: list[Unit], k: int, hi: int) -> int:
    """Where the list item whose words go on at ``k`` ends: past up to three words of it (a model name, a
    calibre, a modifier), at a comma, a conjunction, a source ("dari X") or anything that is no item word."""
    sep, words = k, 0
    while sep < hi and not units[sep].etype and units[sep].span.get("FunctionWord", 1) > 1:
        sep += units[sep].span["FunctionWord"]  # "artileri dalam jumlah besar, sistem roket …": an adverbial
    while sep < hi and words <= 2 and (filler(units[sep]) or units[sep].text in QUOTES) and units[sep].text != "," \
            and not units[sep].has("Conjunction", "ListAddition") and item_source(units, sep, hi) is None:
        sep, words = sep + 1, words + 1  # (a model name may stand in quotes: 'rudal "Stinger"')
    return sep


def item_source(units: list[Unit], j: int, hi: int) -> int | None:
    """The actor a list item names as its source when ``j`` opens "dari X" / "buatan X" ("drone dari
    BlueBird Aero Systems"), or a state right after the item that owns it, another item following ("rudal China
    dan jet tempur Prancis"): index of X, else None."""
    if j + 2 < hi and units[j].etype == "GPE" and units[j].possessor_of is not None and not units[j].paren \
            and not units[j].group and (units[j + 1].text == "," or units[j + 1].has("Conjunction")) \
            and units[j + 2].is_weapon:
        return j
    if not (j + 1 < hi and units[j].has("SourcePrep", "OriginNoun") and not units[j].etype):
        return None
    k = past_group_noun(units, j + 1, hi)  # "Typhoon dari konsorsium Inggris, Jerman, Italia dan Spanyol"
    if k > j + 1 and k + 1 < hi and units[k].etype == "GPE" and units[k + 1].etype == "ORG":
        k += 1  # "dari perusahaan Korea Selatan Hanwha Aerospace": the firm, its state told before it
    return k if units[k].is_actor and not units[k].paren and units[k].etype != "PER" else None


def item_sources(units: list[Unit], widx: list[int], hi: int) -> dict[int, int]:
    """Weapon index → index of the source its own list item names, for the items that name one; an
    item without one takes the next item's ("Rafale dan Mirage dari Prancis")."""
    found: dict[int, int] = {}
    for k in widx:
        if k + 1 in widx:
            continue  # not the item's last word
        src = item_source(units, _item_end(units, k + 1, hi), hi)
        if src is not None and not counted_source(units, (units[src].group or (src,))[-1] + 1):
            found[k] = src  # (not "12 Eurofighter dari Qatar, 12 dari Oman": the kind comes from each source)
    if not found:
        return {}
    out: dict[int, int] = {}
    for k in sorted(widx):
        # not across a colon: "tiga jenis jet tempur: A buatan Prancis, …" names the kinds, not one more item
        m = next((m for m in sorted(found) if m >= k), None)
        if m is not None and not any(units[x].text == ":" for x in range(k, m)):
            out[k] = found[m]
    return out


def counted_source(units: list[Unit], k: int) -> bool:
    """Whether another count of the same weapons and its source follow at ``k`` (", 12 dari Oman", "dan 20 dari
    Inggris"): the weapons left out."""
    return k + 3 < len(units) and (units[k].text == "," or units[k].has("Conjunction")) and not units[k].etype and \
        (units[k + 1].text[:1].isdigit() or units[k + 1].has("NumberWord")) and units[k + 2].has("SourcePrep") and \
        not units[k + 2].etype and units[k + 3].is_actor and not units[k + 3].paren


def count_only(units: list[Unit], i: int, hi: int) -> int | None:
    """"mengirimkan empat unit lagi": a count with a classifier and no noun of its own after a supply
    verb stands for the weapons just reported (index of the classifier)."""
    for m in range(i + 1, min(hi, i + 4)):
        v = units[m]
        if v.has("CountNoun"):
            nxt = units[m + 1] if m + 1 < len(units) else None
            return m if nxt is None or not nxt.is_noun() or nxt.has("FunctionWord") else None
        if not (v.text[:1].isdigit() or v.has("NumberWord", "FunctionWord")) or v.etype:
            return None
    return None


def weapons_before(units: list[Unit], i: int) -> list[int]:
    """The weapon a passive supply or purchase verb at ``i`` is about, just before it: "senjata
    konvensional canggih yang dipasok Iran" (modifiers, "yang" and the maker, "buatan Rusia", may stand
    between); so may its source ("helikopter dari Italia didatangkan Nigeria") and where they were found; so may a
    relative clause of its own ("Armada F-16 yang kini dipakai menggempur Kamboja dibeli Thailand dari AS")."""
    r = next((k for k in range(i - 2, max(-1, i - 9), -1) if units[k].has("Relativizer") and not units[k].etype), None)
    if r is not None and r > 0 and units[r - 1].is_weapon and any(v.is_verb() for v in units[r + 1:i]) and \
            not any(v.text in STOP_PUNCT or v.text == "," or v.etype == "WEAPON" or v.has("SeizeVerb")
                    for v in units[r + 1:i]):  # (not "Senjata yang dirampas dari Rusia diterima …": spoils)
        return unserved(units, list(units[r - 1].group)) if units[r - 1].group else [r - 1]
    for k in range(i - 1, max(-1, i - 9), -1):  # (past adverbs too: "… buatan KNDS itu sebelumnya juga telah")
        v = units[k]
        if v.is_weapon:
            return unserved(units, list(v.group)) if v.group else [k]
        if (w := _featured(units, k, i)) is not None:
            return unserved(units, list(units[w].group)) if units[w].group else [w]
        if not (v.has("FunctionWord", "NegationCue", "PotentialCue", "PlannedCue", "AllegedCue", "OriginNoun", "EraNoun")
                or v.has("SourcePrep") and not v.etype and k + 1 < i and units[k + 1].is_actor
                or v.is_actor and (v.possessor_of is not None or
                                   k > 0 and units[k - 1].has("OriginNoun", "SourcePrep", "EraNoun"))
                # where the arms were found: "amunisi di (wilayah) Amhara yang dikirim dari Eritrea"
                or _found_at(units, k, i)
                or filler(v) and (v.text != "," or k + 1 < i and units[k + 1].has("Relativizer"))  # ", yang …"
                or v.is_verb() and not v.cls and v.text.isalpha() and v.text.islower()):  # "… mematikan yang"
            return []
    return []


def _featured(units: list[Unit], k: int, i: int) -> int | None:
    """The weapon before a "dengan" phrase of its features that ends at ``k`` ("Rudal dengan jangkauan lebih dari
    500 kilometer itu dipasok …"): its index, the phrase holding no name and no verb; else None."""
    for m in range(k, max(0, k - 8), -1):
        v = units[m]
        if v.etype or v.is_verb() or v.text in STOP_PUNCT or v.text == ",":
            return None
        if v.has("ComitativePrep") and m < k:
            if units[m - 1].is_weapon:
                return m - 1
            if m > 2 and units[m - 1].is_actor and units[m - 2].has("OriginNoun") and units[m - 3].is_weapon:
                return m - 3  # "Rudal buatan Lockheed Martin dengan jangkauan …"
            return None
    return None


def _found_at(units: list[Unit], k: int, i: int) -> bool:
    """The unit at ``k``, before the verb at ``i``, is part of a place named after "di" ("di wilayah Amhara")."""
    j = k  # the place's index
    while j < i and not units[j].etype and units[j].has("LocativePrep", "LocationHead"):
        j += 1
    if j >= i or units[j].etype not in ("LOC", "GPE"):
        return False
    p = j - 1
    while p >= 0 and not units[p].etype and units[p].has("LocationHead"):
        p -= 1
    return 0 <= p <= k and not units[p].etype and units[p].has("LocativePrep")


def counted_unnamed(units: list[Unit]) -> int:
    """How many things the sentence counts with a cardinal before a common noun, none of them named ("menjatuhkan
    sanksi kepada dua kilang minyak … serta satu perusahaan dagang": 3); 0 where it names a party after a count."""
    cardinals = cues().cardinals
    total = 0
    for u in units[:-1]:
        if not u.cls or u.etype:  # (every cardinal has a class: most words have none, asked first)
            continue
        n = cardinals.get(u.low)
        if n is None:
            continue
        nxt = units[u.i + 1]
        if nxt.etype or not nxt.text.isalpha() or not nxt.text.islower() or nxt.has("TimeUnit", "CountNoun") or \
                nxt.is_verb():
            continue  # ("dua pekan", "tiga unit rudal": a time, or a classifier of what a name may follow)
        total += n
    return total
