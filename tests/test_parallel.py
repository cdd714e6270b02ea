"""kg.parallel: worker processes and a real Dask LocalCluster give the same graph as one process."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import iter_paths, read_article
from kg.parallel import ParallelError, map_extract
from kg.rdf import article_quads, nquads
from kg.store import open_store

pytestmark = [pytest.mark.slow, pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def _graph(extractions) -> str:
    return nquads(q for ex in extractions for q in article_quads(ex))


@pytest.fixture(scope="module")
def three_seeds(seeds_dir: Path) -> list:
    """Three seed articles (kept small: every worker loads its own Stanza pipeline)."""
    return [read_article(p) for p in list(iter_paths([seeds_dir]))[:3]]


@pytest.fixture
def folder(tmp_path: Path, seeds_dir: Path, three_seeds) -> Path:
    """The three articles as files in a folder of their own, for builds."""
    out = tmp_path / "in"
    out.mkdir()
    for a in three_seeds:
        (out / a.name).write_bytes((seeds_dir / a.name).read_bytes())
    return out


@pytest.fixture(scope="module")
def serial_graph(seeds_extractions, three_seeds) -> str:
    """The graph of the three articles extracted in this process (the shared session extraction)."""
    names = {a.name for a in three_seeds}
    return _graph(ex for ex in seeds_extractions if ex.doc.article.name in names)


def test_dask_local_cluster_gives_the_same_graph(three_seeds, serial_graph, folder: Path,
                                                 tmp_path: Path) -> None:
    from distributed import LocalCluster

    from kg.pipeline import build

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                      host="127.0.0.1") as cluster:
        assert len(cluster.workers) == 2
        got = list(map_extract(three_seeds, dask=cluster.scheduler_address, batch_size=1))
        # kg build --dask: the workers mint the graphs, this process writes them
        report = build([folder], tmp_path / "store", dask=cluster.scheduler_address, batch_size=1, progress=False)
    assert [ex.doc.article.name for ex in got] == [a.name for a in three_seeds]
    assert _graph(got) == serial_graph
    assert report.articles == 3 and report.workers == 0 and "on a Dask cluster" in report.summary()
    with open_store(tmp_path / "store", read_only=True) as store:  # + the build's record of each file's path
        assert _minted(store.nquads()) == serial_graph


def _minted(nquads: str) -> str:
    """A built store's N-Quads without what the build adds to the minted graphs (each file's path)."""
    return "".join(ln + "\n" for ln in nquads.splitlines() if "#sourcePath>" not in ln)


def test_worker_processes_mint_the_same_graphs(three_seeds, serial_graph, tmp_path: Path) -> None:
    got = list(map_extract(three_seeds, workers=2, batch_size=1, mint=True))
    assert [g.doc_id for g in got] == [a.doc_id for a in three_seeds]
    with open_store(tmp_path / "store") as store:
        for g in got:
            store.replace_article(g.iri, g.ntriples)
        assert store.nquads() == serial_graph


def test_build_with_workers_writes_the_same_store(tmp_path: Path, folder: Path, serial_graph) -> None:
    from kg.pipeline import build

    report = build([folder], tmp_path / "store", workers=2, batch_size=1, progress=False)
    assert report.articles == 3 and not report.failed
    assert report.relations.total() > 0
    with open_store(tmp_path / "store", read_only=True) as store:
        assert _minted(store.nquads()) == serial_graph


def test_unreachable_dask_scheduler_is_a_clear_error(three_seeds) -> None:
    with pytest.raises(ParallelError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        list(map_extract(three_seeds, dask="tcp://127.0.0.1:9", connect_timeout=2))


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="workers"):
        list(map_extract([], workers=0))
    with pytest.raises(ValueError, match="batch_size"):
        list(map_extract([], batch_size=0))


def test_auto_workers_follow_cores_memory_and_the_work() -> None:
    import os

    import psutil

    from kg.pipeline import ARTICLES_PER_WORKER, WORKER_MEMORY, auto_workers

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert auto_workers(0) == auto_workers(ARTICLES_PER_WORKER - 1) == 1  # small jobs: no start-up cost
    ceiling = max(1, min(cores, psutil.virtual_memory().available // WORKER_MEMORY))
    assert auto_workers(10**6) == ceiling
    assert auto_workers(2 * ARTICLES_PER_WORKER) == min(2, ceiling)


def test_cli_workers_option_takes_a_number_or_auto(tmp_path: Path, seeds_dir: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    bad = CliRunner().invoke(cli, ["build", str(seeds_dir), "--store", str(tmp_path / "s"), "--workers", "two"])
    assert bad.exit_code == 2 and "'two' is not a number of workers or 'auto'" in bad.output
    zero = CliRunner().invoke(cli, ["build", str(seeds_dir), "--store", str(tmp_path / "s"), "--workers", "0"])
    assert zero.exit_code == 2 and "at least 1" in zero.output
    ok = CliRunner().invoke(cli, ["build", str(seeds_dir), "--store", str(tmp_path / "s"), "-q", "--no-progress"])
    assert ok.exit_code == 0, ok.output
    assert "extraction in this process" in ok.output  # 5 articles: auto chooses this process
