"""Which stored article a file is: source paths, renames, changed files, and what ``--prune`` may drop.

An article graph is named by the hash of its text; the files it was read from are recorded on it
as ``kg:sourcePath`` (one value per file holding that text), each the file's absolute path, or its
path relative to the corpus root when the build declares one (``kg build --root``). A bare file
name is never an identity: ``a/index.txt`` and ``b/index.txt`` are two files.

* a file whose text changed replaces the graphs recorded for its path (and only those);
* a file whose text is stored under another path that is positively gone is a rename: the
  graph's path is updated, nothing is re-extracted;
* ``--prune`` drops a graph only when every path recorded for it lies under the build's inputs
  and ``lstat`` says *no such file*; a file or folder that could not be read is never "deleted".
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.vocab import KG

if TYPE_CHECKING:
    from kg.store import KGStore

SOURCE_PATH = KG + "sourcePath"


def source_key(path: str | Path, root: str | Path | None = None) -> str:
    """The identity of a file: absolute path, or relative to ``root`` when it lies under it."""
    p = os.path.abspath(path)
    if root is not None:
        r = os.path.abspath(root)
        if p.startswith(r.rstrip(os.sep) + os.sep):
            p = os.path.relpath(p, r)
    # a file name that is not UTF-8 (surrogate escapes) still gets a stable, storable key
    return p.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def locate(key: str, root: str | Path | None = None) -> Path:
    return Path(key) if os.path.isabs(key) else Path(root if root is not None else os.getcwd()) / key


def gone(key: str, root: str | Path | None = None) -> bool:
    """True only when the file is positively absent (ENOENT); unreadable is not gone."""
    try:
        os.lstat(locate(key, root))
    except FileNotFoundError:
        return True
    except (OSError, ValueError):
        return False
    return False


def under(key: str, inputs: Iterable[str | Path], root: str | Path | None = None) -> bool:
    """Whether the file ``key`` names is one of ``inputs`` or inside one of them."""
    p = os.path.abspath(locate(key, root))
    for i in inputs:
        a = os.path.abspath(i)
        if p == a or p.startswith(a.rstrip(os.sep) + os.sep):
            return True
    return False


def stored_paths(store: KGStore) -> dict[str, set[str]]:
    """Article IRI → every ``kg:sourcePath`` recorded on it (empty for graphs built before paths)."""
    rows = store.select(f"SELECT ?g ?v WHERE {{ GRAPH ?g {{ ?g <{SOURCE_PATH}> ?v }} }}", union=False)
    out: dict[str, set[str]] = {}
    for r in rows:
        if "g" in r and "v" in r:
            out.setdefault(str(r["g"]), set()).add(str(r["v"]))
    return out


def path_triples(iri: str, keys: Iterable[str]) -> bytes:
    """N-Triples recording ``keys`` as the source paths of the article ``iri``."""
    node, pred = ox.NamedNode(iri), ox.NamedNode(SOURCE_PATH)
    return "".join(f"{ox.Triple(node, pred, ox.Literal(k))} .\n" for k in sorted(set(keys))).encode("utf-8")


def edit_paths(store: KGStore, iri: str, add: Iterable[str] = (), remove: Iterable[str] = ()) -> None:
    """Add and remove source paths of a stored article, in one update (in its graph and in the
    merged graph: the paths of an article are its own, no other graph holds them)."""
    add, remove = sorted(set(add)), sorted(set(remove) - set(add))
    if not add and not remove:
        return
    g = ox.NamedNode(iri)
    pred = ox.NamedNode(SOURCE_PATH)

    def block(keys: list[str]) -> str:
        return " ".join(f"{g} {pred} {ox.Literal(k)} ." for k in keys)

    parts = []  # the merged graph's copy as INSERT/DELETE ... WHERE {}: rdflib fails on default-graph DATA
    if remove:
        parts.append(f"DELETE DATA {{ GRAPH {g} {{ {block(remove)} }} }} ;\nDELETE {{ {block(remove)} }} WHERE {{}}")
    if add:
        parts.append(f"INSERT DATA {{ GRAPH {g} {{ {block(add)} }} }} ;\nINSERT {{ {block(add)} }} WHERE {{}}")
    store.update(" ;\n".join(parts))
