"""Cue words typed with one slip still read as themselves (kg.cues.Cues._misspelled), on the real ontology."""

from __future__ import annotations

import pytest

from kg.cues import TYPO_MIN, cues


@pytest.mark.parametrize("typed, meant", [
    ("memperingtakan", "memperingatkan"),  # two letters swapped
    ("diperingatkn", "diperingatkan"),  # one letter left out
    ("pertemuaan", "pertemuan"),  # one letter doubled
])
def test_a_slip_in_a_long_cue_word_keeps_its_classes(typed: str, meant: str) -> None:
    c = cues()
    assert c.classes(meant), f"{meant} is no cue word any more: pick another example"
    assert c.classes(typed) == c.classes(meant)


def test_a_replaced_letter_is_another_word_not_a_slip() -> None:
    # "menyatukan" (to unite) is one letter from "menyatakan" (to state): a real word, not a typo
    c = cues()
    assert c.classes("menyatakan")
    assert not c.classes("menyatukan")


def test_short_words_are_never_corrected() -> None:
    # "menuding" (to accuse) is shorter than TYPO_MIN: a slip in it is left unread
    c = cues()
    assert len("menuding") < TYPO_MIN and c.classes("menuding")
    assert not c.classes("menudnig")
