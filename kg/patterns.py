"""One regular expression over a list of names: how the gazetteer and the weapon lexicon find their
surface forms in text.

Both lists are user data (``ontology/entities.ttl``, ``ontology/weapons.ttl``) and grow to
hundreds or thousands of forms, so the expression is factored by common prefix: a flat alternation
makes the engine try every name at every position, about 10x slower.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def alternation(forms: Iterable[str]) -> str:
    """A regex body matching any of ``forms`` (normalised: lower case, single spaces), longest first.

    At every branch the longer continuation is tried before stopping, so where several forms match
    at one position the longest that also satisfies the caller's surrounding context wins, as with a
    flat alternation sorted by length. A space in a form matches any run of whitespace. Compile with
    ``re.IGNORECASE`` and wrap in the caller's boundary assertions.
    """
    trie: dict = {}
    for form in forms:
        node = trie
        for ch in form:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [(r"\s+" if ch == " " else re.escape(ch)) + emit(child)
                    for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a form ends here: longer forms first, then stop
            body = body + "?" if len(branches) == 1 and len(body) == 1 else "(?:" + body + ")?"
        return body

    return emit(trie)
