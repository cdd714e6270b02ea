"""Two real ``kg build`` processes on one store: the second is refused with one clear line and exit
code 3 while the first goes on undisturbed and leaves the same graph as a build that ran alone.
(A build killed part-way is tests/test_crash.py.)"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.store import LOCK_NAME, open_store

pytestmark = pytest.mark.slow  # whole file: see tests/conftest.py


def kg_build(seeds: Path, store: Path) -> list[str]:
    return [sys.executable, "-m", "kg.cli", "build", str(seeds), "--store", str(store), "--batch-size", "1",
            "--no-progress", "-q"]


def test_a_second_build_on_the_same_store_is_refused_and_the_first_finishes(
        tmp_path: Path, seeds_dir: Path, seeds_store: Path) -> None:
    store = tmp_path / "store"
    first = subprocess.Popen(kg_build(seeds_dir, store), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lock = store / LOCK_NAME
        deadline = time.monotonic() + 120
        # the writer lock is taken before Stanza loads, and the lock file names its holder
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)):
            assert first.poll() is None, "the first build ended early: " + first.communicate()[1]
            assert time.monotonic() < deadline, "the first build never took the store's lock"
            time.sleep(0.05)

        second = subprocess.run(kg_build(seeds_dir, store), capture_output=True, text=True, timeout=300)
        assert second.returncode == 3, second.stderr
        assert second.stderr.startswith("Error: store is locked") and second.stderr.count("\n") == 1, second.stderr
        assert f"(pid {first.pid})" in second.stderr and str(store) in second.stderr
        assert second.stdout == ""

        out, err = first.communicate(timeout=900)
    finally:
        if first.poll() is None:
            first.kill()
            first.wait()
    assert first.returncode == 0, err
    assert "5 files (5 new)" in out
    with open_store(store, read_only=True) as built, open_store(seeds_store, read_only=True) as alone:
        assert built.nquads() == alone.nquads()
        assert built.validate().conforms

    third = subprocess.run(kg_build(seeds_dir, store), capture_output=True, text=True, timeout=300)
    assert third.returncode == 0 and "5 files (5 unchanged)" in third.stdout, third.stderr
