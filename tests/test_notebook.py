"""notebooks/explore.ipynb runs end to end on the store built from seeds/ (nbclient, a real
kernel); any cell error fails the test. Its files go where KG_OUT says (here a temporary folder);
the executed copy is kept under build/ to look at."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from kg import ROOT

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
EXECUTED = ROOT / "build" / "test-notebook" / "explore.executed.ipynb"


def texts(cell: nbformat.NotebookNode) -> str:
    """Everything a cell printed or displayed as text or HTML."""
    out = []
    for o in cell.get("outputs", []):
        if o.output_type == "stream":
            out.append(o.text)
        elif "data" in o:
            out.extend(str(o["data"].get(k, "")) for k in ("text/plain", "text/html"))
    return "\n".join(out)


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("notebook-out")


@pytest.fixture(scope="module")
def executed(seeds_store: Path, out_dir: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        "commit the notebook without outputs"
    old = {k: os.environ.get(k) for k in ("KG_STORE", "KG_OUT")}
    os.environ["KG_STORE"] = str(seeds_store)  # the kernel inherits the environment
    os.environ["KG_OUT"] = str(out_dir)
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    EXECUTED.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, EXECUTED)
    return nb


def test_notebook_runs_and_shows_tables_measures_chart_and_graph(executed: nbformat.NotebookNode,
                                                                  out_dir: Path) -> None:
    code = [c for c in executed.cells if c.cell_type == "code"]
    assert all(o.output_type != "error" for c in code for o in c.get("outputs", []))
    everything = "\n".join(texts(c) for c in code)
    # the store it opened is the seeds build
    assert re.search(r"[\d,]+ quads in ", everything)
    # named queries → pandas tables
    by_source = {c.source.splitlines()[0]: c for c in code}
    accusations = texts(by_source['accusations = table("accusations")'])
    assert "<table" in accusations and "John Kirby" in accusations and "North Korea" in accusations
    assert "<table" in texts(by_source['supplies = table("supplies")'])
    # networkx measures
    assert "MultiDiGraph with" in everything
    central = next(texts(c) for c in code if c.source.startswith("actors = "))
    assert "betweenness" in central and "pagerank" in central
    # the type names of the entity table (State, Person), not the NER codes
    assert "State" in central and "Person" in central
    assert not re.search(r"<td>(GPE|PER|ORG|LOC)</td>", central)
    assert central.split("<tbody>", 1)[1].index("North Korea") < central.split("<tbody>", 1)[1].index("</tr>")
    chains = next(texts(c) for c in code if "supply_chains(G)" in c.source)
    assert "North Korea → artillery ammunition → Russia" in chains
    # charts: the accuser × accused matrix (Kirby's row, North Korea's column) and the timeline
    pngs = [c for c in code if any("image/png" in o.get("data", {}) for o in c.get("outputs", []))]
    assert len(pngs) >= 2
    matrix = texts(next(c for c in code if "right.imshow" in c.source))
    assert "John Kirby" in matrix and "North Korea" in matrix and "<table" in matrix
    timeline = texts(next(c for c in code if "notebook-timeline.png" in c.source))
    assert re.search(r"[1-9]\d* of \d+ claims come from dated articles", timeline)  # a seed article is dated
    for name in ("notebook-chart.png", "notebook-timeline.png", "notebook-graph.graphml", "notebook-graph.html",
                 "notebook-focus.html"):
        assert (out_dir / name).is_file(), name  # under KG_OUT, not the repository's build/
    assert "entities" in texts(next(c for c in code if "write_graphml(" in c.source))
    # the pyvis page inline, self-contained
    frames = [o["data"]["text/html"] for c in code for o in c.get("outputs", [])
              if "text/html" in o.get("data", {}) and "<iframe srcdoc=" in o["data"]["text/html"]]
    assert len(frames) == 2
    assert "kg-data" in frames[0] and "vis-network" in frames[0]
    assert "https://cdn" not in frames[0]

