"""Run a command as a child process and measure its wall time and peak memory (whole process tree).

Each measured build runs in its own process so one measurement's memory never leaks into the next,
and worker processes (``--workers``, Dask) are counted with their parent.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import psutil


@dataclass
class Measured:
    seconds: float
    peak_rss: int  # bytes, sum over the process tree at the worst moment
    peak_rss_main: int  # bytes, the top process alone
    returncode: int
    output: str
    #: CPU seconds (user + system) of the whole process tree, each process as last sampled: on cores
    #: shared with other work, steadier than wall time (a process's last < ``interval`` s is missed)
    cpu_seconds: float = 0.0


def _tree_rss(proc: psutil.Process, cpu: dict[int, float] | None = None) -> tuple[int, int]:
    """RSS of ``proc`` and its descendants, and of ``proc`` alone; their CPU seconds go into ``cpu`` by pid."""
    try:
        main = proc.memory_info().rss
    except psutil.Error:
        return 0, 0
    total = main
    try:
        children = proc.children(recursive=True)
    except psutil.Error:
        children = []
    for child in children:
        with contextlib.suppress(psutil.Error):
            total += child.memory_info().rss
    if cpu is not None:
        for p in (proc, *children):
            with contextlib.suppress(psutil.Error):
                t = p.cpu_times()
                cpu[p.pid] = t.user + t.system
    return total, main


def run_measured(cmd: list[str], *, interval: float = 0.1, timeout: float | None = None,
                 env: dict[str, str] | None = None) -> Measured:
    """Run ``cmd``; sample the RSS of it and its descendants every ``interval`` seconds."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, **(env or {})})
    ps = psutil.Process(proc.pid)
    peak = [0, 0]
    cpu: dict[int, float] = {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            total, main = _tree_rss(ps, cpu)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], main)
            done.wait(interval)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, _ = proc.communicate()
    finally:
        done.set()
        sampler.join()
    return Measured(time.perf_counter() - t0, peak[0], peak[1], proc.returncode, out, sum(cpu.values()))


def python(*args: str) -> list[str]:
    """This interpreter running ``args`` (``python("-m", "kg.cli", "build", ...)``)."""
    return [sys.executable, *args]


def mib(n: int) -> float:
    return n / 2**20


def report(result: dict, path: Path | None) -> None:
    """Print a benchmark's figures as JSON, and write them to ``path`` too when one is given."""
    text = json.dumps(result, indent=2)
    if path:
        path.write_text(text, encoding="utf-8")
    print(text)
