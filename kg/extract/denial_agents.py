"""Where the denier of a passive denial stands, and the accusers that coordinated deniers share."""

from __future__ import annotations

from kg.cues import PASSIVE, cues, passive_prefixed
from kg.extract.bare_heads import name_heads
from kg.extract.clause import actor_keys, after_titles, agent_at, title_word
from kg.extract.context import State
from kg.extract.described import relative_party
from kg.extract.discourse import title_holder
from kg.extract.parties import outlet, side
from kg.units import STOP_PUNCT, Unit, skip_span


def past_topic(units: list[Unit], k: int) -> int:
    """Past a topic phrase closed by a demonstrative after an accusation noun ("tuduhan X soal serangan drone
    itu dibantah …"): the demonstrative, whose noun the passive verb after it is about; else ``k``."""
    if k < len(units) and not units[k].etype and units[k].has("Complementizer"):
        return _past_content(units, k)
    if k >= len(units) or units[k].etype or not units[k].has("ClaimTopicPrep"):
        return k
    for m in range(k + 1, min(len(units), k + 8)):
        if units[m].is_verb() or units[m].text in STOP_PUNCT:
            return k
        if units[m].has("Demonstrative"):
            return m
    return k


#: how long the content of a charge ("tuduhan AS bahwa China …") may run before the passive denial verb
CONTENT = 16


def _past_content(units: list[Unit], k: int) -> int:
    """Past the that-clause at ``k`` that tells a charge's content ("Tuduhan AS bahwa China membantu Rusia dibantah
    Beijing"): the passive verb of denying that ends it, within ``CONTENT`` words and before any stop; else ``k``."""
    for m in range(k + 2, min(len(units), k + CONTENT)):
        v = units[m]
        if v.text in STOP_PUNCT and v.text != ",":
            return k
        if not v.etype and PASSIVE in (v.voice("DenyCue"), v.voice("RejectCue")):
            return m
    return k


def denial_agent(units: list[Unit], k: int) -> int:
    """The agent of the passive denial verb at ``k``, past an adverb of force after the verb ("dibantah keras
    (oleh) X"), past a body noun before a state ("pihak X") and past the agent's title ("dibantah oleh Menteri
    Luar Negeri Ukraina, Dmytro Kuleba": the person named, not the title's first word)."""
    while k + 1 < len(units) and not units[k + 1].etype and units[k + 1].has("VehementAdverb"):
        k += 1
    a = agent_at(units, k)
    if a + 1 < len(units) and not units[a].etype and units[a].has("GovernmentNoun") and units[a + 1].is_actor:
        a += 1  # "dilontarkan pihak Inggris", "dibantah pemerintah Prancis": the state named after the body
    t = after_titles(units, a)
    if t == a or t >= len(units):
        return a
    if units[t].text == "," and t + 1 < len(units) and units[t + 1].etype == "PER":
        t += 1  # the name set off after its title
    return t if units[t].etype == "PER" else a


def shared_accusers(found: list[tuple[str, list[str]]], state: State) -> list[tuple[str, list[str]]]:
    """Coordinated deniers of one accusation ("Tuduhan itu dibantah oleh Iran dan Rusia") deny the same
    accuser: one whose own accuser is not known takes those found for the others (not one of its side)."""
    common = [a for _, accusers in found for a in accusers]
    return [(d, accusers or [a for a in dict.fromkeys(common) if a != d and d not in side(a, state)
                             and a not in side(d, state)]) for d, accusers in found]


def as_told_by(units: list[Unit], noun: int, state: State) -> tuple[str, ...]:
    """Who made the charge at ``noun``, named after it by "sebagaimana (yang) disampaikan (oleh) X" or "seperti
    dituduhkan X" (a passive verb of voicing or accusing): "membantah tuduhan melakukan peretasan sebagaimana yang
    disampaikan oleh Andi Arief". Not a news outlet ("seperti dilaporkan Reuters" tells who reported the denial)."""
    n = len(units)
    for k in range(noun + 1, min(n, noun + 16)):
        v = units[k]
        if v.text in STOP_PUNCT or v.text in (";", ","):
            return ()  # (not "membantah tuduhan itu, seperti disampaikan juru bicaranya X": who told the denial)
        if v.etype or not v.has("AsToldConj"):
            continue
        m = k + 1 + (k + 1 < n and units[k + 1].has("Relativizer"))
        w = units[m] if m < n else None
        if w is None or w.etype or not (w.voice("AccuseCue") == PASSIVE or w.has("LaunchVerb") and passive_prefixed(w.low)):
            return ()
        a = after_titles(units, agent_at(units, m))
        if a < n and units[a].is_actor and not units[a].paren:
            return tuple(c for c in actor_keys(units, a, state) if not outlet(c, state))
        return ()
    return ()


def titled_accuser(units: list[Unit], k: int, hi: int, state: State) -> tuple[str, ...]:
    """The one person the article already gave the title that opens at ``k`` right after an accusation noun, of the
    state or body named after it, where no name follows ("Brigety, duta besar AS, menuduh … . Afrika Selatan mengecam
    tuduhan duta besar AS"): the charge is that person's, as a bare title in subject position is
    (:func:`kg.extract.discourse.title_holder`); else nothing."""
    named = next((v.i for v in units[k:min(hi, k + 10)] if v.etype == "PER" and v.role and v.title_at == k), None)
    if named is not None:  # "laporan Pelapor Khusus PBB untuk Myanmar, Tom Andrews, …": the person the title names
        return actor_keys(units, named, state)
    t = after_titles(units, k, hi)
    m = t
    while m < hi and units[m].etype in ("GPE", "ORG") and not units[m].paren:
        m = (units[m].group[-1] if units[m].group else m) + 1
    if t == k or m == t or m < hi and (units[m].etype == "PER" or units[m].text == "," and m + 1 < hi and
                                       units[m + 1].etype == "PER"):
        return ()
    who = title_holder(units, units[k], m, state)
    return (who,) if who else ()


def relative_head(units: list[Unit], v: int) -> int | None:
    """The actor that a relative clause set off by a comma hangs on, where the denial verb at ``v`` is that clause's
    ("… memicu respons keras dari Petro, yang dengan tegas menolak klaim tersebut"): the relative's subject is the
    noun it follows, even one after a preposition, which no subject search takes; else None. Only adverbs and
    function words may stand between "yang" and the verb ("yang dengan tegas …"), and no actor in brackets is it."""
    a = relative_party(units, v, lambda w: w.has("FunctionWord", "MannerAdverb", "VehementAdverb", "MeansPrep"))
    return a if a is not None and not units[a].paren else None


def past_outlet(units: list[Unit], k: int, hi: int) -> int:
    """Past the outlet phrase that opens at ``k`` after a claim or a rumour noun ("(berita) dalam dua surat kabar
    harian Australia The Age dan …", "(klaim) saluran satelit Al Arabiya"): where the outlet's name, its country
    set before it ("media Prancis Le Monde"), stands; ``k`` where no outlet noun opens the phrase."""
    m = k + (k < hi and not units[k].etype and units[k].has("Preposition"))  # "berita dalam …"
    while m < hi and not units[m].etype and (units[m].text.isdigit() or units[m].has("NumberWord")):
        m += 1  # "dua surat kabar"
    if m >= hi or units[m].etype or not units[m].has("OutletNoun", "SiteNoun"):
        return k
    while m < hi and not units[m].etype and units[m].has("OutletNoun", "SiteNoun"):
        m = skip_span(units, m, "OutletNoun")  # "surat kabar harian"
    if m + 1 < hi and units[m].etype == "GPE" and units[m + 1].etype in ("ORG", "PER") and not units[m + 1].paren:
        m += 1
    return m


def named_outlets(units: list[Unit], r: int, hi: int, state: State) -> tuple[str, ...]:
    """The outlet named at ``r`` with one named next to it ("The Age dan Sydney Morning Herald"), which the
    coordination groups do not join where the tagger gave the two names different kinds."""
    keys = actor_keys(units, r, state)
    m = (units[r].group[-1] if units[r].group else r) + 1
    if m + 1 < hi and units[m].has("Conjunction") and units[m + 1].etype in ("ORG", "PER") and not units[m + 1].paren:
        keys += tuple(k for k in actor_keys(units, m + 1, state) if k not in keys)
    return keys


def news_that(units: list[Unit], noun: int | None) -> bool:
    """"membantah laporan bahwa pemerintahannya …", "menepis laporan yang menyebut …": a report told by its content,
    its author unnamed, is news denied (as "kabar bahwa …"), not the last charge against the denier, whose maker
    need not have reported anything."""
    if noun is None or units[noun].has("AccuseCue") or not units[noun].has("ReportNoun") or noun + 1 >= len(units):
        return False
    return units[noun + 1].has("Complementizer") or units[noun + 1].has("Relativizer")


def outlet_agent(units: list[Unit], j: int) -> bool:
    """Whether the actor at ``j`` is a news outlet, agent of a passive in a relative clause on a plain noun
    ("pernyataan yang dirilis (oleh) kantor berita Xinhua"): it aired the statement; it did not make it."""
    k = (units[j].group[0] if units[j].group else j) - 1
    aired = False
    while k >= 0 and (units[k].text == "," or title_word(units[k]) or units[k].has("AgentPrep")
                      or units[k].is_noun() or units[k].etype == "GPE" or units[k].modifier or units[k].title
                      or units[k].has("FunctionWord") and not units[k].has("Relativizer")):
        aired = aired or units[k].has("OutletNoun")
        k -= 1
    n = units[k - 2] if k >= 2 else None
    return aired and n is not None and not units[k].etype and passive_prefixed(units[k].low) and \
        units[k - 1].has("Relativizer") and not n.etype and n.text.isalpha() and not n.is_verb()


def via_speaker(units: list[Unit], j: int, i: int) -> int | None:
    """The person named in a means phrase between the denier at ``j`` and its verb at ``i`` ("Kementerian Luar
    Negeri China, melalui juru bicaranya Mao Ning, membantah …", "Iran, lewat juru bicara X, menepis …"): the body
    denies, as the text says, and so does the spokesperson who spoke for it."""
    start = units[j].group[-1] + 1 if units[j].group else j + 1
    for m in range(start, i):
        if units[m].etype or not _means_opens(units, m):
            continue
        for k in range(m + 1, i):
            v = units[k]
            if v.etype == "PER" and not v.paren:
                return k
            if v.etype in ("ORG", "GPE"):
                continue  # (the body the title names: "juru bicara Kementerian Luar Negeri X")
            if v.etype or v.is_verb() and not title_word(v) or v.text in STOP_PUNCT:
                return None
        return None
    return None


def past_means(units: list[Unit], j: int) -> int:
    """The party before a means phrase that the subject at ``j`` closes ("Iran, melalui kantor berita IRNA,
    membantah …": Iran denies, through the outlet, which only carried the words); else ``j``."""
    k = (units[j].group[0] if units[j].group else j) - 1
    lo = max(0, k - 6)  # (a title or a noun phrase of a few words: "kantor berita (resmi)", "juru bicara Kemlu")
    while k > lo and (units[k].etype in ("ORG", "GPE") or not units[k].etype and units[k].text.isalpha() and
                      not units[k].has("MeansPrep") and (title_word(units[k]) or not units[k].is_verb())):
        k -= 1
    if k >= 2 and not units[k].etype and _means_opens(units, k) and \
            units[k - 2].is_actor and not units[k - 2].paren:
        return k - 2
    return j


def _means_opens(units: list[Unit], m: int) -> bool:
    """A means phrase set off by a comma opens at ``m`` (", melalui …", ", lewat …"); not "dekat dengan …", whose
    "dengan" joins a companion."""
    v = units[m]
    return m > 0 and units[m - 1].text == "," and v.has("MeansPrep") and not v.has("ComitativePrep")


def court(u: Unit) -> bool:
    """The unit names a court, by its words ("Mahkamah Internasional") or, where it is written otherwise ("ICJ"),
    by a name the gazetteer knows it by (the first words of its names, :func:`bare_heads.name_heads`): a court rules
    on a suit, it denies no charge."""
    c, heads = cues(), name_heads()
    return bool(c.classes(u.text.split()[0]).get("CourtHead")) or \
        any(c.classes(w).get("CourtHead") for k in u.keys for w in heads.get(k, ()))
