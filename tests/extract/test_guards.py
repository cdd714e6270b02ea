"""Shortcuts that skip a word in one test stay in step with the cases they stand for.

``resolve_pronouns`` skips a word with none of ``PRONOUN_CLASSES``: a new case that asks the word
about another class must add it there, or the case would never run; ``find_frames`` likewise with
``FRAME_CLASSES``, and the rules' loops over words (``warnings``, ``denials``, ``sanctions``, ``visits``) with theirs."""

from __future__ import annotations

import ast
import inspect

from kg.extract import discourse, frames
from kg.extract.rules import denies, sanctions, visits, warns


def _classes_asked_of(fn, name: str) -> set[str]:
    """Every string passed to ``<name>.has(...)``, ``<name>.voice(...)``, ``<name>.cls[...]``,
    ``<name>.span.get(...)`` or ``... in <name>.cls`` inside ``fn``."""
    tree = ast.parse(inspect.getsource(fn))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            target = node.func.value
            is_unit = isinstance(target, ast.Name) and target.id == name
            is_span = isinstance(target, ast.Attribute) and target.attr in ("span", "cls") and \
                isinstance(target.value, ast.Name) and target.value.id == name
            if (is_unit and node.func.attr in ("has", "voice")) or is_span:
                found |= {a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "cls" \
                and isinstance(node.value.value, ast.Name) and node.value.value.id == name \
                and isinstance(node.slice, ast.Constant):
            found.add(node.slice.value)
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Constant) and any(
                isinstance(c, ast.Attribute) and c.attr == "cls" and isinstance(c.value, ast.Name)
                and c.value.id == name for c in node.comparators):
            found.add(node.left.value)
    return found


def test_pronoun_shortcut_covers_every_case():
    asked = _classes_asked_of(discourse.resolve_pronouns, "u")
    assert asked, "the test no longer finds the classes resolve_pronouns asks about"
    assert asked <= discourse.PRONOUN_CLASSES, f"add to PRONOUN_CLASSES: {sorted(asked - discourse.PRONOUN_CLASSES)}"


def test_frame_shortcut_covers_every_case():
    asked = _classes_asked_of(frames.find_frames, "u")
    assert asked, "the test no longer finds the classes find_frames asks about"
    assert asked <= frames.FRAME_CLASSES, f"add to FRAME_CLASSES: {sorted(asked - frames.FRAME_CLASSES)}"
    assert set(frames.REPORTING) <= frames.FRAME_CLASSES


def test_rule_shortcuts_cover_every_case():
    for fn, shortcut in ((warns.warnings, warns.WARNING_CLASSES), (denies.denials, denies.DENIAL_CLASSES),
                         (sanctions.sanctions, sanctions.SANCTION_CLASSES), (visits.visits, visits.VISIT_CLASSES)):
        asked = _classes_asked_of(fn, "u")
        assert asked, f"the test no longer finds the classes {fn.__name__} asks about"
        assert asked <= shortcut, f"add to the shortcut of {fn.__name__}: {sorted(asked - shortcut)}"
