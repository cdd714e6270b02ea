"""Extraction rules register themselves here, in the manner of Stanza's processors.

A rule is a function ``(SentenceContext) -> list[Relation]`` declared with the relation type it
finds, the products it needs from other rules (``requires``) and those it makes (``provides``). The
driver runs the rules in an order that puts every provider before the rules that require it, and
otherwise the declaration order of their relation types in ``kg.schema`` (so output order is stable).

A rule may also declare its ``triggers``: the cue classes without which it finds nothing (a supply
needs a supply, purchase or request word, a meeting a meeting word). The driver skips it for a
sentence whose units carry none of them and for which no product it requires is non-empty; most
sentences hold no cue of most relation types, and each rule would otherwise scan every unit of
every sentence. A rule whose output could come from any sentence declares none.

A product a rule only consults when it runs, and that gives it nothing to find on its own (a role told in
the sentence, who last claimed or attacked), is declared in ``reads``: it orders the rule after its
providers like ``requires`` but does not wake the rule for a sentence without its triggers.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from kg.extract.context import SentenceContext
from kg.types import Relation

RuleFn = Callable[[SentenceContext], list[Relation]]


class RuleError(ValueError):
    """A rule set that cannot run: an unknown relation type, a missing or circular requirement."""


@dataclass(frozen=True)
class Rule:
    name: str
    relation: str
    fn: RuleFn
    requires: tuple[str, ...] = ()
    provides: tuple[str, ...] = ()
    triggers: frozenset[str] | None = None  # None: the rule may find something in any sentence
    reads: tuple[str, ...] = ()  # products consulted when it runs: ordering only (see the module's text)

    def __call__(self, ctx: SentenceContext) -> list[Relation]:
        return self.fn(ctx)

    def wanted(self, present: Collection[str], products: Mapping[str, Any]) -> bool:
        """Whether the rule can find anything in a sentence whose units carry the cue classes
        ``present``: one of its triggers is there, or an earlier rule provided it something."""
        if self.triggers is None or not self.triggers.isdisjoint(present):
            return True
        for p in self.requires:  # noqa: SIM110 - a loop: any() over a generator costs more than the test
            if products.get(p):
                return True
        return False


_RULES: dict[str, Rule] = {}
_ORDERED: list[Rule] | None = None


def rule(relation: str, requires: tuple[str, ...] = (), provides: tuple[str, ...] = (),
         triggers: tuple[str, ...] | None = None, reads: tuple[str, ...] = ()) -> Callable[[RuleFn], RuleFn]:
    """Register ``fn`` as a rule for ``relation`` (a type declared in :mod:`kg.schema`); ``triggers``
    are the cue classes one of which a sentence must hold for the rule to find anything in it."""
    from kg.schema import RELATIONS

    if relation not in RELATIONS:
        raise RuleError(f"unknown relation type {relation!r}; declare it in kg/schema.py")
    if isinstance(triggers, str):
        raise RuleError(f"triggers={triggers!r} is one string: write a tuple of cue classes")
    if triggers is not None and not triggers:
        raise RuleError("a rule with no trigger class would never run: leave triggers out instead")

    def register(fn: RuleFn) -> RuleFn:
        global _ORDERED
        name = f"{fn.__module__}.{fn.__name__}"
        _RULES[name] = Rule(name, relation, fn, tuple(requires), tuple(provides),
                            frozenset(triggers) if triggers is not None else None, tuple(reads))
        _ORDERED = None  # the rule set changed: order again when next asked
        return fn

    return register


def unregister(fn: RuleFn) -> None:
    """Remove a rule registered with :func:`rule` (an experiment, a test)."""
    global _ORDERED
    _RULES.pop(f"{fn.__module__}.{fn.__name__}", None)
    _ORDERED = None


def active_rules() -> list[Rule]:
    """The registered rules in run order (providers first, then declaration order of their types).
    ``kg.extract`` imports the built-in rules (``kg.extract.rules``), which registers them."""
    global _ORDERED
    if _ORDERED is None:
        _ORDERED = order(list(_RULES.values()))
    return _ORDERED


def order(pending: list[Rule]) -> list[Rule]:
    """Order ``pending`` in waves: each wave holds the rules whose requirements earlier waves provide,
    sorted by the declaration order of their relation type in :mod:`kg.schema` (so import order
    never changes the output)."""
    from kg.schema import RELATIONS

    rank = {name: i for i, name in enumerate(RELATIONS)}
    provided: dict[str, list[str]] = {}
    for r in pending:
        for p in r.provides:
            provided.setdefault(p, []).append(r.name)
    for r in pending:
        missing = [q for q in r.requires + r.reads if q not in provided]
        if missing:
            raise RuleError(f"rule {r.name} requires {missing}, which no registered rule provides")
    done: set[str] = set()
    out: list[Rule] = []
    while pending:
        wave = [r for r in pending if all(n in done for q in r.requires + r.reads for n in provided[q])]
        if not wave:
            raise RuleError("circular requirements among rules: " + ", ".join(r.name for r in pending))
        wave.sort(key=lambda r: (rank[r.relation], r.name))
        out += wave
        done.update(r.name for r in wave)
        pending = [r for r in pending if r not in wave]
    return out
