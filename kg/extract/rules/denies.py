"""denies(denier, accuser): denying or rejecting an accusation, or dismissing it as baseless; the
accuser is the party whose claim is denied (named with the accusation noun, else the last accuser)."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE, passive_prefixed
from kg.extract import denial_agents
from kg.extract.answered import answered_after, bare_denials, bare_heading, side_dismissals
from kg.extract.charges import condemned_charge, relative_on
from kg.extract.claims import owner_after, past_claim_age
from kg.extract.clause import (
    SPEECH,
    actor_keys,
    agent_at,
    clause_right,
    frame_of,
    left_subject,
    prep_actor,
)
from kg.extract.context import Event, Frame, SentenceContext, State
from kg.extract.denial_agents import as_told_by, denial_agent, past_topic, relative_head, shared_accusers, titled_accuser
from kg.extract.denial_nouns import noun_denials
from kg.extract.dismissals import (
    baseless_launched,
    called_baseless,
    claim_launched,
    claim_to,
    dismissed_claim,
    named_dismissals,
    quote_final_dismissal,
    refused_charge,
    refused_label,
    refused_news,
    said_dismissals,
    speaks,
    tagged_denials,
    that_clause,
)
from kg.extract.negated import negated_act
from kg.extract.parties import last_accusers, party, side
from kg.extract.registry import rule
from kg.extract.spread import spread_dismissed
from kg.types import Relation
from kg.units import OPEN_QUOTES, STOP_PUNCT, Unit, skip_span


@rule("denies", provides=("claimants",), triggers=("ClaimVerb",))
def claims(ctx: SentenceContext) -> list[Relation]:
    """Who makes a claim ("Milei mengklaim …", "yang diklaim Pyongyang", a headline's "Milei Klaim …"): a
    denial that names no accuser denies the claimant's claim (the guidelines' accuser)."""
    units = ctx.units
    for u in units:
        voice = None if u.etype else u.cls.get("ClaimVerb")
        launched = voice is not None and u.i > 1 and claim_launched(units[u.i - 1]) and not (  # "X melontarkan klaim …"
            u.i + 1 < len(units) and units[u.i + 1].has("AlikeAdjective"))  # (not "klaim serupa": another's claim)
        if voice is None or u.i and units[u.i - 1].is_verb() and not units[u.i - 1].has("ClaimVerb") and not launched or \
                u.i + 1 < len(units) and units[u.i + 1].has("Demonstrative"):
            continue  # "membantah (keras) klaim itu": the claim is the object of another verb, no claim made here
        if launched:
            j = left_subject(units, u.i - 1)
            keys = actor_keys(units, j, ctx.state) if j is not None else ()
        elif voice == PASSIVE:
            a = agent_at(units, u.i)
            keys = actor_keys(units, a, ctx.state) if a < len(units) and units[a].is_actor else ()
        elif u.cls.get("AccusationNoun") == NOUN and not (u.i and units[u.i - 1].is_actor) and \
                (o := owner_after(units, u.i)) is not None and units[o].etype == "PER":
            keys = actor_keys(units, o, ctx.state)  # "… adalah klaim (Presiden AS) Trump bahwa …": the owner after it
        else:
            j = left_subject(units, u.i)
            keys = actor_keys(units, j, ctx.state) if j is not None else ()
        if keys:
            ctx.products["claimants"] = (keys, ctx.sentence.index)
    return []


@rule("denies", provides=("reported",), triggers=("ReportCue",))
def reported(ctx: SentenceContext) -> list[Relation]:
    """Who said what of whom ("Israel mengatakan Hamas menggunakan rumah sakit …"): a denial of "tuduhan
    tersebut" in the next sentence by whom it was said of denies that speaker (see :func:`_said_of`)."""
    units = ctx.units
    for u in units:
        if u.etype or u.quote is not None or u.voice("ReportCue") != ACTIVE:
            continue
        j = left_subject(units, u.i)
        k = u.i + 1
        while k < len(units) and not units[k].etype and (units[k].has("FunctionWord", "Complementizer") or
                                                        units[k].text == ","):
            k += 1  # "mengatakan bahwa …", "mengatakan sebelumnya, …"
        if j is None or k + 1 >= len(units) or not units[k].is_actor or units[k].paren:
            continue
        m = units[k].group[-1] + 1 if units[k].group else k + 1
        if m < len(units) and (units[m].is_verb() or units[m].has("FunctionWord") and m + 1 < len(units)
                               and units[m + 1].is_verb()):
            ctx.products["reported"] = (ctx.sentence.index, actor_keys(units, j, ctx.state),
                                        actor_keys(units, k, ctx.state))
            break
    return []


@rule("denies", requires=("accusations", "supply_events"), reads=("claimants", "reported", "charged", "denied_by"),
      triggers=("DenyCue", "RejectCue", "AccusationNoun", "DismissCue"))
def deny_rule(ctx: SentenceContext) -> list[Relation]:
    if bare_heading(ctx.units):
        return []
    here = ctx.products.get("claimants") or ctx.state.claimants  # (this sentence's claim, else the last one)
    claimants = here[0] if here and ctx.sentence.index - here[1] <= 1 else ()
    found = denials(ctx.units, ctx.state, claimants, ctx.sentence.index)
    found += [p for p in supply_denials(ctx.frames, ctx.products.get("supply_events", []), ctx.state,
                                                ctx.sentence.index) if p not in found]
    found += [p for p in quoted_dismissals(ctx.units, ctx.frames, ctx.state) if p not in found]
    found += [p for p in dismissed_that(ctx.units, ctx.frames, ctx.state) if p not in found]
    found += [p for p in denied_passive(ctx.units, ctx.state, claimants, ctx.sentence.index) if p not in found]
    found += [p for p in denial_after(ctx.units, ctx.state) if p not in found]
    found += [p for p in noun_denials(ctx.units, ctx.state) + said_dismissals(ctx.units, ctx.state) if p not in found]
    found += [p for p in named_dismissals(ctx.units, ctx.state) if p not in found]
    found += [p for p in spread_dismissed(ctx.units, ctx.frames, ctx.state) if p not in found]
    found += [p for p in tagged_denials(ctx.units, ctx.frames, ctx.state) +
              baseless_launched(ctx.units, ctx.frames, ctx.state) if p not in found]
    found += [p for p in answered_after(ctx.units, ctx.state, ctx.sentence.index) if p not in found]
    found += bare_denials(ctx.units, ctx.state, ctx.sentence.index, found)  # (for deniers still without accuser)
    found += side_dismissals(ctx.units, ctx.frames, ctx.state, ctx.sentence.index, found)
    # (one side never denies its own: not Pyongyang denying what its own official said)
    return [ctx.relation("denies", {"denier": d, "accuser": a}) for d, a in found if d not in side(a, ctx.state)]


@rule("accuses", reads=("reported",), triggers=("DenyCue", "RejectCue", "AccusationNoun", "DismissCue"))
def said_charge(ctx: SentenceContext) -> list[Relation]:
    """accuses(speaker, denier) from a statement its target denies ("Israel mengatakan Hamas menggunakan rumah
    sakit itu sebagai pusat komando. Hamas menolak tuduhan tersebut."): calling what was said of one an
    accusation shows it charged them, though no verb of accusing was used. Only where the denial answers the
    statement of the sentence before (:func:`_said_of`) and no one had accused the denier already."""
    state, here = ctx.state, ctx.sentence.index
    if not any(at == here - 1 for at, _, _ in state.reported):
        return []  # (the common case; the denial scan below is the costly part)
    made = set(state.accusations)
    found: list[tuple[str, str]] = []
    for denier, accuser in denials(ctx.units, state, (), here):
        if accuser in _said_of((denier,), state, here) and (accuser, denier) not in made | set(found) and \
                not any((accuser, b) in made for b in side(denier, state)):  # (not an official of the accused)
            found.append((accuser, denier))
    return [ctx.relation("accuses", {"accuser": a, "accused": b}) for a, b in found]


def supply_denials(frames: list[Frame], events: list[Event], state: State, here: int) -> list[tuple[str, str]]:
    """A speaker who says their side never supplied denies whoever accused that side of it; right after a
    denial by the speaker or their side ("Abu Dhabi menolak … . X menyebut laporan Amnesty tidak berdasar. Ia
    menegaskan negaranya tidak memberikan senjata …"), whose claim that denial answered."""
    out = []
    for ev in events:
        f = frame_of(frames, ev.unit)
        if ev.modality != "denied" or f is None:
            continue
        for speaker in f.speaker:
            _pair(out, (speaker,), _denied_before(speaker, state, here) or last_accusers(ev.supplier, state))
    return out


def _denied_before(speaker: str, state: State, here: int) -> list[str]:
    """The accusers whom the sentence before told ``speaker`` denying, else their side (or one speaking for them)."""
    before = [r.args for r in state.relations if r.type == "denies" and r.sentence == here - 1]
    own = [str(a["accuser"]) for a in before if a.get("denier") == speaker and a.get("accuser")]
    sides = side(speaker, state)
    return own or [str(a["accuser"]) for a in before if a.get("accuser") and (
        a.get("denier") in sides or speaker in side(str(a.get("denier")), state))]


def _pair(out: list[tuple[str, str]], deniers: tuple[str, ...], accusers: list[str]) -> None:
    """Every denier × accuser pair not yet in ``out``, where the two differ (one can't deny oneself)."""
    for denier in deniers:
        for accuser in accusers:
            if accuser != denier and (denier, accuser) not in out:
                out.append((denier, accuser))


#: ``denials`` passes over a word with none (its cues; condemned_charge, refused_charge and speaks need one each)
DENIAL_CLASSES = frozenset({"DenyCue", "RejectCue", "AccuseCue", "AcceptVerb", "ReportCue", "BeliefCue"})


def denials(units: list[Unit], state: State, claimants: tuple[str, ...] = (),
            here: int | None = None) -> list[tuple[str, str]]:
    """(denier, accuser) of each denial in the sentence (``here``: its index in the article)."""
    out = []
    for u in units:
        if u.etype or DENIAL_CLASSES.isdisjoint(u.cls):  # (most words: none of the classes the tests below need)
            continue
        deny, reject = u.cls.get("DenyCue"), u.cls.get("RejectCue")
        if deny and u.i + 1 < len(units) and units[u.i + 1].has("CommitmentNoun") and not units[u.i + 1].etype:
            continue  # "mengingkari komitmennya": breaking a promise, not denying a charge
        if reject != ACTIVE and condemned_charge(units, u.i):
            reject = ACTIVE  # "mengecam keras tuduhan AS": condemning a charge rejects it
        refused = refused_charge(units, u.i)  # "tidak menerima tuduhan itu"
        if refused:
            reject = ACTIVE
        if deny != ACTIVE and reject != ACTIVE and not speaks(u):
            continue  # cheap test first: the clause scan below is the costly part
        hi = clause_right(units, u.i)
        that = deny != ACTIVE and reject != ACTIVE and that_clause(units, u.i, hi) != hi
        hi = that_clause(units, u.i, hi) if that else hi
        noun = next((k for k in range(u.i + 1, min(hi, u.i + 4)) if units[k].has("AccusationNoun")), None)
        # "menyebut tuduhan itu tidak berdasar / sebagai propaganda": dismissing is denying
        dismiss = dismissed_claim(units, u.i, noun, hi, that)
        if deny != ACTIVE and reject != ACTIVE and not dismiss:
            continue
        if noun is None and any(v.has("PressureNoun") or v.cls.get("DemandCue") == NOUN
                                for v in units[u.i + 1:min(hi, u.i + 3)]):
            continue  # "Kremlin menepis tekanan itu", "menolak desakan Barat": a call turned down is no charge denied
        if reject and noun is None and not (refused_label(units, u.i) or refused_news(units, u.i)) or \
                negated_act(units, u.i) and not refused or noun is not None and claim_to(units, noun, hi):
            continue  # "menolak merinci", "tidak membantah laporan itu", "menolak klaim kedaulatan X": no denial
        j = left_subject(units, u.i)
        if j is None and u.i > 1 and units[u.i - 1].text == ",":
            j = _said_subject(units, u.i - 1)  # "Korut mengatakan tidak pernah …, menyangkal tuduhan AS bahwa …"
        j = relative_head(units, u.i) if j is None else j  # "respons keras dari Petro, yang menolak klaim itu"
        if j is None or denial_agents.outlet_agent(units, j):
            continue  # (not "Pernyataan yang disiarkan oleh kantor berita Korut, KCNA, membantah …": who aired it)
        if noun is not None and units[noun].has("SuitCue") and denial_agents.court(units[j]):
            continue  # "Mahkamah Internasional menolak gugatan Sudan": a court rules on a suit, it denies no charge
        j = denial_agents.past_means(units, j)  # "Iran, melalui kantor berita IRNA, membantah …"
        deniers = actor_keys(units, j, state)
        if (via := denial_agents.via_speaker(units, j, u.i)) is not None:
            deniers += actor_keys(units, via, state)  # "X, melalui juru bicaranya Y, membantah …"
        accusers: tuple[str, ...] = ()
        if noun is not None and units[noun].pron == "statement" and units[noun].has("ReportNoun"):
            accusers = units[noun].keys  # "Kagame menepis temuan itu": the report's author, named before
        elif noun is not None:
            k = noun + units[noun].span.get("AccusationNoun", 1)  # (past "hasil penyelidikan")
            k = past_claim_age(units, k)  # "menampik tuduhan lama Kongo": how old the claim is, then whose
            k += k + 1 < hi and units[noun].has("ReportNoun") and not units[k].etype and units[k].text.islower() and \
                units[k].has("EvidenceNoun") and units[k + 1].is_actor and not units[k + 1].paren  # "laporan investigasi X"
            accusers = titled_accuser(units, k, hi, state)  # "tuduhan duta besar AS": the envoy named before
            if not accusers:  # no holder of that title told before: the accuser named after the noun, or its agent
                k = _past_title(units, k, hi)  # "tudingan Sekretaris Jenderal NATO Mark Rutte"
                if k < hi and not units[k].etype and units[k].has("OutletNoun", "SiteNoun"):
                    k = denial_agents.past_outlet(units, k, hi)  # "laporan surat kabar [AS,] Wall Street Journal"
                    m = k + 1 + (k + 1 < hi and units[k + 1].text == ",")
                    if k < hi and units[k].etype == "GPE":
                        if not (m < hi and units[m].etype in ("ORG", "PER")):
                            continue  # "laporan surat kabar Amerika": an outlet unnamed, not its country
                        k = m  # "laporan media Prancis Le Monde": the outlet, not its country
                if k < hi and units[k].is_actor and not units[k].paren:
                    accusers = actor_keys(units, k, state)
                elif (r := relative_on(units, k, hi)) is not None:
                    # "tuduhan yang dilontarkan (oleh) Vietnam", "tuduhan penyuapan pemilih yang dilontarkan X"
                    a = _past_title(units, agent_at(units, r + 1), hi)  # "… oleh Menteri Luar Negeri AS X"
                    accusers = actor_keys(units, a, state) if a < hi and units[a].is_actor else ()
                elif told := tuple(a for a in as_told_by(units, noun, state)  # "… sebagaimana yang disampaikan oleh X"
                                   if not any(a in side(d, state) or d in side(a, state) for d in deniers)):
                    accusers = told  # (before "dari X": "tuduhan menerima dana dari Rusia sebagaimana dilontarkan Y")
                elif not _supply_source(units, noun, hi):
                    accusers, _ = prep_actor(units, noun, hi, ("SourcePrep", "AgentPrep"), state, reach=4)
        rumour = next((k for k in range(u.i + 1, min(hi, u.i + 3)) if units[k].has("RumourNoun")), None)
        r = denial_agents.past_outlet(units, skip_span(units, rumour, "RumourNoun"), hi) if rumour is not None else hi
        if noun is None and r < hi and units[r].etype in ("ORG", "PER") and not units[r].paren:
            accusers = denial_agents.named_outlets(units, r, hi, state)  # "menepis berita (harian) New York Times …"
        if not accusers and noun is not None and units[noun].has("StatementNoun") and noun + 1 < hi and \
                units[noun + 1].has("Demonstrative"):
            # "Hamas menolak pernyataan itu": the statement just quoted, if its speaker accused anyone
            made = {a for a, _ in state.accusations}
            accusers = tuple(k for k in state.last_speaker if k in made)
        if not accusers and claimants and noun is not None and units[noun].has("ClaimVerb"):
            # "Fidan mengklaim bahwa … . Letymbiotis membantah klaim itu": the claim just made, not an older charge
            accusers = tuple(c for c in claimants if not any(c in side(d, state) for d in deniers))
        every = noun is not None and any(units[k].has("AllQuantifier") for k in range(u.i + 1, noun))
        if not accusers:
            # "membantah tuduhan tersebut": the accusation against the denier, a state's first
            charge = units[noun].has("AccuseCue") or _this_claim(units, noun, hi) if noun is not None else \
                not any(v.has("RumourNoun") for v in units[u.i + 1:min(hi, u.i + 3)])  # not "menepis kabar bahwa …"
            if not denial_agents.news_that(units, noun):
                accusers = tuple(last_accusers(deniers, state, every, charge))
        # "tuduhan tersebut", "tuduhan pengiriman pasukan tersebut": a charge pointed back to (its demonstrative up to
        # six words on)
        that_charge = noun is not None and units[noun].has("AccuseCue") and \
            any(v.has("Demonstrative") for v in units[noun + 1:min(hi, noun + 7)])
        if not accusers and that_charge and state.accusation_groups:
            # "menyebut tuduhan tersebut tidak berdasar", "membantah 'tuduhan tanpa dasar' tersebut", said for
            # the accused by someone else (a spokesperson of its ally): "that accusation" is the one just
            # reported, by all who made it. Not for a "laporan itu" (a report), whose author need not be any accuser.
            accusers = tuple(dict.fromkeys(party(a, state) if every else a for a, _ in state.accusation_groups[-1]
                                           if a not in deniers))
        if not accusers and that_charge:
            # "Bourita memperingatkan adanya tanda-tanda Aljazair berniat memicu perang. Aljir menepis tudingan
            # itu": no accusation was told, but a warning about the denier was, in the sentence before
            accusers = _warned_by(deniers, state, here)
        if not accusers and (noun is None or that_charge):
            # "Israel mengatakan Hamas menggunakan … . Hamas menolak tuduhan tersebut": what was just said of it
            # (also past what the charge is about: "tuduhan pengiriman pasukan tersebut")
            accusers = _said_of(deniers, state, here)
        if not accusers and claimants and (noun is None or units[noun].has("AccusationNoun")):
            # "Milei Klaim Negosiasi …, London Membantah", "diklaim Pyongyang … Korsel membantah klaim itu"
            accusers = tuple(c for c in claimants if not any(c in side(d, state) for d in deniers))
        if not accusers and that_charge:  # "'AS membuat tuduhan palsu,' ujar X. Beijing menolak tuduhan itu": the charge
            accusers = tuple(a for d in deniers for a in _denied_before(d, state, here))  # its side just denied
        for d in deniers:
            for a in accusers:
                if a not in deniers:  # (those who deny together made no charge against each other)
                    out.append((d, a))
    return out


def _past_title(units: list[Unit], k: int, hi: int) -> int:
    """Past the titles that open the accuser after an accusation noun ("tudingan Sekretaris Jenderal NATO Mark
    Rutte", "tudingan pejabat AS"), and past the body a title names ("tuduhan juru bicara militer Thailand"): an unnamed
    spokesperson of a state's body speaks for the state named after it."""
    titled = False
    while k < hi:
        cls = None if units[k].etype else \
            next((c for c in ("RoleTitle", "Rank", "TitleQualifier", "SourceNoun") if units[k].has(c)), None)
        if cls is not None:
            k, titled = skip_span(units, k, cls), True
        elif units[k].title:
            k += 1  # (the body a title names: "Sekretaris Jenderal NATO")
        elif titled and not units[k].etype and units[k].has("GovernmentNoun"):
            k = skip_span(units, k, "GovernmentNoun")
        else:
            break
    return k


def _this_claim(units: list[Unit], noun: int, hi: int) -> bool:
    """"membantah klaim tersebut" where no claim verb was told: the claim is the charge just reported (by a verb
    of accusing or a speaker's quote), so a spokesperson denies it for their side as they would "tuduhan itu"."""
    return units[noun].has("ClaimVerb") and any(v.has("Demonstrative") for v in units[noun + 1:min(hi, noun + 3)])


def _supply_source(units: list[Unit], noun: int, hi: int) -> bool:
    """Whether the first "dari/oleh X" after the accusation noun at ``noun`` follows a supply noun
    ("membantah tudingan pasokan senjata dari Iran"): X is who supplied, the charge's subject, not its maker."""
    for k in range(noun + 1, min(hi, noun + 5)):
        if units[k].has("SourcePrep", "AgentPrep"):
            return any(v.has("SupplyCue", "PackageNoun") and not v.is_verb() for v in units[noun + 1:k])
        if units[k].is_actor or units[k].text in STOP_PUNCT:
            return False
    return False


def _warned_by(deniers: tuple[str, ...], state: State, here: int | None) -> tuple[str, ...]:
    """Who warned about one of ``deniers`` in the sentence before ``here`` (a warning that charged them)."""
    if here is None:
        return ()
    sides = set().union(*(side(d, state) for d in deniers)) | set(deniers)
    return tuple(dict.fromkeys(r.args["warner"] or "" for r in state.relations
                               if r.type == "warns" and r.sentence == here - 1 and r.args.get("warned") in sides
                               and r.args.get("warner") not in sides))


def quoted_dismissals(units: list[Unit], frames: list[Frame], state: State) -> list[tuple[str, str]]:
    """""Tuduhan Warsawa ini tidak masuk akal," ujar Zakharova: a speaker who calls an accusation
    baseless denies its author; one with no author, only "itu/ini/tersebut", is the charge last made against the
    speaker's side."""
    out = []
    for u in units:
        if u.etype or "AccusationNoun" not in u.cls or u.i + 1 >= len(units):
            continue
        f = frame_of(frames, u.i)
        author = units[u.i + 1]
        if f is not None and u.quote is not None and called_baseless(units, u.i, min(f.hi, len(units))):
            for denier in f.speaker:  # "“Tuduhan itu tidak berdasar,” kata X": the charge just told
                _pair(out, (denier,), last_accusers((denier,), state))
        if f is None or not author.is_actor or author.paren or f.verb is not None and negated_act(units, f.verb):
            continue  # (not "… tidak menilai apakah tuduhan Sudan benar atau keliru": no verdict given)
        if not any(v.has("DismissCue") for v in units[u.i + 2:min(len(units), u.i + 10)]) and \
                not quote_final_dismissal(units, u.i):
            continue
        _pair(out, f.speaker, list(actor_keys(units, u.i + 1, state)))
    return out


def dismissed_that(units: list[Unit], frames: list[Frame], state: State) -> list[tuple[str, str]]:
    """"“Itu fitnah,” kata X", "“Semua itu tidak benar,” ujar X": a quotation that opens by calling "that" a lie
    denies whoever last accused the speaker's side."""
    out = []
    for f in frames:
        hi = min(f.hi, len(units))  # (a quotation's frame may run past this sentence)
        k = f.lo
        while k < hi and (units[k].text in OPEN_QUOTES or units[k].has("AllQuantifier")):
            k += 1
        quoted = f.lo < hi and (f.lo > 0 and units[f.lo - 1].text in OPEN_QUOTES or units[f.lo].text in OPEN_QUOTES)
        if not f.speaker or not quoted or k >= hi or units[k].etype or not units[k].has("Demonstrative") or \
                not any(v.has("DismissCue") for v in units[k + 1:min(hi, k + 4)]):
            continue
        for denier in f.speaker:
            _pair(out, (denier,), last_accusers((denier,), state))
    return out


def denied_passive(units: list[Unit], state: State, claimants: tuple[str, ...] = (),
                   here: int | None = None) -> list[tuple[str, str]]:
    """An accusation noun (or "…, sesuatu yang") that a passive denial follows, its denier named after the verb:
    "… (tuduhan yang selalu dibantah Teheran)", "Tuduhan itu dibantah Moskow", "klaim AS tersebut telah ditepis oleh
    Beijing".
    The accuser is the noun's author where named, else whoever last accused the denier (the claimant of a
    claim just made, for a claim noun), else who said in the sentence before that the denier did something
    ("AS mengatakan Teheran mengembangkan … . Tuduhan yang berulang kali dibantah Iran"), as for the active voice."""
    out = []
    n = len(units)
    for u in units:
        if u.etype and u.pron != "statement" or u.i + 2 >= n:
            continue
        # "pernyataan itu ditepis X": the statement just made (resolved to its speaker), if its speaker accused anyone
        statement = u.pron == "statement"
        bare = _bare_relative(units, u.i)
        if "AccusationNoun" not in u.cls and not statement and not bare and not (
                "ResumptiveNoun" in u.cls and u.i > 1 and units[u.i - 1].text == "," and units[u.i + 1].has("Relativizer")):
            continue  # (a bare "sesuatu" or "hal" sums up the clause before only when set off and followed by "yang")
        k = u.i + 1
        author = k if units[k].is_actor and not units[k].paren and not units[k].has("Relativizer") else None
        k += author is not None
        k = past_topic(units, k)  # "Tuduhan Palestina tentang pelanggaran gencatan senjata itu dibantah Israel"
        # (a plain word that qualifies the noun before its demonstrative: "tuduhan semacam itu", "klaim baru itu")
        such = k + 1 < n and not units[k].etype and not units[k].cls and units[k].text.isalpha() and \
            units[k + 1].has("Demonstrative")
        k += such
        skip = ("FunctionWord", "Relativizer", "Demonstrative", "MannerAdverb")
        while k < n and units[k].has(*skip) and not units[k].is_verb():
            k += 1  # "tuduhan itu pun", "tudingan yang selalu", "klaim tersebut telah", "… itu langsung"
        if k >= n or units[k].etype or PASSIVE not in (units[k].voice("DenyCue"), units[k].voice("RejectCue")):
            continue
        if bare and units[k].voice("DenyCue") != PASSIVE:
            continue  # "…, yang ditolak Hamas": a proposal refused, not a claim denied
        a = denial_agent(units, k)
        if a >= n or not units[a].is_actor or units[a].paren:
            continue
        found: list[tuple[str, list[str]]] = []
        for denier in actor_keys(units, a, state):
            if author is not None:
                accusers = list(actor_keys(units, author, state))
            elif statement:
                made = {accuser for accuser, _ in state.accusations}
                accusers = [sp for sp in u.keys if sp in made and denier not in side(sp, state)]
            elif claimants and u.has("ClaimVerb"):
                accusers = [c for c in claimants if denier not in side(c, state)]
            else:
                accusers = last_accusers((denier,), state, kin=u.has("AccuseCue"))
            if not accusers and author is None and not statement:
                accusers = list(_said_of((denier,), state, here))
            if not accusers and u.i > 1 and (bare or units[u.i - 1].text == ","):
                # "Para pemimpin NATO khawatir Beijing menopang …, tudingan yang dibantah China": the
                # appositive sums up the clause before, whose subject made the charge
                j = next((m for m in range(u.i - 1) if units[m].is_actor and not units[m].paren and not units[m].title),
                         None)  # (past a title's state: "Presiden AS Donald Trump menyebut …")
                own = side(denier, state)
                accusers = [c for c in actor_keys(units, j, state) if c not in own and denier not in side(c, state)]
            found.append((denier, list(accusers)))
        last = [a for a, _ in state.accusation_groups[-1]] \
            if units[u.i + 1 + such].has("Demonstrative") and state.accusation_groups else []
        if any(set(acc) & set(last) for _, acc in found):
            # "AS menuduh Korut …. Tudingan itu dibantah baik oleh Moskow maupun Pyongyang": the charge just told, for
            # each who denies it
            found = [(d, [a for a in dict.fromkeys(last) if a != d and d not in side(a, state)]) for d, _ in found]
        together = {d for d, _ in found}  # (those who deny together made no charge against each other)
        for denier, accusers in shared_accusers(found, state):
            _pair(out, (denier,), [a for a in accusers if a not in together])
    return out


def _said_of(deniers: tuple[str, ...], state: State, here: int | None) -> tuple[str, ...]:
    """Who, in the sentence before ``here``, said one of ``deniers`` (or its side) did something."""
    if here is None:
        return ()
    sides = set().union(*(side(d, state) for d in deniers)) | set(deniers)
    for at, speakers, subjects in state.reported:
        if at == here - 1 and sides.intersection(subjects):
            return tuple(s for s in speakers if s not in sides)
    return ()


def _said_subject(units: list[Unit], comma: int) -> int | None:
    """The subject of the verb of saying that opens the clause before ``comma``: a denial told as a participle
    after it ("Iran menyatakan …, membantah klaim AS") is that speaker's."""
    v = next((v for v in units[:comma] if v.is_verb() and not v.etype), None)
    return left_subject(units, v.i) if v is not None and v.voice("ReportCue") == ACTIVE else None


def _bare_relative(units: list[Unit], i: int) -> bool:
    """", yang (kemudian) dibantah Teheran" right after a clause: the relative has no noun to hang on, so it is
    about the whole clause before, whose subject made the claim the agent denies ("AS menuduh Iran memasok
    drone ke Rusia, yang dibantah Teheran")."""
    return i > 1 and i + 2 < len(units) and units[i].text == "," and units[i + 1].has("Relativizer")


def denial_after(units: list[Unit], state: State) -> list[tuple[str, str]]:
    """A denial told as a noun that opens its sentence and came after a claim: "Bantahan dikeluarkan setelah AS
    mengatakan Korut memasok …", "Bantahan itu dilontarkan otoritas setempat usai John Kirby melaporkan …". The
    one who spoke after the conjunction is the accuser; the denier is the agent of the passive verb, else the
    speaker the article has just quoted (the denial the sentence before told)."""
    lead = next((v for v in units[:3] if not v.has("FunctionWord")), None)
    if lead is None or lead.etype or lead.voice("DenyCue") != NOUN:
        return []
    conj = next((v.i for v in units[lead.i + 1:lead.i + 8] if v.has("AfterConj") and not v.etype), None)
    if conj is None:
        return []
    verb = next((v.i for v in units[conj + 1:] if v.is_verb() and v.has(*SPEECH, "ClaimVerb")), None)
    j = left_subject(units, verb) if verb is not None else None
    if j is None or j <= conj:
        return []
    accusers = actor_keys(units, j, state)
    passive = next((v.i for v in units[lead.i + 1:conj] if v.is_verb() and passive_prefixed(v.text)), None)
    a = agent_at(units, passive) if passive is not None else conj
    deniers = actor_keys(units, a, state) if a < conj and units[a].is_actor else state.last_speaker
    return [(d, c) for d in deniers for c in accusers if c != d and d not in side(c, state)]
