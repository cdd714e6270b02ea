"""Shared fixtures. The seeds are built once per test session with the real pipeline (real Stanza
models, real extractor, real on-disk Oxigraph store); tests that only read it share it."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg import ROOT

SEEDS = ROOT / "seeds"

#: Tests that take more than a few seconds are marked ``slow``: whole files with ``pytestmark =
#: pytest.mark.slow`` (servers, browsers, worker processes, killed builds, fuzzing, the notebook,
#: Stanza), single tests with ``@pytest.mark.slow``, and, here, every test that asks for the real
#: seeds build. ``make test-fast`` (``pytest -m "not slow"``) runs the rest in about 10 s.
SLOW_FIXTURES = frozenset({"seeds_build", "seeds_store", "seeds_extractions"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five seed articles shipped in the repository."""
    return SEEDS


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory):
    """``(store path, BuildReport)`` of one real build of seeds/ into a fresh on-disk store."""
    from kg.pipeline import build

    store = tmp_path_factory.mktemp("seeds") / "store"
    report = build([SEEDS], store, progress=False)
    return store, report


@pytest.fixture(scope="session")
def seeds_store(seeds_build) -> Path:
    """Path of an on-disk store built from seeds/ (closed; open it with ``kg.store.open_store``,
    read-only unless the test restores what it changes)."""
    return seeds_build[0]


@pytest.fixture(scope="session")
def seeds_extractions() -> list:
    """``kg.pipeline.process`` over seeds/: one ``Extraction`` per seed article, in file order."""
    from kg.pipeline import process

    return list(process([SEEDS], progress=False))


@pytest.fixture(scope="module")
def mini_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store holding the hand-written fixture graph tests/data/mini_graph.trig and its merged
    graph, as `kg build` keeps it (closed again)."""
    import pyoxigraph

    folder = tmp_path_factory.mktemp("mini") / "store"
    store = pyoxigraph.Store(str(folder))
    store.load(path=str(Path(__file__).parent / "data" / "mini_graph.trig"), format=pyoxigraph.RdfFormat.TRIG)
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")  # the merged graph (kg.store.base)
    store.flush()
    del store
    return folder
