"""The import graph of ``kg/``: no circles, and every import points down the data flow.

Every module is parsed with ``ast`` (nothing is imported), and every ``import kg…`` / ``from kg… import``
counts, at module level, inside functions and under ``TYPE_CHECKING`` alike. The stages run one way
(README "Layout", docs/architecture.md):

    base < ingest < nlp < resolve < extract < rdf < store < graph/render/export < cli

A stage may import its own stage and earlier ones. The tools that drive the stages (``pipeline``,
then ``eval``, then ``train``) may import any stage and the tools before them; no stage imports a tool.
The CLI may import everything; nothing imports the CLI. A new module must be given a layer below.
"""

from __future__ import annotations

import ast
from pathlib import Path

KG = Path(__file__).resolve().parent.parent / "kg"

#: layer name → module name prefixes (a prefix names a module and everything under it; "kg" only itself)
LAYERS: dict[str, tuple[str, ...]] = {
    "base": ("kg", "kg.types", "kg.schema", "kg.vocab", "kg.cues", "kg.patterns", "kg.cache", "kg.typos"),
    "ingest": ("kg.ingest", "kg.htmltext", "kg.budget", "kg.walk", "kg.dates", "kg.meta"),
    "nlp": ("kg.nlp", "kg.weapons", "kg.tokenize", "kg.ner"),
    "resolve": ("kg.resolve",),
    "extract": ("kg.extract", "kg.units", "kg.unitize", "kg.listed", "kg.quotes"),
    "rdf": ("kg.rdf", "kg.fingerprint"),
    "store": ("kg.store", "kg.sparql", "kg.guard", "kg.front", "kg.server", "kg.params", "kg.stats", "kg.querypage"),
    "graph": ("kg.graph", "kg.render", "kg.export"),
    # tools: may import any stage, never imported by one
    "pipeline": ("kg.pipeline", "kg.parallel", "kg.preload", "kg.identity"),
    "eval": ("kg.eval",),
    "train": ("kg.train",),
    "cli": ("kg.cli",),
}
STAGES = ("base", "ingest", "nlp", "resolve", "extract", "rdf", "store", "graph")
TOOLS = ("pipeline", "eval", "train")
RANK = {name: i for i, name in enumerate(LAYERS)}

#: Import edges that may close a circle (none: ``kg.extract`` imports the rules, which import the
#: registry to register themselves; the registry imports no rule).
ALLOWED_CYCLE_EDGES: set[tuple[str, str]] = set()


def modules() -> dict[str, Path]:
    out = {}
    for path in sorted(KG.rglob("*.py")):
        parts = list(path.relative_to(KG.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_graph() -> dict[str, set[str]]:
    """Module → the ``kg`` modules it imports (``from kg.x import y`` counts as ``kg.x.y`` when that is a module)."""
    mods = modules()

    def known(name: str) -> str:
        while name not in mods:
            name = name.rpartition(".")[0]
        return name

    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                deps |= {known(a.name) for a in node.names if a.name == "kg" or a.name.startswith("kg.")}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([base] if base else []))
                if base == "kg" or base.startswith("kg."):
                    for alias in node.names:
                        full = f"{base}.{alias.name}"
                        deps.add(full if full in mods else known(base))
        deps.discard(name)
        graph[name] = deps
    return graph


def layer(module: str) -> str | None:
    best = None
    for name, prefixes in LAYERS.items():
        for p in prefixes:
            if (module == p or (p != "kg" and module.startswith(p + "."))) and (best is None or len(p) > len(best[1])):
                best = (name, p)
    return best[0] if best else None


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def allowed(src: str, dst: str) -> bool:
    """Whether ``src`` may import ``dst`` under the layer rules."""
    a, b = layer(src), layer(dst)
    if a is None or b is None:  # reported by test_every_module_has_a_layer
        return True
    if a == b or a == "cli":
        return True
    if b == "cli":
        return False
    if a in STAGES:
        return b in STAGES and RANK[b] < RANK[a]
    return b in STAGES or RANK[b] < RANK[a]  # a tool: any stage, and the tools before it


def test_every_module_has_a_layer() -> None:
    missing = sorted(m for m in modules() if layer(m) is None)
    assert not missing, f"give these modules a layer in tests/test_architecture.py LAYERS: {missing}"


def test_no_import_circles() -> None:
    graph = import_graph()
    for src, dst in ALLOWED_CYCLE_EDGES:
        assert dst in graph[src], f"{src} no longer imports {dst}: drop it from ALLOWED_CYCLE_EDGES"
        graph[src] = graph[src] - {dst}
    found = cycles(graph)
    assert not found, "import circles: " + "; ".join(" <-> ".join(c) for c in found)


def test_imports_point_down_the_stages() -> None:
    wrong = sorted(f"{src} ({layer(src)}) imports {dst} ({layer(dst)})"
                   for src, deps in import_graph().items() for dst in deps if not allowed(src, dst))
    assert not wrong, "imports against the stage order:\n" + "\n".join(wrong)


def test_the_checks_catch_a_circle_and_an_upward_import() -> None:
    assert cycles({"kg.a": {"kg.b"}, "kg.b": {"kg.c"}, "kg.c": {"kg.a"}, "kg.d": {"kg.a"}}) == [["kg.a", "kg.b", "kg.c"]]
    assert not allowed("kg.rdf", "kg.store.local") and allowed("kg.store.local", "kg.rdf")
    assert not allowed("kg.nlp", "kg.eval.ner") and allowed("kg.eval.ner", "kg.nlp")
    assert not allowed("kg.pipeline", "kg.eval.relations") and allowed("kg.train.card", "kg.eval.ner")
    assert not allowed("kg.graph", "kg.cli") and allowed("kg.cli", "kg.graph")


def test_no_module_over_500_lines() -> None:
    long = {name: n for name, path in modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > 500}
    assert not long, f"split these modules (500 lines at most): {long}"


def test_the_build_fingerprint_covers_every_module_extraction_runs():
    """A module the extractor imports but the fingerprint leaves out (a split that made a new top-level module)
    would let a changed extractor keep articles built by the old one as up to date (kg.fingerprint)."""
    from kg.fingerprint import MODULES

    graph = import_graph()
    seen, todo = set(), ["kg.extract", "kg.nlp", "kg.rdf"]
    while todo:
        m = todo.pop()
        if m not in seen:
            seen.add(m)
            todo.extend(graph.get(m, ()))
    covered = {f"kg.{m}" for m in MODULES}
    # these decide nothing about the output: pickles of what the ontology builds (keyed by their own sources),
    # the walk over input folders and its size limits (what they change shows in the text's hash), the fingerprint itself
    inert = {"kg", "kg.cache", "kg.walk", "kg.budget", "kg.fingerprint"}
    left = sorted(m for m in seen - inert if not any(m == c or m.startswith(c + ".") for c in covered))
    assert "kg.unitize" in seen and len(seen) > 50
    assert not left, f"add these to kg.fingerprint.MODULES: {left}"
