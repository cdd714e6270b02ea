"""Every cue class the code names exists in ontology/cues.ttl, and the extractor names no word.

A misspelt class ("SupplyCeu") would make every test of it silently False; a word quoted in the
extractor would be a cue users cannot extend without Python."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import SKOS

import kg
from kg.cues import cues
from kg.types import RELATION_ARGS

KG = Namespace("https://w3id.org/kg-news/ontology#")
PACKAGE = Path(kg.__file__).resolve().parent
#: Modules that read units by cue class.
READERS = sorted((PACKAGE / "extract").rglob("*.py")) + [PACKAGE / "units.py", PACKAGE / "quotes.py"]
CLASS_NAME = re.compile(r"^[A-Z][a-z]+(?:[A-Z][a-z]+)*\d?$")


def _literals(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef)) and n.body
                  and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_every_cue_class_named_in_python_is_declared():
    g = Graph().parse(PACKAGE.parent / "ontology" / "cues.ttl")
    declared = {str(s).removeprefix(str(KG)) for s in g.subjects(SKOS.inScheme, KG.CueScheme)}
    used = {(p.name, line, s) for p in READERS for line, s in _literals(p) if CLASS_NAME.match(s)}
    assert len(used) > 40, "the scan found too few class names to be looking at the right code"
    missing = sorted(u for u in used if u[2] not in declared and u[2] != "QuotePronounVerb")
    assert not missing, f"cue classes named in Python but not declared in cues.ttl: {missing}"


def test_the_extractor_quotes_no_indonesian_word():
    lexicon = set(cues().words)
    # a relation's argument names are the schema's English keys, even where Indonesian borrows the word ("target")
    keys = {name for names in RELATION_ARGS.values() for name in names}
    found = []
    for path in sorted((PACKAGE / "extract").rglob("*.py")):
        for line, s in _literals(path):
            if s.lower() in lexicon and not CLASS_NAME.match(s) and s not in keys:
                found.append(f"{path.relative_to(PACKAGE)}:{line} {s!r}")
    assert not found, "Indonesian words in the extractor (put them in ontology/cues.ttl): " + ", ".join(found)


def test_no_cue_subject_is_declared_twice():
    """Two blocks with one subject merge into one cue of both classes with both sets of forms ("kgc:alir" once
    made "arus" a supply word): each cue subject is written once."""
    text = (PACKAGE.parent / "ontology" / "cues.ttl").read_text(encoding="utf-8")
    subjects = re.findall(r"^(kgc:[\w-]+) a ", text, flags=re.M)
    assert len(subjects) > 300, "the scan found too few cue subjects to be reading cues.ttl"
    assert sorted({s for s in subjects if subjects.count(s) > 1}) == []


def test_every_cue_class_is_declared_once():
    """A class declared twice (two blocks, two meanings) gets two English labels and two definitions: its
    cue words then serve both meanings without anyone having chosen that."""
    g = Graph().parse(PACKAGE.parent / "ontology" / "cues.ttl")
    classes = set(g.subjects(SKOS.inScheme, KG.CueScheme))
    assert len(classes) > 100
    twice = sorted(str(c).removeprefix(str(KG)) for c in classes
                   if len([lab for lab in g.objects(c, SKOS.prefLabel) if lab.language == "en"]) != 1
                   or len(list(g.objects(c, SKOS.definition))) > 1)
    assert not twice, f"cue classes declared more than once or without an English label: {twice}"


def test_no_cue_entry_is_written_in_two_places():
    """A second block for the same ``kgc:`` entry adds to the first unseen by whoever edits it (and
    ``bench.ablate`` reads cue entries as whole): an entry's forms stand together."""
    text = (PACKAGE.parent / "ontology" / "cues.ttl").read_text(encoding="utf-8")
    heads = re.findall(r"(?m)^(kgc:[\w.-]+)\s", text)
    assert len(heads) > 500
    twice = sorted({h for h in heads if heads.count(h) > 1})
    assert not twice, f"cue entries written in two places (merge each into one block): {twice}"
