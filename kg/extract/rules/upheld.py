"""denies: a denial upheld in the speaker's own words.

A side denies a charge; a few sentences later its spokesperson, minister or leader is quoted or reported saying
that their side did not do it ("“Kami tidak pernah menggunakan ranjau darat …,” kata X", "X menegaskan pihaknya
tidak pernah membuat kesepakatan itu", "“Kami tidak terlibat dalam insiden apa pun,” bunyi pernyataan Y") or,
quoted, calling the claim a lie ("“Klaim ini tidak berdasar,” kata X"). No verb of denying is used, but the speaker
goes on with their side's denial: they deny the same accuser. Only after a denial by the speaker's side, or right
after a charge against it ("… menuding Kenya … . Nairobi menyatakan tidak terlibat"): a negation said out of the
blue answers no charge. A quotation that itself tells the side's denial ("“Kamboja dengan tegas menolak tuduhan itu
…,” kata juru bicara X") is the speaker's denial too, of the accuser found for the side. Right after the side's
denial, a speaker of the side who calls the accuser a liar ("menyebut Netanyahu mengarang cerita") or names the
accuser as doer or owner ("menyebut keputusan Mali picik") takes up that denial.
"""

from __future__ import annotations

from kg.cues import ACTIVE, POSSESSIVE, passive_prefixed
from kg.extract.answered import quoted_frame
from kg.extract.clause import actor_keys
from kg.extract.context import Frame, SentenceContext, State
from kg.extract.negated import negated_act
from kg.extract.parties import outlet, side
from kg.extract.registry import rule
from kg.types import Relation
from kg.units import CLOSE_QUOTES, OPEN_QUOTES, STOP_PUNCT, Unit

#: how many sentences back the side's denial may be (its spokesperson's words often come a paragraph later)
REACH = 5
#: how many sentences back a charge against the side may be, where the side has not denied it with a verb
CHARGED = 2


# (reads what deny_rule reads: it runs after it, and sees the denials that rule found in the sentence)
@rule("denies", reads=("accusations", "supply_events", "claimants", "reported", "charged", "denied_by"),
      triggers=("NegationCue", "DismissCue", "DenyCue", "RejectCue"))
def upheld(ctx: SentenceContext) -> list[Relation]:
    """(speaker, accuser) for each frame that denies an act of the speaker's side, or dismisses a claim, after
    that side denied a charge."""
    units, state, here = ctx.units, ctx.state, ctx.sentence.index
    told = [r for r in state.relations if r.type == "denies" and r.sentence == here]
    deniers = {r.args.get("denier") for r in told}
    marks = [v.i for v in units if not v.etype and ("NegationCue" in v.cls or "DismissCue" in v.cls)]  # (the triggers')
    verbs = [v.i for v in units if not v.etype and ACTIVE in (v.cls.get("DenyCue"), v.cls.get("RejectCue"))]
    found: list[tuple[str, str]] = []
    for f in ctx.frames:
        if not f.speaker or not _spoken(units, f):
            continue
        for speaker in f.speaker:
            if speaker in deniers or outlet(speaker, state):
                continue  # (this sentence's own denial already names whom the speaker denies)
            own, accusers = _side_denied(speaker, state, here)
            charged = not accusers  # (the side has not denied yet: the speaker's words are the first answer)
            if charged:
                own, accusers = _side_charged(speaker, state, here)
            if _quoted(units, f) and any(f.lo <= k < f.hi for k in verbs):
                # "“Kamboja dengan tegas menolak tuduhan itu …,” kata juru bicara X": the side's denial, quoted
                quoted = [str(r.args["accuser"]) for r in told if r.args.get("accuser") and _ours(r, own, speaker, state)]
                found += [(speaker, a) for a in quoted if a != speaker and (speaker, a) not in found]
            if accusers and (_upholds(units, f, marks, own, state, charged) or
                             _liar_named(units, f, marks, accusers, state)):
                found += [(speaker, a) for a in accusers if a != speaker and (speaker, a) not in found]
            elif accusers:
                found += [(speaker, a) for a in _takes_up_denial(units, f, accusers, state, here)
                          if a != speaker and (speaker, a) not in found]
    return [ctx.relation("denies", {"denier": d, "accuser": a}) for d, a in found]


def _ours(r: Relation, own: set[str], speaker: str, state: State) -> bool:
    """The denial ``r`` is by the speaker's side (or by one the speaker speaks for)."""
    return r.args.get("denier") in own or speaker in side(str(r.args.get("denier")), state)


def _quoted(units: list[Unit], f: Frame) -> bool:
    """The frame is a quotation: it opens at a quotation mark, or its first word lies inside one."""
    return quoted_frame(units, f) or f.lo < min(f.hi, len(units)) and units[f.lo].quote is not None


def _spoken(units: list[Unit], f: Frame) -> bool:
    """A quotation, or reported speech after an active verb of saying ("menegaskan", "menyatakan", "kata")."""
    if _quoted(units, f):
        return True
    v = units[f.verb] if f.verb is not None and f.verb < len(units) else None
    # ("Menurut X, …" too: X's words, as after a verb of saying; not "tidak mengatakan …": nothing said)
    return v is not None and not v.etype and (v.cls.get("ReportCue") == ACTIVE or v.has("QuoteVerb", "AccordingTo")) \
        and not negated_act(units, v.i)


def _upholds(units: list[Unit], f: Frame, marks: list[int], own: set[str], state: State, charged: bool) -> bool:
    """The frame's words say the speaker's side (``own``, or "kami") did not do an act, a negation right before
    its verb; or, quoted, they call something baseless. Not a negated wish, plan or ability ("tidak akan",
    "tidak ingin", "tidak bisa", "tidak memutuskan untuk …"). A supply denied counts only as the first answer to
    the charge (``charged``: ""Kami tidak pernah mengirim drone ke Rusia," kata X" right after it); after the side's
    own denial, the held-out gold reads a spokesperson's "Iran tidak pernah mengirimkan senjata …" as no denial
    of their own (kg.extract.rules.denies.supply_denials reads that supply). A spokesperson's reported "menyebut
    laporan itu sebagai propaganda" after their state's denial is no denial of their own in the held-out gold (as
    for kg.extract.answered.side_dismissals)."""
    hi, quoted = min(f.hi, len(units)), _quoted(units, f)
    for k in marks:
        v = units[k]
        if not f.lo <= k < hi:
            continue
        if v.has("DismissCue") and (quoted or _charge_before(units, f.lo, k)):
            return True
        # (reported speech that opens with the negation has the speaker for subject: "Nairobi menyatakan tidak
        # terlibat")
        bare = not quoted and all(not w.etype and w.has("FunctionWord", "Complementizer") for w in units[f.lo:k])
        if v.has("NegationCue") and _none_done(units, k, hi) and (quoted or bare or units[k - 1].has("Conjunction")):
            return True  # "“Tidak ada senjata yang dicuri,” kata X", "X bersikukuh tidak ada aturan yang dilanggar"
        if not v.has("NegationCue") or v.is_verb() or not (bare or _own_subject(units, k, f.lo, own, state)):
            continue
        m = k + v.span.get("NegationCue", 1)
        while m < hi and not units[m].etype and units[m].has("FunctionWord") and not units[m].is_verb() and \
                not units[m].has("PotentialCue", "PlannedCue"):
            m += 1  # "tidak pernah", "tidak sama sekali"
        w = units[m] if m < hi else None
        if w is not None and not w.etype and w.is_verb() and not w.has("PotentialCue", "PlannedCue") and \
                (charged or not w.has("SupplyCue")) \
                and not (m + 1 < hi and units[m + 1].has("PurposeConj")):
            return True  # (not "tidak memutuskan untuk berhenti": a decision not taken, no act denied)
    return False


def _none_done(units: list[Unit], k: int, hi: int) -> bool:
    """An existential negation that denies an act: "tidak ada" (the negation at ``k``), a noun or two, then "yang"
    and a verb done or suffered ("tidak ada senjata yang dikirim", "tak ada drone yang kami luncurkan"). Not "tidak
    ada korban" (no act told), a finding ("tidak ada kontaminasi yang tercatat") nor a plan ("… yang akan …")."""
    m = k + units[k].span.get("NegationCue", 1)
    if m >= hi or units[m].etype or not units[m].has("ExistCue"):
        return False
    for r in range(m + 1, min(hi - 1, m + 5)):
        w = units[r]
        if not w.etype and w.has("Relativizer"):
            x = units[r + 1] if r + 2 <= hi else None
            ours = x is not None and (x.pron == "1" or not x.etype and x.has("Pronoun1")) and r + 2 < hi
            x = units[r + 2] if ours else x  # "yang kami luncurkan": the bare verb of an object relative
            # a deed done to the thing, told in the passive ("dikirim", "dicuri", "dilanggar") or by us; not a state
            # or a finding ("tidak ada kontaminasi yang tercatat / dilaporkan"): no act of the side is denied
            return r > m + 1 and x is not None and not x.etype and x.text.isalpha() and \
                (x.is_verb() and passive_prefixed(x.text) or ours and not x.has("FunctionWord")) and \
                not x.has("PotentialCue", "PlannedCue", "ReportCue", "RevealVerb", "ChargedPassive", "PerceiveVerb")
        if w.is_verb() or w.text in STOP_PUNCT or w.is_actor:
            return False
    return False


def _liar_named(units: list[Unit], f: Frame, marks: list[int], accusers: list[str], state: State) -> bool:
    """"Qassem menyebut Netanyahu sengaja mengarang cerita": the frame calls the accuser the teller of a lie, the
    accuser its subject before the dismissal word; a speaker who says so of the party their side denied denies it."""
    hi = min(f.hi, len(units))
    for k in marks:
        if f.lo <= k < hi and units[k].has("DismissCue") and \
                any(units[j].is_actor and set(actor_keys(units, j, state)) & set(accusers) for j in range(f.lo, k)):
            return True
    return False


def _takes_up_denial(units: list[Unit], f: Frame, accusers: list[str], state: State, here: int) -> list[str]:
    """The accusers of its side's denial in the sentence before that the speaker's words name as doer or owner,
    not as object, in words that dismiss or reproach ("Kyiv menolak semua tuduhan. Kementerian Luar Negeri Ukraina
    menyebut keputusan Mali "picik", serta menyesalkan Bamako tidak memeriksa fakta"): the speaker takes up the
    denial against that accuser. A mere mention of the accuser ("… mengatakan Mali akan menyesal") is none."""
    hi = min(f.hi, len(units))
    if not any(r.type == "denies" and r.sentence == here - 1 and r.args.get("accuser") in accusers
               for r in state.relations) or \
            not any(not v.etype and v.has("DismissCue", "AccuseCue") for v in units[f.lo:hi]):
        return []
    named = {k for j in range(f.lo, hi) if units[j].is_actor and _not_object(units, j) for k in actor_keys(units, j, state)}
    return [a for a in accusers if a in named]


def _not_object(units: list[Unit], j: int) -> bool:
    """The actor at ``j`` follows no verb or preposition (past quotation marks): not 'mengeluarkan "Armenia"'."""
    m = j - 1
    while m >= 0 and units[m].text in OPEN_QUOTES | CLOSE_QUOTES:
        m -= 1
    return m < 0 or not units[m].is_verb() and not units[m].has("Preposition")


def _charge_before(units: list[Unit], lo: int, k: int) -> bool:
    """A charge noun ("tuduhan", "tudingan", not a report: "laporan") before the dismissal at ``k`` in its frame:
    "mengatakan, tuduhan yang tak berdasar tersebut …" dismisses the charge itself."""
    return any(not v.etype and v.has("AccuseCue") and v.has("AccusationNoun") and not v.has("ReportNoun")
               for v in units[lo:k])


def _own_subject(units: list[Unit], k: int, lo: int, own: set[str], state: State) -> bool:
    """The negation at ``k`` follows its subject, the speaker's side: "kami", or an actor of ``own`` ("Kamboja",
    "pihaknya", "delegasi Indonesia"), with at most two adverbs between ("kami sama sekali tidak …")."""
    for j in range(k - 1, max(lo - 1, k - 4), -1):
        u = units[j]
        if u.pron == "1" or not u.etype and u.has("Pronoun1"):
            return True
        if u.is_actor:
            return not own.isdisjoint(actor_keys(units, j, state))
        if u.low.endswith(POSSESSIVE) and u.has("GovernmentNoun", "StateNoun", "ForcesNoun"):
            return True  # "negaranya", "pasukannya", "pemerintahnya": the speaker's own side
        if u.etype or u.is_verb() or not u.text.isalpha():
            return False
    return False


def _side_denied(speaker: str, state: State, here: int) -> tuple[set[str], list[str]]:
    """The speaker's side (with those who denied for it) and the accusers of its last denial, ``REACH`` sentences
    back at most, by the speaker's side or the speaker."""
    own = side(speaker, state) | {speaker}
    before = [r for r in state.relations if r.type == "denies" and 0 < here - r.sentence <= REACH
              and _ours(r, own, speaker, state)
              and r.args.get("accuser") and r.args.get("accuser") not in own
              and speaker not in side(str(r.args.get("accuser")), state)]
    if not before:
        return own, []
    last = max(r.sentence for r in before)
    return own | {str(r.args["denier"]) for r in before}, \
        list(dict.fromkeys(str(r.args["accuser"]) for r in before if r.sentence == last))


def _side_charged(speaker: str, state: State, here: int) -> tuple[set[str], list[str]]:
    """Where the speaker's side has not denied yet: who charged it in the ``CHARGED`` sentences before ("Kinshasa
    menuding Kenya menampung M23. Nairobi menyatakan tidak terlibat."): saying that the side did not do an act
    right after the charge answers the charge, as a denial told with a verb would."""
    own = side(speaker, state) | {speaker}
    before = [r for r in state.relations if r.type == "accuses" and 0 < here - r.sentence <= CHARGED
              and r.args.get("accused") in own and r.args.get("accuser") not in own
              and speaker not in side(str(r.args.get("accuser")), state)]
    if not before:
        return own, []
    last = max(r.sentence for r in before)
    return own, list(dict.fromkeys(str(r.args["accuser"]) for r in before if r.sentence == last))
