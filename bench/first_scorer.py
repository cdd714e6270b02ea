"""Relations scored as the project's first scorer scored them: a second view of the same records.

    kg extract tests/data/val/ --jsonl build/val.jsonl
    python -m bench.first_scorer --gold tests/data/val/gold/ build/val.jsonl

Why: ``kg eval`` compares a supplied weapon by its head concept in this tree's ``ontology/weapons.ttl``, which has
grown to hundreds of concepts ("frigate" ~ "warship", "mortar" ~ "howitzer" ~ "artillery", "IRIS-T air defense
system" ~ "air defence system"). The scorer the unseen sets were first measured with (``kg.evaluate`` at 55cda52)
knew 22 concepts, so weapon names outside them match only as equal strings. A gain that holds under both is not an
artefact of the lexicon. Everything else (types, arguments, case, roles without their title, meetings without order)
is scored as ``kg eval`` scores it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.eval.relations import head_by_suffix, load_gold, load_jsonl, score

#: each weapon name of the first lexicon (its labels in English, lower case) → the name of its head concept
FIRST_HEADS = {
    "weapons": "weapons", "ammunition": "ammunition", "artillery ammunition": "ammunition",
    "artillery shell": "ammunition", "shell": "ammunition", "missile": "missile", "ballistic missile": "missile",
    "intercontinental ballistic missile": "missile", "cruise missile": "missile", "hypersonic missile": "missile",
    "anti-aircraft missile": "missile", "anti-tank missile": "missile", "infantry missile": "missile",
    "rocket": "rocket", "multiple launch rocket system": "rocket", "drone": "drone", "shahed drone": "drone",
    "tank": "tank", "fighter jet": "fighter jet", "artillery": "artillery", "small arms": "small arms",
    "nuclear weapon": "nuclear weapon",
}


def first_head(name: str) -> str:
    """The first scorer's head of a weapon name: that of its longest known suffix, else the name itself ("Storm
    Shadow missile" → missile; "air defense system" stays itself)."""
    return head_by_suffix(name, FIRST_HEADS)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--gold", type=Path, required=True,
                    help="gold JSONL (the format `kg extract` writes), or a folder of them")
    ap.add_argument("predicted", type=Path, help="records from `kg extract --jsonl`")
    args = ap.parse_args(argv)
    predicted = load_jsonl(args.predicted)
    done = {p["doc"] for p in predicted}
    gold = [g for g in load_gold(args.gold) if g["doc"] in done]
    if not gold:
        ap.error(f"no article of {args.predicted} is in {args.gold}")
    print(f"first scorer ({len(gold)} articles):")
    print(score(gold, predicted, head=first_head).format())
    print(f"this tree's scorer, for comparison: relations micro-F1 {score(gold, predicted).relations_micro.f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
