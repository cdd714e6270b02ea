"""A memo, for one sentence, of the clause helpers that read nothing but the units and their arguments.

Within a sentence the rules ask the same helpers the same questions again and again (a third of the calls
to ``left_subject``, over half of those to ``clause_left`` and ``governor``, repeat an earlier one). The
units change only before the rules read them: ``build_units``, the roles and quotations of the paragraph
(``kg.extract.titles``) and ``resolve_pronouns`` write to them; ``find_frames``, the rules and the discourse
carried forward only read them. So from the end of ``resolve_pronouns`` to the end of the sentence
(``open_memo`` … ``close_memo``) an answer asked of that sentence's units is the answer asked again.
Asked of other units (another sentence's, or a list a rule builds), or outside that stretch, a helper
runs as written."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

#: (the units of the sentence under the memo, None for none; the answers asked of them so far), as one tuple
#: read and replaced whole: threads that extract at once (a Dask worker's) only take each other's memo away, and
#: an answer is only ever kept with the units it was asked of
_OPEN: list[tuple[list | None, dict]] = [(None, {})]


def open_memo(units: list) -> None:
    _OPEN[0] = (units, {})


def close_memo() -> None:
    _OPEN[0] = (None, {})


def per_sentence(fn: F) -> F:
    """``fn(units, …)`` answered once per sentence and arguments (a helper that returns no list or
    other object its callers could change, and reads only ``units`` and its arguments)."""
    memo = _OPEN

    @wraps(fn)
    def asked(units: list, *args: Any, **kw: Any) -> Any:
        of, answers = memo[0]
        if units is not of:
            return fn(units, *args, **kw)
        key = (fn, args, *kw.items()) if kw else (fn, args)
        if key in answers:
            return answers[key]
        out = answers[key] = fn(units, *args, **kw)
        return out

    return asked  # type: ignore[return-value]
