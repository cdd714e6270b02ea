"""Budgets for pathological text, applied while normalising, before Stanza ever sees it.

Stanza's tokenizer is quadratic in token length (a 50 KB "word" cost 39 s, 100 KB 142 s) and a
batch is as slow as its longest paragraph (a 1 MB single-line article held a batch of the seeds for
1,140 s and 4 GB). No news text has a 1,000-character word or a 3,000-character paragraph, so:

* a run of non-space characters longer than :data:`MAX_TOKEN_CHARS` (base64, minified code, a
  key held down) is dropped;
* a line longer than :data:`MAX_LINE_CHARS` is split into paragraphs at sentence ends (else at
  spaces) no longer than that.

The result passes the budgets again unchanged, so normalisation stays idempotent; :func:`notes`
says in one line what was done, for the file's status row.
"""

from __future__ import annotations

import re

MAX_TOKEN_CHARS = 1_000
MAX_LINE_CHARS = 3_000  # a long news paragraph is ~1,500; the tokenizer is superlinear in paragraph length
_LONG_TOKEN = re.compile(rf"\S{{{MAX_TOKEN_CHARS + 1},}}")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*\s")


def apply(line: str) -> list[str]:
    """One normalised line (single spaces, stripped) → the lines that fit the budgets."""
    if len(line) <= MAX_TOKEN_CHARS:
        return [line]
    line = " ".join(_LONG_TOKEN.sub(" ", line).split())
    out = []
    while len(line) > MAX_LINE_CHARS:
        window = line[: MAX_LINE_CHARS + 1]
        cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
        if cut < MAX_LINE_CHARS // 2:  # no sentence end late enough: the last space will do
            cut = window.rfind(" ") + 1 or MAX_LINE_CHARS
        out.append(line[:cut].strip())
        line = line[cut:].strip()
    out.append(line)
    return [part for part in out if part]


def notes(text: str) -> str:
    """What :func:`apply` will do to ``text`` (before normalisation), as one line; "" if nothing."""
    tokens = sum(1 for _ in _LONG_TOKEN.finditer(text))
    lines = sum(1 for ln in text.splitlines() if len(" ".join(_LONG_TOKEN.sub(" ", ln).split())) > MAX_LINE_CHARS)
    parts = []
    if tokens:
        parts.append(f"dropped {tokens} run{'s' if tokens != 1 else ''} of over {MAX_TOKEN_CHARS:,} characters "
                     "without a space")
    if lines:
        parts.append(f"split {lines} line{'s' if lines != 1 else ''} of over {MAX_LINE_CHARS:,} characters")
    return "; ".join(parts)
