"""The state of a body an article names without one ("Kementerian Pertahanan", "Majelis Nasional"): read from
the article, since the home state's body is only right in a story about the home state."""

from __future__ import annotations

from functools import lru_cache

from kg.cues import POSSESSIVE, cues
from kg.resolve.bodies import body_template, styled_bodies
from kg.resolve.lookup import gazetteer
from kg.resolve.names import norm
from kg.types import Mention


def state_key(key: str | None) -> str | None:
    """The state an entity belongs to, following places, bodies and persons up their chain ("Khaled Nordin" →
    Malaysia's defence ministry → Malaysia); None for one of no state."""
    gaz = gazetteer()
    seen: set[str] = set()
    while key is not None and key not in seen and key in gaz.entries:
        seen.add(key)
        nxt = gaz.state_of(key)
        if nxt == key:
            return key if gaz.entries[key].type == "GPE" else None
        key = nxt
    return None


def title_template(text: str, start: int) -> str | None:
    """The body template whose head's title stands right before a name ("Menteri Pertahanan [Malaysia]",
    "Menhan [Sjafrie]"): that official's state is the state of the kind's bare body after it."""
    # (``norm(…).split()`` of the 60 characters, last four words only: asked before every known name)
    words = text[max(0, start - 60):start].lower().split()[-4:]  # (no letter lowers to a space, nor a space to one)
    titles = cues().title_templates
    for n in range(min(4, len(words)), 0, -1):
        if (template := titles.get(" ".join(words[-n:]))) is not None:
            return template
    return None


def sentence_state(m: Mention, kept: list[tuple[Mention, str | None]]) -> str | None:
    """The state named last before a body in its own sentence ("Menlu Pakistan Ishaq Dar berbicara di depan
    Majelis Nasional"): a body no home state has is that state's."""
    found = None
    for n, k in kept:
        if n.start >= m.start:
            break
        if n.sentence == m.sentence and (s := state_key(k)) is not None:
            found = s
    return found


def speaker_state(m: Mention, kept: list[tuple[Mention, str | None]], text: str) -> str | None:
    """The state of a known official named right after a bare body ("Juru Bicara Kementerian Luar Negeri
    Yvonne Mewengkang"): the body is that official's."""
    nxt = _right_after(m, kept, text, " ,")
    entry = gazetteer().entries.get(nxt[1] or "") if nxt is not None else None
    if entry is None or entry.type != "PER":
        return None
    return state_key(nxt[1])


def possessed_template(surface: str) -> str | None:
    """The template of a bare body's form worn with the possessive clitic ("Kementerian Luar Negerinya": its
    foreign ministry): whose it is, the text said just before."""
    clitic = POSSESSIVE
    if not surface.lower().endswith(clitic) or len(surface.split()) < 2:
        return None
    template, bare = body_template(surface[:-len(clitic)])
    return template if bare else None


def owner_state(m: Mention, kept: list[tuple[Mention, str | None]]) -> str | None:
    """The state named last before a possessed body, in its sentence or the one before ("Iran membantah …
    Kementerian Luar Negerinya menyebut …"); a person or body named there stands for its state."""
    found = None
    for n, k in kept:
        if n.start >= m.start:
            break
        if m.sentence - 1 <= n.sentence <= m.sentence and (s := state_key(k)) is not None:
            found = s
    return found


def styled_state(form: str, named: dict[str, int]) -> str | None:
    """The state the article names whose body is called by this bare form, where the home state's bodies are not
    called so (kg:ForeignBodyWord: "Departemen Keuangan" in a story naming Russia and the United States is the
    Treasury, as Russia's is a "Kementerian"): of several, the one named most often; None where the form is the
    home state's kind, or no such state or a tie."""
    if "ForeignBodyWord" not in cues().classes(form.split()[0]):
        return None
    styled = styled_bodies()
    found = sorted((-named[s], s) for s in named if (form, s) in styled)
    return found[0][1] if found and (len(found) == 1 or found[0][0] < found[1][0]) else None


def owner_after(m: Mention, kept: list[tuple[Mention, str | None]], text: str) -> str | None:
    """The state of a group or body named right after a bare body ("Kementerian Luar Negeri Taliban"): the body
    is that group's government's, not the last such body the article named (another state's)."""
    nxt = _right_after(m, kept, text)
    if nxt is None or nxt[0].type != "ORG":
        return None
    return state_key(nxt[1])


def state_after(m: Mention, key: str, kept: list[tuple[Mention, str | None]], text: str) -> str | None:
    """The state named right after the body ``m`` (gazetteer key ``key``, a body of a state), where it is not that
    body's own ("Kongres Peru": "Kongres" alone is the US Congress)."""
    gaz = gazetteer()
    nxt = _right_after(m, kept, text)
    if nxt is None or nxt[1] is None or nxt[0].type != "GPE":
        return None
    own, home = gaz.state_of(nxt[1]), gaz.state_of(key) if key in gaz.entries else None
    return own if own is not None and home is not None and own != home and gaz.entries[own].type == "GPE" else None


def _right_after(m: Mention, kept: list[tuple[Mention, str | None]], text: str, between: str | None = None
                 ) -> tuple[Mention, str | None] | None:
    """The mention kept right after ``m``, with nothing but the characters ``between`` (whitespace when None)
    in between, else None."""
    nxt = next(((n, k) for n, k in kept if n.start >= m.end), None)
    return None if nxt is None or text[m.end:nxt[0].start].strip(between) else nxt


@lru_cache(maxsize=1)
def _state_bodies() -> dict[str, tuple[tuple[str, str], ...]]:
    """A listed state's body by the words its Indonesian names open with: "partai buruh" → (Workers' Party of
    Korea, North Korea), (Labour Party, United Kingdom); built once per process."""
    gaz = gazetteer()
    out: dict[str, set[tuple[str, str]]] = {}
    for form, key in gaz.forms.items():
        e = gaz.entries.get(key)
        if e is None or e.type != "ORG" or e.affiliation is None or (st := state_key(e.affiliation)) is None:
            continue
        words = form.split()
        for n in range(2, len(words)):
            out.setdefault(" ".join(words[:n]), set()).add((key, st))
    return {k: tuple(sorted(v)) for k, v in out.items()}


def state_named_body(surface: str, counts: dict[str, int]) -> str | None:
    """The listed body a name without its state means, where one of the states the article names (``counts``: how
    often) has a body whose name opens with it ("Partai Buruh" in a story on North Korea: the Workers' Party of
    Korea, not Britain's Labour Party): the most named such state's; None on a tie or where none is named."""
    found: dict[str, set[str]] = {}
    for key, st in _state_bodies().get(norm(surface), ()):
        if counts.get(st):
            found.setdefault(st, set()).add(key)
    ranked = sorted(found, key=lambda st: -counts[st])
    if not ranked or len(ranked) > 1 and counts[ranked[0]] == counts[ranked[1]] or len(found[ranked[0]]) > 1:
        return None  # (two states as often named, or one state with several bodies so named: no telling which)
    return next(iter(found[ranked[0]]))


def qualified_bodies(kept: list[tuple[Mention, str | None]]) -> dict[str, str]:
    """A known body's bare name → the one body the article names with that name and a state after it ("DPR AS"): in
    such an article a bare "DPR" is that state's House, not the gazetteer's default (Indonesia's). A name qualified
    by two states ("DPR RI", "DPR AS") maps to "": no choice. Only a state's body is read so, replacing another
    state's: "Dewan Keamanan" (the UN's) stays beside "Dewan Keamanan Rusia"."""
    gaz = gazetteer()
    out: dict[str, str] = {}
    for m, k in kept:
        if k is None or gaz.entries[k].type != "ORG":
            continue
        words = m.text.split()
        for i in range(1, len(words)):
            st = gaz.lookup(" ".join(words[i:]))
            if st is not None and state_key(st) == st:  # (the longest tail that names a state)
                if state_key(k) == st:  # the state's own body (not "CNN Indonesia", nor a body of no state)
                    head = norm(" ".join(words[:i]))
                    out[head] = k if out.get(head, k) == k else ""
                break
    return out
