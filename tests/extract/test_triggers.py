"""A rule's declared ``triggers`` cover every cue class that can start it finding something.

The driver skips a rule for a sentence whose units carry none of its triggers. A new case in a rule
that looks for a word of another class would then never run, silently. This test reads each rule
with triggers, and the functions under kg.extract it calls (its own module's, the rule helpers' and the
shared readers', see :data:`FOLLOWED`), and collects the classes asked of an
*anchor*: a unit the rule reaches by scanning the sentence (``for u in units``, ``for u in
units[:8]``, ``units[0]``), as opposed to the words it then reads around that anchor. Each must be a
trigger, or be listed below as a class that only narrows an anchor found by a trigger."""

from __future__ import annotations

import ast
import functools
import inspect
import textwrap
from collections.abc import Callable

from kg.extract.registry import RuleError, active_rules, rule

#: Classes asked of an anchor that cannot make a rule find anything on their own, with why.
NARROWING: dict[str, set[str]] = {
    # a claim word used as a noun with its owner after it ("klaim Trump bahwa …") is read only for the claim word
    # the trigger found
    "kg.extract.rules.denies.claims": {"AccusationNoun"},
    # a contract signed by one party ("Kontrak pertama diteken Warsawa …, mencakup …") is read only for the list
    # introducer the trigger found
    "kg.extract.rules.packages.package_contents": {"FunctionWord", "PackageNoun", "SignVerb"},
    # a courtesy call fronted before its subject ("Dalam kunjungan kehormatan kepada X, Y …") is read only for the
    # visit word the trigger found
    "kg.extract.rules.called_on.called_on": {"ClauseBoundary", "Preposition"},
    # a fronted "Sepulang dari X, Y …" names only the subject of the return word the trigger found
    "kg.extract.rules.returned.returned": {"ClauseBoundary", "Preposition"},
    # a sanction word in the sentence is one sign of the sanction topic a designation verb (the trigger) needs
    "kg.extract.rules.sanction_designate.designated": {"SanctionCue"},
    # a step alike (the trigger) is no sanction taken where it is rejected or a retaliation
    "kg.extract.rules.sanction_alike.alike_sanction": {"DenyCue", "RejectCue", "RetaliationCue"},
    # the count before "lainnya" narrows the rest word the trigger found
    "kg.extract.rules.sanction_rest.rest_of_targets": {"NumberWord", "FunctionWord"},
    # a description "TITLE ORG itu" needs its demonstrative (the trigger); the title or person noun opening it,
    # and the source nouns and pronouns it leaves to discourse, only narrow what the demonstrative closes
    "kg.extract.rules.epithet.epithet_rule": {"PersonNoun", "Pronoun3", "RoleTitle", "SourceNoun"},
    # "DependVerb" and not "FunctionWord"; "ArmCue" and "UnaffixedNoun" refine a supply word; a fronted
    # "Dari X," is read only for a receiving verb the rule already found; "SellerNoun" marks a SupplyCue noun;
    # "OrderNoun" narrows a receiving word, and "OrderTaken" ("kebagian order") takes one from it
    # (and a sentence opening with a subordinator or preposition, "Selain membeli X dari Y, Z …", only names the
    # subject of a supply word the rule found: clause.fronted_subject); "GiftIdiom" ("memberi sinyal") takes one away
    # a passive giving verb with an abstract object ("diberi sinyal …") is no supply
    "kg.extract.rules.offered.offered_to": {"GiftIdiom"},
    "kg.extract.rules.supplies.supply_rule": {"FunctionWord", "ArmCue", "UnaffixedNoun", "SourcePrep",
                                             "OrderNoun", "OrderTaken", "ClauseBoundary", "Preposition",
                                             "GiftIdiom"},
    # receiving without a person next, or discussing a topic: a MeetCue word that is no meeting; a signing
    # MeetCue word pairs its subjects; a sentence opening with a subordinator or preposition ("Usai pertemuan …,")
    # only bounds the names a meeting noun reads; a mediator is read only for a meeting noun; a hosting MeetCue
    # word ("menyambut") does not pair the hosts with each other; an attitude ("menyambut baik keputusan X") is no
    # welcome; an accepted invitation (a MeetCue word too) reads its host after "dari"
    "kg.extract.rules.meets.meet_rule": {"ReceiveCue", "DiscussVerb", "SignVerb", "ClauseBoundary", "Preposition",
                                         "MediateVerb", "HostCue", "AttitudeVerb", "InviteAccept"},
    # "datang dari X" (a VisitCue word that is an OriginVerb) with no "ke" is no visit; a discussing MeetCue word
    # after a meeting names a topic's place; a sentence opening with a subordinator or preposition ("Setelah bertemu
    # X, Y …", clause.fronted_subject) only names the subject of a visit or meeting word the rule found, or bounds
    # where its place is read
    "kg.extract.rules.visits.visit_rule": {"ReceiveCue", "OriginVerb", "DiscussVerb", "ClauseBoundary", "Preposition",
                                           "LocativePrep", "WrongdoingCue"},
    # the arms-aid word ("bantuan militer") is itself a package noun; the package nouns around it are read from it
    "kg.extract.rules.announced.announced_package": {"PackageNoun"},
    # a charge taken up again ("Tuduhan itu dibacakan X") is read only at a verb of voicing (the trigger) right after
    # the opening accusation noun and its demonstrative
    "kg.extract.rules.retold_charge.retold_charge": {"AccusationNoun", "Demonstrative"},
    # "Di antara mereka (ada) A, B" is read only where its plural pronoun (the trigger) opens the sentence after
    # "di antara", and only the sentence after an unnamed group's visit
    "kg.extract.rules.attended.group_listed": {"AmongVerb", "BetweenPrep", "Copula", "ExistCue", "LocativePrep"},
    # "ikut" joins a visitor's party only with a delegation noun in the sentence ("Dalam rombongan itu ikut A")
    "kg.extract.rules.retinue.retinue": {"DelegationNoun"},
    # dismissing needs an AccusationNoun after the reporting verb, and that noun is a trigger; a passive denial
    # reads whether that AccusationNoun is also a charge (AccuseCue) or a claim (ClaimVerb); a resumptive
    # "…, sesuatu yang" counts only before a passive DenyCue, itself a trigger; a verb of voicing ("melontarkan
    # tuduhan … tidak berdasar", dismissals.baseless_launched) counts only before an AccusationNoun trigger (the
    # reporting verb of a dismissal is asked in kg.extract.dismissals of the word handed to speaks(), which this
    # scan does not take for an anchor, with the other narrowing classes of a dismissal: ReportCue, BeliefCue,
    # AcceptVerb, WhatPronoun, RevealVerb; each needs an AccusationNoun or DismissCue trigger)
    "kg.extract.rules.denies.deny_rule": {"AccuseCue", "ClaimVerb", "ResumptiveNoun",
                                           "AfterConj", "FunctionWord", "LaunchVerb"},
    # a charge of lying (the LieNoun trigger) answers a claim where the speaker's side denies in the sentence
    # (answered.deniers_of asks its DenyCue words): the denial only narrows a lie noun found
    "kg.extract.rules.lies.lie_charges": {"DenyCue"},
    # the speaker of a lie noun (the trigger) may be the sentence's denier ("X membantah … dan menuduh Y …")
    "kg.extract.rules.liars.lie_told": {"DenyCue"},
    # a sanction's reason is read only from the supply events the rule requires, which run it; a verb of reporting
    # charges only with a noun of a wrong (a trigger) as its object ("melaporkan pelanggaran … oleh X"); a suit is
    # one kind of the accusation noun a trigger found, which charges only whom it names
    "kg.extract.rules.accuses.accuse_rule": {"SanctionCue", "BlacklistNoun", "ReportCue", "SuitCue"},
    # "(ber)balik" is read only in a sentence whose denial found no accuser, after its DenyCue or RejectCue trigger
    "kg.extract.rules.told_charges.told_charge_denials": {"TurnAroundAdverb"},
    # "Dari Prancis ada …": the fronted source is read only in a sentence with the ExistCue trigger
    "kg.extract.rules.origins.origins": {"SourcePrep"},
    # "Paket itu membidik …": the demonstrative after a PackageNoun or SanctionCue, both triggers; "Salah satu
    # entitas itu adalah X", "Kedua bank itu yaitu A dan B": the noun of unnamed targets before a demonstrative and
    # the Copula or ListIntro trigger; a TradeBan word ("larangan ekspor") is a SanctionCue, a trigger; a threat
    # verb or a condition only makes a sanction the rule found potential ("mengancam menjatuhkan sanksi", "… jika
    # menyerang"); a count word ("Keenam …") only lets a list introducer the rule found reach further back; "Menurut X,"
    # only moves a plural pronoun and its Copula trigger past the source; "Selain A dan B, satu tokoh lainnya adalah
    # C": the opening "Selain …," is read only for the Copula trigger after its comma, or for persons added to the
    # targets of a sanction found; a sport word only makes a SanctionCue word a club's or player's penalty
    # (the noun of unnamed targets is asked in sanction_parts.count_intro, the opening "Selain" in
    # sanction_parts.besides_comma, the sport word in sanction_side.penalty); a sentence's opening preposition or
    # subordinator ("Dalam paket sanksi … terhadap Rusia, UE …") only finds who imposes a sanction noun found; a verb
    # of undergoing only tells that some entered the list noun a trigger found ("… masuk daftar.": list_entered)
    "kg.extract.rules.sanctions.sanction_rule": {"Demonstrative", "GroupNoun", "FirmNoun", "PersonNoun", "ListedNoun",
                                                 "TradeBan", "ConditionalConj", "WarnCue", "SeriesWord", "AccordingTo",
                                                 "BesidesPrep", "SportNoun", "BlockVerb", "AnnounceVerb",
                                                 "ClauseBoundary", "Preposition", "UndergoVerb"},
    # "Peringatan itu disampaikan X" (retold.told_again): the demonstrative after the sentence's first word, a warning
    # or threat noun, both triggers
    # (and a threat verb only narrows a verb of warning the trigger found: "mengancam memutus … ke X")
    "kg.extract.rules.warns.warn_rule": {"Demonstrative", "ThreatVerb"},
    # a word of retaliation ("sebagai pembalasan") only stops an expulsion the ExpelCue trigger found from charging
    "kg.extract.rules.expelled.expelled_envoy": {"RetaliationCue"},
}


def _is_sentence(node: ast.expr) -> bool:
    """``units``, ``ctx.units``, ``enumerate(units)`` or a slice of them with constant bounds: the
    whole sentence (or a fixed part of it), not the words around some index."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "enumerate" and node.args:
        node = node.args[0]
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Slice):
        bounds = (node.slice.lower, node.slice.upper, node.slice.step)
        if not all(b is None or isinstance(b, ast.Constant) for b in bounds):
            return False
        node = node.value
    return (isinstance(node, ast.Name) and node.id == "units") or \
        (isinstance(node, ast.Attribute) and node.attr == "units")


def _anchors(tree: ast.AST) -> set[str]:
    """Names bound to units by a scan over the sentence, as loop variables or comprehension targets."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.comprehension)) and _is_sentence(node.iter):
            target = node.target
            if isinstance(target, ast.Tuple):  # for j, v in enumerate(units)
                target = target.elts[-1]
            if isinstance(target, ast.Name):
                names.add(target.id)
    return names


def _is_anchor(node: ast.expr, names: set[str]) -> bool:
    if isinstance(node, ast.Name):
        return node.id in names
    return isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and node.value.id == "units" \
        and isinstance(node.slice, ast.Constant)  # units[0]


def _classes_asked(tree: ast.AST) -> set[str]:
    """Classes asked of anchors: ``a.has(...)``, ``a.voice(...)``, ``a.cls[...]``, ``a.cls.get(...)``,
    ``"X" in a.cls``, ``a.span.get(...)``."""
    names = _anchors(tree)
    found: set[str] = set()

    def strings(args: list[ast.expr]) -> set[str]:
        return {a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)}

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value
            if node.func.attr in ("has", "voice") and _is_anchor(target, names):
                found |= strings(node.args)
            if node.func.attr == "get" and isinstance(target, ast.Attribute) and target.attr in ("cls", "span") \
                    and _is_anchor(target.value, names):
                found |= strings(node.args)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "cls" \
                and _is_anchor(node.value.value, names) and isinstance(node.slice, ast.Constant):
            found.add(node.slice.value)
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant) and any(
                isinstance(c, ast.Attribute) and c.attr == "cls" and _is_anchor(c.value, names)
                for c in node.comparators):
            found.add(node.left.value)
    return found


#: The modules whose functions the scan follows: the rule modules with their helpers (kg.extract.rules.*) and the
#: shared readers (kg/extract/*.py). The driver skips everything a rule would run, in whichever of these modules
#: the code stands, so a class asked in any of them is as much the rule's; the shared readers mostly read around an
#: index they are handed, so following them adds few classes, each one a rule's own. (Not kg.extract.registry, the
#: driver's, nor anything outside kg.extract: the units' own methods are the question asked, not who asks it.)
FOLLOWED = "kg.extract."


def _called(f: Callable, node: ast.Call) -> Callable | None:
    """The function under kg.extract that ``node`` in ``f`` calls, by name (``count_intro(…)``) or through its
    module (``sanction_parts.count_intro(…)``); None for anything else (a method, a class, a builtin)."""
    g = None
    if isinstance(node.func, ast.Name):
        g = f.__globals__.get(node.func.id)
    elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name) and \
            inspect.ismodule(m := f.__globals__.get(node.func.value.id)):
        g = getattr(m, node.func.attr, None)
    g = inspect.unwrap(g) if callable(g) else None  # (a cached helper: the function it wraps)
    if inspect.isfunction(g) and g.__module__.startswith(FOLLOWED) and g.__module__ != "kg.extract.registry":
        return g
    return None


def _reached(fn: Callable) -> list[Callable]:
    """``fn`` and every function under kg.extract it calls (:data:`FOLLOWED`), directly or through another."""
    out: list[Callable] = []
    todo = [fn]
    while todo:
        f = todo.pop()
        if f in out:
            continue
        out.append(f)
        for node in ast.walk(_tree(f)):
            if isinstance(node, ast.Call) and (g := _called(f, node)) is not None:
                todo.append(g)
    return out


@functools.cache
def _tree(f: Callable) -> ast.AST:
    return ast.parse(textwrap.dedent(inspect.getsource(f)))


def asked_by_rule(fn: Callable) -> set[str]:
    """Every class the rule, or a function under kg.extract it calls, asks of an anchor unit."""
    return {c for f in _reached(fn) for c in _classes_asked(_tree(f))}


def _askers(fn: Callable, classes: set[str]) -> list[str]:
    """The functions the rule reaches that ask any of ``classes`` of an anchor: where to look."""
    return sorted(f"{f.__module__}.{f.__qualname__}" for f in _reached(fn) if _classes_asked(_tree(f)) & classes)


def test_triggers_cover_every_class_a_rule_starts_from():
    triggered = [r for r in active_rules() if r.triggers is not None]
    assert len(triggered) >= 8, "most built-in rules declare triggers: the test is not looking at them"
    for r in triggered:
        asked = asked_by_rule(r.fn)
        assert asked, f"the test finds no class {r.name} asks about: it no longer reads the rule"
        missing = asked - r.triggers - NARROWING.get(r.name, set())
        assert not missing, f"{r.name} asks about {sorted(missing)} (in {', '.join(_askers(r.fn, missing))}): add " \
            "them to its triggers (or, if they only narrow a word a trigger found, to NARROWING here)"


def test_narrowing_lists_only_classes_the_rule_asks():
    for name, classes in NARROWING.items():
        r = next(r for r in active_rules() if r.name == name)
        assert classes <= asked_by_rule(r.fn) - (r.triggers or set()), f"stale NARROWING entry for {name}"


def test_a_skipped_rule_is_one_that_could_find_nothing():
    r = next(r for r in active_rules() if r.name == "kg.extract.rules.supplies.supply_rule")
    assert r.triggers is not None and "SupplyCue" in r.triggers
    assert not r.wanted({"FunctionWord"}, {})
    assert r.wanted({"FunctionWord", "SupplyCue"}, {})
    # a role told in the sentence is only read (``reads``): it finds no supply on its own, so it runs nothing
    assert not r.wanted(set(), {"role_org": [("a", "b")]})
    accuse = next(r for r in active_rules() if r.name == "kg.extract.rules.accuses.accuse_rule")
    assert accuse.wanted(set(), {"supply_events": ["an event"]})  # a product it requires runs it
    assert not accuse.wanted(set(), {"supply_events": []})


def test_triggers_are_a_tuple_of_classes():
    for bad in ("SupplyCue", ()):
        try:
            rule("supplies", triggers=bad)
        except RuleError:
            continue
        raise AssertionError(f"triggers={bad!r} was accepted")
