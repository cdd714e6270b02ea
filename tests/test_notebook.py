"""notebooks/explore.ipynb runs end to end on the store built from seeds/ (nbclient, a real
kernel); any cell error fails the test. The executed copy is kept under build/ to look at."""

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
def executed(seeds_store: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), \
        "commit the notebook without outputs"
    old = os.environ.get("KG_STORE")
    os.environ["KG_STORE"] = str(seeds_store)  # the kernel inherits the environment
    try:
        NotebookClient(nb, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    finally:
        if old is None:
            os.environ.pop("KG_STORE", None)
        else:
            os.environ["KG_STORE"] = old
    EXECUTED.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, EXECUTED)
    return nb


def test_notebook_runs_and_shows_tables_measures_chart_and_graph(executed: nbformat.NotebookNode) -> None:
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
    assert central.split("<tbody>", 1)[1].index("North Korea") < central.split("<tbody>", 1)[1].index("</tr>")
    chains = next(texts(c) for c in code if "supply_chains(G)" in c.source)
    assert "North Korea → artillery ammunition → Russia" in chains
    # a matplotlib chart
    assert any("image/png" in o.get("data", {}) for c in code for o in c.get("outputs", []))
    # the pyvis page inline, self-contained
    frames = [o["data"]["text/html"] for c in code for o in c.get("outputs", [])
              if "text/html" in o.get("data", {}) and "<iframe srcdoc=" in o["data"]["text/html"]]
    assert len(frames) == 2
    assert "kg-data" in frames[0] and "vis-network" in frames[0]
    assert "https://cdn" not in frames[0]
    assert (ROOT / "build" / "notebook-graph.html").is_file()
