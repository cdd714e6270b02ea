"""One regular expression over a list of names: how the gazetteer and the weapon lexicon find their
surface forms in text.

Both lists are user data (``ontology/entities.ttl``, ``ontology/weapons.ttl``) and grow to
hundreds or thousands of forms, so the expression is factored by common prefix: a flat alternation
makes the engine try every name at every position, about 10x slower.
"""

from __future__ import annotations

import _sre
import contextlib
import re
import sys
from array import array
from collections.abc import Iterable, Mapping


def alternation(forms: Iterable[str], spell: Mapping[str, str] | None = None) -> str:
    """A regex body matching any of ``forms`` (normalised: lower case, single spaces), longest first.

    At every branch the longer continuation is tried before stopping, so where several forms match
    at one position the longest that also satisfies the caller's surrounding context wins, as with a
    flat alternation sorted by length. A space in a form matches any run of whitespace. Compile with
    ``re.IGNORECASE`` and wrap in the caller's boundary assertions. ``spell``: the expression to write
    for a character instead of the character (the trie and its order are the same).
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else spell[ch] if spell and ch in spell else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a form ends here: longer forms first, then stop
            body = body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
        return body

    return emit(trie)


#: What compiled code depends on: code kept by another Python (or another regex engine) is compiled again.
_ENGINE = f"{sys.version}/{getattr(_sre, 'MAGIC', '')}/{getattr(_sre, 'CODESIZE', '')}"


def reduce_pattern(pattern: re.Pattern) -> tuple:
    """How a pickle of ``kg.cache`` keeps a compiled expression: with the engine's code for it, so that
    loading it is a copy (7 ms for the gazetteer's names) instead of a compile of its source (0.6 s:
    ``pickle`` calls ``re.compile`` for every pattern it loads). Costs a compile when written."""
    try:
        from re import _compiler, _parser

        parsed = _parser.parse(pattern.pattern, pattern.flags)
        code = array("I", _compiler._code(parsed, pattern.flags))
        names = parsed.state.groupdict
        index = [None] * parsed.state.groups
        for name, i in names.items():
            index[i] = name
        state = (_ENGINE, pattern.flags | parsed.state.flags, code.tobytes(), parsed.state.groups - 1, dict(names),
                 tuple(index))
    except Exception:  # noqa: BLE001 - another engine's internals: pickle the source, as pickle does
        state = None
    return thaw, (pattern.pattern, pattern.flags, state)


def thaw(source: str | bytes, flags: int, state: tuple | None) -> re.Pattern:
    """The expression :func:`reduce_pattern` kept: from its code where this Python made it, else compiled."""
    if state is not None and state[0] == _ENGINE:
        _, all_flags, code, groups, names, index = state
        with contextlib.suppress(Exception):
            pattern = _sre.compile(source, all_flags, array("I", code).tolist(), groups, names, index)
            if pattern.pattern == source and pattern.flags == all_flags:
                return pattern
    return re.compile(source, flags)
