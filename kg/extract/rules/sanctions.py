"""sanctions(sanctioner, target): "menjatuhkan sanksi terhadap X", "sanksi AS atas X", "X disanksi Y"."""

from __future__ import annotations

from kg.cues import ACTIVE, NOUN, PASSIVE, passive_prefixed
from kg.extract.agents import by_means
from kg.extract.clause import (
    SPEECH,
    actor_keys,
    agent_at,
    clause_left,
    clause_right,
    frame_of,
    left_subject,
    prep_actor,
)
from kg.extract.context import SentenceContext, State
from kg.extract.modality import event_modality
from kg.extract.parties import home_of
from kg.extract.registry import rule
from kg.extract.rules.sanction_agent import (
    announced_by,
    goal_target,
    on_relative,
    passive_agent,
    spoken_of,
    with_partners,
)
from kg.extract.rules.sanction_bans import bans
from kg.extract.rules.sanction_lists import introduced, listed, staff, subjects
from kg.extract.rules.sanction_parts import (
    besides,
    besides_comma,
    blocks_party,
    copular_imposers,
    count_intro,
    head_org,
    list_entered,
    officials_state,
    undergoer,
    undergone_intro,
    undergone_owner,
    verb_subject,
)
from kg.extract.rules.sanction_side import (
    announcer,
    bare_list,
    group_of,
    imposers,
    lifted,
    main_last,
    owner_at,
    package_back,
    penalty,
    plan_denied,
    refused,
    threatened,
    urged,
)
from kg.extract.rules.sanction_targets import aim_objects, aimed_at, companions, named_targets, sanction_target
from kg.types import Relation
from kg.units import Unit, skip_span

#: verbs before a sanction noun that speak against or about it, not impose it ("mengecam sanksi")
_AGAINST = ("AccuseCue", "DenyCue", "RejectCue", "BeliefCue", "WarnCue", "DemandCue", "QuoteVerb", "OverseeVerb")


@rule("sanctions", reads=("role_org",), provides=("sanctioners", "target_list", "unnamed_sanction", "sanction_group"),
      triggers=("SanctionCue", "BanVerb", "FreezeVerb", "BlacklistNoun", "TargetNoun", "ListIntro", "PackageNoun",
                "AimVerb", "PronounPlural", "Copula", "RecipientNoun"))
def sanction_rule(ctx: SentenceContext) -> list[Relation]:
    found = announced_by(ctx.units, by_office(sanctions(ctx.units, ctx.state) + bans(ctx.units, ctx.state), ctx),
                         ctx.state)
    ctx.products["target_list"] = False
    if not any(b for _, b, _ in found):
        found += target_list(ctx, [a for a, _, _ in found])
    found += [(a, x, m) for a, b, m in found if b for x in besides(ctx.units) if x not in (a, b)]
    ctx.products["sanctioners"] = main_last([a for a, _, _ in found], ctx.units, ctx.state)
    if ctx.products["sanctioners"]:
        ctx.products["sanction_group"] = group_of(found, ctx.products["sanctioners"][-1], ctx.units, ctx.state)
    if found:  # "sanksi terhadap enam perusahaan": who they are comes next (a named target ends the wait; not one
        again = {k for u in ctx.units if u.pron == "many" for k in u.keys}  # named before: "Kedua perusahaan itu")
        unnamed = () if any(b and b not in again for _, b, _ in found) else tuple(dict.fromkeys(a for a, _, _ in found))
        ctx.products["unnamed_sanction"] = (unnamed, ctx.sentence.paragraph)
    return [ctx.relation("sanctions", {"sanctioner": a, "target": b}, m) for a, b, m in found if b]


@rule("sanctions", requires=("supply_events",), provides=("sanction_reasons",))
def alleged_targets(ctx: SentenceContext) -> list[Relation]:
    """"AS menjatuhkan sanksi terhadap enam perusahaan. Tiga di antaranya, A, B dan C, disebut menyalurkan
    komponen drone ke Iran": right after a sanction whose targets went unnamed, the firms and persons an
    unattributed allegation says supplied arms are those targets, and the sanctioner makes the allegation."""
    who, para = ctx.state.unnamed_sanction
    if not who or not 0 <= ctx.sentence.paragraph - para <= 1:
        return []
    found: list[tuple[str, str, str]] = []
    for ev in ctx.products.get("supply_events", []):
        f = frame_of(ctx.frames, ev.unit)
        if ev.inferred or ev.modality != "alleged" or (f is not None and f.speaker):
            continue
        for b in ev.supplier:
            e = ctx.state.entities.get(b)
            if e is not None and e.type in ("ORG", "PER"):
                found += [(a, b, "asserted") for a in who if a != b and (a, b, "asserted") not in found]
    ctx.products["sanction_reasons"] = [(a, b) for a, b, _ in found]
    return [ctx.relation("sanctions", {"sanctioner": a, "target": b}, m) for a, b, m in found]


def by_office(found: list[tuple[str, str | None, str]], ctx: SentenceContext) -> list[tuple[str, str | None, str]]:
    """"Trump menjatuhkan sanksi …": a person imposes sanctions through the office they hold (the role told in
    this sentence or before); one with no known office imposes none the graph can name."""
    here = dict(ctx.products.get("role_org") or [])
    out = []
    for a, b, m in found:
        e = ctx.state.entities.get(a)
        if e is not None and e.type == "PER":
            a = home_of(a, ctx.state, here)
            if a is None:
                continue
        out.append((a, b, m))
    return out


def target_list(ctx: SentenceContext, here: list[str]) -> list[tuple[str, str, str]]:
    """"Salah satu sasaran utamanya adalah X", "Daftar itu memuat sejumlah nama. Di antaranya A, B …",
    "Dalam daftar itu terdapat A":
    after a sanction is reported, a target noun with a copula or a list introducer names further
    targets of the last sanctioner (a sentence that opens with the introducer continues the list)."""
    units, state = ctx.units, ctx.state
    n = len(units)
    if not state.sanctioners and not here:
        # "Perusahaan yang masuk daftar sanksi Uni Eropa antara lain A, B": a list that names its owner needs no
        # sanction told before
        c = undergone_intro(units)
        owners = _list_owners(units, c, state) if c is not None else []
        if c is None or not owners:
            return []
        return [(a, t, event_modality(units, c, None)) for t in introduced(units, c, state) for a in owners if t != a]
    intro = None
    who_unnamed, para = state.unnamed_sanction
    recent = bool(who_unnamed) and 0 <= ctx.sentence.paragraph - para <= 1
    lead = 0  # "Beberapa di antaranya …", "Dua di antaranya …": a count of the list before its introducer
    while lead < min(n - 1, 2) and not units[lead].etype and \
            (units[lead].has("NumberWord", "Quantifier", "PartitiveNoun") or units[lead].text.isdigit()):
        lead += 1
    after = lead + units[lead].span.get("ListIntro", 1) if n else 0
    if n and units[lead].has("ListIntro") and (state.target_list or recent and after < n and not units[after].is_verb()):
        # "… menerbitkan daftar hitam berisi 30 pejabat. Di dalamnya termasuk A dan B" (not "Seperti dilansir A, …")
        intro = lead
    p = next((k + 1 for k in range(1, min(n, 8)) if units[k].text == ","), 0) if n and units[0].has("AccordingTo") else 0
    if intro is None and n > p + 2 and units[p].has("PronounPlural", "GroupAnaphor") and \
            units[p + 1].has("Copula", "ListIntro") and recent:
        # "… memasukkan dua warga Lebanon dan dua perusahaan ke daftar sanksi. Mereka adalah/termasuk A, B …",
        # "Dua warga Israel dijatuhi sanksi …. Menurut Deplu AS, keduanya adalah A dan B"
        intro = p + 1
    for u in units[:p + 8]:  # (past "Menurut Departemen Keuangan AS,")
        if intro is not None:
            break
        recipient = u.has("RecipientNoun") and u.i + 1 < n and units[u.i + 1].cls.get("SanctionCue") == NOUN
        if u.etype or not ("TargetNoun" in u.cls or PASSIVE in (u.cls.get("AimVerb"), u.cls.get("SanctionCue"))
                           or recipient):  # ("Dua bank Korut ikut disanksi, yakni A dan B")
            continue
        # "Salah satu sasarannya adalah X", "Di antara nama yang masuk daftar terdapat A, B …", "nama yang
        # disasar antara lain A; B …", "Di antara penerima sanksi tunggal kali ini, terdapat A"
        intro = next((k for k in range(u.i + 1, min(n, u.i + (8 if recipient else 6)))
                      if units[k].has("Copula", "ListIntro", "ExistCue") and not units[k].etype), None)
    if intro is None and who_unnamed and 0 <= ctx.sentence.paragraph - para <= (8 if units[0].has("SeriesWord") else 2):
        # "… memasukkan tiga entitas dan satu individu ke daftar sanksinya. Salah satu entitas itu adalah X": the
        # noun of the unnamed targets, pointed back to, is named by the copula or a list introducer ("Keenam
        # perusahaan tersebut antara lain A, B dan C", "Ketiga bank itu mencakup A, B"), also after one paragraph
        # between: the noun and demonstrative point back to the unnamed targets themselves; their count told as a
        # collective ("Keenam perusahaan tersebut antara lain …") points back across several paragraphs
        intro = count_intro(units)  # (or after a count: "… menyebutkan kelima orang dari AS tersebut, yakni A, B")
    if intro is None and n > 2 and units[0].has("PackageNoun", "SanctionCue") and units[1].has("Demonstrative"):
        # "Paket itu membidik A, B serta C": the package of sanctions just reported aims at them
        aim = next((k for k in range(2, min(n, 5)) if units[k].has("AimVerb") and units[k].voice("AimVerb") == ACTIVE),
                   None)
        if aim is not None:
            who = here[-1] if here else state.sanctioners[-1]
            return [(who, t, event_modality(units, aim, None)) for t in aim_objects(units, aim, state) if t != who]
    if intro is None and recent and n > 3 and (comma := besides_comma(units)) is not None:
        # "… melarang delapan pejabat AS memasuki Rusia. Selain A dan B, satu tokoh lainnya adalah C": the persons
        # set before the clause (read by ``besides``) and the one its copula names are the unnamed targets
        intro = next((k for k in range(comma + 1, n) if units[k].has("Copula") and not units[k].etype), None)
    if intro is None and list_entered(units):
        ctx.products["target_list"] = True  # ("… masuk daftar. Di antaranya A, B": the next sentence names them)
        return []
    if intro is None and (intro := undergone_intro(units)) is None:
        return []
    owners = _list_owners(units, intro, state)  # (also "Di antara mereka yang menjadi sasaran China adalah A": China's)
    targets = introduced(units, intro, state)
    ctx.products["target_list"] = not targets
    who = owners or ([here[-1]] if here else list(imposers(state)))
    modality = event_modality(units, intro, None)
    return [(a, t, modality) for t in targets for a in who if t != a]


def _list_owners(units: list[Unit], c: int, state: State) -> list[str]:
    """Who imposed the sanction of an undergone list introduced at ``c`` ("yang masuk daftar sanksi Uni Eropa")."""
    return [k for m in undergone_owner(units, c) for k in actor_keys(units, m, state)]


#: a word with none of these is passed over by ``sanctions`` in one test (a list noun, one a bare list opens with,
#: a verb of aiming, a sanction cue, a ban)
SANCTION_CLASSES = frozenset({"BlacklistNoun", "TargetNoun", "AimVerb", "SanctionCue", "TradeBan", "BlockVerb"})


def sanctions(units: list[Unit], state: State) -> list[tuple[str, str | None, str]]:
    """(sanctioner, target, modality) of each sanction in the sentence; target None where the
    sentence names none (the sanctioner is still the one later target lists belong to)."""
    out = []
    n = len(units)
    for u in units:
        if SANCTION_CLASSES.isdisjoint(u.cls):  # (most words: none of the classes the tests below need)
            continue
        if not u.etype and "BlacklistNoun" in u.cls or bare_list(units, u.i, state):
            out += listed(units, u.i, state)
            continue
        if not u.etype and u.cls.get("AimVerb") == ACTIVE and "SanctionCue" not in u.cls and (
                (m := by_means(units, u.i)) is not None or state.sanctioners):
            # "Inggris membidik unit-unit Asia Sun Group": one who has imposed sanctions in this article aims
            # them again; "UE memperluas sanksi terhadap Iran dengan menyasar X" (``m``): the sanctioner aims
            j = left_subject(units, u.i) if m is None else m
            who = actor_keys(units, j, state) if j is not None else ()
            if package_back(units, clause_left(units, u.i), u.i):
                who = imposers(state)  # "Paket (yang diumumkan Senin) itu menyasar X": the last sanctioner's
            told = m is not None and any(v.has("SanctionCue") and not v.etype for v in units[:u.i])
            if who and (told or all(w in state.sanctioners or w in state.sanction_group for w in who)):
                modality = event_modality(units, u.i, j)
                out += [(w, t, modality) for w in who for t in aim_objects(units, u.i, state) if t != w]
            continue
        if u.etype or "SanctionCue" not in u.cls or _in_list_name(units, u.i) or penalty(units, u.i):
            continue
        if u.cls["SanctionCue"] == NOUN and lifted(units, u.i):
            continue  # "mencabut sanksi AS terhadap Suriah", "Pencabutan sanksi …": a sanction ended imposes none
        if u.cls["SanctionCue"] == NOUN and u.i > 0 and units[u.i - 1].has("MonitorNoun") and not units[u.i - 1].etype:
            continue  # "laporan pemantau sanksi PBB kepada komite …": those who watch sanctions impose none
        lo = clause_left(units, u.i)
        if plan_denied(units, u.i) or u.cls["SanctionCue"] == NOUN and urged(units, u.i) or \
                any(v.has("WhetherCue", "ObligationCue") or v.cls.get("RejectCue") == NOUN for v in units[lo:u.i]):
            # (nor "Menurut Kiev, Bishkek harus menjalankan kebijakan sanksi …": a duty told, no sanction imposed)
            # "Ditanya apakah Uganda bakal dikenai sanksi …": a question imposes none; nor "penentang … sanksi
            # terhadap Rusia" (who opposes them)
            continue
        hi = clause_right(units, u.i)
        voice = u.cls["SanctionCue"]
        who: tuple[str, ...] = ()
        target: tuple[str, ...] = ()
        subj, denied = None, False
        if voice == NOUN and u.i > 0 and u.text[:1].isupper() and units[u.i - 1].is_actor and \
                not units[u.i - 1].paren and u.i + 1 < n and units[u.i + 1].is_actor:
            # a headline's bare verb between two names: "AS Sanksi Rosoboronexport dan Rostec"
            who, target = actor_keys(units, u.i - 1, state), named_targets(units, u.i, hi, state)
        elif voice == NOUN:
            h = u.i - 1 if u.i > 0 and units[u.i - 1].has("PackageNoun") and not units[u.i - 1].etype else u.i
            while h > 0 and h >= u.i - 2 and not units[h - 1].etype and \
                    (units[h - 1].text[:1].isdigit() or units[h - 1].has("NumberWord")):
                h -= 1  # "menjatuhkan 25 sanksi baru": the count stands between the verb and its noun
            prev = units[h - 1] if h > 0 else None  # "mengumumkan [paket] sanksi": the verb governs the package
            # "menentang sanksi", and "melanggar embargo": the subject imposes none
            opposed = prev is not None and prev.is_verb() and (_not_imposed(units, prev) or prev.has("WrongdoingCue"))
            # "Makolo menyebut sanksi AS terhadap Kabarebe tidak berdasar": who speaks of a sanction imposes none
            opposed = opposed or prev is not None and prev.has(*SPEECH) and not prev.has("AnnounceVerb") and not (
                u.i + 1 < n and units[u.i + 1].voice("AimVerb") == ACTIVE)  # (not "X menyebut sanksi menyasar Y")
            # "Hungaria mengancam memveto paket sanksi …", "Slowakia Jegal Sanksi …": who blocks it imposes none
            opposed = opposed or prev is not None and prev.has("VetoCue")
            undergone = False  # "X dijatuhi sanksi": the subject is the target
            own = owner_at(units, u.i)  # "embargo senjata PBB", "sanksi putaran ke-16 Uni Eropa", "sanksi baru AS"
            owner_named = own < n and units[own].is_actor and not units[own].paren  # "sanksi (sepihak) AS"
            if prev is not None and prev.is_verb() and not prev.has("WrongdoingCue") and not opposed:
                if passive_prefixed(prev.low) or prev.has("UndergoVerb"):  # "Iran dijatuhi/terkena sanksi"
                    undergone = True
                    subj = undergoer(units, prev.i)  # (not "Di antara mereka yang terkena sanksi adalah A")
                    target = subjects(units, subj, prev.i, state) if undergone_intro(units) is None else ()
                    # "Rusia terus mendapatkan sanksi baru dari Jepang": who gives what the subject receives
                    preps = ("AgentPrep", "SourcePrep") if prev.has("UndergoVerb") else ("AgentPrep",)
                    # (not past a copula: "yang terkena sanksi adalah jurnalis dari ABC" names where they work)
                    stop = next((k for k in range(u.i + 1, hi) if units[k].has("Copula") and not units[k].etype), hi)
                    who, after = prep_actor(units, u.i, stop, preps, state, reach=3)
                    if not who and u.i + 1 < stop and units[u.i + 1].has("ListIntro") and not units[u.i + 1].etype:
                        # "dijatuhi sanksi berupa penangguhan sebagian penerbitan visa oleh pemerintahan Trump"
                        by = next((k for k in range(u.i + 2, min(stop, u.i + 10)) if units[k].has(*preps)
                                   and not units[k].etype), None)
                        who, after = prep_actor(units, by - 1, stop, preps, state, reach=1) if by else (who, after)
                    if not target:  # "Sejumlah individu dijatuhi sanksi oleh UE, di antaranya A dan B"
                        target = tuple(t for t in named_targets(units, after, hi, state) if t not in who)
                    target += companions(units, u.i, hi, state, target)
                else:  # "AS menjatuhkan sanksi terhadap …" ("Kanada mengikuti langkah AS dengan menjatuhkan …": Canada)
                    subj = head_org(units, _means_subject(units, prev.i))
                    # "Turki mematuhi sanksi Uni Eropa", "negaranya menentang sanksi sepihak AS": the owner named
                    # after the noun imposes it, whatever the subject does with it, unless the verb imposes
                    mine = prev.has("ImposeVerb", "AnnounceVerb", "ApproveCue") or not owner_named
                    subj = subj if mine else None  # (nor does the subject's promise make it planned)
                    who = with_partners(units, subj, prev.i, state)
                    if mine and not who and (m := copular_imposers(units, prev.i)) is not None:
                        who, hi = actor_keys(units, m, state), m - 1  # "… yang juga menjatuhkan sanksi … adalah A, B"
            under = next((k for k in (h - 2, h - 1) if k >= 0 and units[k].has("UnderCue") and not target and
                          k + units[k].span.get("UnderCue", 1) == h), None)
            if under is not None:  # "Korea Utara berada di bawah embargo senjata PBB": the subject bears it
                undergone, subj = True, left_subject(units, under)
                target = subjects(units, subj, under, state)
            src = u.i + 1  # "kemungkinan sanksi dari Washington terhadap Nigeria": whom it comes from imposes it
            if not undergone and src + 2 < hi and units[src].has("SourcePrep") and not units[src].etype and \
                    units[src + 1].is_actor and not units[src + 1].paren and \
                    any(units[k].has("TargetPrep") and not units[k].etype for k in range(src + 2, min(hi, src + 4))):
                who = actor_keys(units, src + 1, state)
            if owner_named and not who:
                who = actor_keys(units, own, state)  # "sanksi AS terhadap Iran"
                # "… terkena sanksi Uni Eropa dan Inggris" with no subject found: who imposes them is no target
                target = tuple(t for t in target if t not in who) if undergone else target
            if not who and own + 2 < n and units[own].has("Relativizer") and not units[own + 1].etype and \
                    passive_prefixed(units[own + 1].low) and units[own + 2].is_actor and not units[own + 2].paren \
                    and not spoken_of(units, own + 1, own + 2):
                # "embargo senjata yang diberlakukan Dewan Keamanan terhadap Sudan Selatan": the agent imposes
                # it, whoever the sentence says broke it
                who = actor_keys(units, own + 2, state)
                opposed = False
                target = sanction_target(units, own + 2, clause_right(units, own + 2), state)
            agent, past = passive_agent(units, u.i, state) if not target and not undergone else ((), u.i)
            if agent and not who:  # "Sanksi dijatuhkan Rusia kepada A", "sanksi yang … dijatuhkan AS ke B"
                who, opposed = agent, False  # (whoever the sentence says condemns them, the agent imposes them)
                target = sanction_target(units, past, clause_right(units, past), state) or goal_target(units, past, state) \
                    or aimed_at(units, past, hi, state)  # "Sanksi yang diumumkan X menyasar A dan B"
                if not target and on_relative(units, u.i):
                    who = ()  # "… terhadap sanksi yang dijatuhkan oleh AS": recalled, no targets to wait for
            elif agent and on_relative(units, u.i):  # "menanggapi sanksi yang diberlakukan AS ke Rusia"
                out += [(a, t, event_modality(units, u.i, None)) for a in agent
                        for t in sanction_target(units, past, hi, state) or goal_target(units, past, state)
                        or aimed_at(units, past, hi, state) if t != a]  # ("sanksi yang diumumkan X menyasar Y")
            tn = next((k for k in (h - 1, h - 2) if k >= 0 and not units[k].etype and units[k].has("TargetNoun")
                       and k + units[k].span.get("TargetNoun", 1) == h), None)
            if not target and tn is not None:
                # "Rosneft, yang sudah menjadi target sanksi AS", "X ditetapkan sebagai target sanksi oleh A dan B"
                subj = verb_subject(units, tn)
                target = subjects(units, subj, prev.i, state)
                who = who or prep_actor(units, u.i, hi, ("AgentPrep",), state, reach=3)[0]
            if not target:
                target = sanction_target(units, u.i, hi, state)
            end = skip_span(units, u.i, "SanctionCue")
            if not target and not undergone and any(units[k].has("AssetNoun") for k in range(u.i, end)):
                # "memerintahkan pembekuan aset Iran": the assets' owner is the target, not the sanctioner
                # (up to the next verb: "Pembekuan aset itu diumumkan X" names who announced it)
                stop = next((k for k in range(end, hi) if units[k].is_verb() and not units[k].etype), hi)
                target = named_targets(units, end - 1, stop, state)
            if not target:  # "… sanksi untuk menghukum Rusia", "sanksi itu menyasar X"
                target = aimed_at(units, u.i, hi, state, own if who else None)
            if not target and (s := officials_state(units, u.i, hi)) is not None:
                target = actor_keys(units, s, state)  # "sanksi terhadap tiga pejabat Korea Utara"
            if target and not who and not opposed and not undergone:  # "UE menyetujui paket sanksi … terhadap Rusia"
                said = h - 2 if h > 1 and prev.has("Complementizer") and units[h - 2].voice("AnnounceVerb") == ACTIVE \
                    else h  # "AS mengumumkan bahwa sanksi … ditargetkan terhadap X": who announces them imposes them
                subj = announcer(units, said)
                who = actor_keys(units, subj, state) if subj is not None else ()  # (or "Lewat paket sanksi …, UE …")
            if undergone and (c := undergone_intro(units)) is not None and staff(units, c + 1):
                target = ()  # "Di antara individu yang terkena sanksi adalah jurnalis dari A, B": their employers
            if target and not who and state.sanctioners and not opposed:
                who = imposers(state)  # "Sanksi itu juga menyasar X": whoever imposed the last ones
            if target and not who and opposed and (r := refused(units, prev)) is not None:
                subj = left_subject(units, r)  # "Serbia menolak ikut menjatuhkan sanksi terhadap Rusia": denied
                who, denied = (actor_keys(units, subj, state) if subj is not None else ()), True
            k = u.i + 1
            while k < min(n, u.i + 4) and not units[k].etype and units[k].has("FunctionWord", "Demonstrative"):
                k += 1  # "Sanksi baru itu diumumkan …"
            if target and units[k].has("TargetPrep"):  # "Sanksi terhadap A dan B diumumkan oleh X": past the targets
                k = next((m for m in range(k, hi) if units[m].is_verb() and not units[m].has("FunctionWord")), k)
            if not who and not undergone and k + 1 < n and units[k].voice("AnnounceVerb") == PASSIVE:
                # "Sanksi diumumkan Kantor Pengawasan Aset Asing (OFAC) …": who announces them imposes them
                a = agent_at(units, k)
                who = actor_keys(units, a, state) if a < n and units[a].is_actor else ()
        elif voice == ACTIVE:  # "menyanksi X"
            subj = head_org(units, _means_subject(units, u.i))
            who = with_partners(units, subj, u.i, state)
            end = skip_span(units, u.i, "SanctionCue") - 1  # "membekukan aset bank VTB", "… aset milik A, B dan C"
            target = named_targets(units, end, hi, state)
            if u.has("BlockVerb") and u.span.get("SanctionCue", 1) == 1 and not blocks_party(units, u.i):
                who = target = ()  # "memblokir paket bantuan …": a thing blocked, no one sanctioned
            if not target and u.has("TradeBan"):  # "melarang ekspor avtur ke Myanmar"
                target = sanction_target(units, u.i, hi, state)
        else:  # "X disanksi (oleh) Y"
            subj = left_subject(units, u.i)
            target = subjects(units, subj, u.i, state)
            target += companions(units, u.i, hi, state, target)
            agent, _ = prep_actor(units, u.i, hi, ("AgentPrep",), state, reach=2)
            who = agent or (actor_keys(units, u.i + 1, state) if u.i + 1 < n and units[u.i + 1].is_actor else ())
            if target and not who and state.sanctioners:
                who = (state.sanctioners[-1],)  # "X ikut disanksi": by whoever imposed the last ones
        modality = "denied" if denied else threatened(units, u.i, event_modality(units, u.i, subj))
        if modality == "denied" and not denied and voice == NOUN and opposed and owner_named:
            modality = "asserted"  # "Hungaria menolak sanksi Uni Eropa terhadap Rusia": the EU's stand; Hungary rejects
        for a in who:
            for b in target:
                if a != b:
                    out.append((a, b, modality))
            if not target and not any(v.has(*_AGAINST) for v in units[clause_left(units, u.i):u.i]):
                out.append((a, None, modality))  # "sanksi terhadap 20 perusahaan": targets named later
    return out


def _means_subject(units: list[Unit], i: int) -> int | None:
    """The subject of the verb at ``i``, or where it tells the means ("dengan menjatuhkan …"), the main clause's."""
    m = by_means(units, i)
    return m if m is not None else left_subject(units, i)


def _in_list_name(units: list[Unit], i: int) -> bool:
    """Whether unit ``i`` is a word of a list's or committee's name ("daftar [sanksi]", "Komite [sanksi] Sudan"):
    the list is read as a whole, and the state after a committee's name is the one it watches."""
    if i > 0 and not units[i - 1].etype and units[i - 1].has("CommitteeNoun"):
        return True
    return any(k + units[k].span.get("BlacklistNoun", 1) > i for k in range(max(0, i - 3), i)
               if units[k].has("BlacklistNoun"))


def _not_imposed(units: list[Unit], verb: Unit) -> bool:
    """Whether the verb before a sanction noun tells of no sanction its subject imposes: rejecting or
    accusing ("Hungaria menolak sanksi terhadap Rusia"), refusing to take part ("menolak ikut menjatuhkan
    sanksi"), or asking someone else to ("meminta masyarakat internasional menjatuhkan sanksi …")."""
    if verb.has(*_AGAINST):
        return True
    if any(v.is_verb() and v.has("RejectCue", "DenyCue") for v in units[max(0, verb.i - 2):verb.i]):
        return True
    if verb.i > 0 and units[verb.i - 1].has("PurposeConj") and any(
            v.voice("RejectCue") == ACTIVE for v in units[max(0, verb.i - 5):verb.i - 1]):
        return True  # "menolak tekanan (Barat) untuk menjatuhkan sanksi": a call to sanction turned down
    return any(v.voice("DemandCue") == ACTIVE or v.voice("PersuadeCue") == ACTIVE
               for v in units[max(clause_left(units, verb.i), verb.i - 6):verb.i])

