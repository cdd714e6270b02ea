"""bench.first_scorer: the same records scored as the project's first scorer scored them."""

from __future__ import annotations

import json
from pathlib import Path

from bench.first_scorer import first_head, main
from kg.eval.relations import score


def _record(doc: str, weapon: str) -> dict:
    return {"doc": doc, "entities": [], "relations": [
        {"type": "supplies", "args": {"supplier": "Russia", "weapon": weapon, "recipient": "Myanmar"},
         "sentence": "", "modality": "asserted"}]}


def test_weapons_outside_the_first_lexicon_match_only_as_equal_names() -> None:
    assert first_head("Storm Shadow missiles") == "missile" and first_head("attack drone") == "drone"
    assert first_head("IRIS-T air defense system") == "iris-t air defense system"
    gold = [_record("a.txt", "howitzer"), _record("b.txt", "attack drone"), _record("c.txt", "air defense system")]
    pred = [_record("a.txt", "mortar"), _record("b.txt", "Shahed drone"),
            _record("c.txt", "Pantsir air defense system")]
    assert score(gold, pred).relations_micro.tp == 3  # this tree's lexicon: one head concept each
    first = score(gold, pred, head=first_head).relations_micro
    assert (first.tp, first.fp, first.fn) == (1, 2, 2)


def test_the_command_scores_a_records_file_against_gold(tmp_path: Path, capsys) -> None:
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text(json.dumps(_record("a.txt", "frigate")) + "\n", "utf-8")
    pred.write_text(json.dumps(_record("a.txt", "warship")) + "\n", "utf-8")
    assert main(["--gold", str(gold), str(pred)]) == 0
    out = capsys.readouterr().out
    assert "relations micro-F1 0.000" in out and "this tree's scorer, for comparison: relations micro-F1 1.000" in out
